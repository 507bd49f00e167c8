import { describe, expect, it } from 'vitest';
import { composeHealthchecks } from '../../../../src/core/rules/compose/compose-healthchecks.js';
import { judgeOne } from '../../../support/rule-harness.js';

const ITEM = '**Orchestration** - Docker Compose with health checks and resource limits';

const STACK = `services:
  app:
    build: .
    healthcheck:
      test: ["CMD", "curl", "-f", "http://localhost:3000/health"]
  db:
    image: postgres:16
    healthcheck:
      test: ["CMD-SHELL", "pg_isready"]
  migrate:
    build: .
    command: npm run migrate
    profiles: [tools]
`;

describe('compose.healthchecks', () => {
  it('passes when every long-running service has a healthcheck', async () => {
    const finding = await judgeOne(
      composeHealthchecks,
      { 'docker-compose.production.yml': STACK, 'docker-compose.dev.yml': 'services:\n  x:\n    image: a\n' },
      ITEM,
    );
    expect(finding.verdict).toBe('pass');
    expect(finding.message).toBe('all 2 services in docker-compose.production.yml have a healthcheck');
  });

  it('counts a HEALTHCHECK in the Dockerfile the service builds', async () => {
    const compose = 'services:\n  app:\n    build: .\n';
    const files = { 'compose.yaml': compose, Dockerfile: 'FROM node:20\nHEALTHCHECK CMD true\n' };
    expect((await judgeOne(composeHealthchecks, files, ITEM)).verdict).toBe('pass');
  });

  it('fails when a service built here has none, or one disabled', async () => {
    const compose =
      'services:\n  app:\n    build: .\n    healthcheck:\n      disable: true\n  db:\n    image: postgres:16\n    healthcheck:\n      test: ["CMD", "pg_isready"]\n';
    const finding = await judgeOne(
      composeHealthchecks,
      { 'compose.yaml': compose, Dockerfile: 'FROM node:20\n' },
      ITEM,
    );
    expect(finding.verdict).toBe('fail');
    expect(finding.message).toBe('1 of 2 services in compose.yaml have no healthcheck: app (compose.yaml:2)');
  });

  it('passes a built service with one beside a third-party image without, saying so; fails a claim about every service', async () => {
    const compose = `services:\n  app:\n    build: .\n    healthcheck:\n      test: ["CMD", "true"]\n  db:\n    image: postgres:16\n`;
    const some = await judgeOne(composeHealthchecks, { 'compose.yaml': compose }, ITEM);
    expect(some.verdict).toBe('pass');
    expect(some.message).toBe(
      'every service built here has a healthcheck (app); third-party image without one: db (compose.yaml:6)',
    );
    const every = await judgeOne(
      composeHealthchecks,
      { 'compose.yaml': compose },
      'All compose services have health checks',
    );
    expect(every.verdict).toBe('fail');
    expect(every.message).toBe(
      '1 of 2 services in compose.yaml have a healthcheck; none on db (compose.yaml:6)',
    );
  });

  it('fails when the named Compose file is missing', async () => {
    const finding = await judgeOne(
      composeHealthchecks,
      {},
      'Health checks defined in `docker-compose.production.yml`',
    );
    expect(finding.message).toBe(
      'Compose file docker-compose.production.yml not found (looked for docker-compose.production.yml)',
    );
  });

  it('is unknown when only some prebuilt images have one, or the file is unreadable', async () => {
    const compose =
      'services:\n  web:\n    image: nginx:1.25\n    healthcheck:\n      test: ["CMD", "true"]\n  cache:\n    image: redis:7\n';
    expect((await judgeOne(composeHealthchecks, { 'compose.yaml': compose }, ITEM)).verdict).toBe('unknown');
    const broken = await judgeOne(composeHealthchecks, { 'compose.yaml': 'services:\n  web: [\n' }, ITEM);
    expect(broken.verdict).toBe('unknown');
    expect(broken.message).toMatch(/^could not read compose.yaml: YAML error/);
  });
});

describe('compose.healthchecks for one kind of service', () => {
  const compose = [
    'services:',
    '  api:',
    '    build: .',
    '  db:',
    '    image: postgres:16.4',
    '    healthcheck:',
    '      test: ["CMD-SHELL", "pg_isready"]',
    '',
  ].join('\n');

  it('judges only the database service when the item names the database', async () => {
    const finding = await judgeOne(
      composeHealthchecks,
      { 'docker-compose.yml': compose },
      'Compose database has a health check',
    );
    expect(finding).toMatchObject({ verdict: 'pass', evidence: [{ path: 'docker-compose.yml', line: 6 }] });
    const all = await judgeOne(
      composeHealthchecks,
      { 'docker-compose.yml': compose },
      'Docker Compose services have health checks',
    );
    expect(all.verdict).toBe('fail');
  });

  it('is unknown when no service of that kind exists', async () => {
    const finding = await judgeOne(
      composeHealthchecks,
      { 'docker-compose.yml': compose },
      'Compose Redis cache has a health check',
    );
    expect(finding.verdict).toBe('unknown');
  });
});
