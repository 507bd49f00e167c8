import {
  type HeaderSetting,
  responseHeadersCollector,
  type SecurityHeader,
} from '../../collectors/response-headers.js';
import { inScope, isNonProductionPath } from '../../evidence.js';
import { claimText, type Rule } from '../../rule.js';
import type { ChecklistItem } from '../../types.js';

export interface HeaderClaim {
  header: SecurityHeader;
  /** The value the item gives (`DENY`, `nosniff`, `preload`), lower-case. */
  value?: string;
}

/** How items name each header. */
const NAMES: readonly [SecurityHeader, RegExp][] = [
  ['strict-transport-security', /\bstrict[- ]transport[- ]security\b|\bHSTS\b/i],
  ['content-security-policy', /\bcontent[- ]security[- ]policy\b|\bCSP\b/i],
  ['x-frame-options', /\bX-Frame-Options\b/i],
  ['x-content-type-options', /\bX-Content-Type-Options\b/i],
  ['x-xss-protection', /\bX-XSS-Protection\b/i],
  ['referrer-policy', /\breferrer[- ]policy\b/i],
  ['permissions-policy', /\bpermissions[- ]policy\b/i],
  ['cross-origin-opener-policy', /\bcross-origin-opener-policy\b|\bCOOP\b/],
  ['cross-origin-embedder-policy', /\bcross-origin-embedder-policy\b|\bCOEP\b/],
];
/** Values an item may give, as the header would carry them. */
const VALUES =
  /\b(DENY|SAMEORIGIN|nosniff|preload|includeSubDomains|no-referrer|strict-origin-when-cross-origin|same-origin|strict-origin|1;\s*mode=block|require-corp|credentialless)\b/i;
/** "Security headers (CSP, HSTS)" and named libraries are signals.security-headers' claims. */
const GENERAL = /\bsecurity headers?\b|\bsecure headers\b|\bhelmet\b|\btalisman\b/i;
/** Headers claimed of a named web server are nginx.setting's (the server is the subject). */
const SERVER = /\bnginx\b|\bapache\b|\bcaddy\b|\biis\b|\btraefik\b/i;
/** About operating or testing the headers, which the code cannot show. */
const OPERATED =
  /\b(?:tested|verified|graded|scann\w*|report(?:s|ing|ed)? (?:to|endpoint)|monitor\w*|violations?)\b/i;

export const httpSecurityHeaderSet: Rule<HeaderClaim> = {
  id: 'http.security-header-set',
  title: 'A security header the item names is set by the code or the server configuration',
  why: 'A checklist that claims X-Frame-Options: DENY or HSTS with preload while no code or server configuration sends it leaves the page framable or downgradable, and nobody looks again.',
  fix: 'Set the header where responses are built (middleware, framework headers config, nginx `add_header`), or correct the checklist.',
  recognises:
    'Items naming one security header (HSTS/Strict-Transport-Security, CSP, X-Frame-Options, X-Content-Type-Options, ' +
    'X-XSS-Protection, Referrer-Policy, Permissions-Policy, COOP/COEP), with or without its value ("X-Frame-Options: DENY", ' +
    '"HSTS with preload"). General "security headers" and helmet claims are signals.security-headers\'.',
  needs: [responseHeadersCollector],
  match: headerClaims,
  evaluate(claim, ctx) {
    const all = ctx
      .get(responseHeadersCollector)
      .settings.filter(
        (setting) =>
          setting.header === claim.header &&
          (!isNonProductionPath(setting.path) || (ctx.scope !== '' && inScope(setting.path, ctx.scope))),
      );
    const scoped = all.filter((setting) => inScope(setting.path, ctx.scope));
    const settings = scoped.length ? scoped : all;
    const name = display(claim.header);
    if (!settings.length)
      return {
        verdict: 'unknown',
        message: `no code or server configuration in the repository sets ${name} by name; a library default, a proxy or a CDN may send it`,
        evidence: [],
      };
    const value = claim.value;
    const holding = value ? settings.find((setting) => carries(setting, value)) : settings[0];
    if (holding)
      return {
        verdict: 'pass',
        message: `${name}${value ? ` with ${value}` : ''} is set at ${holding.path}:${holding.line}: \`${holding.excerpt}\``,
        evidence: [{ path: holding.path, line: holding.line, excerpt: holding.excerpt }],
      };
    const first = settings[0] as HeaderSetting;
    return {
      verdict: 'unknown',
      message: `${name} is set at ${first.path}:${first.line}, but ${value} is not written beside it (\`${first.excerpt}\`); the value may be built elsewhere`,
      evidence: settings
        .slice(0, 3)
        .map((setting) => ({ path: setting.path, line: setting.line, excerpt: setting.excerpt })),
    };
  },
  examples: {
    match: [
      'X-Frame-Options: DENY',
      'HSTS headers with preload support',
      'Content Security Policy (CSP)',
      'Referrer Policy',
    ],
    noMatch: [
      'Security headers (CSP, HSTS) with helmet',
      'CSP violations reported to Sentry',
      'HSTS preload list submission verified',
      'Permissions for the deploy role reviewed',
    ],
    verdicts: [
      {
        files: {
          'src/app.ts':
            "import express from 'express';\nconst app = express();\napp.use((_req, res, next) => {\n  res.setHeader('X-Frame-Options', 'DENY');\n  next();\n});\n",
        },
        item: 'X-Frame-Options: DENY',
        verdict: 'pass',
      },
      {
        files: {
          'src/app.ts':
            "import express from 'express';\nconst app = express();\napp.use((_req, res, next) => {\n  res.setHeader('X-Frame-Options', 'SAMEORIGIN');\n  next();\n});\n",
        },
        item: 'X-Frame-Options: DENY',
        verdict: 'unknown',
      },
    ],
  },
};

function headerClaims(item: ChecklistItem): HeaderClaim[] {
  const text = claimText(item);
  if (GENERAL.test(item.text) || OPERATED.test(text) || SERVER.test(text)) return [];
  const named = NAMES.filter(([, pattern]) => pattern.test(item.text));
  if (named.length !== 1) return [];
  const header = (named[0] as [SecurityHeader, RegExp])[0];
  const value = VALUES.exec(item.text)?.[1]?.toLowerCase().replace(/\s+/g, '');
  return [{ header, ...(value ? { value } : {}) }];
}

function carries(setting: HeaderSetting, value: string): boolean {
  return (
    setting.after.toLowerCase().replace(/\s+/g, '').includes(value) ||
    setting.excerpt.toLowerCase().replace(/\s+/g, '').includes(value)
  );
}

function display(header: SecurityHeader): string {
  return header.replace(
    /(^|-)([a-z])/g,
    (_, dash: string, letter: string) => `${dash}${letter.toUpperCase()}`,
  );
}
