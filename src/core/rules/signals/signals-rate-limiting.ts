import { codeSignalsCollector } from '../../collectors/code-signals.js';
import type { Rule } from '../../rule.js';
import { judgeSignal, matchClaim, type SignalClaim } from './signal-evidence.js';

const RATE_LIMITING = /\brate[- ]?limit\w*|\bthrottl\w+|\brequest quotas?\b/i;

export const signalsRateLimiting: Rule<SignalClaim> = {
  id: 'signals.rate-limiting',
  title: 'Requests are rate limited in code or proxy config',
  why: 'Without rate limits one client (or bot) can exhaust the service for everyone.',
  fix: 'Add a limiter (express-rate-limit, @fastify/rate-limit, slowapi, x/time/rate, Hammer, Bucket4j) or `limit_req` in nginx.',
  recognises:
    '"rate limiting", "rate limits", "throttling" in the item or a nested bullet; not tests or tuning of limits.',
  needs: [codeSignalsCollector],
  match: (item) => matchClaim(item, RATE_LIMITING, /\bWAF_RATE_LIMIT/),
  evaluate: (claim, ctx) =>
    judgeSignal({ signal: 'rate-limiting', what: 'rate limiting', routeScoped: true }, claim, ctx),
  examples: {
    match: [
      'Rate limiting middleware',
      'Rate limiting configured',
      '**Rate Limiting** - Advanced rate limiting with multiple strategies',
      'Rate limiting on public endpoints',
      'API throttling per client',
    ],
    noMatch: [
      'Rate limiting tested',
      'Rate limiting fine-tuning',
      'Review security settings (WAF, rate limits) in production',
    ],
  },
};
