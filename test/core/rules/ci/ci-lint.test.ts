import { describe, expect, it } from 'vitest';
import { ciLint } from '../../../../src/core/rules/ci/ci-lint.js';
import { judgeOne } from '../../../support/rule-harness.js';

describe('ci.lint', () => {
  it('passes with a lint step on pull requests', async () => {
    const finding = await judgeOne(
      ciLint,
      {
        '.github/workflows/ci.yml': `on: [pull_request]
jobs:
  lint:
    steps:
      - uses: actions/checkout@v4
      - uses: golangci/golangci-lint-action@v6
`,
      },
      'Linting in CI',
    );
    expect(finding.verdict).toBe('pass');
    expect(finding.evidence).toEqual([
      { path: '.github/workflows/ci.yml', line: 6, excerpt: 'golangci/golangci-lint-action@v6' },
    ]);
  });

  it('fails when no workflow step lints', async () => {
    const finding = await judgeOne(
      ciLint,
      { '.github/workflows/ci.yml': 'on: push\njobs:\n  t:\n    steps:\n      - run: cargo test\n' },
      'Linting in CI',
    );
    expect(finding.verdict).toBe('fail');
    expect(finding.message).toContain('runs a linter');
  });

  it('is unknown when an npm script it cannot classify might lint', async () => {
    const finding = await judgeOne(
      ciLint,
      {
        'package.json': JSON.stringify({ scripts: { verify: 'node tools/verify.js' } }),
        '.github/workflows/ci.yml': 'on: push\njobs:\n  t:\n    steps:\n      - run: npm run verify\n',
      },
      'Linting in CI',
    );
    expect(finding.verdict).toBe('unknown');
  });
});
