// Reads the checked-out work tree. In a git work tree only tracked files are listed (an
// ignored file is not evidence); reads still reach untracked files such as generated
// coverage reports. Never follows a symlink out of the repository.

import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, openSync, readdirSync, readSync, realpathSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { VENDORED_OR_GENERATED } from '../core/formats/folders.js';
import { looksBinary, MAX_FILE_BYTES, type RepoReader } from '../core/repo.js';
import { git, isGitWorkTree, splitNul } from './git.js';
import { type FileStat, GitIndex, lstatOf } from './git-index.js';
import { hashText } from './kept-result-file.js';

export class WorkTreeReader implements RepoReader {
  readonly revision = 'work tree';
  private readonly root: string;
  private readonly realRoot: string;
  private readonly skips = new Map<string, string>();
  private readonly folders = new Map<string, 'inside' | 'outside' | 'missing'>();
  /** Size and mtime of each regular file read, to compare with the index without a second stat. */
  private readonly stats = new Map<string, FileStat>();
  private index?: Promise<GitIndex | undefined>;
  private settledIndex?: GitIndex;
  /** contentId's answers once decided (null: the file is not provably the staged blob). */
  private readonly ids = new Map<string, string | null>();
  /** Files read that the index does not track (coverage reports), with a hash of what was read. */
  readonly untrackedReads = new Map<string, string | null>();

  /**
   * @param nameUnread let `contentId` name files not read yet, by an lstat against the index, so
   *   results kept between runs are found without reading the file (a kept cache is in use).
   */
  constructor(
    dir: string,
    private readonly nameUnread = false,
  ) {
    this.root = resolve(dir);
    this.realRoot = realpathSync(this.root);
  }

  async listFiles(): Promise<string[]> {
    if (await isGitWorkTree(this.root)) {
      // The index, when it was read for its blob ids, lists the same paths: no second listing.
      const index = await this.index?.catch(() => undefined);
      if (index?.complete) return [...index.entries.keys()].sort();
      // Paths relative to the folder asked for, even when it is a subfolder of the repository.
      const listed = splitNul(await git(this.root, ['ls-files', '-z', '--cached']));
      return [...new Set(listed)].sort();
    }
    const files: string[] = [];
    this.walk(this.root, files, 0);
    return files.sort();
  }

  /** Files git neither tracks nor ignores (a checklist just written and not yet added); [] outside git. */
  async untrackedFiles(): Promise<string[]> {
    if (!(await isGitWorkTree(this.root))) return [];
    return splitNul(await git(this.root, ['ls-files', '-z', '--others', '--exclude-standard'])).sort();
  }

  /**
   * The index of the git work tree this folder is in (paths relative to the folder); undefined
   * outside git. Loaded on request: only a check with a base needs it (see contentId).
   */
  gitIndex(): Promise<GitIndex | undefined> {
    this.index ??= (async () => {
      if (!(await isGitWorkTree(this.root))) return undefined;
      this.settledIndex = await GitIndex.read(this.root);
      return this.settledIndex;
    })();
    return this.index;
  }

  /**
   * The staged blob id of a file already read (or with `nameUnread`, any file) whose size and
   * mtime prove it unchanged since; undefined until `gitIndex()` has loaded.
   */
  contentId(path: string): string | undefined {
    const known = this.ids.get(path);
    if (known !== undefined) return known ?? undefined;
    const index = this.settledIndex;
    if (!index || (!this.stats.has(path) && !this.nameUnread)) return undefined;
    return this.decideId(index, path);
  }

  /** Decided once per file and remembered: every collector asks about every file it reads. */
  private decideId(index: GitIndex, path: string): string | undefined {
    // A file read is named by the stat taken as it was read: what was read is what is named.
    const read = this.stats.get(path);
    // A path the index lists is normalised and inside the work tree: no need to resolve it.
    const listed = index.entries.has(path);
    let id: string | undefined;
    if (read) id = index.blobIfUnchanged(path, read);
    else if (listed && index.knowsWorkTree) id = index.blobIfGitSaysUnchanged(path);
    else if (listed || isInside(resolve(this.root, path), this.root))
      id = index.blobIfUnchanged(path, lstatOf(listed ? `${this.root}${sep}${path}` : join(this.root, path)));
    this.ids.set(path, id ?? null);
    return id;
  }

  /** Size and mtime of a regular file as it was read (not through a symlink); undefined if not read. */
  statOf(path: string): FileStat | undefined {
    return this.stats.get(path);
  }

  async readFile(path: string): Promise<string | null> {
    const text = this.readNow(path);
    if (this.settledIndex && !this.settledIndex.entries.has(path))
      this.untrackedReads.set(path, hashText(text));
    return text;
  }

  /**
   * A name for the whole tracked content when every tracked file is a regular file provably as
   * staged (git found it unchanged, or for a file read, its size and mtime as read): a hash of
   * the paths and blob ids. Undefined otherwise, or before `gitIndex()` has loaded.
   */
  stagedContent(): string | undefined {
    const index = this.settledIndex;
    if (!index) return undefined;
    const named: string[] = [];
    for (const [path, entry] of index.entries) {
      if (!entry.plain) return undefined;
      const known = this.ids.get(path);
      const id = known !== undefined ? known : this.decideId(index, path);
      if (!id) return undefined;
      named.push(path, id);
    }
    return createHash('sha256').update(named.join('\0')).digest('hex');
  }

  private readNow(path: string): string | null {
    const absolute = resolve(this.root, path);
    if (!isInside(absolute, this.root)) return this.skip(path, 'path leaves the repository');
    const folder = this.folderInside(dirname(absolute));
    if (folder === 'missing') return null;
    if (folder === 'outside')
      return this.skip(path, 'inside a symlinked folder pointing outside the repository');
    // O_NOFOLLOW: one open instead of lstat + open, and a symlink can never be read by accident.
    let fd: number;
    try {
      fd = openSync(absolute, constants.O_RDONLY | constants.O_NOFOLLOW);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ELOOP') return this.readSymlink(path, absolute);
      if (code === 'ENOENT' || code === 'ENOTDIR') return null;
      return this.skip(path, `unreadable: ${code ?? (error as Error).message}`);
    }
    return this.readOpen(path, fd, true);
  }

  private readSymlink(path: string, absolute: string): string | null {
    let target: string;
    try {
      target = realpathSync(absolute);
    } catch {
      return this.skip(path, 'broken or looping symlink');
    }
    if (!isInside(target, this.realRoot)) return this.skip(path, 'symlink pointing outside the repository');
    try {
      return this.readOpen(path, openSync(target, constants.O_RDONLY));
    } catch (error) {
      return this.skip(
        path,
        `unreadable: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      );
    }
  }

  /** @param direct opened without following a symlink, so its stat is the index's to compare. */
  private readOpen(path: string, fd: number, direct = false): string | null {
    try {
      const stats = fstatSync(fd);
      if (!stats.isFile()) return null;
      if (direct) this.stats.set(path, { mtimeMs: stats.mtimeMs, size: stats.size });
      if (stats.size > MAX_FILE_BYTES)
        return this.skip(path, `larger than ${MAX_FILE_BYTES} bytes (${stats.size})`);
      const bytes = Buffer.allocUnsafe(stats.size);
      let filled = 0;
      while (filled < bytes.length) {
        const read = readSync(fd, bytes, filled, bytes.length - filled, null);
        if (read === 0) break;
        filled += read;
      }
      const content = bytes.subarray(0, filled);
      if (looksBinary(content)) return this.skip(path, 'binary file');
      return content.toString('utf8');
    } catch (error) {
      return this.skip(
        path,
        `unreadable: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      );
    } finally {
      closeSync(fd);
    }
  }

  /** Whether a folder resolves inside the repository (a symlinked folder may lead anywhere); cached. */
  private folderInside(folder: string): 'inside' | 'outside' | 'missing' {
    let verdict = this.folders.get(folder);
    if (!verdict) {
      try {
        verdict = isInside(realpathSync(folder), this.realRoot) ? 'inside' : 'outside';
      } catch {
        verdict = 'missing';
      }
      this.folders.set(folder, verdict);
    }
    return verdict;
  }

  /** By path: the same list whether a file was read now or its results came from a kept cache. */
  skipped() {
    return [...this.skips]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([path, reason]) => ({ path, reason }));
  }

  skipReason(path: string): string | undefined {
    return this.skips.get(path);
  }

  noteSkipped(path: string, reason: string): void {
    if (!this.skips.has(path)) this.skips.set(path, reason);
  }

  private skip(path: string, reason: string): null {
    this.skips.set(path, reason);
    return null;
  }

  private walk(dir: string, out: string[], depth: number): void {
    if (depth > 64) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const absolute = join(dir, entry.name);
      const path = relative(this.root, absolute).split(sep).join('/');
      if (entry.isDirectory()) {
        if (!VENDORED_OR_GENERATED.test(`${path}/`) && entry.name !== '.git')
          this.walk(absolute, out, depth + 1);
      } else if (entry.isFile() || entry.isSymbolicLink()) out.push(path);
    }
  }
}

function isInside(path: string, root: string): boolean {
  return path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);
}
