// The base revision of a PR, read cheaply: the file list comes from git objects, and every
// file the change did not touch is read from the work tree (the same bytes, without a
// `git cat-file` round trip); only changed files come from git objects. Generated files that
// are not tracked (coverage reports) read the same on both sides, so one test run's
// coverage is compared with itself instead of showing as "fixed" on every PR.

import type { RepoReader } from '../core/repo.js';
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
    // Tracked paths whose work-tree content differs from the base commit (staged or not),
    // relative to `dir`, including files added or deleted since the base.
    const changed = splitNul(
      await git(dir, ['diff', '--name-only', '-z', '--relative', '--no-renames', base.revision]),
    );
    return new OverlayReader(base, workTree, new Set(changed));
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
