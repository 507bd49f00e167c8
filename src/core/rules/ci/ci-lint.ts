import { workflowsCollector } from '../../collectors/workflows.js';
import { claimText, type Rule } from '../../rule.js';
import { CHANGE_EVENTS, CI_CONTEXT, judgeKind, ONE_OFF } from './ci-evidence.js';

const LINTING =
  /\b(lint(s|ing|ers?)?|eslint|biome|ruff|flake8|pylint|golangci-lint|credo|clippy|rubocop|stylelint|static analysis)\b/i;

export const ciLint: Rule<undefined> = {
  id: 'ci.lint',
  title: 'A linter runs in CI',
  why: 'A linter only a few developers run locally lets the mistakes it exists to catch reach the main branch.',
  fix: 'Add a step that runs the linter (`npx eslint .`, `ruff check`, `golangci-lint run`, `mix credo`) to a workflow triggered by `pull_request` or `push`.',
  recognises:
    'Items about linting or static analysis in CI, a pipeline, a workflow or on pull requests ("Linting in CI").',
  needs: [workflowsCollector],
  match(item) {
    const text = claimText(item);
    return LINTING.test(text) && CI_CONTEXT.test(text) && !ONE_OFF.test(text) ? [undefined] : [];
  },
  evaluate(_params, ctx) {
    return judgeKind(ctx.get(workflowsCollector), ctx.scope, {
      kind: 'lint',
      events: CHANGE_EVENTS,
      eventWords: 'on push or pull requests',
    });
  },
  examples: {
    match: [
      'Linting in CI',
      'ESLint runs on every pull request',
      '**Code Quality** - lint and format checks in the CI pipeline',
      'Static analysis (credo) in GitHub Actions',
    ],
    noMatch: ['ESLint configured', 'Code linting passes', 'npm run lint', 'Lint errors fixed in CI'],
    verdicts: [
      {
        files: {
          '.github/workflows/ci.yml':
            'name: ci\non:\n  pull_request:\njobs:\n  check:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: npm ci\n      - run: npx eslint .\n      - run: npx vitest run\n',
        },
        item: 'ESLint runs on every pull request',
        verdict: 'pass',
      },
      {
        files: {
          '.github/workflows/ci.yml':
            'name: ci\non:\n  push:\n    branches: [main]\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: npm ci\n      - run: npx tsc -p .\n',
        },
        item: 'ESLint runs on every pull request',
        verdict: 'fail',
      },
    ],
  },
};
