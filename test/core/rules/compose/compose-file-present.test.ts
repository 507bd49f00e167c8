import { describe, expect, it } from 'vitest';
import { composeFilePresent } from '../../../../src/core/rules/compose/compose-file-present.js';
import { judgeOne, matches } from '../../../support/rule-harness.js';

const COMPOSE = 'services:\n  api:\n    build: .\n  db:\n    image: postgres:16\n';

describe('compose.file-present', () => {
  it('passes on a Compose file in scope, naming its services', async () => {
    const finding = await judgeOne(
      composeFilePresent,
      { 'deployments/docker-compose.yaml': COMPOSE, 'cmd/server/main.go': 'package main\n' },
      'Docker Compose for local dev',
    );
    expect(finding).toMatchObject({
      verdict: 'pass',
      message: 'found deployments/docker-compose.yaml with services api, db',
      evidence: [{ path: 'deployments/docker-compose.yaml' }],
    });
  });

  it('fails without any Compose file, ticked or not', async () => {
    const files = { Dockerfile: 'FROM node:22\n', 'package.json': '{}\n' };
    const ticked = await judgeOne(composeFilePresent, files, 'docker-compose setup for the whole stack');
    expect(ticked).toMatchObject({ verdict: 'fail', evidence: [{ path: '.' }] });
    expect(ticked.message).toContain('no Compose file in the repository');
    const open = await judgeOne(composeFilePresent, files, 'Compose file for production', { checked: false });
    expect(open.verdict).toBe('fail');
  });

  it('is unknown when the only Compose file is in another folder than the checklist', async () => {
    const finding = await judgeOne(
      composeFilePresent,
      { 'services/api/main.go': 'package main\n', 'services/web/docker-compose.yml': COMPOSE },
      'Docker Compose configuration',
      { checklistPath: 'services/api/READINESS.md' },
    );
    expect(finding).toMatchObject({
      verdict: 'unknown',
      evidence: [{ path: 'services/web/docker-compose.yml' }],
    });
  });

  it('leaves installs, running stacks, named files and narrower properties to others', () => {
    expect(matches(composeFilePresent, 'Docker and Docker Compose installed')).toBe(false);
    expect(matches(composeFilePresent, 'Compose services have health checks')).toBe(false);
    expect(matches(composeFilePresent, 'Production compose in `docker-compose.prod.yml`')).toBe(false);
    expect(matches(composeFilePresent, 'Use docker-compose override files')).toBe(false);
  });
});
