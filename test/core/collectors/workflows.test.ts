import { describe, expect, it } from 'vitest';
import { workflowsCollector } from '../../../src/core/collectors/workflows.js';
import { DEFAULT_CONFIG } from '../../../src/core/config.js';
import { collectEvidence, createRepoView } from '../../../src/core/evidence.js';
import { MemoryRepo } from '../../support/memory-repo.js';

async function collect(files: Record<string, string>) {
  return collectEvidence(workflowsCollector, await createRepoView(new MemoryRepo(files)), DEFAULT_CONFIG);
}

const CI = `name: CI
on:
  pull_request:
    branches: [main]
  push:
    branches: [main]
    tags: ['v*']
jobs:
  check:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
      - run: npm ci
      - name: Lint
        run: npx eslint .
      - run: npx tsc --noEmit
      - run: npm test
      - run: npm run build
`;

describe('workflows collector', () => {
  it('reads triggers with their filters and lines', async () => {
    const { workflows } = await collect({ '.github/workflows/ci.yml': CI });
    const [workflow] = workflows;
    expect(workflow?.name).toBe('CI');
    expect(workflow?.triggers.map((t) => [t.event, t.line, t.branches, t.tags])).toEqual([
      ['pull_request', 3, ['main'], []],
      ['push', 5, ['main'], ['v*']],
    ]);
  });

  it('accepts `on` as a string or a list', async () => {
    const { workflows } = await collect({
      '.github/workflows/a.yml': 'on: push\njobs: {}\n',
      '.github/workflows/b.yaml': 'on: [push, pull_request, workflow_dispatch]\njobs: {}\n',
    });
    expect(workflows.map((w) => w.triggers.map((t) => t.event))).toEqual([
      ['push'],
      ['push', 'pull_request', 'workflow_dispatch'],
    ]);
  });

  it('classifies steps and records their 1-based lines', async () => {
    const { workflows } = await collect({ '.github/workflows/ci.yml': CI });
    const steps = workflows[0]?.jobs[0]?.steps ?? [];
    expect(steps.map((s) => [s.line, s.kinds])).toEqual([
      [12, []],
      [13, []],
      [16, []],
      [17, ['lint']],
      [19, ['typecheck']],
      [20, ['test']],
      [21, ['build']],
    ]);
    expect(steps[1]?.with).toEqual({ 'node-version': '20' });
  });

  it('follows npm scripts through the root package.json', async () => {
    const { workflows } = await collect({
      'package.json': JSON.stringify({
        scripts: { ci: 'npm run check && vitest run', check: 'biome check .' },
      }),
      '.github/workflows/ci.yml':
        'on: pull_request\njobs:\n  ci:\n    steps:\n      - run: npm run ci\n      - run: npm run mystery\n',
    });
    const [ci, mystery] = workflows[0]?.jobs[0]?.steps ?? [];
    expect(ci?.kinds.sort()).toEqual(['lint', 'test']);
    expect(ci?.opaque).toBe(false);
    expect(mystery?.kinds).toEqual([]);
    expect(mystery?.opaque).toBe(true);
  });

  it('names security scanners from actions and commands', async () => {
    const { workflows } = await collect({
      '.github/workflows/security.yml': `on: [pull_request]
jobs:
  scan:
    steps:
      - uses: github/codeql-action/init@v3
      - uses: github/codeql-action/analyze@v3
      - uses: aquasecurity/trivy-action@0.24.0
        with: { image-ref: 'app:latest' }
      - run: npm audit --audit-level=high
      - run: docker run --rm -v $PWD:/repo zricethezav/gitleaks:latest detect
      - run: |
          pip install pip-audit
          pip-audit -r requirements.txt
`,
    });
    const steps = workflows[0]?.jobs[0]?.steps ?? [];
    expect(steps.flatMap((s) => s.scanners)).toEqual([
      'CodeQL',
      'CodeQL',
      'Trivy',
      'npm audit',
      'gitleaks',
      'pip-audit',
    ]);
  });

  it('classifies tests in containers, make targets, mvn and gradle, deploy commands', async () => {
    const { workflows } = await collect({
      '.github/workflows/ci.yml': `on: push
jobs:
  all:
    environment: production
    steps:
      - run: docker compose run --rm api pytest -q
      - run: make lint test
      - run: ./mvnw -B verify
      - run: ./gradlew build
      - run: kubectl apply -f k8s/
      - run: ./scripts/deploy.sh production
      - run: ./scripts/ci.sh
      - name: Run unit tests
        run: ./scripts/ci.sh
`,
    });
    const job = workflows[0]?.jobs[0];
    expect(job?.environment).toBe('production');
    expect(job?.steps.map((s) => [s.kinds.sort(), s.opaque])).toEqual([
      [['test'], false],
      [['lint', 'test'], false],
      [['build', 'test'], false],
      [['build', 'test'], false],
      [['deploy'], false],
      [['deploy'], false],
      [[], true],
      [['test'], false],
    ]);
  });

  it('sees through runners, tox environments, format checks and run-time programs', async () => {
    const { workflows } = await collect({
      'package.json': JSON.stringify({
        scripts: { 'format:check': 'prettier --check .', 'docs:build': 'x' },
      }),
      '.github/workflows/ci.yml': `on: push
jobs:
  all:
    steps:
      - run: uv run --locked --group dev tox run
      - run: uv run --locked --group dev tox run -e typing,lint
      - run: npm run format:check
      - run: cargo fmt --all --check
      - run: prettier --write .
      - run: \${{ env.CARGO }} test --workspace
      - run: \${{ env.CARGO }} frobnicate
      - run: make richtest
      - run: npm run docs:build
`,
    });
    const steps = workflows[0]?.jobs[0]?.steps ?? [];
    expect(steps.map((s) => [s.kinds.sort(), s.opaque])).toEqual([
      [['test'], false],
      [['lint', 'typecheck'], false],
      [['lint'], false],
      [['lint'], false],
      [[], false],
      [['test'], false],
      [[], true],
      [['test'], false],
      [['build'], false],
    ]);
  });

  it('reads Makefile recipes and local scripts to see what they run', async () => {
    const { workflows } = await collect({
      Makefile: [
        '.PHONY: ci lint',
        'ci: lint',
        '\t$(info running checks)',
        '\t@go test ./...',
        'lint:',
        '\tgolangci-lint run',
        'release:',
        '\t./scripts/publish.sh',
      ].join('\n'),
      'scripts/check.sh': '#!/bin/sh\nset -e\nnpx tsc --noEmit\n',
      'scripts/publish.sh': '#!/bin/sh\nnpm publish\n',
      '.github/workflows/ci.yml': `on: push
jobs:
  all:
    steps:
      - run: make ci
      - run: make
      - run: make release
      - run: bash scripts/check.sh
      - run: ./scripts/missing.sh
`,
    });
    const steps = workflows[0]?.jobs[0]?.steps ?? [];
    expect(steps.map((s) => [s.kinds.sort(), s.opaque])).toEqual([
      [['build', 'lint', 'test'], false],
      [['build', 'lint', 'test'], false],
      [['deploy'], false],
      [['typecheck'], false],
      [[], true],
    ]);
  });

  it('reads the steps of composite actions in the repository', async () => {
    const { workflows } = await collect({
      '.github/actions/check/action.yml': `name: check
runs:
  using: composite
  steps:
    - run: npx vitest run
      shell: bash
    - uses: aquasecurity/trivy-action@0.28.0
`,
      '.github/actions/node/action.yml': 'runs:\n  using: node20\n  main: index.js\n',
      '.github/workflows/ci.yml': `on: push
jobs:
  all:
    steps:
      - uses: ./.github/actions/check
      - uses: ./.github/actions/node
      - uses: ./.github/actions/missing
`,
    });
    const steps = workflows[0]?.jobs[0]?.steps ?? [];
    expect(steps.map((s) => [s.kinds.sort(), s.scanners, s.opaque])).toEqual([
      [['security', 'test'], ['Trivy'], false],
      [[], [], true],
      [[], [], true],
    ]);
  });

  it('records the folder a step works on', async () => {
    const { workflows } = await collect({
      '.github/workflows/api.yml': `on:
  pull_request:
    paths: ['services/api/**']
defaults:
  run:
    working-directory: services/api
jobs:
  test:
    steps:
      - run: npm test
  web:
    defaults:
      run:
        working-directory: \${{ matrix.dir }}
    steps:
      - run: npm test
      - run: cd services/web && npm test
`,
    });
    const [api, web] = workflows[0]?.jobs ?? [];
    expect(api?.steps[0]?.targets).toEqual(['services/api']);
    expect(api?.steps[0]?.workingDirectory).toBe('services/api');
    expect(web?.steps.map((s) => s.targets)).toEqual([['services/api'], ['services/web']]);
  });

  it('reads reusable workflow calls', async () => {
    const { workflows } = await collect({
      '.github/workflows/pr.yml':
        'on: pull_request\njobs:\n  tests:\n    uses: ./.github/workflows/test.yml\n',
    });
    expect(workflows[0]?.jobs[0]?.uses).toBe('./.github/workflows/test.yml');
  });

  it('records invalid YAML and alias bombs as unparsable instead of throwing', async () => {
    const bomb = [
      'a: &a ["x","x","x","x","x","x","x","x","x"]',
      'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
      'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
      'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
      'e: [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
    ].join('\n');
    const evidence = await collect({
      '.github/workflows/broken.yml': 'on: [push\njobs: {',
      '.github/workflows/bomb.yml': bomb,
      '.github/workflows/ok.yml': CI,
    });
    expect(evidence.workflows.map((w) => w.path)).toEqual(['.github/workflows/ok.yml']);
    expect(evidence.unparsable.map((u) => u.path).sort()).toEqual([
      '.github/workflows/bomb.yml',
      '.github/workflows/broken.yml',
    ]);
    expect(evidence.unparsable.every((u) => u.error.length > 0)).toBe(true);
  });

  it('survives odd shapes: scalar jobs, null steps, list of non-maps', async () => {
    const evidence = await collect({
      '.github/workflows/odd.yml':
        'on: {push: null}\njobs:\n  a: 3\n  b:\n    steps: null\n  c:\n    steps: [1, "x"]\n',
    });
    expect(evidence.workflows[0]?.jobs.map((j) => [j.id, j.steps.length])).toEqual([
      ['b', 0],
      ['c', 0],
    ]);
  });

  it('lists other CI systems it does not read', async () => {
    const evidence = await collect({ '.gitlab-ci.yml': 'test: {}', Jenkinsfile: 'pipeline {}' });
    expect(evidence.otherCi).toEqual(['.gitlab-ci.yml', 'Jenkinsfile']);
  });
});
