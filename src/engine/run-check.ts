// The CLI's and the Action's ports for checkChange (src/core/check-change.ts): the work tree as
// the head, optionally a base ref read from git objects, the config from the base, a kept cache.

import { realpathSync } from 'node:fs';
import packageJson from '../../package.json' with { type: 'json' };
import { BlobCacheFile } from '../adapters/blob-cache-file.js';
import { GitObjectReader } from '../adapters/git-object-reader.js';
import { OverlayReader } from '../adapters/overlay-reader.js';
import { WorkTreeReader } from '../adapters/work-tree-reader.js';
import { checkChange } from '../core/check-change.js';
import type { Config } from '../core/config.js';
import { describeNoChecklist, discoverChecklists } from '../core/discover.js';
import { NoChecklistError } from '../core/errors.js';
import { FileMemo } from '../core/memo.js';
import type { RepoReader } from '../core/repo.js';
import type { GateMode, Report } from '../core/types.js';
import { configFromFile, loadConfig } from './load-config.js';

export interface CheckOptions {
  /** The repository (or a folder of it) to check. */
  dir: string;
  /** A git ref or SHA to compare against, read from git objects. */
  base?: string;
  mode: GateMode;
  /** An explicit config file; otherwise `.github/readiness.yml` (from the base when there is one). */
  configPath?: string;
  /** Checklist globs that replace the configured ones. */
  checklists?: string[];
  /** Keep per-file results between runs in this folder (see BlobCacheFile). */
  cache?: { dir: string; warn: (message: string) => void };
}

export async function runCheck(options: CheckOptions): Promise<Report> {
  // With a kept cache, unread files are named by their staged blob ids (an lstat against the index).
  const head = new WorkTreeReader(options.dir, Boolean(options.cache));
  const base = options.base ? await GitObjectReader.open(options.dir, options.base) : undefined;
  // With a base or a cache, the head's files are named by their staged blob ids so the base (or
  // the next run) can reuse them; the index is listed while the base's tree is.
  const indexLoaded = base || options.cache ? head.gitIndex() : undefined;
  indexLoaded?.catch(() => undefined); // awaited below; a config error first must not leave it unhandled
  try {
    const { config, notes } = await chooseConfig(options.configPath, head, base);
    const index = await indexLoaded;
    // A memo kept between runs; without one, checkChange shares a fresh memo between head and base.
    const memo = options.cache ? new FileMemo(true) : undefined;
    const kept =
      options.cache && index && memo
        ? new BlobCacheFile(
            options.cache.dir,
            realpathSync(options.dir),
            [packageJson.version, JSON.stringify(config)],
            options.cache.warn,
          )
        : undefined;
    if (kept && memo) kept.loadInto(memo);
    const outcome = await checkChange({
      head,
      // Built once the head is evaluated: it reads unchanged files through the work tree.
      ...(base ? { base: () => OverlayReader.open(options.dir, base, head) } : {}),
      config,
      mode: options.mode,
      ...(options.checklists ? { checklistGlobs: options.checklists } : {}),
      ...(memo ? { memo } : {}),
      notes,
    });
    if (outcome.kind === 'no-checklist') {
      const untracked = discoverChecklists(await head.untrackedFiles(), {
        globs: outcome.head.discovery.globs,
      });
      throw new NoChecklistError(
        describeNoChecklist(outcome.head.discovery, untracked, outcome.head.skipped),
      );
    }
    if (kept && memo) kept.save(memo);
    return outcome.report;
  } finally {
    base?.close();
  }
}

async function chooseConfig(
  explicit: string | undefined,
  head: RepoReader,
  base: RepoReader | undefined,
): Promise<{ config: Config; notes: string[] }> {
  if (explicit) return { config: configFromFile(explicit), notes: [] };
  if (!base) return { config: (await loadConfig(head)).config, notes: [] };
  const fromBase = await loadConfig(base);
  const fromHead = await loadConfig(head);
  const changed = JSON.stringify(fromBase.config) !== JSON.stringify(fromHead.config);
  return {
    config: fromBase.config,
    notes: changed
      ? ['This change edits .github/readiness.yml; the base branch config applies until it is merged.']
      : [],
  };
}
