#!/usr/bin/env node
// CI smoke test on real checklists: for each seed file, a temp git repo holding it as
// PRODUCTION_READINESS.md; `readiness check --format json` must report exactly one item per
// task-list marker outside code fences, and exit 0 or 1 (never 2, never a crash).

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const seeds = resolve(process.argv[2] ?? '../shared/seeds');
const cli = resolve('dist/cli.js');
let failures = 0;

function markerCount(text) {
  let inFence = false;
  let count = 0;
  for (const line of text.split(/\r\n|\r|\n/)) {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    else if (!inFence && /^\s*(>\s*)*([-*+]|\d+[.)])\s+\[[ xX]\](\s|$)/.test(line)) count++;
  }
  return count;
}

for (const name of readdirSync(seeds).sort()) {
  const text = readFileSync(join(seeds, name), 'utf8');
  const dir = mkdtempSync(join(tmpdir(), 'readiness-seed-'));
  try {
    writeFileSync(join(dir, 'PRODUCTION_READINESS.md'), text);
    execFileSync('git', ['init', '-q', dir]);
    execFileSync('git', ['-C', dir, 'add', '-A']);
    const run = spawnSync(process.execPath, [cli, 'check', dir, '--format', 'json'], {
      encoding: 'utf8',
      maxBuffer: 64 << 20,
    });
    if (run.status !== 0 && run.status !== 1) throw new Error(`exit ${run.status}: ${run.stderr}`);
    const report = JSON.parse(run.stdout);
    const items = report.checklists.reduce((sum, checklist) => sum + checklist.items.length, 0);
    const expected = markerCount(text);
    const statuses = Object.entries(report.summary)
      .filter(([key, value]) => key !== 'items' && value > 0)
      .map(([key, value]) => `${value} ${key}`)
      .join(', ');
    if (items !== expected) throw new Error(`${items} items reported, ${expected} task markers in the file`);
    console.log(`ok   ${name}: ${items} items (${statuses})`);
  } catch (error) {
    failures++;
    console.log(`FAIL ${name}: ${error.message}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
process.exit(failures ? 1 : 0);
