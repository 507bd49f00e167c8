// Reads a revision straight from git objects: no checkout, no stash, nothing executed.
// One `git ls-tree` lists the tree with blob ids (not sizes: `-l` makes git open every blob),
// when the files are needed: a file read before that (the config) is looked up alone;
// one long-lived `git cat-file --batch` serves every blob, instead of one process per file,
// and its header gives the size of the blobs actually read.

import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { looksBinary, MAX_FILE_BYTES, type RepoReader } from '../core/repo.js';
import { GitError, git, gitArgs, gitEnv } from './git.js';

export class GitObjectReader implements RepoReader {
  private entries?: Map<string, string>;
  private readonly skips = new Map<string, string>();
  private batch?: CatFileBatch;
  /** Folders listed alone before the whole tree was (see lookUp). */
  private readonly folders = new Map<string, Promise<Buffer>>();

  private constructor(
    private readonly dir: string,
    readonly revision: string,
  ) {}

  /** Resolves `ref` to a commit in the repository containing `dir`; paths stay relative to `dir`. */
  static async open(dir: string, ref: string): Promise<GitObjectReader> {
    let sha: string;
    try {
      sha = (await git(dir, ['rev-parse', '--verify', '--end-of-options', `${ref}^{commit}`]))
        .toString()
        .trim();
    } catch (error) {
      if (/not a git repository/i.test((error as Error).message))
        throw new GitError(
          `--base ${ref}: ${dir} is not a git repository, so there is no revision to compare with. Run the check inside a clone, or leave out --base.`,
        );
      throw new GitError(
        `--base ${ref}: no such commit in ${dir}. Fetch it first (actions/checkout with fetch-depth: 0, or git fetch origin ${ref}).`,
      );
    }
    return new GitObjectReader(dir, sha);
  }

  async listFiles(): Promise<string[]> {
    return [...(await this.tree()).keys()].sort();
  }

  async readFile(path: string): Promise<string | null> {
    // Before the tree is listed (a check that reuses kept results reads only the config), one
    // path is looked up alone: listing 20k entries costs more than the rest of such a run.
    const blob = this.entries ? this.entries.get(path) : await this.lookUp(path);
    if (!blob) return null;
    this.batch ??= new CatFileBatch(this.dir);
    const bytes = await this.batch.read(blob);
    if (bytes === null) return this.skip(path, 'object missing from the repository');
    if (typeof bytes === 'number') return this.skip(path, `larger than ${MAX_FILE_BYTES} bytes (${bytes})`);
    if (looksBinary(bytes)) return this.skip(path, 'binary file');
    return bytes.toString('utf8');
  }

  /** The blob id from the listed tree (symlinks are not listed). */
  contentId(path: string): string | undefined {
    return this.entries?.get(path);
  }

  skipped() {
    return [...this.skips].map(([path, reason]) => ({ path, reason }));
  }

  skipReason(path: string): string | undefined {
    return this.skips.get(path);
  }

  /** A file known unreadable from kept results is reported as if read now. */
  noteSkipped(path: string, reason: string): void {
    if (!this.skips.has(path)) this.skips.set(path, reason);
  }

  close(): void {
    this.batch?.close();
  }

  private skip(path: string, reason: string): null {
    this.skips.set(path, reason);
    return null;
  }

  private async tree(): Promise<Map<string, string>> {
    if (this.entries) return this.entries;
    const out = await git(this.dir, ['ls-tree', '-r', '-z', this.revision]);
    const entries = new Map<string, string>();
    for (const record of out.toString('utf8').split('\0')) {
      const blob = this.blobOf(record);
      if (blob) entries.set(blob.path, blob.id);
    }
    this.entries = entries;
    return entries;
  }

  /**
   * The blob id of one path, from a listing of its folder alone (literally: no glob), kept for
   * the next file of that folder (the config is `.github/readiness.yml` or `.yaml`).
   */
  private async lookUp(path: string): Promise<string | undefined> {
    const slash = path.lastIndexOf('/');
    const folder = slash < 0 ? '' : path.slice(0, slash + 1);
    let listed = this.folders.get(folder);
    if (!listed) {
      listed = git(this.dir, [
        'ls-tree',
        '-z',
        this.revision,
        ...(folder ? ['--', `:(literal)${folder}`] : []),
      ]);
      this.folders.set(folder, listed);
    }
    for (const record of (await listed).toString('utf8').split('\0')) {
      // A symlink is recorded as skipped when the tree is listed, in the listing's order.
      const blob = this.blobOf(record, false);
      if (blob?.path === path) return blob.id;
    }
    return undefined;
  }

  /**
   * "<mode> SP <type> SP <object> TAB <path>", cut by position (50k records add up): the blob it
   * names, or undefined for a folder, a submodule or a symlink (recorded as skipped if `record`).
   */
  private blobOf(record: string, recordSkip = true): { path: string; id: string } | undefined {
    if (!record) return undefined;
    const tab = record.indexOf('\t');
    const afterMode = record.indexOf(' ');
    const afterType = record.indexOf(' ', afterMode + 1);
    const mode = record.slice(0, afterMode);
    const type = record.slice(afterMode + 1, afterType);
    const id = record.slice(afterType + 1, tab);
    const path = record.slice(tab + 1);
    if (type !== 'blob' || !id) return undefined;
    if (mode === '120000') {
      if (recordSkip) this.skip(path, 'symlink (not followed)');
      return undefined;
    }
    return { path, id };
  }
}

/**
 * A `git cat-file --batch` process answering blob reads in request order: the bytes, null when
 * the object is missing, or the size of a blob larger than MAX_FILE_BYTES (its bytes are dropped
 * as they stream past, never held).
 */
class CatFileBatch {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly waiting: {
    resolve: (bytes: Buffer | number | null) => void;
    reject: (error: Error) => void;
  }[] = [];
  private buffer: Buffer = Buffer.alloc(0);
  /** Bytes of a too-large blob (and its newline) still to drop from the stream. */
  private discard = 0;
  private failure?: Error;

  constructor(dir: string) {
    this.child = spawn('git', gitArgs(dir, ['cat-file', '--batch']), { env: gitEnv() });
    this.child.stdout.on('data', (data: Buffer) => {
      const dropped = Math.min(this.discard, data.length);
      this.discard -= dropped;
      const chunk = data.subarray(dropped);
      this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
      this.drain();
    });
    const fail = (error: Error) => {
      this.failure = error;
      for (const waiter of this.waiting.splice(0)) waiter.reject(error);
    };
    this.child.on('error', fail);
    this.child.on('exit', (code) => {
      if (this.waiting.length) fail(new GitError(`git cat-file exited early (code ${code})`));
    });
    this.child.stdin.on('error', fail);
  }

  read(blob: string): Promise<Buffer | number | null> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      this.child.stdin.write(`${blob}\n`);
    });
  }

  close(): void {
    this.child.stdin.end();
  }

  private drain(): void {
    while (this.waiting.length && this.discard === 0) {
      const newline = this.buffer.indexOf(10);
      if (newline < 0) return;
      const header = this.buffer.subarray(0, newline).toString();
      if (header.endsWith(' missing')) {
        this.buffer = this.buffer.subarray(newline + 1);
        this.waiting.shift()?.resolve(null);
        continue;
      }
      const size = Number(header.split(' ')[2]);
      if (size > MAX_FILE_BYTES) {
        const available = this.buffer.length - (newline + 1);
        const skip = size + 1;
        this.buffer = this.buffer.subarray(newline + 1 + Math.min(skip, available));
        this.discard = Math.max(0, skip - available);
        this.waiting.shift()?.resolve(size);
        continue;
      }
      const end = newline + 1 + size;
      if (this.buffer.length < end + 1) return;
      const content = Buffer.from(this.buffer.subarray(newline + 1, end));
      this.buffer = this.buffer.subarray(end + 1);
      this.waiting.shift()?.resolve(content);
    }
  }
}
