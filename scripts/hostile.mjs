#!/usr/bin/env node
// `npm run test:hostile`: the slow lane. Runs test/hostile and every *.slow.test.ts with vitest,
// then prints the table of what was thrown at the tool and what happened: inputs tried, faults
// injected, crashes, hangs, leaks, duplicate comments, canary writes, max time and peak memory per
// hostile fixture, and ends with one plain "N passed, N failed" line (CI adds it to npm test's).
// Each hostile test appends one JSON line of figures to READINESS_HOSTILE_FIGURES.

import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runVitest, summaryLine } from './vitest-run.mjs';

/** Covered by the Action and App suites rather than duplicated here (issue 7 items 5 and 6). */
const COVERED_ELSEWHERE = [
  ['github', '500, 502 and 503 then success; retries exhausted', 'test/github/client.test.ts'],
  [
    'github',
    '403 secondary rate limit with retry-after, 429, a wait longer than the time left',
    'test/github/client.test.ts',
  ],
  [
    'github',
    '422 on annotations: conclusion published without the refused batch, with a warning',
    'test/github/check-run.test.ts, test/action/action-e2e.test.ts',
  ],
  [
    'github',
    'connection reset before the answer or mid-body: retried; if it keeps failing, an error naming the request',
    'test/github/client.test.ts, test/action/action-e2e.test.ts, test/app/app-faults.test.ts',
  ],
  [
    'github',
    'comment created but every answer lost (reset mid-body): one comment, not one per retry',
    'test/github/sticky-comment.test.ts, test/action/action-e2e.test.ts, test/app/app-faults.test.ts',
  ],
  [
    'github',
    'slow API: per-request timeout and a total budget, bounded run time, error naming the request and the fix',
    'test/github/client.test.ts, test/action/action-e2e.slow.test.ts, test/app/app-faults.test.ts',
  ],
  [
    'github',
    '404 on a comment deleted between list and update (recreated), duplicates folded',
    'test/github/sticky-comment.test.ts',
  ],
  [
    'commands',
    'recheck from a non-collaborator, a read-only user, a bot, its own comments',
    'test/github/recheck.test.ts',
  ],
  ['commands', 'edited comments and comments on issues ignored', 'test/action/events.test.ts'],
  [
    'commands',
    'the command inside fenced or indented code or a quote is ignored',
    'test/github/recheck.test.ts',
  ],
  [
    'commands',
    '/readiness recheck 50 times in a minute: the App evaluates twice, every comment gets its reactions',
    'test/app/app.test.ts, test/app/serial-queue.test.ts',
  ],
];
/** Asked for by issue 7 and not yet tested anywhere. */
const NOT_COVERED = [
  // GitHub's own queueing; the README's workflow sets the group, nothing here can run it.
  "the Action under 50 rechecks a minute (coalesced by the job's concurrency: group, not by readiness)",
];

const dir = mkdtempSync(join(tmpdir(), 'readiness-hostile-'));
const figuresFile = join(dir, 'figures.jsonl');
const run = runVitest(process.argv.slice(2), {
  ...process.env,
  READINESS_TEST_LANE: 'slow',
  READINESS_HOSTILE_FIGURES: figuresFile,
});
const seconds = run.seconds;

const rows = existsSync(figuresFile)
  ? readFileSync(figuresFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line))
  : [];
rmSync(dir, { recursive: true, force: true });

const columns = [
  'part',
  'fixture',
  'inputs',
  'faults',
  'crashes',
  'hangs',
  'leaks',
  'dup comments',
  'canary writes',
  'max ms',
  'peak MB',
];
const cell = (value) => (value === undefined ? '–' : String(value));
const table = rows.map((row) => [
  row.part,
  row.fixture,
  cell(row.inputs),
  cell(row.faults),
  cell(row.crashes),
  cell(row.hangs),
  cell(row.leaks),
  cell(row.duplicateComments),
  cell(row.canaryWrites),
  row.maxMs === undefined ? '–' : row.maxMs.toFixed(0),
  row.peakKb === undefined ? '–' : (row.peakKb / 1024).toFixed(0),
]);
const sum = (key) => rows.reduce((total, row) => total + (row[key] ?? 0), 0);
table.push([
  'total',
  `${rows.length} fixtures`,
  String(sum('inputs')),
  String(sum('faults')),
  String(sum('crashes')),
  String(sum('hangs')),
  String(sum('leaks')),
  String(sum('duplicateComments')),
  String(sum('canaryWrites')),
  Math.max(0, ...rows.map((row) => row.maxMs ?? 0)).toFixed(0),
  (Math.max(0, ...rows.map((row) => row.peakKb ?? 0)) / 1024).toFixed(0),
]);
const widths = columns.map((title, index) =>
  Math.max(title.length, ...table.map((row) => row[index].length)),
);
const line = (cells) => `| ${cells.map((text, index) => text.padEnd(widths[index])).join(' | ')} |`;
console.log(`\nHostile suite (${seconds.toFixed(0)} s)\n`);
console.log(line(columns));
console.log(line(widths.map((width) => '-'.repeat(width))));
for (const row of table) console.log(line(row));
console.log('\nCovered by other suites:');
for (const [part, what, where] of COVERED_ELSEWHERE) console.log(`  ${part}: ${what} — ${where}`);
console.log('Not covered yet:');
for (const what of NOT_COVERED) console.log(`  ${what}`);

const harms = sum('crashes') + sum('hangs') + sum('leaks') + sum('duplicateComments') + sum('canaryWrites');
if (rows.length === 0) console.log('\nNo figures were recorded: the hostile tests did not run.');
// A harm the table shows, or no figures at all, fails the run even if every assertion passed.
const failed = run.failed + (harms > 0 || rows.length === 0 ? 1 : 0);
console.log(summaryLine({ ...run, failed }));
process.exit(failed > 0 ? 1 : 0);
