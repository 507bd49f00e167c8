import { describe, expect, it } from 'vitest';
import { paasSetting } from '../../../../src/core/rules/paas/paas-setting.js';
import { judge, judgeOne, matches } from '../../../support/rule-harness.js';

const BLUEPRINT = `services:
  - type: web
    name: api
    startCommand: node server.js
    healthCheckPath: /health
  - type: redis
    name: cache
    ipAllowList: []
`;

describe('paas.setting', () => {
  it('passes on the blueprint line that declares the service, the health check or the set-up', async () => {
    const files = { 'render.yaml': BLUEPRINT };
    expect(await judgeOne(paasSetting, files, 'Redis service configured in render.yaml')).toMatchObject({
      verdict: 'pass',
      evidence: [{ path: 'render.yaml', line: 6 }],
    });
    expect(
      await judgeOne(paasSetting, files, 'Health check configured for the Render service'),
    ).toMatchObject({
      verdict: 'pass',
      evidence: [{ path: 'render.yaml', line: 5 }],
    });
    expect(await judgeOne(paasSetting, files, '✅ **Render.com Deployment Setup**')).toMatchObject({
      verdict: 'pass',
      evidence: [{ path: 'render.yaml', line: 2 }],
    });
  });

  it('fails a missing service or health check only when the item names the file', async () => {
    const files = { 'render.yaml': 'services:\n  - type: web\n    name: api\n' };
    expect((await judgeOne(paasSetting, files, 'Health check path set in render.yaml')).verdict).toBe('fail');
    expect(
      (await judgeOne(paasSetting, files, 'Health check configured for the Render service')).verdict,
    ).toBe('unknown');
    expect((await judgeOne(paasSetting, files, 'Background worker service deployed on Render')).verdict).toBe(
      'unknown',
    );
  });

  it('reads Fly.io checks and a Procfile worker; Heroku has no health check file setting', async () => {
    const fly = { 'fly.toml': 'app = "shop"\n[[http_service.checks]]\n  path = "/health"\n' };
    expect(await judgeOne(paasSetting, fly, 'Fly.io health checks configured in fly.toml')).toMatchObject({
      verdict: 'pass',
      evidence: [{ path: 'fly.toml', line: 3 }],
    });
    const heroku = { Procfile: 'web: gunicorn app:app\nworker: celery -A app worker\n' };
    expect((await judgeOne(paasSetting, heroku, 'Procfile declares a worker process')).verdict).toBe('pass');
    expect((await judgeOne(paasSetting, heroku, 'Heroku health check configured')).verdict).toBe('unknown');
  });

  it('counts one configuration per platform, ignoring archived copies', async () => {
    const one = { 'vercel.json': '{}', 'archive/vercel.json': '{}' };
    expect((await judgeOne(paasSetting, one, 'Consolidated Vercel configurations')).verdict).toBe('pass');
    const two = { 'vercel.json': '{}', 'apps/web/vercel.json': '{}' };
    expect(await judgeOne(paasSetting, two, 'Consolidated Vercel configurations')).toMatchObject({
      verdict: 'fail',
      evidence: [{ path: 'apps/web/vercel.json' }, { path: 'vercel.json' }],
    });
  });

  it('speaks for the checklist folder first', async () => {
    const files = {
      'render.yaml': 'services:\n  - type: web\n    name: other\n',
      'services/api/render.yaml': BLUEPRINT,
    };
    const finding = await judgeOne(paasSetting, files, 'Redis service configured in render.yaml', {
      checklistPath: 'services/api/READINESS.md',
    });
    expect(finding).toMatchObject({ verdict: 'pass', evidence: [{ path: 'services/api/render.yaml' }] });
  });

  it('leaves accounts, dashboards, verbs and variables to others', () => {
    for (const text of [
      'Render the invoice template on the server',
      'Rendered pages cached',
      'Vercel environment variables set in the dashboard',
      '`REDIS_URL` set on Render',
      'Render deployment verified with a smoke test',
      'Railway account created',
      'Fly.io certificates issued for the custom domain',
    ])
      expect(matches(paasSetting, text), text).toBe(false);
  });

  it('says so when the platform has no committed file', async () => {
    const findings = await judge(paasSetting, { 'server.js': 'x' }, 'Deployed to Fly.io with fly.toml');
    expect(findings.map((finding) => finding.verdict)).toEqual(['unknown']);
  });
});
