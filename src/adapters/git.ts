// Running git safely on a repository we do not trust: never a shell, never a hook, and
// no repository config that could run a program (fsmonitor, pager, external diff).

import { execFile } from 'node:child_process';
import { UserError } from '../core/errors.js';

const SAFE_CONFIG = ['-c', 'core.fsmonitor=false', '-c', 'core.hooksPath=/dev/null', '-c', 'core.pager=cat'];

export function gitEnv(): NodeJS.ProcessEnv {
  return { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C' };
}

export function gitArgs(dir: string, args: readonly string[]): string[] {
  return ['-C', dir, ...SAFE_CONFIG, ...args];
}

/** Runs git and returns stdout as a Buffer; rejects with git's own message on failure. */
export function git(dir: string, args: readonly string[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      gitArgs(dir, args),
      { env: gitEnv(), encoding: 'buffer', maxBuffer: 1024 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) {
          const message = stderr.toString().trim() || error.message;
          reject(new GitError(`git ${args.join(' ')} failed: ${message}`));
        } else resolve(stdout);
      },
    );
  });
}

export class GitError extends UserError {}

export async function isGitWorkTree(dir: string): Promise<boolean> {
  try {
    return (await git(dir, ['rev-parse', '--is-inside-work-tree'])).toString().trim() === 'true';
  } catch {
    return false;
  }
}

export function splitNul(buffer: Buffer): string[] {
  return buffer.toString('utf8').split('\0').filter(Boolean);
}
