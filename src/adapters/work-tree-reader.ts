// Reads the checked-out work tree. In a git work tree only tracked files are listed (an
// ignored file is not evidence); reads still reach untracked files such as generated
// coverage reports. Never follows a symlink out of the repository.

import { lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { isIgnoredPath } from '../core/discover.js';
import { looksBinary, MAX_FILE_BYTES, type RepoReader } from '../core/repo.js';
import { git, isGitWorkTree, splitNul } from './git.js';

export class WorkTreeReader implements RepoReader {
  readonly revision = 'work tree';
  private readonly root: string;
  private readonly realRoot: string;
  private readonly skips = new Map<string, string>();

  constructor(dir: string) {
    this.root = resolve(dir);
    this.realRoot = realpathSync(this.root);
  }

  async listFiles(): Promise<string[]> {
    if (await isGitWorkTree(this.root)) {
      // Paths relative to the folder asked for, even when it is a subfolder of the repository.
      const listed = splitNul(await git(this.root, ['ls-files', '-z', '--cached', '--exclude-standard']));
      return [...new Set(listed)].sort();
    }
    const files: string[] = [];
    this.walk(this.root, files, 0);
    return files.sort();
  }

  async readFile(path: string): Promise<string | null> {
    const absolute = resolve(this.root, path);
    if (!isInside(absolute, this.root)) return this.skip(path, 'path leaves the repository');
    let stats: ReturnType<typeof lstatSync>;
    try {
      stats = lstatSync(absolute);
    } catch {
      return null;
    }
    if (stats.isSymbolicLink()) {
      let target: string;
      try {
        target = realpathSync(absolute);
      } catch {
        return this.skip(path, 'broken or looping symlink');
      }
      if (!isInside(target, this.realRoot)) return this.skip(path, 'symlink pointing outside the repository');
      stats = statSync(target);
    }
    if (!stats.isFile()) return null;
    if (stats.size > MAX_FILE_BYTES)
      return this.skip(path, `larger than ${MAX_FILE_BYTES} bytes (${stats.size})`);
    let bytes: Buffer;
    try {
      bytes = readFileSync(absolute);
    } catch (error) {
      return this.skip(
        path,
        `unreadable: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      );
    }
    if (looksBinary(bytes)) return this.skip(path, 'binary file');
    return bytes.toString('utf8');
  }

  skipped() {
    return [...this.skips].map(([path, reason]) => ({ path, reason }));
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
        if (!isIgnoredPath(`${path}/`) && entry.name !== '.git') this.walk(absolute, out, depth + 1);
      } else if (entry.isFile() || entry.isSymbolicLink()) out.push(path);
    }
  }
}

function isInside(path: string, root: string): boolean {
  return path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);
}
