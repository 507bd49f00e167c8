// The base revision of a PR, read cheaply: the file list comes from git objects, and every
// file the change did not touch is read from the work tree (the same bytes, without a
// `git cat-file` round trip); only changed files come from git objects. Generated files that
// are not tracked (coverage reports) read the same on both sides, so one test run's
// coverage is compared with itself instead of showing as "fixed" on every PR.

import { join } from 'node:path';
import type { RepoReader } from '../core/repo.js';
import { GitError, git, splitNul } from './git.js';
import { type GitIndex, lstatOf } from './git-index.js';
import { hashText } from './kept-result-file.js';
import type { WorkTreeReader } from './work-tree-reader.js';

export class OverlayReader implements RepoReader {
  /** Paths read that the base's tree does not hold (untracked reports), with a hash of what was read. */
  readonly outsideReads = new Map<string, string | null>();

  private constructor(
    private readonly dir: string,
    private readonly base: RepoReader,
    private readonly workTree: WorkTreeReader,
    private readonly staged: ReadonlySet<string>,
    private readonly index: GitIndex,
  ) {}

  get revision(): string {
    return this.base.revision;
  }

  /** @param dir the work tree; `base.revision` must be a commit SHA of its repository. */
  static async open(dir: string, base: RepoReader, workTree: WorkTreeReader): Promise<OverlayReader> {
    // Changed = differs between the base tree and the index (tree against index: git never
    // looks at the work tree, so no clean filter from the repository's config runs), plus files
    // the work tree changed since they were staged, told by size and mtime against the index.
    const [staged, index] = await Promise.all([
      git(dir, ['diff-index', '--cached', '--name-only', '-z', '--no-renames', '--relative', base.revision]),
      workTree.gitIndex(),
    ]);
    if (!index)
      throw new GitError(`${dir} is not a git work tree, so it has no base revision to compare with`);
    return new OverlayReader(dir, base, workTree, new Set(splitNul(staged)), index);
  }

  listFiles(): Promise<string[]> {
    return this.base.listFiles();
  }

  async readFile(path: string): Promise<string | null> {
    const text = await (this.isChanged(path) ? this.base.readFile(path) : this.workTree.readFile(path));
    if (this.base.contentId?.(path) === undefined) this.outsideReads.set(path, hashText(text));
    return text;
  }

  /** The base's blob id: the same name the work tree gives a file it holds unchanged. */
  contentId(path: string): string | undefined {
    return this.base.contentId?.(path);
  }

  skipped() {
    return this.base.skipped();
  }

  /**
   * Whether the base's copy of a path differs from the work tree's. Asked per read (each file is
   * read once per revision), so a PR check stats only the files it reads, reusing the stat the
   * work tree's own read took.
   */
  isChanged(path: string): boolean {
    return (
      this.staged.has(path) ||
      this.index.changedSinceStaged(path, this.workTree.statOf(path) ?? lstatOf(join(this.dir, path)))
    );
  }
}
