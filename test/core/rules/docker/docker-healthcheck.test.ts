import { describe, expect, it } from 'vitest';
import { dockerHealthcheck } from '../../../../src/core/rules/docker/docker-healthcheck.js';
import { judgeOne } from '../../../support/rule-harness.js';
import { judgeLast, lastItem } from './in-context.js';

const ITEM = 'Container health checks configured';

describe('docker.healthcheck', () => {
  it('passes with a HEALTHCHECK in the final stage (continued lines joined)', async () => {
    const dockerfile =
      'FROM node:20-slim\nHEALTHCHECK --interval=30s \\\n  CMD curl -fsS http://localhost:3000/health || exit 1\n';
    const finding = await judgeOne(dockerHealthcheck, { Dockerfile: dockerfile }, ITEM);
    expect(finding.verdict).toBe('pass');
    expect(finding.message).toBe('final stage of Dockerfile declares HEALTHCHECK (Dockerfile:2)');
  });

  it('passes with a healthcheck on the Compose service built from the Dockerfile', async () => {
    const compose =
      'services:\n  api:\n    build:\n      context: .\n      dockerfile: Dockerfile\n    healthcheck:\n      test: ["CMD", "true"]\n';
    const finding = await judgeOne(
      dockerHealthcheck,
      { Dockerfile: 'FROM node:20\n', 'docker-compose.yml': compose },
      ITEM,
    );
    expect(finding.message).toBe(
      'Compose service api built from Dockerfile defines a healthcheck (docker-compose.yml:6)',
    );
  });

  it('fails without any health check, and on HEALTHCHECK NONE', async () => {
    const missing = await judgeOne(
      dockerHealthcheck,
      { Dockerfile: 'FROM node:20\nCMD ["node", "server.js"]\n' },
      ITEM,
    );
    expect(missing).toEqual({
      verdict: 'fail',
      message: 'final stage of Dockerfile has no HEALTHCHECK (FROM node:20 at Dockerfile:1)',
      evidence: [{ path: 'Dockerfile', line: 1, excerpt: 'FROM node:20' }],
    });
    const none = await judgeOne(dockerHealthcheck, { Dockerfile: 'FROM node:20\nhealthcheck none\n' }, ITEM);
    expect(none.message).toBe(
      'final stage of Dockerfile disables health checks with HEALTHCHECK NONE (Dockerfile:2)',
    );
  });

  it('is unknown when Kubernetes manifests could define probes instead', async () => {
    const files = {
      Dockerfile: 'FROM node:20\n',
      'deploy/api.yaml': 'apiVersion: apps/v1\nkind: Deployment\n',
    };
    const finding = await judgeOne(dockerHealthcheck, files, ITEM);
    expect(finding.verdict).toBe('unknown');
    expect(finding.message).toContain('Kubernetes manifests (deploy/api.yaml) may define probes');
  });

  it('matches "Health checks configured" only in a Docker context', async () => {
    const plain = '# Release\n\n- [ ] **Build & Deployment**\n  - [ ] Health checks configured\n';
    expect(dockerHealthcheck.match(lastItem(plain))).toEqual([]);
    const docker = '# Release\n\n### Docker Deployment\n\n- [ ] Health checks configured\n';
    const [finding] = await judgeLast(
      dockerHealthcheck,
      { Dockerfile: 'FROM node:20\nHEALTHCHECK CMD true\n' },
      docker,
    );
    expect(finding?.verdict).toBe('pass');
  });
});

describe('docker.healthcheck when the item names the instruction', () => {
  const files = {
    Dockerfile: 'FROM node:20.18-alpine\nUSER node\nCMD ["node", "server.js"]\n',
    'k8s/deployment.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\n',
  };

  it('fails on a missing HEALTHCHECK even when Kubernetes manifests exist', async () => {
    const finding = await judgeOne(dockerHealthcheck, files, 'Docker HEALTHCHECK instruction in the image');
    expect(finding.verdict).toBe('fail');
  });

  it('leaves a general container health-check claim to the Kubernetes rules', async () => {
    const finding = await judgeOne(dockerHealthcheck, files, 'Container health checks configured');
    expect(finding.verdict).toBe('unknown');
  });
});
