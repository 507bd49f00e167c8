// Runs the real CLI entry (TypeScript source through tsx) as a child process.

import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

const MAIN = resolve('src/cli/main.ts');
/** The CLI keeps a cache under XDG_CACHE_HOME: tests keep theirs apart from the user's. */
const CACHE_HOME = mkdtempSync(join(tmpdir(), 'readiness-test-cache-'));

export function runCli(
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): CliResult {
  const run = spawnSync(process.execPath, ['--import', 'tsx', MAIN, ...args], {
    cwd: options.cwd ?? process.cwd(),
    env: { ...process.env, NO_COLOR: '1', XDG_CACHE_HOME: CACHE_HOME, ...options.env },
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}
