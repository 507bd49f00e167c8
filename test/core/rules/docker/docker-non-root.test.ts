import { describe, expect, it } from 'vitest';
import { dockerNonRoot } from '../../../../src/core/rules/docker/docker-non-root.js';
import { judgeOne } from '../../../support/rule-harness.js';
import { judgeLast, lastItem } from './in-context.js';

const ITEM = 'Container runs as non-root user';

describe('docker.non-root', () => {
  it('passes when the final stage sets a non-root USER', async () => {
    const dockerfile =
      'FROM node:20 AS build\nUSER root\nRUN npm ci\nFROM node:20-slim\nCOPY --from=build /app /app\nUSER node\n';
    const finding = await judgeOne(dockerNonRoot, { Dockerfile: dockerfile }, ITEM);
    expect(finding).toEqual({
      verdict: 'pass',
      message: 'final stage of Dockerfile runs as USER node (Dockerfile:6)',
      evidence: [{ path: 'Dockerfile', line: 6, excerpt: 'USER node' }],
    });
  });

  it('fails with no USER in the final stage, even if an earlier stage had one', async () => {
    const dockerfile = 'FROM node:20 AS build\nUSER node\nFROM node:20-slim\nCMD ["node", "server.js"]\n';
    const finding = await judgeOne(dockerNonRoot, { Dockerfile: dockerfile }, ITEM);
    expect(finding.verdict).toBe('fail');
    expect(finding.message).toBe(
      'final stage of Dockerfile runs as root (no USER after FROM node:20-slim at Dockerfile:3)',
    );
  });

  it('fails on USER root and USER 0:0', async () => {
    for (const user of ['root', '0:0']) {
      const finding = await judgeOne(dockerNonRoot, { Dockerfile: `FROM alpine:3.19\nUSER ${user}\n` }, ITEM);
      expect(finding.verdict).toBe('fail');
      expect(finding.message).toBe(`final stage of Dockerfile runs as USER ${user} (Dockerfile:2)`);
    }
  });

  it('is unknown when USER comes from a build argument', async () => {
    const dockerfile = `FROM alpine:3.19\nARG APP_UID=1000\nUSER \${APP_UID}\n`;
    const finding = await judgeOne(dockerNonRoot, { Dockerfile: dockerfile }, ITEM);
    expect(finding.verdict).toBe('unknown');
    expect(finding.message).toContain('from a build argument');
  });

  it('is unknown when a gosu entrypoint or Kubernetes may drop root', async () => {
    const gosu = await judgeOne(
      dockerNonRoot,
      { Dockerfile: 'FROM debian:12\nRUN apt-get install -y gosu\n' },
      ITEM,
    );
    expect(gosu.verdict).toBe('unknown');
    const manifest =
      'apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      securityContext:\n        runAsUser: 1000\n';
    const k8s = await judgeOne(
      dockerNonRoot,
      { Dockerfile: 'FROM debian:12\n', 'k8s/app.yaml': manifest },
      ITEM,
    );
    expect(k8s.verdict).toBe('unknown');
    expect(k8s.message).toContain('k8s/app.yaml sets runAsNonRoot/runAsUser');
  });

  it('takes the user a Compose service runs the image as', async () => {
    const compose = 'services:\n  app:\n    build: .\n    user: "1000:1000"\n';
    const finding = await judgeOne(
      dockerNonRoot,
      { Dockerfile: 'FROM debian:12\n', 'compose.yaml': compose },
      ITEM,
    );
    expect(finding).toMatchObject({
      verdict: 'pass',
      message: 'Compose service app runs Dockerfile as user 1000:1000 (compose.yaml:4)',
    });
  });

  it('ignores a dev Dockerfile when a production one exists', async () => {
    const files = { Dockerfile: 'FROM node:20\nUSER node\n', 'Dockerfile.dev': 'FROM node:20\n' };
    expect((await judgeOne(dockerNonRoot, files, ITEM)).verdict).toBe('pass');
  });

  it('matches a bare item under a container heading, not under a Kubernetes one', async () => {
    const doc = '# Deploy\n\n### Runtime Security\n\n- [ ] Runs as non-root user\n';
    expect(dockerNonRoot.match(lastItem(doc))).toEqual([]);
    const docker = '# Deploy\n\n### Container Security\n\n- [ ] Runs as non-root user\n';
    const [finding] = await judgeLast(dockerNonRoot, { Dockerfile: 'FROM node:20\nUSER 1001\n' }, docker);
    expect(finding?.verdict).toBe('pass');
  });
});
