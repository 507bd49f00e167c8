import { codeSignalsCollector } from '../../collectors/code-signals.js';
import type { Rule } from '../../rule.js';
import { judgeSignal, matchBehaviourClaim, type SignalClaim } from './signals-evidence.js';

/** Plain HTTP refused or redirected: "HTTPS enforcement", "force HTTPS", "HTTPS only", "redirect HTTP to HTTPS". */
const ENFORCED =
  /\bhttps\b[^.;\n]{0,30}\b(?:enforc\w*|only|forced|required|mandatory|redirect\w*)\b|\b(?:enforc\w*|forc\w*|require[sd]?|redirect\w*)\b[^.;\n]{0,30}\bhttps\b|\bforce_ssl\b|\bSECURE_SSL_REDIRECT\b|\bssl[- ]redirect\b|\bRack::SSL\b/i;
/**
 * HTTPS claimed of something other than the app's own listener (cookies, database or broker
 * connections, outbound calls), the HSTS header (http.security-header-set), or the nginx config
 * (nginx.setting).
 */
const OTHER_SUBJECT =
  /\bcookies?\b|\bdatabase\b|\bdb\b|\bpostgres\w*|\bmysql\b|\bredis\b|\bmongo\w*|\bsmtp\b|\bsslmode\b|\bwebhooks?\b|\boutbound\b|\bexternal (?:api|calls?|services?)\b|\bhsts\b|\bstrict[- ]transport\b|\bnginx\b|\bcertificates?\b|\bcerts?\b|\blet'?s ?encrypt\b|\bredirect[_ ]?ur[il]s?\b|\bcallbacks?\b|\boauth\b/i;
/** HTTPS enforced by a platform or edge the repository does not configure. */
const PLATFORM =
  /\bvercel\b|\bnetlify\b|\bheroku\b|\brender\b|\brailway\b|\bfly\.io\b|\bcloudflare\b|\bcloudfront\b|\bcdn\b|\bload[- ]balancers?\b|\bALB\b|\bELB\b|\bingress\b|\bgateway\b/i;

export const signalsHttpsEnforced: Rule<SignalClaim> = {
  id: 'signals.https-enforced',
  title: 'The application or its proxy refuses plain HTTP (redirects to HTTPS)',
  why: 'A service that still answers plain HTTP sends sessions and tokens in the clear whenever a link or client forgets the s.',
  fix: 'Switch on the framework redirect (`SECURE_SSL_REDIRECT = True`, `config.force_ssl = true`, `use Rack::SSL`, `HTTPSRedirectMiddleware`, `force_ssl:` in Phoenix, express-sslify) or redirect in the proxy or ingress.',
  recognises:
    '"HTTPS enforcement", "force HTTPS", "HTTPS only", "redirect HTTP to HTTPS", SECURE_SSL_REDIRECT, force_ssl, Rack::SSL in the item or a nested bullet; ' +
    'not HTTPS of cookies, database or outbound connections, OAuth redirect URIs, HSTS, certificates, HTTPS a platform or edge enforces, or items about nginx (nginx.setting).',
  needs: [codeSignalsCollector],
  match: (item) =>
    matchBehaviourClaim(item, ENFORCED).filter(
      (claim) => !OTHER_SUBJECT.test(claim.claim) && !PLATFORM.test(claim.claim),
    ),
  evaluate: (claim, ctx) => judgeSignal({ signal: 'https-redirect', what: 'HTTPS enforcement' }, claim, ctx),
  examples: {
    match: [
      'HTTPS enforcement',
      'Force HTTPS for all traffic',
      'Redirect all HTTP traffic to HTTPS',
      'HTTPS only (SECURE_SSL_REDIRECT)',
      'Rack::SSL middleware',
    ],
    noMatch: [
      'Secure cookies (HTTPS only)',
      'Database connections require SSL (sslmode=require)',
      'HSTS header enforces HTTPS',
      'Nginx redirects HTTP to HTTPS',
      'HTTPS certificate renewal automated',
      'HTTPS enforcement tested',
      'Use HTTPS for the API docs link',
      'OAuth redirect URIs require HTTPS',
      'HTTPS enforced by Cloudflare',
    ],
    verdicts: [
      {
        files: {
          'mysite/settings.py':
            "DEBUG = False\nSECURE_SSL_REDIRECT = True\nSECURE_PROXY_SSL_HEADER = ('HTTP_X_FORWARDED_PROTO', 'https')\n",
        },
        item: 'HTTPS enforcement',
        verdict: 'pass',
      },
      {
        files: {
          'app.rb': "require 'sinatra/base'\n\nclass Shop < Sinatra::Base\n  use Rack::SSL\nend\n",
        },
        item: 'Force HTTPS for all traffic',
        verdict: 'pass',
      },
      {
        // Commented out: nothing redirects.
        files: {
          'mysite/settings.py': 'DEBUG = False\n# SECURE_SSL_REDIRECT = True\n',
        },
        item: 'HTTPS enforcement',
        verdict: 'unknown',
      },
      {
        // A neighbouring mechanism: an HSTS header alone does not redirect plain HTTP.
        files: {
          'src/server.ts':
            "import express from 'express';\nimport helmet from 'helmet';\nconst app = express();\napp.use(helmet({ hsts: { maxAge: 31536000 } }));\n",
        },
        item: 'Redirect all HTTP traffic to HTTPS',
        verdict: 'unknown',
      },
      {
        files: {
          Gemfile: "source 'https://rubygems.org'\ngem 'sinatra'\n",
          'app.rb': "require 'sinatra/base'\n\nclass Shop < Sinatra::Base\nend\n",
        },
        item: 'Rack::SSL middleware',
        verdict: 'fail',
      },
    ],
  },
};
