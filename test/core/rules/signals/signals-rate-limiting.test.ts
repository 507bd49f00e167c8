import { describe, expect, it } from 'vitest';
import { signalsRateLimiting } from '../../../../src/core/rules/signals/signals-rate-limiting.js';
import { judgeOne } from '../../../support/rule-harness.js';

describe('signals.rate-limiting', () => {
  it('passes on express-rate-limit', async () => {
    const finding = await judgeOne(
      signalsRateLimiting,
      {
        'src/server.ts':
          "import rateLimit from 'express-rate-limit';\napp.use(rateLimit({ windowMs: 60_000, limit: 120 }));\n",
      },
      'Rate limiting middleware',
    );
    expect(finding).toMatchObject({ verdict: 'pass', evidence: [{ path: 'src/server.ts', line: 1 }] });
  });

  it('passes on nginx limit_req', async () => {
    const finding = await judgeOne(
      signalsRateLimiting,
      {
        'nginx/default.conf': 'limit_req_zone $binary_remote_addr zone=api:10m rate=10r/s;\n',
        'main.go': 'package main\n',
      },
      'Rate limiting configured',
    );
    expect(finding.verdict).toBe('pass');
  });

  it('is unknown when no known limiter exists in a FastAPI app (a proxy or hand-written one may limit)', async () => {
    const finding = await judgeOne(
      signalsRateLimiting,
      {
        'requirements.txt': 'fastapi==0.115.0\n',
        'app/main.py': 'from fastapi import FastAPI\n\napp = FastAPI()\n',
      },
      'Rate limiting on public endpoints',
      { checked: false },
    );
    expect(finding.verdict).toBe('unknown');
    expect(finding.message).toContain('1 source files and 1 manifests');
  });

  it('is unknown when a home-grown limiter appears in the code', async () => {
    const finding = await judgeOne(
      signalsRateLimiting,
      {
        'src/middleware/quota.ts':
          'export function perOrgRateLimit(orgId: string) {\n  return redis.incr(orgId);\n}\n',
      },
      'API rate limiting per organisation',
    );
    expect(finding.verdict).toBe('unknown');
    expect(finding.evidence[0]).toMatchObject({ path: 'src/middleware/quota.ts', line: 1 });
  });
});
