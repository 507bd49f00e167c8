// The routes a behaviour claim is about: "admin endpoint has rate limiting" is about the admin
// routes, "rate limiting on all endpoints" about every request. A limiter applied to the login
// route proves neither.

import type { Application } from '../../collectors/code-signals.js';

export interface RouteScope {
  /** How the item names the routes, for messages ("admin", "every route"). */
  shown: string;
  /** Whether an application covers the scope. */
  covers: (application: Application) => boolean;
  /** For named routes: whether a route or its file is one of them. */
  names?: RegExp;
}

/** Route words an item may name, each with what a route or file must contain to be one of them. */
const NAMED: { word: RegExp; route: RegExp; shown: string }[] = [
  { word: /\badmin\b/i, route: /admin/i, shown: 'admin' },
  { word: /\b(?:log[- ]?in|sign[- ]?in)\b/i, route: /log-?in|sign-?in/i, shown: 'login' },
  { word: /\b(?:sign[- ]?up|registration)\b/i, route: /sign-?up|regist/i, shown: 'signup' },
  { word: /\botp\b/i, route: /otp/i, shown: 'OTP' },
  {
    word: /\b(?:password[- ]reset|forgot[- ]password|reset[- ]password)\b/i,
    route: /password|reset|forgot/i,
    shown: 'password reset',
  },
  { word: /\bauth(?:entication)?\b/i, route: /auth|log-?in|sign-?in/i, shown: 'authentication' },
  { word: /\buploads?\b/i, route: /upload/i, shown: 'upload' },
  { word: /\bwebhooks?\b/i, route: /webhook/i, shown: 'webhook' },
  { word: /\b(?:payments?|checkout)\b/i, route: /payment|checkout|billing/i, shown: 'payment' },
  { word: /\bgraphql\b/i, route: /graphql/i, shown: 'GraphQL' },
];

const EVERY =
  /\b(?:all|every|each)\s+(?:api\s+|public\s+)?(?:endpoints?|routes?|requests?)\b|\bglobal(?:ly)?\b|\b(?:api|app|application)[- ]wide\b|\bon\s+(?:the\s+)?(?:entire\s+|whole\s+)?api\b/i;

/** Whole-app application: no route argument on the app itself, or a prefix that is the whole API. */
function everywhere(application: Application): boolean {
  if (application.reach === 'app') return !application.route;
  return application.reach === 'router' && /^\/api(?:\/v\d+)?\/?\*?$/i.test(application.route ?? '');
}

/** The routes the claim limits itself to, or undefined when it names none. */
export function routeScopeOf(claim: string): RouteScope | undefined {
  const named = NAMED.find((entry) => entry.word.test(claim));
  if (named) {
    return {
      shown: `the ${named.shown} routes`,
      names: named.route,
      covers: (application) =>
        everywhere(application) ||
        [
          application.route,
          ...(application.routes ?? []),
          application.reach === 'app' ? '' : application.path,
        ]
          .filter(Boolean)
          .some((text) => named.route.test(text as string)),
    };
  }
  if (EVERY.test(claim)) return { shown: 'every route', covers: everywhere };
  return undefined;
}
