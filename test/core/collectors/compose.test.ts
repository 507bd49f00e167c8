import { describe, expect, it } from 'vitest';
import { composeCollector, parseCompose } from '../../../src/core/collectors/compose.js';
import { DEFAULT_CONFIG } from '../../../src/core/config.js';
import { collectEvidence, createRepoView } from '../../../src/core/evidence.js';
import { joinPath } from '../../../src/core/formats/paths.js';
import { MemoryRepo } from '../../support/memory-repo.js';

const PRODUCTION = `x-defaults: &defaults
  restart: unless-stopped
  mem_limit: 512m

services:
  app:
    <<: *defaults
    build:
      context: .
      dockerfile: Dockerfile.production
    user: "1000:1000"
    healthcheck:
      test: ["CMD", "curl", "-f", "http://localhost:3000/health"]
      interval: 30s
    deploy:
      resources:
        limits:
          cpus: "0.50"
          memory: 256M
    depends_on:
      migrate:
        condition: service_completed_successfully
  db:
    image: postgres:16
    volumes:
      - pgdata:/var/lib/postgresql/data
      - ./init.sql:/docker-entrypoint-initdb.d/init.sql:ro
      - /tmp/scratch
      - type: tmpfs
        target: /run
    healthcheck:
      disable: true
    deploy:
      restart_policy:
        condition: on-failure
  migrate:
    build: ./migrations
    profiles: [tools]

volumes:
  pgdata:
`;

describe('parseCompose', () => {
  const parsed = parseCompose('deploy/docker-compose.production.yml', PRODUCTION);
  const [app, db, migrate] = parsed.services;

  it('reads services with the line of each key, following merges', () => {
    expect(parsed.unparsable).toBeUndefined();
    expect(parsed.services.map((service) => [service.name, service.line])).toEqual([
      ['app', 6],
      ['db', 23],
      ['migrate', 36],
    ]);
    expect(app?.restart).toMatchObject({ value: 'unless-stopped', line: 7 });
    expect(app?.memoryLimit).toMatchObject({ value: '256M', line: 19, excerpt: 'memory: 256M' });
    expect(app?.cpuLimit).toMatchObject({ value: '0.50', line: 18 });
    expect(app?.user).toMatchObject({ value: '1000:1000', line: 11 });
    expect(app?.healthcheck).toMatchObject({ line: 12, disabled: false });
    expect(db?.healthcheck).toMatchObject({ line: 31, disabled: true });
    expect(db?.restart).toMatchObject({ value: 'on-failure', line: 35 });
    expect(db?.image).toMatchObject({ value: 'postgres:16', line: 24 });
  });

  it('resolves the Dockerfile a service is built from', () => {
    expect(app?.build).toEqual({ line: 8, context: 'deploy', dockerfile: 'deploy/Dockerfile.production' });
    expect(migrate?.build).toEqual({
      line: 37,
      context: 'deploy/migrations',
      dockerfile: 'deploy/migrations/Dockerfile',
    });
  });

  it('tells named, bind, anonymous and tmpfs volumes apart', () => {
    expect(db?.volumes.map((volume) => [volume.kind, volume.source, volume.target, volume.line])).toEqual([
      ['named', 'pgdata', '/var/lib/postgresql/data', 26],
      ['bind', './init.sql', '/docker-entrypoint-initdb.d/init.sql', 27],
      ['anonymous', undefined, '/tmp/scratch', 28],
      ['tmpfs', undefined, '/run', 29],
    ]);
  });

  it('marks one-shot jobs and profiles', () => {
    expect(migrate?.oneShot).toBe(true);
    expect(migrate?.profiles).toEqual(['tools']);
    expect(app?.oneShot).toBe(false);
  });

  it('records alias bombs and YAML errors as unparsable instead of throwing', () => {
    const bomb = [
      'a: &a ["x","x","x","x","x","x","x","x","x"]',
      ...Array.from({ length: 9 }, (_, index) => {
        const previous = index === 0 ? 'a' : `l${index - 1}`;
        return `l${index}: &l${index} [${Array(9).fill(`*${previous}`).join(',')}]`;
      }),
      'services:\n  app:\n    image: *l8',
    ].join('\n');
    expect(parseCompose('compose.yaml', bomb).unparsable).toMatch(/alias/i);
    expect(parseCompose('compose.yaml', 'services:\n  app: [\n').unparsable).toMatch(/YAML error/);
    expect(parseCompose('compose.yaml', '').services).toEqual([]);
    expect(parseCompose('compose.yaml', 'services: 3\n').services).toEqual([]);
  });
});

describe('composeCollector', () => {
  it('reads every Compose file name variant', async () => {
    const repo = new MemoryRepo({
      'docker-compose.yml': 'services:\n  web:\n    image: nginx:1.25\n',
      'compose.yaml': 'services: {}\n',
      'ops/docker-compose.prod.yaml': 'services: {}\n',
      'compose.override.yml': 'services: {}\n',
      'composer.yml': 'not compose',
    });
    const evidence = await collectEvidence(composeCollector, await createRepoView(repo), DEFAULT_CONFIG);
    expect(evidence.files.map((file) => file.path)).toEqual([
      'compose.override.yml',
      'compose.yaml',
      'docker-compose.yml',
      'ops/docker-compose.prod.yaml',
    ]);
  });

  it('joins paths without climbing above the repository', () => {
    expect(joinPath('deploy', '../Dockerfile')).toBe('Dockerfile');
    expect(joinPath('', '../../x/Dockerfile')).toBe('x/Dockerfile');
  });
});
