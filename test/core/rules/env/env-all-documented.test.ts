import { describe, expect, it } from 'vitest';
import { envAllDocumented } from '../../../../src/core/rules/env/env-all-documented.js';
import { judgeOne } from '../../../support/rule-harness.js';

const config = `export const config = {
  port: Number(process.env.PORT ?? 3000),
  databaseUrl: process.env.DATABASE_URL,
  sentryDsn: process.env['SENTRY_DSN'],
};
`;

describe('env.all-documented', () => {
  it('passes when every read variable is in .env.example', async () => {
    const files = {
      'src/config.ts': config,
      '.env.example': 'PORT=3000\nDATABASE_URL=postgres://localhost/app\n# SENTRY_DSN=\n',
    };
    const finding = await judgeOne(envAllDocumented, files, 'All env vars documented');
    expect(finding).toMatchObject({
      verdict: 'pass',
      message: 'all 3 variables read by code are documented (.env.example)',
    });
  });

  it('fails naming each undocumented variable with where it is read', async () => {
    const files = { 'src/config.ts': config, '.env.example': 'PORT=3000\n' };
    const finding = await judgeOne(envAllDocumented, files, '`.env.example` up to date');
    expect(finding).toMatchObject({
      verdict: 'fail',
      message:
        '2 of 3 variables read by code are not documented: DATABASE_URL (src/config.ts:3), SENTRY_DSN (src/config.ts:4)',
    });
  });

  it('is unknown, not failed, when a claim that variables are documented finds most of them', async () => {
    const files = { 'src/config.ts': config, '.env.example': 'PORT=3000\nDATABASE_URL=postgres://x\n' };
    const finding = await judgeOne(
      envAllDocumented,
      files,
      'Documented environment variables for local and production',
    );
    expect(finding.verdict).toBe('unknown');
    expect(finding.message).toContain('the item does not claim every variable is documented');
    expect(finding.evidence).toMatchObject([{ path: 'src/config.ts', line: 4 }]);
  });

  it('counts compose environment and Kubernetes env as documentation', async () => {
    const compose = 'services:\n  api:\n    environment:\n      - PORT=3000\n      - DATABASE_URL\n';
    const deployment = `apiVersion: apps/v1
kind: Deployment
spec:
  template:
    spec:
      containers:
        - name: api
          env:
            - name: SENTRY_DSN
              valueFrom: { secretKeyRef: { name: sentry, key: dsn } }
`;
    const files = {
      'src/config.ts': config,
      'docker-compose.yml': compose,
      'k8s/deployment.yaml': deployment,
    };
    expect((await judgeOne(envAllDocumented, files, 'All env vars documented')).verdict).toBe('pass');
  });

  it('fails when nothing documents the variables', async () => {
    const finding = await judgeOne(envAllDocumented, { 'src/config.ts': config }, 'All env vars documented');
    expect(finding.verdict).toBe('fail');
    expect(finding.evidence.slice(0, 2)).toMatchObject([
      { path: '.env.example' },
      { path: 'src/config.ts', line: 2 },
    ]);
  });

  it('is unknown with no recognised reads, or with template entries no code reads', async () => {
    expect(
      (await judgeOne(envAllDocumented, { 'src/app.ts': 'export {};\n' }, 'All env vars documented')).verdict,
    ).toBe('unknown');
    const files = {
      'src/config.ts': config,
      '.env.example': 'PORT=3000\nDATABASE_URL=\nSENTRY_DSN=\nAWS_REGION=eu-west-1\n',
    };
    const stale = await judgeOne(envAllDocumented, files, 'All env vars documented');
    expect(stale).toMatchObject({ verdict: 'unknown', evidence: [{ path: '.env.example', line: 4 }] });
  });
});
