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

  it('is unknown when no header library is found (headers are often set by hand)', async () => {
    const finding = await judgeOne(
      signalsSecurityHeaders,
      { 'src/app.ts': "import express from 'express';\nconst app = express();\n" },
      'Security headers configured',
    );
    expect(finding.verdict).toBe('unknown');
    expect(finding.message).toContain('cannot be ruled out');
  });

  it('fails a claim naming helmet when the manifest lacks it, pointing at the manifest', async () => {
    const finding = await judgeOne(
      signalsSecurityHeaders,
      {
        'package.json': '{ "dependencies": { "express": "^4.19.0" } }\n',
        'src/app.ts': "import express from 'express';\nconst app = express();\n",
      },
      'Security headers with helmet',
    );
    expect(finding.verdict).toBe('fail');
    expect(finding.evidence).toEqual([{ path: 'package.json' }]);
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
