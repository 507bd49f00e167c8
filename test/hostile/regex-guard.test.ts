// Catastrophic-regex guard. Every regular expression in src/core (literals read from the
// source, RegExp values reachable from exports, the secret patterns) meets long runs of the
// characters patterns repeat; then every rule's match(), every collector, the extractors and the
// secrets scanner meet 100 KB runs, past every length cap. All under a time bound.

import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/core/config.js';
import { type Collector, collectEvidence, createRepoView } from '../../src/core/evidence.js';
import { extractCommands } from '../../src/core/extract/commands.js';
import { extractEnvVars } from '../../src/core/extract/env-vars.js';
import { extractPaths } from '../../src/core/extract/paths.js';
import { extractRoutes } from '../../src/core/extract/routes.js';
import { parseChecklist } from '../../src/core/parse/parse-checklist.js';
import { RULES } from '../../src/core/rules/index.js';
import { scanFile } from '../../src/core/secrets/scanner.js';
import type { ChecklistItem } from '../../src/core/types.js';
import { MemoryRepo } from '../support/memory-repo.js';
import { report } from './support/figures.js';
import { exportedRegexes, type HarvestedRegex, regexLiterals } from './support/regex-harvest.js';

/** Characters and short units that regexes repeat (`\s*`, `[\w.-]+`, `\/+`, `.*`, `\d+`...). */
const UNITS = [
  'a',
  'A',
  '0',
  '/',
  '_',
  '-',
  '=',
  ' ',
  '\t',
  '`',
  '{',
  '[',
  '.',
  ':',
  '#',
  '*',
  '@',
  '$',
  '\\',
  '"',
  "'",
  '<',
  '(',
];
const PHRASES = [
  'a ',
  'a/',
  'a.',
  'a-',
  '${',
  '//',
  '0 ',
  '% ',
  'test ',
  'docker ',
  'npm run ',
  'make ',
  '/health',
  'http://',
];
/** A character no pattern expects at the end, so a match attempt fails and backtracks fully. */
const SPOILERS = ['', '\u0000!'];

function pump(unit: string, length: number, spoiler = ''): string {
  return unit.repeat(Math.ceil(length / unit.length)) + spoiler;
}

describe('every regular expression in src/core, on long runs of what it repeats', () => {
  it('each pattern finishes within 150 ms on 1,000-character runs (cubic or exponential would not)', async () => {
    const unique = new Map<string, HarvestedRegex>();
    for (const found of [...regexLiterals(), ...(await exportedRegexes())]) {
      unique.set(`${found.regex.source}/${found.regex.flags}`, found);
    }
    const slow: string[] = [];
    let inputs = 0;
    let maxMs = 0;
    for (const { origin, regex } of unique.values()) {
      const words = [...new Set(regex.source.match(/[A-Za-z]{2,}/g) ?? [])]
        .slice(0, 8)
        .map((word) => `${word} `);
      for (const unit of [...UNITS, ...PHRASES, ...words]) {
        for (const spoiler of SPOILERS) {
          const input = pump(unit, 1000, spoiler);
          const fresh = new RegExp(regex.source, regex.flags.replace('y', ''));
          const start = performance.now();
          if (fresh.global) for (const _ of input.matchAll(fresh));
          else fresh.test(input);
          const ms = performance.now() - start;
          inputs++;
          maxMs = Math.max(maxMs, ms);
          if (ms > 150) slow.push(`${origin} ${regex} on ${JSON.stringify(unit)}×1000: ${ms.toFixed(0)} ms`);
        }
      }
    }
    report({
      part: 'regex',
      fixture: `${unique.size} patterns × 1 KB runs`,
      inputs,
      crashes: 0,
      hangs: slow.length,
      maxMs,
    });
    expect(unique.size).toBeGreaterThan(300);
    expect(slow).toEqual([]);
  }, 120_000);
});

function hostileItem(text: string): ChecklistItem {
  return {
    id: 'hostile',
    line: 1,
    text,
    checked: true,
    section: [text],
    parents: [text],
    codeSpans: [text],
    links: [text],
    details: [text],
    detailCodeSpans: [text],
    detailLinks: [],
    annotations: { rules: [], manual: false, optional: false },
    signOff: false,
  };
}

describe('100 KB runs past every length cap', () => {
  const LENGTH = 100_000;
  const units = [...UNITS, ...PHRASES];

  it("every rule's match() stays under 2 s per item, item fields built directly (beyond the parser's line cap)", () => {
    const slow: string[] = [];
    let inputs = 0;
    let maxMs = 0;
    for (const unit of units) {
      const item = hostileItem(pump(unit, LENGTH, '!'));
      for (const rule of RULES) {
        const start = performance.now();
        rule.match(item);
        const ms = performance.now() - start;
        inputs++;
        maxMs = Math.max(maxMs, ms);
        if (ms > 2000) slow.push(`${rule.id} on ${JSON.stringify(unit)}×${LENGTH}: ${ms.toFixed(0)} ms`);
      }
    }
    report({
      part: 'regex',
      fixture: `${RULES.length} rules' match() × 100 KB runs`,
      inputs,
      crashes: 0,
      hangs: slow.length,
      maxMs,
    });
    expect(slow).toEqual([]);
  }, 120_000);

  it('a checklist line above the parser cap is cut, not parsed whole, and its item keeps line 1', () => {
    const start = performance.now();
    const parsed = parseChecklist(
      'READINESS.md',
      `- [x] ${pump('[', 500_000)}\n- [ ] ${pump('`', 500_000)}\n`,
    );
    expect(performance.now() - start).toBeLessThan(5000);
    expect(parsed.items.map((item) => item.line)).toEqual([1, 2]);
    expect(parsed.items[0]?.text.length).toBeLessThanOrEqual(20_000);
  });

  it('the item-text extractors stay linear on 100 KB runs', () => {
    let maxMs = 0;
    for (const unit of units) {
      const item = hostileItem(pump(unit, LENGTH, '!'));
      const start = performance.now();
      extractPaths(item);
      extractCommands(item);
      extractEnvVars(item);
      extractRoutes(item);
      const ms = performance.now() - start;
      maxMs = Math.max(maxMs, ms);
      expect(ms, `extractors on ${JSON.stringify(unit)}`).toBeLessThan(2000);
    }
    report({
      part: 'regex',
      fixture: 'extractors × 100 KB runs',
      inputs: units.length,
      crashes: 0,
      hangs: 0,
      maxMs,
    });
  });

  it('the secrets scanner stays linear on 100 KB single lines', () => {
    let maxMs = 0;
    const secretish = ['token=', 'AKIA', 'ghp_', 'sk-', 'eyJ', 'https://a:', 'password: ', '-----BEGIN '];
    for (const unit of [...units, ...secretish]) {
      for (const path of ['src/config.ts', '.env', 'k8s/secret.yaml']) {
        const start = performance.now();
        const scan = scanFile(path, pump(unit, LENGTH, '!'));
        const ms = performance.now() - start;
        maxMs = Math.max(maxMs, ms);
        expect(ms, `scanner on ${JSON.stringify(unit)} in ${path}`).toBeLessThan(2000);
        expect(scan.findings.every((finding) => finding.redacted.length < 100)).toBe(true);
      }
    }
    report({
      part: 'regex',
      fixture: 'secrets scanner × 100 KB lines',
      inputs: (units.length + secretish.length) * 3,
      crashes: 0,
      hangs: 0,
      maxMs,
    });
  });

  it('every collector reads evidence files made of 100 KB runs (one line, and 5,000-character lines) without throwing', async () => {
    const collectors = [
      ...new Map(RULES.flatMap((rule) => rule.needs).map((c) => [c.id, c])).values(),
    ] as Collector<unknown>[];
    const paths = [
      'Dockerfile',
      'docker-compose.yml',
      '.github/workflows/ci.yml',
      'package.json',
      'Makefile',
      'k8s/deployment.yaml',
      '.env.example',
      '.env',
      'src/server.ts',
      'app/main.py',
      'coverage/coverage-summary.json',
      'coverage/lcov.info',
      'coverage.xml',
      'jest.config.js',
      'mix.exs',
      'CODEOWNERS',
      '.github/dependabot.yml',
    ];
    const slow: string[] = [];
    let inputs = 0;
    let maxMs = 0;
    for (const unit of units) {
      for (const shape of ['line', 'lines'] as const) {
        const text =
          shape === 'line'
            ? pump(unit, LENGTH, '!')
            : Array.from({ length: 20 }, () => pump(unit, 5000, '!')).join('\n');
        const repo = await createRepoView(
          new MemoryRepo(Object.fromEntries(paths.map((path) => [path, text]))),
        );
        for (const collector of collectors) {
          const start = performance.now();
          await collectEvidence(collector, repo, DEFAULT_CONFIG);
          const ms = performance.now() - start;
          inputs++;
          maxMs = Math.max(maxMs, ms);
          if (ms > 3000)
            slow.push(`${collector.id} on ${JSON.stringify(unit)} (${shape}): ${ms.toFixed(0)} ms`);
        }
      }
    }
    report({
      part: 'regex',
      fixture: `${collectors.length} collectors × 100 KB runs`,
      inputs,
      crashes: 0,
      hangs: slow.length,
      maxMs,
    });
    expect(slow).toEqual([]);
  }, 150_000);
});
