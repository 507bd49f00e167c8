// What git's index says about each tracked file: its blob id, and the size and mtime git saw
// when it staged it. A work-tree file whose size and mtime still match holds exactly that blob,
// which lets a check tell unchanged files without reading them. For files not read, git itself
// says which differ (`git diff-files`: one lstat per file in C, and a content comparison for
// entries staged in the same second as they were written). Git would run a clean filter for
// those, so it is not asked when the repository's own config names one (see changedInWorkTree).

import { lstatSync, readFileSync } from 'node:fs';
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
    const [where, changed] = await Promise.all([
      git(dir, ['rev-parse', '--show-object-format', '--show-prefix', '--git-path', 'index']).catch(
        () => undefined, // git before 2.28: listed by git below
      ),
      changedInWorkTree(dir),
    ]);
    // "sha1", the folder's path in the repository ("" at the top, else ending in "/"), the index.
    const [format = '', prefix = '', location = ''] = where?.toString('utf8').split('\n') ?? [];
    let bytes: Buffer | undefined;
    let writtenMs = Number.NEGATIVE_INFINITY;
    if (location) {
      try {
        const path = isAbsolute(location) ? location : join(dir, location);
        // Read, then stat: a rewrite in between makes the stat newer, which only trusts less.
        bytes = readFileSync(path);
        writtenMs = lstatSync(path).mtimeMs;
      } catch {
        bytes = Buffer.alloc(0); // no index file (an empty repository): nothing is tracked
      }
    }
    const read = bytes && HASH_BYTES[format] ? parseIndexFile(bytes, prefix, HASH_BYTES[format]) : undefined;
    if (read) return new GitIndex(read, true, writtenMs, changed);
    // An index only git should interpret (split, sparse, another version): git lists it.
    const [listing, indexPath] = await Promise.all([
      git(dir, ['ls-files', '--stage', '--debug', '-z']),
      location
        ? location
        : git(dir, ['rev-parse', '--git-path', 'index']).then((out) => out.toString('utf8').trim()),
    ]);
    if (!bytes) {
      try {
        writtenMs = lstatSync(isAbsolute(indexPath) ? indexPath : join(dir, indexPath)).mtimeMs;
      } catch {
        // No index file: nothing is listed either.
      }
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

const HASH_BYTES: Readonly<Record<string, number>> = { sha1: 20, sha256: 32 };

/**
 * The index file as git writes it (Documentation/gitformat-index.txt), versions 2 to 4: for each
 * entry its stat data, mode, blob id, flags and path; entries under `prefix`, relative to it, as
 * `git ls-files --stage` in that folder lists them. Undefined when the file holds anything not
 * understood here: another version, an extension git requires readers to know (a split or sparse
 * index), or a length that does not add up. Reading it costs a few milliseconds where
 * `git ls-files --stage --debug` writes and Node parses 200 bytes of text per file.
 */
export function parseIndexFile(
  bytes: Buffer,
  prefix: string,
  hashBytes: number,
): Map<string, IndexEntry> | undefined {
  const entries = new Map<string, IndexEntry>();
  if (bytes.length === 0) return entries;
  const end = bytes.length - hashBytes; // the file ends with its checksum
  // Decoded once and cut per entry, with plain arithmetic: 20k calls into the Buffer API each
  // (toString, readUInt32BE, subarray) cost more than the rest of the parse.
  const latin1 = bytes.toString('latin1');
  const hex = bytes.toString('hex');
  const u32 = (at: number) =>
    (((bytes[at] as number) << 24) |
      ((bytes[at + 1] as number) << 16) |
      ((bytes[at + 2] as number) << 8) |
      (bytes[at + 3] as number)) >>>
    0;
  if (end < 12 || !latin1.startsWith('DIRC')) return undefined;
  const version = u32(4);
  if (version < 2 || version > 4) return undefined;
  const count = u32(8);
  const fixed = 40 + hashBytes + 2; // ctime, mtime, dev, ino, mode, uid, gid, size; id; flags
  let at = 12;
  let previous: Buffer = Buffer.alloc(0); // version 4 names each path by what it shares with the last
  for (let index = 0; index < count; index++) {
    if (at + fixed > end) return undefined;
    const flags = ((bytes[at + fixed - 2] as number) << 8) | (bytes[at + fixed - 1] as number);
    const extended = version >= 3 && (flags & 0x4000) !== 0;
    const nameAt = at + fixed + (extended ? 2 : 0);
    let path: string;
    let next: number;
    if (version === 4) {
      let cursor = nameAt;
      let byte = bytes[cursor++] ?? 0;
      let strip = byte & 127;
      while (byte & 128) {
        byte = bytes[cursor++] ?? 0;
        strip = ((strip + 1) << 7) | (byte & 127);
      }
      const nul = bytes.indexOf(0, cursor);
      if (nul < 0 || nul >= end || strip > previous.length) return undefined;
      previous = Buffer.concat([previous.subarray(0, previous.length - strip), bytes.subarray(cursor, nul)]);
      path = previous.toString('utf8');
      next = nul + 1;
    } else {
      const length = flags & 0xfff;
      const nul = length < 0xfff ? nameAt + length : bytes.indexOf(0, nameAt);
      if (nul < 0 || nul >= end || bytes[nul] !== 0) return undefined;
      // UTF-8; most paths are ASCII, which Latin-1 reads the same.
      let ascii = true;
      for (let byte = nameAt; byte < nul && ascii; byte++) ascii = (bytes[byte] as number) < 0x80;
      path = ascii ? latin1.slice(nameAt, nul) : bytes.toString('utf8', nameAt, nul);
      // Padded with 1 to 8 NULs to a multiple of 8 bytes.
      next = at + ((nul - at + 8) & ~7);
    }
    if (path.startsWith(prefix)) {
      const relative = path.slice(prefix.length);
      const mode = u32(at + 24);
      // A path in a merge conflict is listed once per stage; none of them is the work tree's.
      const conflicted = entries.has(relative) || (flags & 0x3000) !== 0;
      entries.set(relative, {
        blob: hex.slice(2 * (at + 40), 2 * (at + 40 + hashBytes)),
        plain: (mode === 0o100644 || mode === 0o100755) && !conflicted,
        // The same arithmetic as Node's Stats#mtimeMs (and as parseEntries), so equal times give equal doubles.
        mtimeMs: u32(at + 8) * 1e3 + u32(at + 12) / 1e6,
        size: u32(at + 36),
      });
    }
    at = next;
  }
  // Extensions: a 4-byte name and a size. Optional ones (an upper-case first letter: the cache
  // tree, the untracked cache) are skipped; any other changes what the entries mean.
  while (at + 8 <= end) {
    const first = bytes[at] as number;
    if (first < 0x41 || first > 0x5a) return undefined;
    at += 8 + u32(at + 4);
  }
  return at === end ? entries : undefined;
}

/**
 * `git ls-files --stage --debug -z`: "<mode> <blob> <stage>\t<path>\0", then the lines
 * "ctime: s:ns", "mtime: s:ns", "dev: … ino: …", "uid: … gid: …", "size: n\tflags: x". Cut by
 * position (50k entries add up); a record that does not fit the shape ends the parse, and the
 * files after it simply have no id (and the listing is not complete).
 */
export function parseEntries(output: string): { entries: Map<string, IndexEntry>; complete: boolean } {
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
