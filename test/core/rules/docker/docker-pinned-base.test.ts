import { describe, expect, it } from 'vitest';
import { dockerPinnedBase } from '../../../../src/core/rules/docker/docker-pinned-base.js';
import { judgeOne } from '../../../support/rule-harness.js';

const ITEM = 'Base images pinned';

describe('docker.pinned-base', () => {
  it('passes when every base is tagged or digested, resolving ARG defaults', async () => {
    const dockerfile = `ARG NODE=20.11\nFROM node:\${NODE}-alpine AS build\nFROM gcr.io/distroless/nodejs20@sha256:abc123\nCOPY --from=build /app /app\n`;
    const finding = await judgeOne(dockerPinnedBase, { Dockerfile: dockerfile }, ITEM);
    expect(finding.verdict).toBe('pass');
    expect(finding.message).toBe('all 2 images pinned (1 by digest, 1 by tag)');
  });

  it('fails on latest and untagged bases, with their lines', async () => {
    const finding = await judgeOne(
      dockerPinnedBase,
      { Dockerfile: 'FROM node:latest AS build\nFROM nginx\n' },
      ITEM,
    );
    expect(finding.verdict).toBe('fail');
    expect(finding.message).toBe(
      '2 of 2 images not pinned: node:latest at Dockerfile:1, nginx (no tag means latest) at Dockerfile:2',
    );
    expect(finding.evidence.map((e) => e.line)).toEqual([1, 2]);
  });

  it('asks for digests when the item does', async () => {
    const finding = await judgeOne(
      dockerPinnedBase,
      { Dockerfile: 'FROM node:20\n' },
      'Container images pinned by digest',
    );
    expect(finding.message).toBe('1 of 1 images not pinned: node:20 (tag, no digest) at Dockerfile:1');
  });

  it('checks Compose images unless the item says base images', async () => {
    const files = {
      Dockerfile: 'FROM node:20\n',
      'docker-compose.yml': 'services:\n  db:\n    image: postgres\n',
    };
    expect((await judgeOne(dockerPinnedBase, files, ITEM)).verdict).toBe('pass');
    const all = await judgeOne(dockerPinnedBase, files, 'Docker images pinned to specific versions');
    expect(all.message).toBe(
      '1 of 2 images not pinned: postgres (no tag means latest) at docker-compose.yml:2',
    );
  });

  it('is unknown when the base comes from an ARG without a default', async () => {
    const finding = await judgeOne(
      dockerPinnedBase,
      { Dockerfile: `ARG BASE_IMAGE\nFROM \${BASE_IMAGE}\n` },
      ITEM,
    );
    expect(finding.verdict).toBe('unknown');
    expect(finding.message).toContain('(ARG BASE_IMAGE has no default)');
  });
});
