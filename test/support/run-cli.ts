// Runs the real CLI as a child process: src/cli/main.ts, bundled from the current source once
// per test run by test/support/cli-bundle.setup.ts.

import { spawnSync } from 'node:child_process';
import { inject } from 'vitest';

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): CliResult {
  const run = spawnSync(process.execPath, [inject('cliEntry'), ...args], {
    cwd: options.cwd ?? process.cwd(),
    env: { ...process.env, NO_COLOR: '1', ...options.env },
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}
