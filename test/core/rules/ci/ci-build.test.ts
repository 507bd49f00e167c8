import { describe, expect, it } from 'vitest';
import { ciBuild } from '../../../../src/core/rules/ci/ci-build.js';
import { judgeOne } from '../../../support/rule-harness.js';

describe('ci.build', () => {
  it('passes with docker/build-push-action on push', async () => {
    const finding = await judgeOne(
      ciBuild,
      {
        '.github/workflows/image.yml': `on:
  push:
    branches: [main]
jobs:
  image:
    steps:
      - uses: docker/setup-buildx-action@v3
      - uses: docker/build-push-action@v6
        with:
          push: false
`,
      },
      'CI builds the Docker image on every push',
    );
    expect(finding.verdict).toBe('pass');
    expect(finding.message).toContain('on push to main');
    expect(finding.evidence[0]).toMatchObject({ path: '.github/workflows/image.yml', line: 8 });
  });

  it('passes when builds run on pushed release tags', async () => {
    const finding = await judgeOne(
      ciBuild,
      {
        '.github/workflows/release.yml':
          "on:\n  push:\n    tags: ['v*']\njobs:\n  b:\n    steps:\n      - run: go build ./...\n",
      },
      'Build runs in the CI/CD pipeline',
    );
    expect(finding.verdict).toBe('pass');
  });

  it('is unknown when builds run only on manual dispatch', async () => {
    const finding = await judgeOne(
      ciBuild,
      {
        '.github/workflows/b.yml':
          'on: workflow_dispatch\njobs:\n  b:\n    steps:\n      - run: mix compile\n',
      },
      'Build runs in the CI/CD pipeline',
    );
    expect(finding.verdict).toBe('unknown');
    expect(finding.message).toContain('only on workflow_dispatch');
  });

  it('requires an image build when the item speaks of a Docker image', async () => {
    const finding = await judgeOne(
      ciBuild,
      { '.github/workflows/ci.yml': 'on: push\njobs:\n  t:\n    steps:\n      - run: go test ./...\n' },
      'CI builds the Docker image on every push',
    );
    expect(finding.verdict).toBe('fail');
    expect(finding.message).toContain('builds an image');
  });

  it('fails when no workflow builds anything', async () => {
    const finding = await judgeOne(
      ciBuild,
      { '.github/workflows/t.yml': 'on: pull_request\njobs:\n  t:\n    steps:\n      - run: pytest\n' },
      'Production bundle compiles in CI',
    );
    expect(finding.verdict).toBe('fail');
  });
});
