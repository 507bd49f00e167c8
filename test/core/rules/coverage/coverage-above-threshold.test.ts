import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../../../src/core/config.js';
import { coverageAboveThreshold } from '../../../../src/core/rules/coverage/coverage-above-threshold.js';
import { itemFrom, judgeOne } from '../../../support/rule-harness.js';

// Hand-written in istanbul's json-summary shape (no coverage tool is installed here).
const summary = (covered: number, total: number) =>
  `{"total": {"lines":{"total":${total},"covered":${covered},"skipped":0,"pct":${(covered / total) * 100}},"branches":{"total":10,"covered":5,"skipped":0,"pct":50}}}\n`;

const LCOV = 'TN:\nSF:src/a.ts\nDA:1,1\nDA:2,0\nLF:2\nLH:1\nend_of_record\n';

describe('coverage.above-threshold', () => {
  it('reads the threshold in many phrasings', () => {
    const targets = (text: string) => coverageAboveThreshold.match(itemFrom(text));
    expect(targets('**Test Coverage**: > 70%')).toEqual([{ threshold: 70, strict: true }]);
    expect(targets('Code coverage at least 80 percent')).toEqual([{ threshold: 80, strict: false }]);
    expect(targets('80%+ line coverage')).toEqual([{ threshold: 80, strict: false, metric: 'lines' }]);
    expect(targets('>= 80% line coverage, 70% branch coverage')).toEqual([
      { threshold: 80, strict: false, metric: 'lines' },
      { threshold: 70, strict: false, metric: 'branches' },
    ]);
    expect(targets('Coverage thresholds met')).toEqual([{}]);
  });

  it('passes when the generated report reaches the number', async () => {
    const finding = await judgeOne(coverageAboveThreshold, { 'package.json': '{}' }, 'Test coverage > 70%', {
      untracked: { 'coverage/coverage-summary.json': summary(180, 200) },
    });
    expect(finding).toEqual({
      verdict: 'pass',
      message:
        'line coverage 90% (180/200) > 70% in coverage/coverage-summary.json (istanbul summary, generated; the only report found)',
      evidence: [{ path: 'coverage/coverage-summary.json', line: 1, excerpt: '180/200 covered' }],
    });
  });

  it('fails with both numbers when the report is below', async () => {
    const finding = await judgeOne(coverageAboveThreshold, {}, 'Coverage: 80% minimum', {
      untracked: { 'coverage/coverage-summary.json': summary(321, 500), 'coverage/lcov.info': LCOV },
    });
    expect(finding.verdict).toBe('fail');
    expect(finding.message).toBe(
      'line coverage 64.2% (321/500) < 80% in coverage/coverage-summary.json (istanbul summary, generated; preferred over 1 other report)',
    );
  });

  it('compares against the repository thresholds when the item names none', async () => {
    const finding = await judgeOne(
      coverageAboveThreshold,
      {
        'vitest.config.ts':
          'export default {\n  test: { coverage: { thresholds: { lines: 80, branches: 60 } } },\n};\n',
      },
      'Coverage thresholds met',
      { untracked: { 'coverage/coverage-summary.json': summary(85, 100) } },
    );
    expect(finding.verdict).toBe('fail');
    expect(finding.message).toContain(
      'branch coverage 50% (5/10) < 60% (vitest threshold at vitest.config.ts:2)',
    );
    expect(finding.evidence).toContainEqual({
      path: 'vitest.config.ts',
      line: 2,
      excerpt: 'test: { coverage: { thresholds: { lines: 80, branches: 60 } } },',
    });
  });

  it('uses coverage.threshold from the configuration when the item names no number', async () => {
    const config = { ...DEFAULT_CONFIG, coverage: { paths: ['out/lcov.info'], threshold: 50 } };
    const finding = await judgeOne(coverageAboveThreshold, {}, 'Coverage thresholds met', {
      untracked: { 'out/lcov.info': LCOV },
      config,
    });
    expect(finding).toMatchObject({ verdict: 'pass' });
    expect(finding.message).toContain(
      'line coverage 50% (1/2) ≥ 50% (coverage.threshold in .github/readiness.yml)',
    );
    expect(finding.message).toContain('configured in coverage.paths');
  });

  it('says how to provide a report when there is none', async () => {
    const finding = await judgeOne(coverageAboveThreshold, { 'src/index.ts': '' }, 'Test coverage > 70%');
    expect(finding.verdict).toBe('unknown');
    expect(finding.message).toContain('no coverage report found');
    expect(finding.message).toContain('set coverage.paths in .github/readiness.yml');
  });

  it('is unknown when the report lacks the metric the item names', async () => {
    const finding = await judgeOne(coverageAboveThreshold, {}, '70% branch coverage', {
      untracked: { 'coverage.out': 'mode: set\nexample.com/a/a.go:3.1,4.2 2 1\n' },
    });
    expect(finding).toMatchObject({
      verdict: 'unknown',
      message: expect.stringContaining('report has no branch coverage'),
    });
  });

  it('uses Go statement coverage for a line claim and says so', async () => {
    const finding = await judgeOne(coverageAboveThreshold, { 'go.mod': 'module a' }, 'Test coverage ≥ 60%', {
      untracked: {
        'coverage.out': 'mode: set\nexample.com/a/a.go:3.1,4.2 2 1\nexample.com/a/a.go:5.1,6.2 2 0\n',
      },
    });
    expect(finding).toMatchObject({ verdict: 'fail' });
    expect(finding.message).toMatch(
      /^statement coverage 50% \(2\/4\) < 60% in coverage.out \(Go cover profile/,
    );
  });

  it('warns that a committed report may be stale', async () => {
    const finding = await judgeOne(
      coverageAboveThreshold,
      { 'coverage.xml': '<coverage lines-valid="10" lines-covered="9" line-rate="0.9"></coverage>' },
      '90% test coverage',
    );
    expect(finding.verdict).toBe('pass');
    expect(finding.message).toContain('committed, may be stale');
  });

  it('prefers the report inside the checklist folder', async () => {
    const finding = await judgeOne(
      coverageAboveThreshold,
      { 'package.json': '{}', 'services/api/package.json': '{}' },
      'Test coverage > 70%',
      {
        checklistPath: 'services/api/READINESS.md',
        untracked: {
          'coverage/coverage-summary.json': summary(90, 100),
          'services/api/coverage/coverage-summary.json': summary(50, 100),
        },
      },
    );
    expect(finding.verdict).toBe('fail');
    expect(finding.evidence[0]?.path).toBe('services/api/coverage/coverage-summary.json');
  });
});
