// Runs the real CLI entry (TypeScript source through tsx) as a child process.

import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

const MAIN = resolve('src/cli/main.ts');

export function runCli(
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): CliResult {
  const run = spawnSync(process.execPath, ['--import', 'tsx', MAIN, ...args], {
    cwd: options.cwd ?? process.cwd(),
    env: { ...process.env, NO_COLOR: '1', ...options.env },
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}
