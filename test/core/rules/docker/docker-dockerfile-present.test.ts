import { describe, expect, it } from 'vitest';
import { dockerDockerfilePresent } from '../../../../src/core/rules/docker/docker-dockerfile-present.js';
import { judgeOne } from '../../../support/rule-harness.js';

const ITEM = '**Containerization** - Production Docker containers';

describe('docker.dockerfile-present', () => {
  it('passes when a Dockerfile exists in scope', async () => {
    const finding = await judgeOne(
      dockerDockerfilePresent,
      { 'Dockerfile.production': 'FROM node:20-alpine\n' },
      ITEM,
    );
    expect(finding).toMatchObject({
      verdict: 'pass',
      message: 'found Dockerfile.production (FROM node:20-alpine)',
    });
    expect(finding.evidence).toEqual([
      { path: 'Dockerfile.production', line: 1, excerpt: 'FROM node:20-alpine' },
    ]);
  });

  it('fails when no Dockerfile exists, saying where it looked', async () => {
    const finding = await judgeOne(dockerDockerfilePresent, { 'package.json': '{}' }, ITEM);
    expect(finding.verdict).toBe('fail');
    expect(finding.message).toBe(
      'no Dockerfile or Containerfile in the repository (looked for Dockerfile, Dockerfile.*, *.Dockerfile, Containerfile)',
    );
  });

  it('looks in the checklist folder, then the folders above it', async () => {
    const files = { 'services/web/Dockerfile': 'FROM nginx:1.25\n', 'services/api/app.ts': '' };
    const finding = await judgeOne(dockerDockerfilePresent, files, ITEM, {
      checklistPath: 'services/api/READINESS.md',
    });
    expect(finding.verdict).toBe('fail');
    expect(finding.message).toContain('in services/api or the folders above it');
    const rooted = await judgeOne(dockerDockerfilePresent, { ...files, Dockerfile: 'FROM node:20\n' }, ITEM, {
      checklistPath: 'services/api/READINESS.md',
    });
    expect(rooted.verdict).toBe('pass');
  });

  it('is unknown when Compose only runs prebuilt images', async () => {
    const compose = 'services:\n  app:\n    image: ghcr.io/acme/app:1.4.2\n';
    const finding = await judgeOne(dockerDockerfilePresent, { 'docker-compose.yml': compose }, ITEM);
    expect(finding.verdict).toBe('unknown');
    expect(finding.message).toContain('prebuilt images (ghcr.io/acme/app:1.4.2)');
  });
});
