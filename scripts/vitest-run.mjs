// Runs vitest once and counts its results from vitest's JSON report: shared by `npm test`
// and `npm run test:hostile`, which each end with one plain "N passed, N failed" line.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** @returns {{ passed: number, failed: number, skipped: number, status: number | null, seconds: number }} */
export function runVitest(args, env = process.env) {
  const dir = mkdtempSync(join(tmpdir(), 'readiness-vitest-'));
  const results = join(dir, 'results.json');
  const started = performance.now();
  const run = spawnSync(
    process.execPath,
    [
      'node_modules/vitest/vitest.mjs',
      'run',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${results}`,
      ...args,
    ],
    { stdio: 'inherit', env },
  );
  const seconds = (performance.now() - started) / 1000;
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  try {
    const json = JSON.parse(readFileSync(results, 'utf8'));
    passed = json.numPassedTests;
    // A file that fails to load has no failing test of its own; count it once.
    const brokenFiles = json.testResults.filter(
      (file) => file.status === 'failed' && !file.assertionResults.some((test) => test.status === 'failed'),
    ).length;
    failed = json.numFailedTests + brokenFiles;
    skipped = json.numPendingTests + json.numTodoTests;
  } catch {
    failed = 1;
    console.error('vitest wrote no results; counting the run as failed');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (passed === 0 && failed === 0) failed = 1;
  if (run.status !== 0 && failed === 0) failed = 1;
  return { passed, failed, skipped, status: run.status, seconds };
}

export function summaryLine({ passed, failed, skipped }) {
  return `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`;
}
