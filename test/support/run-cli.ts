// Runs the real CLI as a child process: src/cli/main.ts, bundled from the current source once
// per test run by test/support/cli-bundle.setup.ts.

import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** The CLI keeps a cache under XDG_CACHE_HOME: tests keep theirs apart from the user's. */
const CACHE_HOME = mkdtempSync(join(tmpdir(), 'readiness-test-cache-'));

export function runCli(
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): CliResult {
  const run = spawnSync(process.execPath, [inject('cliEntry'), ...args], {
    cwd: options.cwd ?? process.cwd(),
    env: { ...process.env, NO_COLOR: '1', XDG_CACHE_HOME: CACHE_HOME, ...options.env },
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}
