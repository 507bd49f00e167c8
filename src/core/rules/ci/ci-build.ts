import { type WorkflowStep, workflowsCollector } from '../../collectors/workflows.js';
import { claimText, type Rule } from '../../rule.js';
import { CHANGE_EVENTS, CI_CONTEXT, judgeKind, ONE_OFF } from './ci-evidence.js';

const BUILDING = /\b(builds?|built|compiles?|compilation)\b/i;
/** Build words that name something else: caches, build arguments, a build scheduler feature. */
const NOT_A_BUILD = /\bbuild (cache|args?|arguments|scheduler|number|info)\b|\bmulti-stage\b/i;

interface Params {
  /** The item speaks of a container image, which only an image build proves. */
  image: boolean;
}

const IMAGE = /\b(docker|container|oci)\b|\bimages?\b/i;
const IMAGE_BUILD =
  /docker\/build-push-action|buildah|kaniko|\bdocker(-compose| compose)? (buildx )?build\b|\bpodman build\b/i;

export const ciBuild: Rule<Params> = {
  id: 'ci.build',
  title: 'CI builds the project',
  why: 'A build that only succeeds on one laptop breaks the release the day it is needed; CI proves it builds from a clean checkout.',
  fix: 'Add a step that builds the project (`npm run build`, `docker build .`, `go build ./...`, `mix compile`) to a workflow triggered by `pull_request` or `push`.',
  recognises:
    'Items about builds in CI, a pipeline, a workflow or on pull requests ("CI builds the Docker image on every push").',
  needs: [workflowsCollector],
  match(item) {
    const text = claimText(item);
    if (!BUILDING.test(text) || NOT_A_BUILD.test(text)) return [];
    return CI_CONTEXT.test(text) && !ONE_OFF.test(text) ? [{ image: IMAGE.test(text) }] : [];
  },
  evaluate({ image }, ctx) {
    const imageOnly = {
      only: (step: WorkflowStep) => IMAGE_BUILD.test(`${step.uses ?? ''} ${step.run ?? ''}`),
      what: 'builds an image',
    };
    return judgeKind(ctx.get(workflowsCollector), ctx.scope, {
      kind: 'build',
      events: CHANGE_EVENTS,
      eventWords: 'on push or pull requests',
      ...(image ? imageOnly : {}),
    });
  },
  examples: {
    match: [
      'CI builds the Docker image on every push',
      'Build runs in the CI/CD pipeline',
      '**Continuous Integration** - GitHub Actions workflow builds and tests every PR',
      'Production bundle compiles in CI',
    ],
    noMatch: [
      'Application built in production mode',
      'Docker images built and pushed',
      'Docker configuration (multi-stage builds)',
      'Cache services (Session, Build, Token)',
      'Production release built: `make release`',
      'Build verified in CI',
    ],
    verdicts: [
      {
        files: {
          '.github/workflows/ci.yml':
            'name: ci\non:\n  pull_request:\njobs:\n  check:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: npm ci\n      - run: npx tsc --noEmit\n      - run: npm run build\n',
        },
        item: 'Build runs in the CI/CD pipeline',
        verdict: 'pass',
      },
      {
        files: {
          '.github/workflows/ci.yml':
            'name: ci\non:\n  pull_request:\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: npx vitest run\n',
        },
        item: 'Build runs in the CI/CD pipeline',
        verdict: 'fail',
      },
    ],
  },
};
