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
    expect(finding).toMatchObject({ verdict: 'pass', evidence: [{ path: 'src/server.ts', line: 2 }] });
    expect(finding.message).toBe('rate limiting: express-rate-limit applied at src/server.ts:2');
  });

  it('is unknown when the limiter is imported and built but its application is commented out', async () => {
    const finding = await judgeOne(
      signalsRateLimiting,
      {
        'server/middlewares/security.js':
          "import rateLimit from 'express-rate-limit';\nexport const generalRateLimit = rateLimit({ max: 500 });\n",
        'server/server.js':
          "import express from 'express';\nimport { generalRateLimit } from './middlewares/security.js';\nconst app = express();\n// app.use(generalRateLimit);\n",
        'package.json': '{ "dependencies": { "express-rate-limit": "^7.0.0" } }\n',
      },
      'Rate limiting configured',
    );
    expect(finding.verdict).toBe('unknown');
    expect(finding.message).toBe(
      'express-rate-limit is imported at server/middlewares/security.js:1 but never applied: no app.use/register/add_middleware/Use of it, or of a name built from it, in code that is not a comment',
    );
  });

  it('passes "admin endpoint has rate limiting" only when a limiter reaches the admin routes', async () => {
    const files = {
      'src/limits.ts':
        "import rateLimit from 'express-rate-limit';\nexport const strict = rateLimit({ max: 5 });\n",
      'src/routes/auth.ts':
        "import { Router } from 'express';\nimport { strict } from '../limits';\nconst router = Router();\nrouter.post('/login', strict, login);\n",
      'src/routes/admin.ts':
        "import { Router } from 'express';\nconst router = Router();\nrouter.post('/reindex', reindex);\nexport default router;\n",
    };
    const onLogin = await judgeOne(signalsRateLimiting, files, 'Admin endpoint has rate limiting');
    expect(onLogin).toMatchObject({
      verdict: 'fail',
      message:
        'POST /reindex (src/routes/admin.ts:3) is one of the admin routes and no limiter reaches it: express-rate-limit applied to /login at src/routes/auth.ts:4 as strict (built at src/limits.ts:2), nothing app-wide',
      evidence: [
        { path: 'src/routes/admin.ts', line: 3 },
        { path: 'src/routes/auth.ts', line: 4 },
      ],
    });
    // Without an admin route in the code there is nothing to point at: unknown, naming where it applies.
    const { 'src/routes/admin.ts': _admin, ...noAdmin } = files;
    const unnamed = await judgeOne(signalsRateLimiting, noAdmin, 'Admin endpoint has rate limiting');
    expect(unnamed.verdict).toBe('unknown');
    expect(unnamed.message).toBe(
      'the item is about the admin routes; no rate limiting shown applied to them: it is applied only as found: express-rate-limit applied to /login at src/routes/auth.ts:4 as strict (built at src/limits.ts:2)',
    );
    // A hand-written limiter in the admin routes' file keeps it unknown.
    const handWritten = await judgeOne(
      signalsRateLimiting,
      {
        ...files,
        'src/routes/admin.ts':
          "import { Router } from 'express';\nconst router = Router();\nrouter.post('/reindex', adminRateLimit(5), reindex);\nexport default router;\n",
      },
      'Admin endpoint has rate limiting',
    );
    expect(handWritten.verdict).toBe('unknown');
    const onAdmin = await judgeOne(
      signalsRateLimiting,
      {
        ...files,
        'src/app.ts':
          "import express from 'express';\nimport { strict } from './limits';\nimport admin from './routes/admin';\nconst app = express();\napp.use('/admin', strict, admin);\n",
      },
      'Admin endpoint has rate limiting',
    );
    expect(onAdmin).toMatchObject({ verdict: 'pass', evidence: [{ path: 'src/app.ts', line: 5 }] });
    const everywhere = await judgeOne(
      signalsRateLimiting,
      {
        ...files,
        'src/app.ts':
          "import express from 'express';\nimport { strict } from './limits';\nconst app = express();\napp.use(strict);\n",
      },
      'Admin endpoint has rate limiting',
    );
    expect(everywhere.verdict).toBe('pass');
  });

  it('is unknown for a claim about the whole API when limiters guard single routes only', async () => {
    const finding = await judgeOne(
      signalsRateLimiting,
      {
        'server/middlewares/security.js': [
          "import rateLimit, { ipKeyGenerator } from 'express-rate-limit';",
          'export const loginRateLimit = rateLimit({',
          '  keyGenerator: (req) => {',
          '    const ip = ipKeyGenerator(req.ip);',
          '    return ip + req.body.email;',
          '  },',
          '});',
          '// A logger applied app-wide shares a word with the limiter: it is not a limiter.',
          'export const requestLogger = (req, res, next) => {',
          '  log({ ip: req.ip, url: req.originalUrl });',
          '  next();',
          '};',
          '',
        ].join('\n'),
        'server/server.js':
          "import express from 'express';\nimport { requestLogger } from './middlewares/security.js';\nconst app = express();\napp.use(requestLogger);\n",
        'server/routes/auth.js':
          "import express from 'express';\nimport { loginRateLimit } from '../middlewares/security.js';\nconst router = express.Router();\nrouter.post('/login', loginRateLimit, login);\n",
      },
      'Rate limiting enabled on API',
    );
    expect(finding.verdict).toBe('unknown');
    expect(finding.message).toMatch(/^the item is about every route; no rate limiting shown applied to them/);
  });

  it('keeps a Java limiter import unknown for a claim naming routes (where it applies is not read)', async () => {
    const finding = await judgeOne(
      signalsRateLimiting,
      {
        'src/main/java/app/RateLimitFilter.java':
          'package app;\nimport io.github.bucket4j.Bucket;\npublic class RateLimitFilter {}\n',
      },
      'OTP brute-force protection (rate limit)',
    );
    expect(finding.verdict).toBe('unknown');
    expect(finding.message).toContain('where it applies is not read from this code');
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

  it('Spring: a @Component servlet filter applies its limiter to the paths it tests, and to no others', async () => {
    const files = {
      'src/main/java/app/security/RateLimitFilter.java': [
        'package app.security;',
        'import io.github.bucket4j.Bucket;',
        'import jakarta.servlet.*;',
        'import org.springframework.stereotype.Component;',
        '@Component',
        'public class RateLimitFilter implements Filter {',
        '  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) {',
        '    String path = ((jakarta.servlet.http.HttpServletRequest) request).getRequestURI();',
        '    if (path.startsWith("/api/auth/login") || path.startsWith("/api/auth/forgot-password")) {',
        '      bucket.tryConsume(1);',
        '    }',
        '  }',
        '}',
        '',
      ].join('\n'),
    };
    const auth = await judgeOne(
      signalsRateLimiting,
      files,
      'Bucket4j rate limiting (10 req/min per IP for auth endpoints)',
    );
    expect(auth).toMatchObject({
      verdict: 'pass',
      evidence: [{ path: 'src/main/java/app/security/RateLimitFilter.java', line: 6 }],
    });
    const otp = await judgeOne(signalsRateLimiting, files, 'OTP brute-force protection (rate limit)');
    expect(otp.verdict).toBe('unknown');
    expect(otp.message).toMatch(/^the item is about the OTP routes; no rate limiting shown applied to them/);
  });
});
