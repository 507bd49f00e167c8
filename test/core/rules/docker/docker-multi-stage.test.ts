import { describe, expect, it } from 'vitest';
import { dockerMultiStage } from '../../../../src/core/rules/docker/docker-multi-stage.js';
import { judgeOne } from '../../../support/rule-harness.js';

const MULTI = `FROM node:20 AS build
WORKDIR /app
RUN npm ci && npm run build
FROM node:20-slim
COPY --from=build /app/dist ./dist
`;

describe('docker.multi-stage', () => {
  it('judges the Dockerfile the item names', async () => {
    const files = { 'Dockerfile.production': MULTI, Dockerfile: 'FROM node:20\n' };
    const finding = await judgeOne(
      dockerMultiStage,
      files,
      '`Dockerfile.production` - Multi-stage production build',
    );
    expect(finding.verdict).toBe('pass');
    expect(finding.message).toBe(
      'Dockerfile.production has 2 stages (build, #1); final FROM node:20-slim at Dockerfile.production:4',
    );
  });

  it('fails on a single-stage Dockerfile, pointing at its FROM', async () => {
    const files = { Dockerfile: '# app image\nFROM node:20\nCOPY . .\n' };
    const finding = await judgeOne(dockerMultiStage, files, 'Docker configuration (multi-stage builds)');
    expect(finding).toEqual({
      verdict: 'fail',
      message: 'Dockerfile has a single stage (FROM node:20 at Dockerfile:2)',
      evidence: [{ path: 'Dockerfile', line: 2, excerpt: 'FROM node:20' }],
    });
  });

  it('fails when the named Dockerfile does not exist, naming the paths looked for', async () => {
    const finding = await judgeOne(
      dockerMultiStage,
      { Dockerfile: MULTI },
      '`Dockerfile.production` - Multi-stage production build',
      {
        checklistPath: 'api/READINESS.md',
      },
    );
    expect(finding.verdict).toBe('fail');
    expect(finding.message).toBe(
      'Dockerfile Dockerfile.production not found (looked for api/Dockerfile.production, Dockerfile.production)',
    );
  });

  it('is unknown when the Dockerfile has no FROM', async () => {
    const finding = await judgeOne(
      dockerMultiStage,
      { Dockerfile: 'RUN echo\n' },
      'Docker configuration (multi-stage builds)',
    );
    expect(finding.verdict).toBe('unknown');
  });
});
