// What git's index says about each tracked file: its blob id, and the size and mtime git saw
// when it staged it. A work-tree file whose size and mtime still match holds exactly that blob,
// which lets a check tell unchanged files without reading them. For files not read, git itself
// says which differ (`git diff-files`: one lstat per file in C, and a content comparison for
// entries staged in the same second as they were written). Git would run a clean filter for
// those, so it is not asked when the repository's own config names one (see changedInWorkTree).

import { lstatSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { GitError, git, splitNul } from './git.js';

/** Size and mtime as Node reports them; `mtimeMs` is seconds × 1e3 + nanoseconds / 1e6. */
export interface FileStat {
  mtimeMs: number;
  size: number;
}

export interface IndexEntry extends FileStat {
  blob: string;
  /** Regular file (not a symlink or submodule) at stage 0 (not in a merge conflict). */
  plain: boolean;
}

/** Index reads started before they were asked for (see GitIndex.startEarly), by folder. */
const early = new Map<string, Promise<GitIndex>>();

export class GitIndex {
  private constructor(
    readonly entries: ReadonlyMap<string, IndexEntry>,
    /** Every record was understood: `entries` lists every tracked path (see parseEntries). */
    readonly complete: boolean,
    /** When the index was written: a file changed in the same instant may look unchanged. */
    private readonly writtenMs: number,
    /** Tracked paths git found changed in the work tree; undefined when git could not tell. */
    private readonly changedInWorkTree: ReadonlySet<string> | undefined,
  ) {}

  /**
   * Starts reading the index before the engine's code loads (git works while Node compiles);
   * the next `read` of the same folder takes the result.
   */
  static startEarly(dir: string): void {
    const pending = GitIndex.load(dir);
    pending.catch(() => undefined); // whoever reads it handles the failure
    early.set(dir, pending);
  }

  /** Paths are relative to `dir`, which may be a subfolder of the repository. */
  static read(dir: string): Promise<GitIndex> {
    const started = early.get(dir);
    if (!started) return GitIndex.load(dir);
    early.delete(dir);
    return started;
  }

  private static async load(dir: string): Promise<GitIndex> {
    const [listing, indexPath, changed] = await Promise.all([
      git(dir, ['ls-files', '--stage', '--debug', '-z']),
      git(dir, ['rev-parse', '--git-path', 'index']),
      changedInWorkTree(dir),
    ]);
    const location = indexPath.toString('utf8').trim();
    let writtenMs = Number.NEGATIVE_INFINITY;
    try {
      writtenMs = lstatSync(isAbsolute(location) ? location : join(dir, location)).mtimeMs;
    } catch {
      // No index file (an empty repository): nothing is listed either.
    }
    const { entries, complete } = parseEntries(listing.toString('utf8'));
    return new GitIndex(entries, complete, writtenMs, changed);
  }

  /**
   * The blob a work-tree file not read holds, when git found it unchanged; undefined when it
   * changed, is not a plain tracked file, or git could not tell (see `knowsWorkTree`).
   */
  blobIfGitSaysUnchanged(path: string): string | undefined {
    const entry = this.entries.get(path);
    if (!entry?.plain || !this.changedInWorkTree || this.changedInWorkTree.has(path)) return undefined;
    return entry.blob;
  }

  /** Whether `git diff-files` answered; otherwise each file's stat is compared here. */
  get knowsWorkTree(): boolean {
    return this.changedInWorkTree !== undefined;
  }

  /** The blob a work-tree file holds, if its stat proves it is the staged one; else undefined. */
  blobIfUnchanged(path: string, seen: FileStat | undefined): string | undefined {
    const entry = this.entries.get(path);
    if (!entry?.plain || !seen || !this.matches(entry, seen)) return undefined;
    return entry.blob;
  }

  /** Whether a tracked file may differ from what was staged (any doubt counts as changed). */
  changedSinceStaged(path: string, seen: FileStat | undefined): boolean {
    const entry = this.entries.get(path);
    return entry !== undefined && (!seen || !this.matches(entry, seen));
  }

  private matches(entry: IndexEntry, seen: FileStat): boolean {
    // Git's own "racy clean" rule: a file modified no earlier than the index was written may
    // have changed after git looked, with the same size and timestamp.
    return entry.mtimeMs < this.writtenMs && seen.mtimeMs === entry.mtimeMs && seen.size === entry.size;
  }
}

/**
 * Tracked paths whose work-tree file differs from the index, by `git diff-files`; undefined when
 * git could not say, or when the repository's own config (.git/config, which a copied checkout
 * brings along) names a filter driver: git would run its clean command on files staged in the
 * second they were written. Filters from the user's or the machine's config (git-lfs) are theirs.
 */
async function changedInWorkTree(dir: string): Promise<Set<string> | undefined> {
  try {
    const filters = await git(dir, [
      'config',
      '--local',
      '--includes',
      '--name-only',
      '--get-regexp',
      '^filter\\.',
    ]);
    if (filters.length > 0) return undefined;
  } catch (error) {
    // git config exits 1 when nothing matches; anything else leaves the question open.
    if (!(error instanceof GitError && error.exitCode === 1)) return undefined;
  }
  try {
    return new Set(splitNul(await git(dir, ['diff-files', '--name-only', '-z', '--relative'])));
  } catch {
    return undefined;
  }
}

/**
 * `git ls-files --stage --debug -z`: "<mode> <blob> <stage>\t<path>\0", then the lines
 * "ctime: s:ns", "mtime: s:ns", "dev: … ino: …", "uid: … gid: …", "size: n\tflags: x". Cut by
 * position (50k entries add up); a record that does not fit the shape ends the parse, and the
 * files after it simply have no id (and the listing is not complete).
 */
function parseEntries(output: string): { entries: Map<string, IndexEntry>; complete: boolean } {
  const entries = new Map<string, IndexEntry>();
  let at = 0;
  while (at < output.length) {
    const end = output.indexOf('\0', at);
    const tab = output.indexOf('\t', at);
    const modeEnd = output.indexOf(' ', at);
    const blobEnd = output.indexOf(' ', modeEnd + 1);
    const mtime = output.indexOf('mtime: ', end);
    const colon = output.indexOf(':', mtime + 7);
    const mtimeEnd = output.indexOf('\n', colon);
    const size = output.indexOf('size: ', mtimeEnd);
    const sizeEnd = output.indexOf('\t', size);
    const recordEnd = output.indexOf('\n', sizeEnd);
    if (end < 0 || !(modeEnd < blobEnd && blobEnd < tab && tab < end && end < mtime) || recordEnd < 0) break;
    const path = output.slice(tab + 1, end);
    const mode = output.slice(at, modeEnd);
    const stage = output.slice(blobEnd + 1, tab);
    // A path in a merge conflict is listed once per stage; none of them is the work tree's.
    const conflicted = entries.has(path) || stage !== '0';
    entries.set(path, {
      blob: output.slice(modeEnd + 1, blobEnd),
      plain: (mode === '100644' || mode === '100755') && !conflicted,
      // The same arithmetic as Node's Stats#mtimeMs, so equal times give equal doubles.
      mtimeMs: Number(output.slice(mtime + 7, colon)) * 1e3 + Number(output.slice(colon + 1, mtimeEnd)) / 1e6,
      size: Number(output.slice(size + 6, sizeEnd)),
    });
    at = recordEnd + 1;
  }
  return { entries, complete: at >= output.length };
}

export function lstatOf(path: string): FileStat | undefined {
  try {
    const stats = lstatSync(path);
    return { mtimeMs: stats.mtimeMs, size: stats.size };
  } catch {
    return undefined;
  }
}
