import { describe, expect, it } from 'vitest';
import { ciTypecheck } from '../../../../src/core/rules/ci/ci-typecheck.js';
import { judgeOne } from '../../../support/rule-harness.js';

describe('ci.typecheck', () => {
  it('passes when `npm run typecheck` runs tsc in a pull_request workflow', async () => {
    const finding = await judgeOne(
      ciTypecheck,
      {
        'package.json': JSON.stringify({ scripts: { typecheck: 'tsc --noEmit' } }),
        '.github/workflows/ci.yml':
          'on: pull_request\njobs:\n  types:\n    steps:\n      - run: npm run typecheck\n',
      },
      'Type checking in CI',
    );
    expect(finding.verdict).toBe('pass');
    expect(finding.evidence[0]).toEqual({
      path: '.github/workflows/ci.yml',
      line: 5,
      excerpt: 'npm run typecheck',
    });
  });

  it('fails when CI runs only tests and lint', async () => {
    const finding = await judgeOne(
      ciTypecheck,
      {
        '.github/workflows/ci.yml':
          'on: pull_request\njobs:\n  ci:\n    steps:\n      - run: npx eslint .\n      - run: npx vitest run\n',
      },
      'TypeScript type-check runs on every PR',
    );
    expect(finding.verdict).toBe('fail');
    expect(finding.message).toBe('none of the 2 steps in 1 workflow in .github/workflows type-checks');
  });

  it('is unknown when a job calls a reusable workflow from another repository', async () => {
    const finding = await judgeOne(
      ciTypecheck,
      {
        '.github/workflows/ci.yml':
          'on: pull_request\njobs:\n  ci:\n    uses: acme/workflows/.github/workflows/node.yml@v1\n',
      },
      'Type checking in CI',
    );
    expect(finding.verdict).toBe('unknown');
    expect(finding.message).toContain('acme/workflows');
  });
});
