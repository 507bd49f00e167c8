import { describe, expect, it } from 'vitest';
import { ciDeployWorkflow } from '../../../../src/core/rules/ci/ci-deploy-workflow.js';
import { judgeOne } from '../../../support/rule-harness.js';

const DEPLOY = `name: Deploy
on:
  push:
    branches: [main]
  workflow_dispatch:
jobs:
  deploy:
    environment: production
    steps:
      - uses: actions/checkout@v4
      - run: helm upgrade --install api ./chart --wait
`;

describe('ci.deploy-workflow', () => {
  it('passes with a deploy step, naming job, environment and triggers', async () => {
    const finding = await judgeOne(
      ciDeployWorkflow,
      { '.github/workflows/deploy.yml': DEPLOY },
      'Deployment automation',
    );
    expect(finding.verdict).toBe('pass');
    expect(finding.message).toContain('job deploy, environment production');
    expect(finding.message).toContain('push to main; workflow_dispatch');
    expect(finding.evidence).toEqual([
      {
        path: '.github/workflows/deploy.yml',
        line: 11,
        excerpt: 'helm upgrade --install api ./chart --wait',
      },
    ]);
  });

  it('passes with a deploy job whose steps it cannot name, pointing at its last step', async () => {
    const finding = await judgeOne(
      ciDeployWorkflow,
      {
        '.github/workflows/cd.yml': `on: { push: { branches: [main] } }
jobs:
  deploy-staging:
    steps:
      - uses: actions/checkout@v4
      - uses: acme/ship-it@v1
`,
      },
      'Automated deployment via GitHub Actions on merge to main',
    );
    expect(finding).toMatchObject({
      verdict: 'pass',
      evidence: [{ path: '.github/workflows/cd.yml', line: 6 }],
    });
  });

  it('fails when workflows exist and none deploys', async () => {
    const finding = await judgeOne(
      ciDeployWorkflow,
      {
        '.github/workflows/ci.yml':
          'on: pull_request\njobs:\n  t:\n    environment: ci\n    steps:\n      - run: npm test\n',
      },
      'Deployment automation',
    );
    expect(finding.verdict).toBe('fail');
    expect(finding.evidence).toEqual([{ path: '.github/workflows/ci.yml' }]);
  });

  it('is unknown when only a deploy script exists: a script is not automation by itself', async () => {
    const finding = await judgeOne(
      ciDeployWorkflow,
      { 'scripts/deploy.sh': '#!/bin/sh\ndocker compose up -d\n' },
      'Deployment automation',
    );
    expect(finding).toMatchObject({ verdict: 'unknown', evidence: [{ path: 'scripts/deploy.sh' }] });
  });

  it('is unknown when a platform may deploy on push', async () => {
    const finding = await judgeOne(
      ciDeployWorkflow,
      { 'vercel.json': '{}' },
      'Continuous deployment to production',
    );
    expect(finding.verdict).toBe('unknown');
    expect(finding.message).toContain('vercel.json');
  });
});
