// The base revision of a PR, read cheaply: the file list comes from git objects, and every
// file the change did not touch is read from the work tree (the same bytes, without a
// `git cat-file` round trip); only changed files come from git objects. Generated files that
// are not tracked (coverage reports) read the same on both sides, so one test run's
// coverage is compared with itself instead of showing as "fixed" on every PR.

import { lstatSync } from 'node:fs';
import { join } from 'node:path';
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
    // Changed = differs between the base tree and the index (tree against index: git never
    // looks at the work tree, so no clean filter from the repository's config runs), plus files
    // the work tree changed since they were staged, told by size and mtime against the index's
    // own stat data. Asking `git diff`/`diff-files` about the work tree could run those filters.
    const [staged, index] = await Promise.all([
      git(dir, ['diff-index', '--cached', '--name-only', '-z', '--no-renames', '--relative', base.revision]),
      git(dir, ['ls-files', '--debug', '-z']),
    ]);
    const changed = new Set(splitNul(staged));
    for (const entry of indexStats(index.toString('utf8'))) {
      if (!changed.has(entry.path) && !sameStat(join(dir, entry.path), entry)) changed.add(entry.path);
    }
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

interface IndexStat {
  path: string;
  mtimeNs: bigint;
  size: number;
}

/** `git ls-files --debug -z`: each path, then its ctime, mtime, dev/ino, uid/gid and size lines. */
function indexStats(output: string): IndexStat[] {
  const entries: IndexStat[] = [];
  const record =
    /([^\0]*)\0\s*ctime: \d+:\d+\n\s*mtime: (\d+):(\d+)\n[^\0]*?size: (\d+)\tflags: [0-9a-f]+\n/g;
  for (const match of output.matchAll(record)) {
    entries.push({
      path: match[1] as string,
      mtimeNs: BigInt(match[2] as string) * 1_000_000_000n + BigInt(match[3] as string),
      size: Number(match[4]),
    });
  }
  return entries;
}

function sameStat(path: string, entry: IndexStat): boolean {
  try {
    const stats = lstatSync(path, { bigint: true });
    return stats.mtimeNs === entry.mtimeNs && Number(stats.size) === entry.size;
  } catch {
    return false;
  }
}
