import { describe, expect, it } from 'vitest';
import { ciTestsOnPr } from '../../../../src/core/rules/ci/ci-tests-on-pr.js';
import { judgeOne } from '../../../support/rule-harness.js';

const PR_WORKFLOW = `name: CI
on:
  pull_request:
  push:
    branches: [main]
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: npm ci
      - run: npm test
`;

const PUSH_MAIN_ONLY = `on:
  push:
    branches: [main]
jobs:
  test:
    steps:
      - run: pytest -q
`;

describe('ci.tests-on-pr', () => {
  it('passes when a pull_request workflow runs the tests, pointing at the step', async () => {
    const finding = await judgeOne(
      ciTestsOnPr,
      { '.github/workflows/ci.yml': PR_WORKFLOW },
      'Tests run on every pull request',
    );
    expect(finding.verdict).toBe('pass');
    expect(finding.evidence[0]).toEqual({ path: '.github/workflows/ci.yml', line: 12, excerpt: 'npm test' });
    expect(finding.message).toContain('on pull_request');
  });

  it('follows `npm run ci` into package.json to find the test runner', async () => {
    const finding = await judgeOne(
      ciTestsOnPr,
      {
        'package.json': JSON.stringify({ scripts: { ci: 'vitest run --coverage' } }),
        '.github/workflows/ci.yml': 'on: [pull_request]\njobs:\n  ci:\n    steps:\n      - run: npm run ci\n',
      },
      'CI/CD test workflows',
    );
    expect(finding.verdict).toBe('pass');
  });

  it('fails when tests only run on push to main and the item promises pull requests', async () => {
    const finding = await judgeOne(
      ciTestsOnPr,
      { '.github/workflows/ci.yml': PUSH_MAIN_ONLY },
      'Tests run on every pull request',
    );
    expect(finding.verdict).toBe('fail');
    expect(finding.message).toContain('only on push to main');
    expect(finding.evidence).toContainEqual({
      path: '.github/workflows/ci.yml',
      line: 7,
      excerpt: 'pytest -q',
    });
  });

  it('passes a general CI claim on push to main', async () => {
    const finding = await judgeOne(
      ciTestsOnPr,
      { '.github/workflows/ci.yml': PUSH_MAIN_ONLY },
      'Automated testing in CI',
    );
    expect(finding.verdict).toBe('pass');
  });

  it('fails when workflows exist but none runs tests', async () => {
    const finding = await judgeOne(
      ciTestsOnPr,
      {
        '.github/workflows/lint.yml':
          'on: pull_request\njobs:\n  lint:\n    steps:\n      - run: npx eslint .\n',
      },
      'Automated testing in CI',
    );
    expect(finding.verdict).toBe('fail');
    expect(finding.message).toBe('none of the 1 steps in 1 workflow in .github/workflows runs tests');
    expect(finding.evidence).toEqual([{ path: '.github/workflows/lint.yml' }]);
  });

  it('fails when the repository has no CI at all, saying where it looked', async () => {
    const finding = await judgeOne(ciTestsOnPr, { 'README.md': '# app' }, 'CI/CD test workflows');
    expect(finding.verdict).toBe('fail');
    expect(finding.evidence).toEqual([{ path: '.github/workflows' }]);
  });

  it('is unknown when a step runs a script it cannot see into', async () => {
    const finding = await judgeOne(
      ciTestsOnPr,
      {
        '.github/workflows/ci.yml':
          'on: pull_request\njobs:\n  ci:\n    steps:\n      - run: ./scripts/ci.sh\n',
      },
      'Tests run on every pull request',
    );
    expect(finding.verdict).toBe('unknown');
    expect(finding.message).toContain('./scripts/ci.sh');
  });

  it('is unknown when CI lives in another system', async () => {
    const finding = await judgeOne(
      ciTestsOnPr,
      { '.gitlab-ci.yml': 'test:\n  script: npm test\n' },
      'Automated testing in CI',
    );
    expect(finding.verdict).toBe('unknown');
    expect(finding.evidence).toEqual([{ path: '.gitlab-ci.yml' }]);
  });

  it('is unknown when a workflow does not parse', async () => {
    const finding = await judgeOne(
      ciTestsOnPr,
      { '.github/workflows/ci.yml': 'on: [pull_request\njobs:' },
      'Automated testing in CI',
    );
    expect(finding.verdict).toBe('unknown');
    expect(finding.message).toContain('could not be parsed');
  });

  it('is unknown when tests run on push to every branch but not on pull_request', async () => {
    const finding = await judgeOne(
      ciTestsOnPr,
      { '.github/workflows/ci.yml': 'on: push\njobs:\n  t:\n    steps:\n      - run: go test ./...\n' },
      'Tests run on every PR',
    );
    expect(finding.verdict).toBe('unknown');
  });

  it('counts steps of a local reusable workflow with the caller triggers', async () => {
    const finding = await judgeOne(
      ciTestsOnPr,
      {
        '.github/workflows/pr.yml':
          'on: pull_request\njobs:\n  tests:\n    uses: ./.github/workflows/test.yml\n',
        '.github/workflows/test.yml': 'on: workflow_call\njobs:\n  t:\n    steps:\n      - run: mix test\n',
      },
      'Tests run on every pull request',
    );
    expect(finding.verdict).toBe('pass');
    expect(finding.evidence[0]).toMatchObject({ path: '.github/workflows/test.yml', line: 5 });
  });

  it('never repeats a credential written into a step', async () => {
    const token = `ghp_${'a1B2c3D4e5'.repeat(3)}123456`;
    const finding = await judgeOne(
      ciTestsOnPr,
      {
        '.github/workflows/ci.yml': `on: pull_request\njobs:\n  t:\n    steps:\n      - run: GH_TOKEN=${token} npm test\n`,
      },
      'Tests run on every pull request',
    );
    expect(finding.verdict).toBe('pass');
    expect(JSON.stringify(finding)).not.toContain(token);
    expect(finding.evidence[0]?.excerpt).toContain('withheld');
  });

  describe('in a subfolder checklist', () => {
    const files = {
      '.github/workflows/web.yml': `on:
  pull_request:
    paths: ['services/web/**']
jobs:
  test:
    defaults:
      run:
        working-directory: services/web
    steps:
      - run: npm test
`,
    };

    it('prefers steps pointed at the folder', async () => {
      const finding = await judgeOne(ciTestsOnPr, files, 'Tests run on every pull request', {
        checklistPath: 'services/web/READINESS.md',
      });
      expect(finding.verdict).toBe('pass');
      expect(finding.message).toContain('for services/web');
    });

    it('fails when CI tests only another folder', async () => {
      const finding = await judgeOne(ciTestsOnPr, files, 'Tests run on every pull request', {
        checklistPath: 'services/api/READINESS.md',
      });
      expect(finding.verdict).toBe('fail');
      expect(finding.message).toContain('only for services/web');
    });
  });
});
