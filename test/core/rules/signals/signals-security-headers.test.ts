import { describe, expect, it } from 'vitest';
import { signalsSecurityHeaders } from '../../../../src/core/rules/signals/signals-security-headers.js';
import { judgeOne } from '../../../support/rule-harness.js';

describe('signals.security-headers', () => {
  it('passes on @fastify/helmet', async () => {
    const finding = await judgeOne(
      signalsSecurityHeaders,
      { 'src/index.js': "import helmet from '@fastify/helmet';\nawait app.register(helmet);\n" },
      'Security headers with helmet',
    );
    expect(finding.verdict).toBe('pass');
  });

  it('passes on a Content-Security-Policy header in nginx config', async () => {
    const finding = await judgeOne(
      signalsSecurityHeaders,
      {
        'deploy/nginx.conf':
          'server {\n  listen 80;\n  add_header Content-Security-Policy "default-src \'self\'" always;\n}\n',
        'src/app.ts': 'export {};\n',
      },
      'Security headers (X-Content-Type-Options, X-Frame-Options, etc.)',
    );
    expect(finding).toMatchObject({ verdict: 'pass', evidence: [{ path: 'deploy/nginx.conf', line: 3 }] });
  });

  it('fails when nothing sets security headers', async () => {
    const finding = await judgeOne(
      signalsSecurityHeaders,
      { 'src/app.ts': "import express from 'express';\nconst app = express();\n" },
      'Security headers configured',
    );
    expect(finding.verdict).toBe('fail');
  });

  it('is unknown when helmet is declared but never imported', async () => {
    const finding = await judgeOne(
      signalsSecurityHeaders,
      { 'package.json': '{ "dependencies": { "helmet": "^7.1.0" } }\n', 'src/app.ts': 'export {};\n' },
      'Security headers with helmet',
    );
    expect(finding.verdict).toBe('unknown');
  });
});
