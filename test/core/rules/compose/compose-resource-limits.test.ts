import { describe, expect, it } from 'vitest';
import { composeResourceLimits } from '../../../../src/core/rules/compose/compose-resource-limits.js';
import { judgeOne } from '../../../support/rule-harness.js';
import { judgeLast } from '../docker/in-context.js';

const ITEM = '**Orchestration** - Docker Compose with health checks and resource limits';

describe('compose.resource-limits', () => {
  it('passes when every service has a limit (deploy.resources or mem_limit)', async () => {
    const compose =
      'services:\n  app:\n    deploy:\n      resources:\n        limits:\n          memory: 512M\n  db:\n    image: postgres:16\n    mem_limit: 1g\n';
    const finding = await judgeOne(composeResourceLimits, { 'docker-compose.yml': compose }, ITEM);
    expect(finding.verdict).toBe('pass');
    expect(finding.evidence).toEqual([
      { path: 'docker-compose.yml', line: 6, excerpt: 'memory: 512M' },
      { path: 'docker-compose.yml', line: 9, excerpt: 'mem_limit: 1g' },
    ]);
  });

  it('takes limits from the base file when a production override leaves them out', async () => {
    const files = {
      'docker-compose.yml': 'services:\n  app:\n    build: .\n    mem_limit: 256m\n',
      'docker-compose.prod.yml': 'services:\n  app:\n    restart: always\n',
    };
    expect((await judgeOne(composeResourceLimits, files, ITEM)).verdict).toBe('pass');
  });

  it('fails naming the services without the limit the item asks for', async () => {
    const compose = 'services:\n  app:\n    mem_limit: 512m\n  worker:\n    image: acme/worker:1\n';
    const doc = '# Deploy\n\n#### Container Runtime\n\n- [ ] Resource limits configured (memory, CPU)\n';
    const [finding] = await judgeLast(composeResourceLimits, { 'docker-compose.yml': compose }, doc);
    expect(finding?.verdict).toBe('fail');
    expect(finding?.message).toBe(
      '2 of 2 services in docker-compose.yml have no memory and CPU limit: app (docker-compose.yml:2), worker (docker-compose.yml:4)',
    );
  });

  it('fails without a Compose file when the item names Compose, is unknown otherwise', async () => {
    expect((await judgeOne(composeResourceLimits, { Dockerfile: 'FROM a:1\n' }, ITEM)).verdict).toBe('fail');
    const generic = await judgeOne(
      composeResourceLimits,
      { Dockerfile: 'FROM a:1\n' },
      'Container resource limits configured',
    );
    expect(generic.verdict).toBe('unknown');
  });

  it('is unknown when Compose has no limits but Kubernetes manifests may set them', async () => {
    const files = {
      'docker-compose.yml': 'services:\n  app:\n    build: .\n',
      'k8s/deploy.yaml': 'apiVersion: apps/v1\nkind: Deployment\n',
    };
    const finding = await judgeOne(
      composeResourceLimits,
      files,
      'Memory limits set on all Docker containers',
    );
    expect(finding.verdict).toBe('unknown');
  });
});

describe('compose.resource-limits: every service, Podman files', () => {
  const PROD = `services:
  app:
    image: shop:1
    deploy:
      resources:
        limits:
          memory: 512M
          cpus: "1"
  nginx:
    image: nginx:1.27
`;

  it('reads "limits for ALL services" as Compose services and judges the production Podman file', async () => {
    const files = {
      'docker-compose.yml': 'services:\n  app:\n    build: .\n    mem_limit: 256m\n    cpus: 0.5\n',
      'podman-compose.prod.yml': PROD,
    };
    const finding = await judgeOne(
      composeResourceLimits,
      files,
      'Set memory and CPU limits for ALL services',
      {
        heading: 'Resource Management',
      },
    );
    expect(finding).toMatchObject({
      verdict: 'fail',
      evidence: [{ path: 'podman-compose.prod.yml', line: 9 }],
    });
  });

  it('leaves "limits for all services" undecided where there is no Compose file', async () => {
    const finding = await judgeOne(
      composeResourceLimits,
      { 'app.py': 'x\n' },
      'Memory limits for all services',
      {
        heading: 'Resource Management',
      },
    );
    expect(finding.verdict).toBe('unknown');
  });
});
