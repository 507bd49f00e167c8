// The base revision of a PR, read cheaply: the file list comes from git objects, and every
// file the change did not touch is read from the work tree (the same bytes, without a
// `git cat-file` round trip); only changed files come from git objects. Generated files that
// are not tracked (coverage reports) read the same on both sides, so one test run's
// coverage is compared with itself instead of showing as "fixed" on every PR.

import { createHash } from 'node:crypto';
import { lstatSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_FILE_BYTES, type RepoReader } from '../core/repo.js';
import { git, splitNul } from './git.js';

export class OverlayReader implements RepoReader {
  private constructor(
    private readonly base: RepoReader,
    private readonly workTree: RepoReader,
    private readonly changed: ReadonlySet<string>,
  ) {}

  get revision(): string {
    return this.base.revision;
  }

  /** @param dir the work tree; `base.revision` must be a commit SHA of its repository. */
  static async open(dir: string, base: RepoReader, workTree: RepoReader): Promise<OverlayReader> {
    // Paths whose work-tree bytes differ from the base commit's blob, or that exist on one side
    // only. Hashed here rather than asked of `git diff`/`diff-files`: to compare the work tree,
    // git runs the clean filters the repository's config names, which is running its code.
    const changed = new Set<string>();
    const baseBlobs = new Map<string, string>();
    for (const record of splitNul(await git(dir, ['ls-tree', '-r', '-z', base.revision]))) {
      const tab = record.indexOf('\t');
      const [, , blob] = record.slice(0, tab).split(' ');
      if (blob) baseBlobs.set(record.slice(tab + 1), blob);
    }
    for (const [path, blob] of baseBlobs) if (workTreeBlob(dir, path) !== blob) changed.add(path);
    for (const path of await workTree.listFiles()) if (!baseBlobs.has(path)) changed.add(path);
    return new OverlayReader(base, workTree, changed);
  }

  listFiles(): Promise<string[]> {
    return this.base.listFiles();
  }

  async readFile(path: string): Promise<string | null> {
    return this.changed.has(path) ? this.base.readFile(path) : this.workTree.readFile(path);
  }

  skipped() {
    return this.base.skipped();
  }

  /** Paths the change touched (for tests and diagnostics). */
  get changedPaths(): ReadonlySet<string> {
    return this.changed;
  }
}

/** Git's blob id of a regular work-tree file; null for anything else (then read from git objects). */
function workTreeBlob(dir: string, path: string): string | null {
  try {
    const stats = lstatSync(join(dir, path));
    if (!stats.isFile() || stats.size > MAX_FILE_BYTES) return null;
    const bytes = readFileSync(join(dir, path));
    return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
  } catch {
    return null;
  }
}
