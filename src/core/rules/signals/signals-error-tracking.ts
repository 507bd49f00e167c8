import { codeSignalsCollector } from '../../collectors/code-signals.js';
import type { Rule } from '../../rule.js';
import { judgeSignal, matchClaim, type SignalClaim } from './signals-evidence.js';

const ERROR_TRACKING =
  /\berror[- ](?:tracking|monitoring|reporting)\b|\bexception (?:tracking|monitoring|reporting)\b|\bcrash reporting\b|\b(?:sentry|rollbar|bugsnag|honeybadger|appsignal|airbrake|raygun)\b/i;

export const signalsErrorTracking: Rule<SignalClaim> = {
  id: 'signals.error-tracking',
  title: 'An error-tracking SDK is wired into the code',
  why: 'Without an error tracker, production exceptions are found by users, not by the team.',
  fix: 'Install and initialise the SDK at start-up (`Sentry.init({ dsn: process.env.SENTRY_DSN })`, `sentry_sdk.init(...)`).',
  recognises:
    '"error tracking", "exception monitoring", "crash reporting" or a tracker by name (Sentry, Rollbar, Bugsnag, ' +
    'Honeybadger, AppSignal, Airbrake, Raygun), in the item or a nested bullet; not "error handling".',
  needs: [codeSignalsCollector],
  match: (item) => matchClaim(item, ERROR_TRACKING, /\bSENTRY_DSN\b/),
  evaluate: (claim, ctx) => judgeSignal({ signal: 'error-tracking', what: 'error tracking' }, claim, ctx),
  examples: {
    match: [
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
  },
};
