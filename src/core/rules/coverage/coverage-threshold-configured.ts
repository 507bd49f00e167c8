import { type CoverageThreshold, coverageConfig } from '../../collectors/coverage-config.js';
import { inScope } from '../../evidence.js';
import { claimText, type Rule } from '../../rule.js';
import type { EvidenceRef } from '../../types.js';
import {
  type CoverageTarget,
  coverageTargets,
  describeThreshold,
  formatPercent,
  speaksOfTestCoverage,
} from './coverage-evidence.js';

type Params = Partial<CoverageTarget>;

const ABOUT_THRESHOLD =
  /\b(thresholds?|enforc\w*|fail[\s_-]?under|gates?|gating|minimums?\s+(is\s+)?(set|configured|enforced))\b/i;
/** Reaching a threshold is coverage.above-threshold's question. */
const ABOUT_REACHING = /\b(met|meets?|reached|achieved|satisfied|passing|passed|exceeded)\b/i;
const SHOWN = 3;

export const coverageThresholdConfigured: Rule<Params> = {
  id: 'coverage.threshold-configured',
  title: 'A coverage threshold is configured for the test run',
  why: 'Without a configured threshold coverage can fall silently; with one, the test run fails when it drops.',
  fix:
    'Configure a threshold the test run enforces: coverage.thresholds in vitest.config, coverageThreshold in ' +
    'jest config, check-coverage in .nycrc/.c8rc, fail_under in .coveragerc/pyproject, or --cov-fail-under in CI.',
  recognises:
    'Items that say test coverage thresholds exist or are enforced ("Test coverage thresholds", "Coverage ' +
    'threshold of 80% enforced in CI"), comparing the number when the item names one.',
  needs: [coverageConfig],
  match(item) {
    const text = claimText(item);
    if (!speaksOfTestCoverage(text) || !ABOUT_THRESHOLD.test(text) || ABOUT_REACHING.test(text)) return [];
    const targets = coverageTargets(text);
    return targets.length ? targets : [{}];
  },
  bound: () => [{}],
  evaluate(params, ctx) {
    const collected = ctx.get(coverageConfig);
    const inside = collected.thresholds.filter((threshold) => inScope(threshold.path, ctx.scope));
    const thresholds = inside.length ? inside : collected.thresholds;
    const outside =
      !inside.length && ctx.scope !== '' ? ` (none inside ${ctx.scope}; using the repository's)` : '';
    if (!thresholds.length) {
      const external = collected.external.filter((path) => inScope(path, ctx.scope) || !path.includes('/'));
      if (external.length) {
        return {
          verdict: 'unknown',
          message: `no coverage threshold in the repository's test configuration; ${external.join(', ')} may gate coverage in an external service`,
          evidence: external.map((path) => ({ path })),
        };
      }
      const searched = collected.searched.filter((path) => inScope(path, ctx.scope));
      return {
        verdict: 'fail',
        message:
          `no coverage threshold configured in ${searched.length ? searched.slice(0, 5).join(', ') : 'any file'} ` +
          '(looked for vitest/jest/nyc/c8 thresholds, fail_under, --cov-fail-under, Codecov targets, JaCoCo minimums)',
        evidence: searched.length
          ? searched.slice(0, SHOWN).map((path) => ({ path }))
          : [{ path: ctx.scope || '.' }],
      };
    }
    if (params.threshold === undefined) {
      return {
        verdict: 'pass',
        message: `coverage threshold configured: ${thresholds.slice(0, SHOWN).map(describeThreshold).join('; ')}${outside}`,
        evidence: thresholds.slice(0, SHOWN).map(evidenceOf),
      };
    }
    const wanted = params.threshold;
    const relevant = thresholds.filter(
      (threshold) => !params.metric || threshold.metric === params.metric || threshold.metric === 'total',
    );
    const strongest = [...relevant].sort((a, b) => b.value - a.value)[0];
    if (!strongest) {
      return {
        verdict: 'unknown',
        message: `no ${params.metric} coverage threshold configured to compare with ${formatPercent(wanted)}; found ${thresholds.map(describeThreshold).join('; ')}`,
        evidence: thresholds.slice(0, SHOWN).map(evidenceOf),
      };
    }
    const ok = strongest.value >= wanted;
    return {
      verdict: ok ? 'pass' : 'fail',
      message: `configured coverage threshold ${describeThreshold(strongest)} ${ok ? '≥' : '<'} ${formatPercent(wanted)} stated in the item${outside}`,
      evidence: [evidenceOf(strongest)],
    };
  },
  examples: {
    match: [
      'Test coverage thresholds',
      'Coverage threshold of 80% enforced in CI',
      'Code coverage gate configured (--cov-fail-under=85%)',
      'Minimum test coverage enforced: 75%',
      'Coverage thresholds configured in vitest.config.ts',
    ],
    noMatch: [
      'Coverage thresholds met',
      '**Test Coverage**: > 70%',
      'Alert thresholds configured',
      'Rate limiting thresholds tuned',
      'Documentation coverage threshold set',
      'Performance budget thresholds',
    ],
    verdicts: [
      {
        files: {
          'vitest.config.ts':
            'import { defineConfig } from "vitest/config";\nexport default defineConfig({ test: { coverage: { thresholds: { lines: 80 } } } });\n',
        },
        item: 'Test coverage thresholds',
        verdict: 'pass',
      },
      {
        files: {
          'vitest.config.ts':
            'import { defineConfig } from "vitest/config";\nexport default defineConfig({ test: {} });\n',
        },
        item: 'Test coverage thresholds',
        verdict: 'fail',
      },
    ],
  },
};

function evidenceOf(threshold: CoverageThreshold): EvidenceRef {
  return { path: threshold.path, line: threshold.line, excerpt: threshold.excerpt };
}
