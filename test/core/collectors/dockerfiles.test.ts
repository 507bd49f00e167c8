import { describe, expect, it } from 'vitest';
import {
  dockerfilesCollector,
  isDockerfilePath,
  parseDockerfile,
} from '../../../src/core/collectors/dockerfiles.js';
import { DEFAULT_CONFIG } from '../../../src/core/config.js';
import { collectEvidence, createRepoView } from '../../../src/core/evidence.js';
import { MemoryRepo } from '../../support/memory-repo.js';

const MULTI_STAGE = `# syntax=docker/dockerfile:1.6
ARG NODE_VERSION=20.11
FROM node:\${NODE_VERSION}-alpine AS build
WORKDIR /app
COPY package*.json ./
RUN npm ci \\
  # comment inside a continuation
  && npm run build

from node:\${NODE_VERSION}-alpine as runtime
COPY --from=build /app/dist ./dist
EXPOSE 3000 9090/tcp
HEALTHCHECK --interval=30s CMD wget -qO- http://localhost:3000/health || exit 1
USER node
CMD ["node", "dist/server.js"]
`;

describe('parseDockerfile', () => {
  it('reads stages, substituted bases, USER, HEALTHCHECK and EXPOSE with lines', () => {
    const parsed = parseDockerfile('Dockerfile', MULTI_STAGE);
    expect(parsed.problems).toEqual([]);
    expect(parsed.stages).toHaveLength(2);
    const [build, runtime] = parsed.stages;
    expect(build?.name).toBe('build');
    expect(build?.line).toBe(3);
    expect(build?.base).toMatchObject({ resolved: 'node:20.11-alpine', name: 'node', tag: '20.11-alpine' });
    expect(build?.base.args).toEqual(['NODE_VERSION']);
    expect(runtime?.line).toBe(10);
    expect(runtime?.copiesFrom).toEqual(['build']);
    expect(runtime?.expose.map((port) => port.value)).toEqual(['3000', '9090/tcp']);
    expect(runtime?.healthcheck).toMatchObject({ line: 13, none: false });
    expect(runtime?.user).toMatchObject({ value: 'node', line: 14, excerpt: 'USER node' });
  });

  it('says when a base image ARG has no default', () => {
    const parsed = parseDockerfile('Dockerfile', `ARG BASE\nFROM \${BASE}:1.2\n`);
    expect(parsed.stages[0]?.base.unresolvedArgs).toEqual(['BASE']);
    expect(parsed.stages[0]?.base.resolved).toBeUndefined();
  });

  it('reads digests, untagged images, registries with ports and scratch', () => {
    const parsed = parseDockerfile(
      'Dockerfile',
      'FROM node@sha256:abc\nFROM registry:5000/team/app\nFROM registry:5000/team/app:1.0\nFROM scratch\n',
    );
    expect(parsed.stages.map((stage) => [stage.base.name, stage.base.tag, stage.base.digest])).toEqual([
      ['node', undefined, 'sha256:abc'],
      ['registry:5000/team/app', undefined, undefined],
      ['registry:5000/team/app', '1.0', undefined],
      [undefined, undefined, undefined],
    ]);
    expect(parsed.stages[3]?.base.scratch).toBe(true);
  });

  it('inherits USER and HEALTHCHECK through FROM <stage> chains', () => {
    const parsed = parseDockerfile(
      'Dockerfile',
      'FROM python:3.12-slim AS base\nUSER app\nHEALTHCHECK NONE\nFROM base AS final\nRUN gosu app true\n',
    );
    const final = parsed.stages[1];
    expect(final?.base.stage).toBe('base');
    expect(final?.effective.user?.value).toBe('app');
    expect(final?.effective.healthcheck?.none).toBe(true);
    expect(final?.effective.base.name).toBe('python');
    expect(final?.effective.privilegeDrop?.value).toBe('gosu');
  });

  it('honours the escape directive and skips heredoc bodies', () => {
    const text = [
      '# escape=`',
      'FROM mcr.microsoft.com/windows/servercore:ltsc2022',
      'RUN echo a `',
      '  && echo b',
      'RUN <<EOF',
      'USER root',
      'FROM evil',
      'EOF',
      'USER ContainerUser',
    ].join('\n');
    const parsed = parseDockerfile('Dockerfile', text);
    expect(parsed.stages).toHaveLength(1);
    expect(parsed.stages[0]?.user).toMatchObject({ value: 'ContainerUser', line: 9 });
  });

  it('records problems instead of throwing on malformed input', () => {
    expect(parseDockerfile('Dockerfile', 'RUN echo hi\n\\').problems).toEqual([
      'RUN at line 1 comes before any FROM',
      'no FROM instruction',
    ]);
    expect(parseDockerfile('Dockerfile', 'FROM\nUSER\n').stages[0]?.base.written).toBe('');
  });

  it('parses 10,000 stages in linear time', () => {
    const text = Array.from({ length: 10_000 }, (_, index) =>
      index === 0 ? 'FROM alpine:3.19 AS s0' : `FROM s${index - 1} AS s${index}\nRUN true`,
    ).join('\n');
    const started = performance.now();
    const parsed = parseDockerfile('Dockerfile', text);
    expect(parsed.stages).toHaveLength(10_000);
    expect(parsed.stages.at(-1)?.effective.base.name).toBe('alpine');
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('dockerfilesCollector', () => {
  it('finds Dockerfiles by name, .dockerignore files and workload manifests', async () => {
    const repo = new MemoryRepo({
      Dockerfile: 'FROM node:20\n',
      'services/api/Dockerfile.production': 'FROM node:20\n',
      'web.Dockerfile': 'FROM nginx:1.25\n',
      Containerfile: 'FROM fedora:40\n',
      'docs/Dockerfile.md': '# not a Dockerfile',
      '.dockerignore': 'node_modules\n',
      'k8s/deployment.yaml': [
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata: { name: api }',
        'spec:',
        '  template:',
        '    spec:',
        '      securityContext:',
        '        runAsNonRoot: true',
        '      containers: [{ name: api, image: api }]',
      ].join('\n'),
      'k8s/worker.yaml':
        'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: w }\nspec:\n  template:\n    spec:\n      containers: [{ name: w, image: w }]\n',
      'config/app.yml': 'kind: Deployment\n',
      // The Kubernetes rules do not count test manifests; neither do the Dockerfile rules.
      'tests/e2e/deployment.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: t }\n',
    });
    const evidence = await collectEvidence(dockerfilesCollector, await createRepoView(repo), DEFAULT_CONFIG);
    expect(evidence.dockerfiles.map((file) => file.path)).toEqual([
      'Containerfile',
      'Dockerfile',
      'services/api/Dockerfile.production',
      'web.Dockerfile',
    ]);
    expect(evidence.dockerignores).toEqual(['.dockerignore']);
    expect(evidence.workloadManifests).toEqual([
      { path: 'k8s/deployment.yaml', setsNonRootUser: true },
      { path: 'k8s/worker.yaml', setsNonRootUser: false },
    ]);
  });

  it('recognises the Dockerfile naming conventions', () => {
    for (const path of ['Dockerfile', 'a/Dockerfile.dev', 'api.dockerfile', 'Containerfile']) {
      expect(isDockerfilePath(path)).toBe(true);
    }
    for (const path of [
      'Dockerfile.dockerignore',
      'docs/Dockerfile.md',
      'node_modules/x/Dockerfile',
      'Dockerfiles',
    ]) {
      expect(isDockerfilePath(path)).toBe(false);
    }
  });
});
