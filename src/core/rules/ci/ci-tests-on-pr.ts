import { workflowsCollector } from '../../collectors/workflows.js';
import { claimText, type Rule } from '../../rule.js';
import {
  CHANGE_EVENTS,
  CI_CONTEXT,
  judgeKind,
  ONE_OFF,
  PULL_REQUEST_EVENTS,
  PULL_REQUEST_WORDS,
} from './ci-evidence.js';

interface Params {
  /** The item promises tests on pull requests, not just somewhere in CI. */
  onPullRequests: boolean;
}

const TESTS = /\b(tests?|testing|test suites?|specs)\b/i;
/** Kinds of testing that a unit-test step in CI does not prove. */
const OTHER_TESTING =
  /\b(load|performance|stress|penetration|pen|smoke|manual|security|disaster|backup|chaos|uat)\b/i;

export const ciTestsOnPr: Rule<Params> = {
  id: 'ci.tests-on-pr',
  title: 'Tests run in CI on pull requests',
  why: 'Tests that no pipeline runs stop protecting the main branch the day someone forgets to run them locally.',
  fix: 'Add a workflow under .github/workflows triggered by `pull_request` with a step that runs the test suite (`npm test`, `pytest`, `go test ./...`).',
  recognises:
    'Items about tests running in CI, in a pipeline or workflow, or on pull requests ("CI/CD test workflows", "Tests run on every pull request"); not claims that tests pass, nor load, smoke or security testing.',
  needs: [workflowsCollector],
  match(item) {
    const text = claimText(item);
    if (!TESTS.test(text) || !CI_CONTEXT.test(text) || ONE_OFF.test(text) || OTHER_TESTING.test(text))
      return [];
    return [{ onPullRequests: PULL_REQUEST_WORDS.test(text) }];
  },
  evaluate(params, ctx) {
    return judgeKind(ctx.get(workflowsCollector), ctx.scope, {
      kind: 'test',
      events: params.onPullRequests ? PULL_REQUEST_EVENTS : CHANGE_EVENTS,
      eventWords: params.onPullRequests ? 'on pull requests' : 'on push or pull requests',
    });
  },
  examples: {
    match: [
      'CI/CD test workflows',
      'Automated testing in CI',
      'Tests run on every pull request',
      '**CI Pipeline** - GitHub Actions runs the test suite on every PR',
      'Unit and integration tests run in the CI pipeline',
    ],
    noMatch: [
      'All tests passing',
      'Unit tests (Vitest)',
      'Load tests run in CI against staging',
      'Testing process for updates',
      'CI/CD Ready - Structured for integration with CI/CD pipelines',
      'Tests passing in CI',
      'Smoke tests passed',
    ],
    verdicts: [
      {
        files: {
          '.github/workflows/ci.yml':
            'name: ci\non:\n  pull_request:\njobs:\n  check:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: npm ci\n      - run: npx eslint .\n      - run: npx vitest run\n',
        },
        item: 'Automated testing in CI',
        verdict: 'pass',
      },
      {
        files: {
          '.github/workflows/ci.yml':
            'name: ci\non:\n  push:\n    branches: [main]\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: npm ci\n      - run: npx tsc -p .\n',
        },
        item: 'Automated testing in CI',
        verdict: 'fail',
      },
    ],
  },
};
