// Fuzzing: arbitrary text, bytes and Markdown into discovery, parsing, every rule's match()
// and the whole engine over an in-memory revision. Never a throw, always a report, every
// item line inside its file, and time bounded per KB. Seeded so a failure replays.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/core/config.js';
import { discoverChecklists } from '../../src/core/discover.js';
import { evaluateRevision } from '../../src/core/engine.js';
import { parseChecklist } from '../../src/core/parse/parse-checklist.js';
import { buildReport } from '../../src/core/report.js';
import { RULES } from '../../src/core/rules/index.js';
import type { ParsedChecklist } from '../../src/core/types.js';
import { MemoryRepo } from '../support/memory-repo.js';
import { report, timed } from './support/figures.js';
import { markdownDocument, SEEDS_DIR, seedDocument, seedItemLines } from './support/markdown-arbitrary.js';

const SEED = 20_240_607;
/** Generous: a loaded 2-core machine, but a super-linear parser would blow through it. */
const MS_BUDGET = (source: string) => 250 + 40 * (source.length / 1024);

const lineCount = (source: string) => source.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/).length;

function expectLinesInside(parsed: ParsedChecklist, source: string): void {
  const lines = lineCount(source);
  for (const item of parsed.items) {
    expect(item.line, `item "${item.text.slice(0, 40)}" in a ${lines}-line file`).toBeGreaterThanOrEqual(1);
    expect(item.line).toBeLessThanOrEqual(lines);
  }
  expect(new Set(parsed.items.map((item) => item.id)).size).toBe(parsed.items.length);
}

/** parse + every rule's match, with the figures a fuzz run reports. */
function parseAndMatch(source: string, stats: { inputs: number; maxMs: number; crashes: number }): void {
  const start = performance.now();
  let parsed: ParsedChecklist;
  try {
    parsed = parseChecklist('READINESS.md', source);
    for (const item of parsed.items) for (const rule of RULES) rule.match(item);
  } catch (error) {
    stats.crashes++;
    throw error;
  }
  const ms = performance.now() - start;
  stats.inputs++;
  stats.maxMs = Math.max(stats.maxMs, ms);
  expect(ms, `${source.length} chars took ${ms.toFixed(0)} ms`).toBeLessThan(MS_BUDGET(source));
  expectLinesInside(parsed, source);
}

function fuzzParse(fixture: string, arbitrary: fc.Arbitrary<string>, numRuns: number): void {
  const stats = { inputs: 0, maxMs: 0, crashes: 0 };
  fc.assert(
    fc.property(arbitrary, (source) => parseAndMatch(source, stats)),
    { seed: SEED, numRuns },
  );
  report({
    part: 'fuzz',
    fixture,
    inputs: stats.inputs,
    crashes: stats.crashes,
    hangs: 0,
    maxMs: stats.maxMs,
  });
}

const seedLines = seedItemLines();

describe('parser and rule matching never throw and keep lines inside the file', () => {
  it('arbitrary unicode text', () =>
    fuzzParse('parse+match: unicode text', fc.string({ unit: 'grapheme', maxLength: 400 }), 300));

  it('arbitrary bytes decoded as UTF-8 (invalid sequences included)', () =>
    fuzzParse(
      'parse+match: raw bytes',
      fc.uint8Array({ maxLength: 600 }).map((bytes) => new TextDecoder().decode(bytes)),
      300,
    ));

  it('arbitrary checklist-shaped Markdown', () =>
    fuzzParse('parse+match: Markdown fragments', markdownDocument(), 400));

  it.skipIf(seedLines.length === 0)(`mutated task items from the seed checklists (${SEEDS_DIR})`, () => {
    fuzzParse(`parse+match: ${seedLines.length} seed items, mutated`, seedDocument(seedLines), 400);
  });

  it.runIf(seedLines.length === 0)('NOTE: seed checklists absent, seed mutation skipped', () => {
    console.warn(`hostile fuzz: ${SEEDS_DIR} not found; seed-item mutation was skipped`);
  });

  it('every seed item line unmutated parses to exactly one item at line 1', () => {
    for (const line of seedLines) {
      const parsed = parseChecklist('READINESS.md', line.trimStart());
      expect(parsed.items.map((item) => item.line)).toEqual([1]);
    }
  });
});

describe('discovery never throws on arbitrary paths and globs', () => {
  it('arbitrary file lists, with and without arbitrary globs', () => {
    let inputs = 0;
    const path = fc.oneof(
      fc.string({ maxLength: 60 }),
      fc
        .array(
          fc.constantFrom('docs', 'READINESS.md', 'node_modules', '..', '.', '', 'a b', '*', '**', '[x]'),
          {
            maxLength: 6,
          },
        )
        .map((parts) => parts.join('/')),
    );
    const glob = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.constantFrom('**/*.md', '{a,b', '[', '!(x', '***', '\\'),
    );
    fc.assert(
      fc.property(
        fc.array(path, { maxLength: 30 }),
        fc.option(fc.array(glob, { maxLength: 3 })),
        (files, globs) => {
          inputs++;
          let found: string[] = [];
          try {
            found = discoverChecklists(files, globs ? { globs } : {});
          } catch (error) {
            // A glob picomatch cannot compile is a config problem, not a crash of the run.
            expect(globs, `discovery threw without globs: ${(error as Error).message}`).not.toBeNull();
            return;
          }
          for (const file of found) expect(files).toContain(file);
        },
      ),
      { seed: SEED, numRuns: 400 },
    );
    report({ part: 'fuzz', fixture: 'discovery: paths and globs', inputs, crashes: 0, hangs: 0 });
  });
});

const evidenceText = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.json({ maxDepth: 4 }),
  fc
    .array(
      fc.constantFrom(
        'FROM node:20 AS build',
        'USER node',
        'HEALTHCHECK CMD curl -f http://localhost/health',
        'services:',
        '  web:',
        '    image: x',
        '    healthcheck: &a',
        '      test: [*a]',
        'on: [pull_request]',
        'jobs:',
        '  test:',
        '    runs-on: ubuntu-latest',
        '    steps:',
        '      - run: npm test',
        'apiVersion: apps/v1',
        'kind: Deployment',
        '---',
        'test:',
        '\tnpm test',
        'process.env.API_KEY',
        'app.get("/health", h)',
        '{"total":{"lines":{"pct":',
      ),
      { maxLength: 20 },
    )
    .map((lines) => lines.join('\n')),
);

const EVIDENCE_PATHS = [
  'Dockerfile',
  'docker-compose.yml',
  '.github/workflows/ci.yml',
  'package.json',
  'Makefile',
  'k8s/deployment.yaml',
  'coverage/coverage-summary.json',
  '.env',
  '.env.example',
  'src/server.ts',
  'jest.config.js',
  '.github/dependabot.yml',
  'CODEOWNERS',
  'mix.exs',
];

describe('the engine always returns a report over arbitrary revisions', () => {
  it('arbitrary checklist and evidence files (text and bytes)', async () => {
    let inputs = 0;
    let maxMs = 0;
    const content = fc.oneof(
      { weight: 4, arbitrary: evidenceText },
      { weight: 1, arbitrary: fc.uint8Array({ maxLength: 200 }) },
    );
    const checklist = seedLines.length
      ? fc.oneof(markdownDocument(25), seedDocument(seedLines))
      : markdownDocument(25);
    await fc.assert(
      fc.asyncProperty(
        checklist,
        fc.array(fc.tuple(fc.constantFrom(...EVIDENCE_PATHS), content), { maxLength: 8 }),
        async (md, evidence) => {
          const files: Record<string, string | Uint8Array> = Object.fromEntries(evidence);
          files['docs/PRODUCTION_READINESS.md'] = md;
          const { ms, value: head } = await timed(() =>
            evaluateRevision(new MemoryRepo(files), { config: DEFAULT_CONFIG }),
          );
          inputs++;
          maxMs = Math.max(maxMs, ms);
          const built = buildReport({ head, mode: 'pr', config: DEFAULT_CONFIG });
          expect(built.schemaVersion).toBe(1);
          expect(ms).toBeLessThan(2000 + MS_BUDGET(md));
          for (const result of built.checklists) {
            expectLinesInside(result as ParsedChecklist, md);
            for (const item of result.items) {
              for (const check of item.checks)
                expect(check.message, `rule ${check.rule} threw`).not.toMatch(/^rule failed on this item/);
            }
          }
        },
      ),
      { seed: SEED, numRuns: 300 },
    );
    report({
      part: 'fuzz',
      fixture: 'engine: checklist + evidence files',
      inputs,
      crashes: 0,
      hangs: 0,
      maxMs,
    });
  });
});
