import { codeSignalsCollector, WIRING_LANGUAGES } from '../../collectors/code-signals.js';
import { httpRoutesCollector } from '../../collectors/http-routes.js';
import { inScope } from '../../evidence.js';
import { scanKind } from '../../formats/source-files.js';
import type { EvalContext, Rule } from '../../rule.js';
import type { Finding } from '../../types.js';
import {
  at,
  judgeSignal,
  matchBehaviourClaim,
  ref,
  routeScopeOf,
  type SignalClaim,
  workingEvidence,
} from './signals-evidence.js';

const RATE_LIMITING = /\brate[- ]?limit\w*|\bthrottl\w+|\brequest quotas?\b|限流|速率限制|频率限制/i;
/** "Redis-backed rate limiting": a claim about where counters live, which a limiter alone does not show. */
const STORE = /\b(?:redis|memcached?|storage|store)\b|-backed\b/i;

export const signalsRateLimiting: Rule<SignalClaim> = {
  id: 'signals.rate-limiting',
  title: 'Requests are rate limited in code or proxy config',
  why: 'Without rate limits one client (or bot) can exhaust the service for everyone.',
  fix: 'Add a limiter (express-rate-limit, @fastify/rate-limit, slowapi, x/time/rate, Hammer, Bucket4j) or `limit_req` in nginx.',
  recognises:
    '"rate limiting", "rate limits", "throttling" in the item or a nested bullet; not tests or tuning of limits.',
  needs: [codeSignalsCollector, httpRoutesCollector],
  match: (item) =>
    matchBehaviourClaim(item, RATE_LIMITING, /\bWAF_RATE_LIMIT/).filter((claim) => !STORE.test(claim.claim)),
  evaluate(claim, ctx) {
    const found = judgeSignal(
      { signal: 'rate-limiting', what: 'rate limiting', routeScoped: true },
      claim,
      ctx,
    );
    return found.verdict === 'unknown' ? (unprotectedRoute(claim, ctx) ?? found) : found;
  },
  examples: {
    match: [
      'API 限流',
      'Rate limiting middleware',
      'Rate limiting configured',
      '**Rate Limiting** - Advanced rate limiting with multiple strategies',
      'Rate limiting on public endpoints',
      'API throttling per client',
    ],
    noMatch: [
      'Rate limiting documentation',
      'Rate limiting tested',
      'Rate limiting fine-tuning',
      'Review security settings (WAF, rate limits) in production',
      'Rate limit counters kept in Redis',
      'Memcached-backed throttling store',
    ],
    verdicts: [
      {
        files: {
          'src/server.ts':
            "import express from 'express';\nimport rateLimit from 'express-rate-limit';\nconst app = express();\napp.use(rateLimit({ windowMs: 60_000, limit: 120 }));\n",
        },
        item: 'Rate limiting middleware',
        verdict: 'pass',
      },
      {
        files: {
          'server/middlewares/security.js':
            "import rateLimit from 'express-rate-limit';\nexport const generalRateLimit = rateLimit({ max: 500 });\n",
          'server/server.js':
            "import express from 'express';\nimport { generalRateLimit } from './middlewares/security.js';\nconst app = express();\n// app.use(generalRateLimit);\n",
          'package.json': '{ "dependencies": { "express-rate-limit": "^7.0.0" } }\n',
        },
        item: 'Rate limiting configured',
        verdict: 'unknown',
      },
      {
        files: {
          'app.rb':
            "require 'sinatra/base'\n\nclass Shop < Sinatra::Base\n  use Rack::Attack\n  get('/') { 'hi' }\nend\n",
          'config/rack_attack.rb':
            "Rack::Attack.throttle('req/ip', limit: 100, period: 60) { |req| req.ip }\n",
          Gemfile: "source 'https://rubygems.org'\ngem 'sinatra'\ngem 'rack-attack'\n",
        },
        item: 'Throttling per client IP',
        verdict: 'pass',
      },
      {
        files: {
          'config/initializers/rack_attack.rb':
            "# Rack::Attack.throttle('req/ip', limit: 100, period: 60) { |req| req.ip }\n",
          'config/application.rb':
            'module Shop\n  class Application < Rails::Application\n    # config.middleware.use Rack::Attack\n  end\nend\n',
          Gemfile: "source 'https://rubygems.org'\ngem 'rails'\ngem 'rack-attack'\n",
        },
        item: 'Rate limiting enabled',
        verdict: 'unknown',
      },
    ],
  },
};

const TEST_FILE =
  /(^|\/)(tests?|__tests__|spec|e2e)\/|[._-](test|spec)\.\w+$|_test\.go$|(^|\/)test_[^/]+\.py$/;

/**
 * A claim naming routes ("admin endpoint has rate limiting") is contradicted only when one of those
 * routes is declared in code that is read for application sites, every limiter found is applied
 * somewhere narrower (no app-wide middleware, no proxy or framework configuration, no code whose
 * reach is not read), and nothing in the route's file looks like a hand-written limiter.
 */
function unprotectedRoute(claim: SignalClaim, ctx: EvalContext): Finding | undefined {
  const scope = routeScopeOf(claim.claim);
  if (!scope?.names) return undefined;
  const names = scope.names;
  const signals = ctx.get(codeSignalsCollector);
  const { working } = workingEvidence(signals, 'rate-limiting', ctx.scope);
  if (!working.length || working.some((hit) => !hit.application || scope.covers(hit.application)))
    return undefined;
  const route = ctx
    .get(httpRoutesCollector)
    .routes.find(
      (declared) =>
        inScope(declared.path, ctx.scope) &&
        !TEST_FILE.test(declared.path) &&
        WIRING_LANGUAGES.has(scanKind(declared.path)?.language as never) &&
        (names.test(declared.route) || names.test(declared.path)) &&
        !signals.hints.some((hint) => hint.signal === 'rate-limiting' && hint.path === declared.path),
    );
  if (!route) return undefined;
  const first = working[0] as (typeof working)[number];
  const shown = `${route.method ? `${route.method} ` : ''}${route.route}`;
  return {
    verdict: 'fail',
    message: `${shown} (${at(route)}) is one of ${scope.shown} and no limiter reaches it: ${first.message}${working.length > 1 ? ` and ${working.length - 1} more, all narrower` : ''}, nothing app-wide`,
    evidence: [ref(route), ref(first)],
  };
}
