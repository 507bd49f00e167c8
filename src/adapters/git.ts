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

/** Commands started before they were asked for (see startEarly), by folder and arguments. */
const early = new Map<string, Promise<Buffer>>();
const keyOf = (dir: string, args: readonly string[]) => `${dir}\0${args.join('\0')}`;

/**
 * Starts read-only git commands a check is about to need, before the engine loads: a small
 * process forks faster than one holding the engine, and git works while the engine's code is
 * compiled. The next `git()` with the same folder and arguments takes the result.
 */
export function startEarly(dir: string, commands: readonly (readonly string[])[]): void {
  for (const args of commands) {
    const pending = run(dir, args);
    pending.catch(() => undefined); // whoever asks for it handles the failure
    early.set(keyOf(dir, args), pending);
  }
}

/** Runs git and returns stdout as a Buffer; rejects with git's own message on failure. */
export function git(dir: string, args: readonly string[]): Promise<Buffer> {
  const key = keyOf(dir, args);
  const started = early.get(key);
  if (started) {
    early.delete(key);
    return started;
  }
  return run(dir, args);
}

function run(dir: string, args: readonly string[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      gitArgs(dir, args),
      { env: gitEnv(), encoding: 'buffer', maxBuffer: 1024 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) {
          const message = stderr.toString().trim() || error.message;
          const code = typeof error.code === 'number' ? error.code : undefined;
          reject(new GitError(`git ${args.join(' ')} failed: ${message}`, code));
        } else resolve(stdout);
      },
    );
  });
}

export class GitError extends UserError {
  /** Git's exit status, when it ran and exited (`git config` says "no match" with 1). */
  constructor(
    message: string,
    readonly exitCode?: number,
  ) {
    super(message);
  }
}

const workTrees = new Map<string, Promise<boolean>>();

/** Whether a folder is inside a git work tree; asked once per folder. */
export function isGitWorkTree(dir: string): Promise<boolean> {
  let known = workTrees.get(dir);
  if (!known) {
    known = git(dir, ['rev-parse', '--is-inside-work-tree']).then(
      (out) => out.toString().trim() === 'true',
      () => false,
    );
    workTrees.set(dir, known);
  }
  return known;
}

export function splitNul(buffer: Buffer): string[] {
  return buffer.toString('utf8').split('\0').filter(Boolean);
}
