import { describe, expect, it } from 'vitest';
import { paasCollector, parsePaas } from '../../../src/core/collectors/paas.js';
import { DEFAULT_CONFIG } from '../../../src/core/config.js';
import { collectEvidence, createRepoView } from '../../../src/core/evidence.js';
import { MemoryRepo } from '../../support/memory-repo.js';

const RENDER = `services:
  - type: web
    name: shop
    startCommand: node server.js
    healthCheckPath: /healthz
    envVars:
      - key: NODE_ENV
        value: production
      - key: SESSION_SECRET
        generateValue: true
      - key: DATABASE_URL
        fromDatabase:
          name: shop-db
          property: connectionString
      - key: STRIPE_KEY
        sync: false
  - type: worker
    name: jobs
databases:
  - name: shop-db
`;

describe('paas collector', () => {
  it('reads a Render blueprint: services, databases, env values and how each is set, settings with lines', () => {
    const config = parsePaas('render.yaml', RENDER);
    expect(config?.platform).toBe('render');
    expect(config?.services).toEqual([
      { kind: 'web', name: 'shop', line: 2 },
      { kind: 'worker', name: 'jobs', line: 17 },
      { kind: 'postgres', name: 'shop-db', line: 20 },
    ]);
    expect(config?.env).toEqual([
      { name: 'NODE_ENV', value: 'production', how: 'value', line: 7 },
      { name: 'SESSION_SECRET', how: 'generated', line: 9 },
      { name: 'DATABASE_URL', how: 'linked', line: 11 },
      { name: 'STRIPE_KEY', how: 'dashboard', line: 15 },
    ]);
    expect(config?.settings).toContainEqual({
      key: 'healthCheckPath',
      value: '/healthz',
      line: 5,
      service: 'shop',
    });
  });

  it('reads fly.toml, a Procfile and Heroku app.json, and leaves an Expo app.json alone', () => {
    const fly = parsePaas(
      'fly.toml',
      'app = "shop"\n[env]\n  PORT = "8080"\n[[http_service.checks]]\n  path = "/health"\n',
    );
    expect(fly?.services).toEqual([{ kind: 'app', name: 'shop', line: 1 }]);
    expect(fly?.env).toEqual([{ name: 'PORT', value: '8080', how: 'value', line: 3 }]);
    expect(fly?.settings).toContainEqual({ key: 'http_service.checks.path', value: '/health', line: 5 });

    const procfile = parsePaas(
      'Procfile',
      'web: gunicorn app:app --workers 3\n# comment: no\nworker: celery -A app worker\n',
    );
    expect(procfile?.services.map((service) => `${service.kind}@${service.line}`)).toEqual([
      'web@1',
      'worker@3',
    ]);

    const heroku = parsePaas(
      'app.json',
      '{\n  "env": {\n    "SECRET": { "generator": "secret" }\n  },\n  "addons": ["heroku-redis"]\n}\n',
    );
    expect(heroku?.env).toEqual([{ name: 'SECRET', how: 'generated', line: 3 }]);
    expect(heroku?.services).toEqual([{ kind: 'heroku-redis', name: 'heroku-redis', line: 5 }]);

    expect(parsePaas('app.json', '{ "expo": { "name": "mobile" } }')).toBeUndefined();
  });

  it('records a malformed file as unparsable and skips vendored copies', async () => {
    const view = await createRepoView(
      new MemoryRepo({
        'render.yaml': 'services: [\n',
        'vercel.json': '{ "rewrites": ',
        'node_modules/pkg/vercel.json': '{}',
      }),
    );
    const evidence = await collectEvidence(paasCollector, view, DEFAULT_CONFIG);
    expect(evidence.configs.map((config) => config.path)).toEqual(['render.yaml', 'vercel.json']);
    expect(paasCollector.unparsable?.(evidence).map((entry) => entry.path)).toEqual([
      'render.yaml',
      'vercel.json',
    ]);
  });
});
