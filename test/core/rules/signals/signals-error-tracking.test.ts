import { describe, expect, it } from 'vitest';
import { signalsErrorTracking } from '../../../../src/core/rules/signals/signals-error-tracking.js';
import { judgeOne } from '../../../support/rule-harness.js';

const pkg = (deps: string) => `{\n  "name": "portal",\n  "dependencies": {\n${deps}\n  }\n}\n`;

describe('signals.error-tracking', () => {
  it('passes when the Sentry SDK is imported and initialised', async () => {
    const finding = await judgeOne(
      signalsErrorTracking,
      {
        'package.json': pkg('    "@sentry/node": "^8.33.0"'),
        'src/server.ts':
          "import * as Sentry from '@sentry/node';\n\nSentry.init({ dsn: process.env.SENTRY_DSN });\n",
      },
      'Error tracking with Sentry',
    );
    expect(finding.verdict).toBe('pass');
    expect(finding.message).toContain('src/server.ts:1');
  });

  it('fails when no tracker is declared or imported', async () => {
    const finding = await judgeOne(
      signalsErrorTracking,
      { 'package.json': pkg('    "fastify": "^5.0.0"'), 'src/index.js': "import Fastify from 'fastify';\n" },
      'Error tracking with Sentry',
    );
    expect(finding.verdict).toBe('fail');
    expect(finding.message).toMatch(/no Sentry imported or declared in 1 source files/);
  });

  it('is unknown when Sentry is declared but never imported and the claim does not say wired in', async () => {
    const finding = await judgeOne(
      signalsErrorTracking,
      {
        'requirements.txt': 'fastapi==0.115.0\nsentry-sdk==2.14.0\n',
        'app/main.py': 'from fastapi import FastAPI\n',
      },
      'Error tracking with Sentry',
    );
    expect(finding.verdict).toBe('unknown');
    expect(finding.evidence[0]).toMatchObject({ path: 'requirements.txt', line: 2 });
  });

  it('fails a claim of "configured" when the SDK is declared but never imported', async () => {
    const finding = await judgeOne(
      signalsErrorTracking,
      { 'requirements.txt': 'sentry-sdk==2.14.0\n', 'app/main.py': 'import logging\n' },
      'Error tracking configured (Sentry)',
    );
    expect(finding.verdict).toBe('fail');
    expect(finding.message).toContain('declared, not wired in');
  });

  it('is unknown when the code holds a home-grown tracker', async () => {
    const finding = await judgeOne(
      signalsErrorTracking,
      { 'src/errors.ts': 'export function report(e: Error) {\n  errorTracker.captureException(e);\n}\n' },
      'Error tracking system',
    );
    expect(finding.verdict).toBe('unknown');
  });

  it('Next.js: sentry.*.config files initialise nothing unless withSentryConfig or an instrumentation file loads them', async () => {
    const config =
      "import * as Sentry from '@sentry/nextjs';\n\nSentry.init({ dsn: process.env.NEXT_PUBLIC_SENTRY_DSN });\n";
    const app = {
      'apps/web/package.json': '{ "dependencies": { "@sentry/nextjs": "^8.0.0", "next": "14.2.0" } }\n',
      'apps/web/sentry.client.config.ts': config,
      'apps/web/sentry.server.config.ts': config,
      'apps/web/next.config.mjs': 'export default { reactStrictMode: true };\n',
    };
    const unloaded = await judgeOne(signalsErrorTracking, app, 'Integrated Sentry for error monitoring');
    expect(unloaded).toMatchObject({
      verdict: 'unknown',
      evidence: [
        { path: 'apps/web/sentry.client.config.ts', line: 1 },
        { path: 'apps/web/sentry.server.config.ts', line: 1 },
      ],
    });
    expect(unloaded.message).toContain('nothing loads that file');
    const wrapped = {
      ...app,
      'apps/web/next.config.mjs':
        "import { withSentryConfig } from '@sentry/nextjs';\n\nexport default withSentryConfig({ reactStrictMode: true });\n",
    };
    expect(
      (await judgeOne(signalsErrorTracking, wrapped, 'Integrated Sentry for error monitoring')).verdict,
    ).toBe('pass');
    const instrumented = {
      ...app,
      'apps/web/instrumentation.ts':
        "export async function register() {\n  await import('./sentry.server.config');\n}\n",
    };
    expect(
      (await judgeOne(signalsErrorTracking, instrumented, 'Integrated Sentry for error monitoring')).verdict,
    ).toBe('pass');
  });
});
