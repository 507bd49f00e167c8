import { codeSignalsCollector } from '../../collectors/code-signals.js';
import type { EvalContext, Rule } from '../../rule.js';
import type { Finding } from '../../types.js';
import { judgeSignal, matchBehaviourClaim, type SignalClaim, wiredInScope } from './signals-evidence.js';

const ERROR_TRACKING =
  /\berror[- ](?:tracking|monitoring|reporting)\b|\bexception (?:tracking|monitoring|reporting)\b|\bcrash reporting\b|\b(?:sentry|rollbar|bugsnag|honeybadger|appsignal|airbrake|raygun)\b|错误追踪|异常监控|错误监控/i;

export const signalsErrorTracking: Rule<SignalClaim> = {
  id: 'signals.error-tracking',
  title: 'An error-tracking SDK is wired into the code',
  why: 'Without an error tracker, production exceptions are found by users, not by the team.',
  fix: 'Install and initialise the SDK at start-up (`Sentry.init({ dsn: process.env.SENTRY_DSN })`, `sentry_sdk.init(...)`).',
  recognises:
    '"error tracking", "exception monitoring", "crash reporting" or a tracker by name (Sentry, Rollbar, Bugsnag, ' +
    'Honeybadger, AppSignal, Airbrake, Raygun), in the item or a nested bullet; not "error handling".',
  needs: [codeSignalsCollector],
  match: (item) => matchBehaviourClaim(item, ERROR_TRACKING, /\bSENTRY_DSN\b/),
  evaluate: (claim, ctx) =>
    loadedByNext(judgeSignal({ signal: 'error-tracking', what: 'error tracking' }, claim, ctx), ctx),
  examples: {
    match: [
      '错误追踪',
      'Error tracking system',
      'Integrate Sentry or similar error tracking service',
      'Error tracking configured (Sentry)',
      'Error tracking with Sentry',
      '**Error Tracking** - Error triage with context snapshots',
      'Exceptions reported to Rollbar',
    ],
    noMatch: [
      '**Error Handling** - Comprehensive error handling with logging and monitoring',
      'Error tracking alerts received by on-call in production',
      '`SENTRY_DSN` documented in `.env.example`',
      'Structured JSON logging',
    ],
    verdicts: [
      {
        files: {
          'package.json':
            '{\n  "name": "portal",\n  "dependencies": {\n    "@sentry/node": "^8.33.0"\n  }\n}\n',
          'src/server.ts':
            "import * as Sentry from '@sentry/node';\n\nSentry.init({ dsn: process.env.SENTRY_DSN });\n",
        },
        item: 'Error tracking with Sentry',
        verdict: 'pass',
      },
      {
        // Imported, but no manifest installs it: the code cannot be running.
        files: {
          'package.json': '{\n  "name": "portal",\n  "dependencies": {\n    "express": "^4.19.0"\n  }\n}\n',
          'src/errors.js':
            "class ErrorTracking {\n  constructor() {\n    const Sentry = require('@sentry/node');\n    Sentry.init({ dsn: process.env.SENTRY_DSN });\n  }\n}\nmodule.exports = ErrorTracking;\n",
        },
        item: 'Error tracking with Sentry',
        verdict: 'unknown',
      },
      {
        files: {
          'requirements.txt': 'sentry-sdk==2.14.0\n',
          'app/main.py': 'import logging\n',
        },
        item: 'Error tracking configured (Sentry)',
        verdict: 'fail',
      },
    ],
  },
};

/** Next.js Sentry SDK config files: Next never imports them; the SDK's build wrapper or an instrumentation file does. */
const NEXT_SENTRY_CONFIG = /(?:^|\/)sentry\.(?:client|server|edge)\.config\.[cm]?[jt]s$/;
const NEXT_LOADER = /(?:^|\/)(?:src\/)?instrumentation(?:-client)?\.[cm]?[jt]s$/;

/**
 * `sentry.client.config.ts` initialises Sentry only if something loads it: `withSentryConfig` in
 * next.config (itself an import of the SDK, so a hit of its own) or an instrumentation file.
 * When those config files are the only evidence and neither exists, the SDK is installed, not working.
 */
function loadedByNext(finding: Finding, ctx: EvalContext): Finding {
  if (finding.verdict !== 'pass') return finding;
  const hits = wiredInScope(ctx.get(codeSignalsCollector), 'error-tracking', ctx.scope);
  if (!hits.length || !hits.every((hit) => NEXT_SENTRY_CONFIG.test(hit.path))) return finding;
  const folders = new Set(hits.map((hit) => hit.path.slice(0, hit.path.lastIndexOf('/') + 1)));
  const loader = ctx.files.find(
    (path) => NEXT_LOADER.test(path) && [...folders].some((folder) => path.startsWith(folder)),
  );
  if (loader) return finding;
  const first = hits[0] as (typeof hits)[number];
  return {
    verdict: 'unknown',
    message: `Sentry is initialised in ${first.path}, but nothing loads that file: no withSentryConfig in next.config and no instrumentation file beside it`,
    evidence: hits.slice(0, 3).map((hit) => ({ path: hit.path, ...(hit.line ? { line: hit.line } : {}) })),
  };
}
