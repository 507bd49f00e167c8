import { workflowsCollector } from '../../collectors/workflows.js';
import { claimText, type Rule } from '../../rule.js';
import { CHANGE_EVENTS, CI_CONTEXT, judgeKind, ONE_OFF } from './ci-evidence.js';

const TYPECHECKING =
  /\b(type[- ]?check(s|ing|er)?|tsc|mypy|pyright|dialyzer|static typing|types are checked)\b/i;

export const ciTypecheck: Rule<undefined> = {
  id: 'ci.typecheck',
  title: 'Types are checked in CI',
  why: 'Type errors that no pipeline catches ship whenever the bundler or interpreter does not check types itself.',
  fix: 'Add a step that runs the type checker (`npx tsc --noEmit`, `mypy .`, `pyright`, `mix dialyzer`) to a workflow triggered by `pull_request` or `push`.',
  recognises:
    'Items about type checking (tsc, mypy, pyright, dialyzer) in CI, a pipeline, a workflow or on pull requests.',
  needs: [workflowsCollector],
  match(item) {
    const text = claimText(item);
    return TYPECHECKING.test(text) && CI_CONTEXT.test(text) && !ONE_OFF.test(text) ? [undefined] : [];
  },
  evaluate(_params, ctx) {
    return judgeKind(ctx.get(workflowsCollector), ctx.scope, {
      kind: 'typecheck',
      events: CHANGE_EVENTS,
      eventWords: 'on push or pull requests',
    });
  },
  examples: {
    match: [
      'Type checking in CI',
      'TypeScript type-check runs on every PR',
      'CI pipeline runs `tsc --noEmit`',
      'mypy in the GitHub Actions workflow',
    ],
    noMatch: [
      'TypeScript strict mode enabled',
      'npm run typecheck',
      'Type errors resolved',
      'Type checking passes in CI',
    ],
    verdicts: [
      {
        files: {
          '.github/workflows/ci.yml':
            'name: ci\non:\n  pull_request:\njobs:\n  check:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: npm ci\n      - run: npx tsc --noEmit\n      - run: npm run build\n',
        },
        item: 'TypeScript type-check runs on every PR',
        verdict: 'pass',
      },
      {
        files: {
          '.github/workflows/ci.yml':
            'name: ci\non:\n  pull_request:\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: npx vitest run\n',
        },
        item: 'TypeScript type-check runs on every PR',
        verdict: 'fail',
      },
    ],
  },
};
