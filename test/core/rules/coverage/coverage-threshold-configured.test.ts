import { describe, expect, it } from 'vitest';
import { coverageThresholdConfigured } from '../../../../src/core/rules/coverage/coverage-threshold-configured.js';
import { judgeOne } from '../../../support/rule-harness.js';

const VITEST = `import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    coverage: {
      provider: 'v8',
      thresholds: { lines: 70 },
    },
  },
});
`;

describe('coverage.threshold-configured', () => {
  it('passes when the test run configures a threshold', async () => {
    const finding = await judgeOne(
      coverageThresholdConfigured,
      { 'vitest.config.ts': VITEST },
      'Test coverage thresholds',
    );
    expect(finding).toEqual({
      verdict: 'pass',
      message: 'coverage threshold configured: vitest lines 70% at vitest.config.ts:7',
      evidence: [{ path: 'vitest.config.ts', line: 7, excerpt: 'thresholds: { lines: 70 },' }],
    });
  });

  it('fails when the configured threshold is below the number in the item', async () => {
    const finding = await judgeOne(
      coverageThresholdConfigured,
      { 'vitest.config.ts': VITEST },
      'Coverage threshold of 80% enforced in CI',
    );
    expect(finding).toMatchObject({
      verdict: 'fail',
      message:
        'configured coverage threshold vitest lines 70% at vitest.config.ts:7 < 80% stated in the item',
    });
  });

  it('passes a pytest-cov gate in a workflow', async () => {
    const workflow =
      'on: push\njobs:\n  test:\n    steps:\n      - run: pytest --cov=app --cov-fail-under=85\n';
    const finding = await judgeOne(
      coverageThresholdConfigured,
      { '.github/workflows/ci.yml': workflow },
      'Minimum test coverage enforced: 80%',
    );
    expect(finding).toMatchObject({
      verdict: 'pass',
      evidence: [{ path: '.github/workflows/ci.yml', line: 5 }],
    });
  });

  it('fails when nothing configures a threshold, naming the files it read', async () => {
    const finding = await judgeOne(
      coverageThresholdConfigured,
      {
        'vitest.config.ts': "export default { test: { coverage: { provider: 'v8' } } };",
        'package.json': '{}',
      },
      'Test coverage thresholds',
    );
    expect(finding.verdict).toBe('fail');
    expect(finding.message).toMatch(
      /^no coverage threshold configured in package.json, vitest.config.ts \(looked for/,
    );
  });

  it('is unknown when coverage is gated by an external service', async () => {
    const finding = await judgeOne(
      coverageThresholdConfigured,
      { 'sonar-project.properties': 'sonar.projectKey=app\n' },
      'Test coverage thresholds',
    );
    expect(finding.verdict).toBe('unknown');
    expect(finding.message).toContain('sonar-project.properties');
  });

  it('is unknown when only thresholds for other metrics exist', async () => {
    const jest = 'module.exports = { coverageThreshold: { global: { branches: 90 } } };\n';
    const finding = await judgeOne(
      coverageThresholdConfigured,
      { 'jest.config.js': jest },
      'Line coverage threshold 80% enforced',
    );
    expect(finding.verdict).toBe('unknown');
  });
});
