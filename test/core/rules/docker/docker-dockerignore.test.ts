import { describe, expect, it } from 'vitest';
import { dockerDockerignore } from '../../../../src/core/rules/docker/docker-dockerignore.js';
import { judgeOne } from '../../../support/rule-harness.js';

const ITEM = '`.dockerignore` configured';

describe('docker.dockerignore', () => {
  it('passes with a .dockerignore next to the Dockerfile or above it', async () => {
    const files = { 'services/api/Dockerfile': 'FROM node:20\n', '.dockerignore': 'node_modules\n.git\n' };
    const finding = await judgeOne(dockerDockerignore, files, ITEM);
    expect(finding).toMatchObject({
      verdict: 'pass',
      message: '.dockerignore covers services/api/Dockerfile',
    });
  });

  it('accepts a per-Dockerfile ignore file', async () => {
    const files = { 'Dockerfile.prod': 'FROM node:20\n', 'Dockerfile.prod.dockerignore': '.git\n' };
    expect((await judgeOne(dockerDockerignore, files, ITEM)).verdict).toBe('pass');
  });

  it('fails when no candidate exists, listing the paths looked for', async () => {
    const finding = await judgeOne(dockerDockerignore, { 'api/Dockerfile': 'FROM node:20\n' }, ITEM);
    expect(finding.verdict).toBe('fail');
    expect(finding.message).toBe(
      'no .dockerignore for api/Dockerfile (looked for api/Dockerfile.dockerignore, api/.dockerignore, .dockerignore)',
    );
  });

  it('judges several Dockerfiles and reports the one without', async () => {
    const files = { 'a/Dockerfile': 'FROM x:1\n', 'a/.dockerignore': '', 'b/Dockerfile': 'FROM x:1\n' };
    const finding = await judgeOne(dockerDockerignore, files, ITEM);
    expect(finding.verdict).toBe('fail');
    expect(finding.message).toContain('no .dockerignore for b/Dockerfile');
  });
});
