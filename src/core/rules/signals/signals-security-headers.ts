import { codeSignalsCollector } from '../../collectors/code-signals.js';
import type { Rule } from '../../rule.js';
import { judgeSignal, matchBehaviourClaim, type SignalClaim } from './signals-evidence.js';

const SECURITY_HEADERS =
  /\bsecurity headers?\b|\bsecure headers\b|\bhelmet\b|\bcontent[- ]security[- ]policy\b|\bCSP\b|\bHSTS\b|\bstrict[- ]transport[- ]security\b|\bX-Frame-Options\b|\bX-Content-Type-Options\b|\bXSS protection headers\b|安全响应头|安全头/i;

/** One header named alone ("X-Frame-Options: DENY"): http.security-header-set looks for where it is set. */
const ONE_HEADER =
  /\bstrict[- ]transport[- ]security\b|\bHSTS\b|\bcontent[- ]security[- ]policy\b|\bCSP\b|\bX-Frame-Options\b|\bX-Content-Type-Options\b|\bX-XSS-Protection\b|\breferrer[- ]policy\b|\bpermissions[- ]policy\b/gi;
const GENERAL = /\bsecurity headers?\b|\bsecure headers\b|\bhelmet\b|\btalisman\b/i;

function namesOneHeader(text: string): boolean {
  if (GENERAL.test(text)) return false;
  const alias: Record<string, string> = { hsts: 'stricttransportsecurity', csp: 'contentsecuritypolicy' };
  const names = new Set(
    (text.match(ONE_HEADER) ?? []).map((name) => {
      const plain = name.toLowerCase().replace(/[\s-]/g, '');
      return alias[plain] ?? plain;
    }),
  );
  return names.size === 1;
}

export const signalsSecurityHeaders: Rule<SignalClaim> = {
  id: 'signals.security-headers',
  title: 'HTTP security headers are set by middleware or server config',
  why: 'Missing CSP, HSTS and frame options leave users open to clickjacking, MIME sniffing and downgrade attacks.',
  fix: 'Add helmet/@fastify/helmet, Django SecurityMiddleware, Spring Security headers, or `add_header` lines in nginx.',
  recognises:
    '"security headers", helmet, CSP/Content-Security-Policy, HSTS, X-Frame-Options or X-Content-Type-Options in the item or a nested bullet.',
  needs: [codeSignalsCollector],
  match: (item) => (namesOneHeader(item.text) ? [] : matchBehaviourClaim(item, SECURITY_HEADERS)),
  evaluate: (claim, ctx) => judgeSignal({ signal: 'security-headers', what: 'security headers' }, claim, ctx),
  examples: {
    match: [
      '安全响应头',
      'Security headers (X-Content-Type-Options, X-Frame-Options, etc.)',
      'Security headers configured',
      '**HTTPS Ready** - Helmet middleware configured',
      'Security headers with helmet',
      'XSS protection headers',
    ],
    noMatch: [
      'Security headers working',
      'Security headers verified',
      'Security review by the platform team',
      'CORS configuration',
    ],
    verdicts: [
      {
        files: {
          'src/index.js':
            "import Fastify from 'fastify';\nimport helmet from '@fastify/helmet';\nconst app = Fastify();\nawait app.register(helmet);\n",
        },
        item: 'Security headers with helmet',
        verdict: 'pass',
      },
      {
        files: {
          'package.json': '{ "dependencies": { "express": "^4.19.0" } }\n',
          'src/app.ts': "import express from 'express';\nconst app = express();\n",
        },
        item: 'Security headers with helmet',
        verdict: 'fail',
      },
      {
        files: {
          'src/app.ts': "import express from 'express';\nconst app = express();\n",
        },
        item: 'Security headers configured',
        verdict: 'unknown',
      },
    ],
  },
};
