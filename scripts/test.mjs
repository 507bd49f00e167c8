#!/usr/bin/env node
// `npm test`: runs the vitest suite and ends with one plain line, "N passed, N failed",
// which CI reads. Extra arguments go to vitest (e.g. `npm test -- test/core`).

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'readiness-vitest-'));
const results = join(dir, 'results.json');
const run = spawnSync(
  process.execPath,
  [
    'node_modules/vitest/vitest.mjs',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${results}`,
    ...process.argv.slice(2),
  ],
  { stdio: 'inherit' },
);

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
  failed = Math.max(failed, 1);
  console.error('vitest wrote no results; counting the run as failed');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
if (passed === 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || run.status !== 0 ? 1 : 0);
