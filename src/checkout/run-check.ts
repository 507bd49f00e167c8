// The CLI's and the Action's ports for checkChange (src/core/check-change.ts): the work tree as
// the head, optionally a base ref read from git objects, the config from the base, a kept cache.

import { realpathSync } from 'node:fs';
import packageJson from '../../package.json' with { type: 'json' };
import { BlobCacheFile } from '../adapters/blob-cache-file.js';
import { git } from '../adapters/git.js';
import { GitObjectReader } from '../adapters/git-object-reader.js';
import { KeptResultFile } from '../adapters/kept-result-file.js';
import { OverlayReader } from '../adapters/overlay-reader.js';
import { WorkTreeReader } from '../adapters/work-tree-reader.js';
import { CONFIG_PATHS } from '../config/config-paths.js';
import { checkChange } from '../core/check-change.js';
import type { Config } from '../core/config.js';
import { DEFAULT_CONFIG } from '../core/config-defaults.js';
import type { RevisionResult } from '../core/engine.js';
import { NoChecklistError } from '../core/errors.js';
import { FileMemo } from '../core/memo.js';
import type { RepoReader } from '../core/repo.js';
import type { ChecklistResult, GateMode, Report } from '../core/types.js';

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
    // Read only when a revision must be evaluated: a reused result needs no per-file results.
    const keptKey = kept ? [kept.key, JSON.stringify(options.checklists ?? null)] : [];
    // A work tree whose every tracked file is as staged is named by its blob ids: when it was
    // checked before with the same build, config and globs, the result is reused unevaluated.
    const headContent = kept ? head.stagedContent() : undefined;
    const keptHead =
      kept && options.cache && headContent
        ? new KeptResultFile<RevisionResult>(kept.headFile(), headContent, keptKey, options.cache.warn)
        : undefined;
    // The overlay costs a `git diff-index`: opened only to evaluate the base or to read again
    // what a kept base result read outside its tree.
    let overlay: Promise<OverlayReader> | undefined;
    const baseReader = () => {
      overlay ??= OverlayReader.open(options.dir, base as GitObjectReader, head);
      return overlay;
    };
    // A base checked before with the same build and config is not evaluated again.
    const keptBase =
      base && kept && options.cache
        ? new KeptResultFile<ChecklistResult[]>(
            kept.baseFile(base.revision),
            base.revision,
            keptKey,
            options.cache.warn,
          )
        : undefined;
    const outcome = await checkChange({
      head,
      // Built once the head is evaluated: it reads unchanged files through the work tree.
      ...(base ? { base: baseReader } : {}),
      config,
      mode: options.mode,
      ...(options.checklists ? { checklistGlobs: options.checklists } : {}),
      ...(memo ? { memo } : {}),
      notes,
      kept: {
        head: async () => keptHead?.load((path) => head.readFile(path)),
        base: async (headResult) => {
          const checklists = await keptBase?.load(async (path) => (await baseReader()).readFile(path));
          if (!checklists || !base) return undefined;
          // The report takes only the base's checklists (and sha) to compare with the head.
          const revision = base.revision;
          return { ...headResult, revision, checklists, skipped: [], notes: [], sha: revision };
        },
        beforeEvaluating: () => {
          if (kept && memo) kept.loadInto(memo);
        },
      },
    });
    if (outcome.kind === 'no-checklist') {
      // Loaded for this message only: its glob matcher is not needed on the way to a report.
      const { describeNoChecklist, discoverChecklists } = await import('../core/discover.js');
      const untracked = discoverChecklists(await head.untrackedFiles(), {
        globs: outcome.head.discovery.globs,
      });
      throw new NoChecklistError(
        describeNoChecklist(outcome.head.discovery, untracked, outcome.head.skipped),
      );
    }
    if (keptHead && !outcome.reused.head) {
      keptHead.save(outcome.head, head.untrackedReads);
      // A clean checkout of a commit is also that commit's result as a PR base, later: after a
      // push, the new commit is what the next pull requests compare with.
      await keepAsBase(options, kept as BlobCacheFile, outcome.head.checklists, head.untrackedReads);
    }
    if (outcome.base && !outcome.reused.base && overlay)
      keptBase?.save(outcome.base.checklists, (await overlay).outsideReads);
    if (kept && (keptBase || keptHead)) kept.pruneBaseFiles();
    if (kept && memo) kept.save(memo);
    return outcome.report;
  } finally {
    base?.close();
  }
}

/**
 * Keeps a full check's checklists as the base result of the commit the work tree is, when the
 * index holds exactly that commit's tree (`git diff-index --cached`: the index against the tree,
 * never the work tree, whose files were already proven as staged). A PR check against that commit
 * then reuses them, as it would a base it evaluated itself: same key, same re-read of untracked files.
 */
async function keepAsBase(
  options: CheckOptions,
  kept: BlobCacheFile,
  checklists: ChecklistResult[],
  untrackedReads: ReadonlyMap<string, string | null>,
): Promise<void> {
  if (!options.cache) return;
  let sha: string;
  try {
    sha = (await git(options.dir, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'])).toString().trim();
    await git(options.dir, ['diff-index', '--cached', '--quiet', sha, '--']);
  } catch {
    return; // no commit yet, or the index differs from it (git exits 1)
  }
  new KeptResultFile<ChecklistResult[]>(
    kept.baseFile(sha),
    sha,
    [kept.key, JSON.stringify(options.checklists ?? null)],
    options.cache.warn,
  ).save(checklists, untrackedReads);
}

async function chooseConfig(
  explicit: string | undefined,
  head: RepoReader,
  base: RepoReader | undefined,
): Promise<{ config: Config; notes: string[] }> {
  if (explicit) return { config: (await configParser()).configFromFile(explicit), notes: [] };
  if (!base) return { config: await configOf(head), notes: [] };
  const fromBase = await configOf(base);
  const fromHead = await configOf(head);
  const changed = JSON.stringify(fromBase) !== JSON.stringify(fromHead);
  return {
    config: fromBase,
    notes: changed
      ? ['This change edits .github/readiness.yml; the base branch config applies until it is merged.']
      : [],
  };
}

/**
 * A revision's config. The parser (yaml and zod, a third of the CLI's code) is loaded only when
 * the revision has a config file; the files read to find out are not read again.
 */
async function configOf(reader: RepoReader): Promise<Config> {
  // In the parser's order, and no further than it reads: the first file that exists applies.
  const reads = new Map<string, string | null>();
  for (const path of CONFIG_PATHS) {
    const text = await reader.readFile(path);
    reads.set(path, text);
    if (text !== null) break;
  }
  if ([...reads.values()].every((text) => text === null)) return DEFAULT_CONFIG;
  const readFile = async (path: string) =>
    reads.has(path) ? (reads.get(path) ?? null) : reader.readFile(path);
  return (await (await configParser()).loadConfig({ revision: reader.revision, readFile })).config;
}

const configParser = () => import('../config/load-config.js');
