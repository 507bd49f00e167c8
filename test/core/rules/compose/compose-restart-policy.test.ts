import { describe, expect, it } from 'vitest';
import { composeRestartPolicy } from '../../../../src/core/rules/compose/compose-restart-policy.js';
import { judgeOne } from '../../../support/rule-harness.js';

const ITEM = 'Docker Compose restart policies configured';

describe('compose.restart-policy', () => {
  it('passes with restart or deploy.restart_policy on every long-running service', async () => {
    const compose = `services:
  app:
    restart: unless-stopped
  worker:
    deploy:
      restart_policy:
        condition: on-failure
  migrate:
    image: acme/migrate:1
  app2:
    image: acme/app:1
    restart: always
    depends_on:
      migrate:
        condition: service_completed_successfully
`;
    const finding = await judgeOne(composeRestartPolicy, { 'compose.yaml': compose }, ITEM);
    expect(finding.verdict).toBe('pass');
    expect(finding.message).toBe(
      'all 3 services in compose.yaml have a restart policy (unless-stopped, on-failure, always)',
    );
  });

  it('fails on a missing policy and on restart: "no"', async () => {
    const compose = 'services:\n  app:\n    restart: "no"\n  db:\n    image: postgres:16\n';
    const finding = await judgeOne(composeRestartPolicy, { 'compose.yaml': compose }, ITEM);
    expect(finding.verdict).toBe('fail');
    expect(finding.message).toBe(
      '2 of 2 services in compose.yaml have no restart policy: app (restart: no at compose.yaml:3), db (compose.yaml:4)',
    );
  });

  it('is unknown without Compose when the item does not name it', async () => {
    const finding = await judgeOne(
      composeRestartPolicy,
      { Dockerfile: 'FROM a:1\n' },
      'Containers auto-restart on failure',
    );
    expect(finding.verdict).toBe('unknown');
  });
});
