import { type NginxConfig, type NginxDirective, nginxCollector } from '../../collectors/nginx.js';
import { isNonProductionPath } from '../../evidence.js';
import { claimText, type Rule } from '../../rule.js';
import type { ChecklistItem, Finding } from '../../types.js';

export interface NginxSetting {
  key: string;
  /** What the item claims, for messages. */
  what: string;
  /** The directives that would show it, for messages. */
  directives: string;
  item: RegExp;
  /** Claims this one implies, which are then not checked separately ("TLS 1.2+" implies HTTPS). */
  implies?: string[];
  holds(directive: NginxDirective): boolean;
}

const SECURITY_HEADER =
  /^(?:"|')?(?:strict-transport-security|x-frame-options|x-content-type-options|content-security-policy|referrer-policy|permissions-policy)\b/i;

export const NGINX_SETTINGS: readonly NginxSetting[] = [
  {
    key: 'reverse-proxy',
    what: 'a reverse proxy',
    directives: 'proxy_pass, fastcgi_pass, uwsgi_pass, grpc_pass',
    item: /\breverse[- ]prox(?:y|ies)\b|\bproxy(?:ing)?\s+(?:requests\s+|traffic\s+)?to\b|\bupstreams?\b/i,
    holds: (d) => /^(?:proxy|fastcgi|uwsgi|grpc|scgi)_pass$/.test(d.name),
  },
  {
    key: 'https-redirect',
    what: 'a redirect from HTTP to HTTPS',
    directives: 'return 301 https://..., rewrite ... https://...',
    item: /\bredirect\w*\s+(?:all\s+)?(?:http\s+)?(?:traffic\s+|requests\s+)?to\s+https\b|\bhttp\s*(?:→|->|to)\s*https\b|\bforce[sd]?\s+https\b|\bhttps\s+redirect/i,
    implies: ['https'],
    holds: (d) =>
      (d.name === 'return' && /^30[1278]\s+["']?https:/.test(d.args)) ||
      (d.name === 'rewrite' && /https:\/\//.test(d.args)),
  },
  {
    key: 'ssl-policies',
    what: 'TLS protocol and cipher settings',
    directives: 'ssl_protocols, ssl_ciphers',
    item: /\bssl\s+(?:polic(?:y|ies)|protocols?|ciphers?)\b|\btls\s*v?1\.[23]\b|\bcipher suites?\b|\bssl_protocols\b/i,
    implies: ['https'],
    holds: (d) => d.name === 'ssl_protocols' || d.name === 'ssl_ciphers',
  },
  {
    key: 'https',
    what: 'HTTPS (TLS termination)',
    directives: 'listen 443 ssl, ssl_certificate',
    item: /\b(?:https|ssl|tls)\b/i,
    holds: (d) => d.name === 'ssl_certificate' || (d.name === 'listen' && /\bssl\b/.test(d.args)),
  },
  {
    key: 'hsts',
    what: 'an HSTS header',
    directives: 'add_header Strict-Transport-Security',
    item: /\bhsts\b|\bstrict[- ]transport[- ]security\b/i,
    holds: (d) => d.name === 'add_header' && /strict-transport-security/i.test(d.args),
  },
  {
    key: 'security-headers',
    what: 'security headers',
    directives: 'add_header X-Frame-Options, Content-Security-Policy, ...',
    item: /\bsecurity headers?\b/i,
    holds: (d) => d.name === 'add_header' && SECURITY_HEADER.test(d.args),
  },
  {
    key: 'gzip',
    what: 'response compression',
    directives: 'gzip on, brotli on',
    item: /\bgzip\b|\bbrotli\b|\bcompression\b/i,
    holds: (d) => (d.name === 'gzip' || d.name === 'brotli') && /^on\b/.test(d.args),
  },
  {
    key: 'rate-limit',
    what: 'request rate limiting',
    directives: 'limit_req (a limit_req_zone alone limits nothing)',
    item: /\brate[- ]limit\w*\b|\blimit_req\b|\bthrottl\w*/i,
    holds: (d) => d.name === 'limit_req',
  },
  {
    key: 'body-size',
    what: 'a request body size limit',
    directives: 'client_max_body_size',
    item: /\bclient_max_body_size\b|\b(?:upload|body|request)\s+size\s+limits?\b|\bmax(?:imum)?\s+(?:upload|body|request)\s+size\b/i,
    holds: (d) => d.name === 'client_max_body_size',
  },
  {
    key: 'websocket',
    what: 'WebSocket proxying',
    directives: 'proxy_set_header Upgrade $http_upgrade',
    item: /\bweb ?sockets?\b/i,
    holds: (d) => d.name === 'proxy_set_header' && /^upgrade\b/i.test(d.args),
  },
  {
    key: 'http2',
    what: 'HTTP/2',
    directives: 'listen ... http2, http2 on',
    item: /\bhttp\/?2\b/i,
    holds: (d) =>
      (d.name === 'listen' && /\bhttp2\b/.test(d.args)) || (d.name === 'http2' && /^on\b/.test(d.args)),
  },
];

/** Files nginx ships with: including them adds no setting the item could be about. */
const STOCK_INCLUDE =
  /(?:^|\/)(?:mime\.types|fastcgi_params|fastcgi\.conf|proxy_params|uwsgi_params|scgi_params)$/;
/** The item speaks about nginx, or about the proxy in front of the application. */
const NGINX_CONTEXT = /\bnginx\b|\breverse[- ]prox(?:y|ies)\b/i;

export interface NginxClaim {
  /** The claimed setting's key in NGINX_SETTINGS (claims are plain data, kept between runs). */
  setting: NginxSetting['key'];
  /** "at nginx or in the app": another place may hold it, so its absence here decides nothing. */
  alternatives: boolean;
}

/** About operating the proxy (renewing certificates, scanning, grading): the configuration cannot show it. */
const OPERATED =
  /\brenew\w*|\bexpir\w*|\brotat\w*|\bmonitor\w*|\btest(?:ed|ing)?\b|\bscan\w*|\bgraded?\b|\bssl ?labs\b/i;
const ALTERNATIVES = /\bor\b|\beither\b|\bapp(?:lication)?[- ]level\b/i;

export const nginxSetting: Rule<NginxClaim> = {
  id: 'nginx.setting',
  title: 'The nginx configuration sets what the item claims (TLS, redirects, compression, limits, proxying)',
  why: 'A proxy setting claimed but absent (no HTTPS redirect, no TLS policy, no rate limit) leaves the service exposed in exactly the way the checklist says it is not.',
  fix: 'Add the directive to the committed nginx configuration, or correct the checklist.',
  recognises:
    'Items about nginx or the reverse proxy (in the item, its parent or its section) claiming a reverse proxy, HTTPS, an ' +
    'HTTP→HTTPS redirect, TLS protocols/ciphers, HSTS or security headers, gzip, rate limiting, a body size limit, ' +
    'WebSocket proxying or HTTP/2.',
  needs: [nginxCollector],
  match: settingsClaimed,
  evaluate(claim, ctx) {
    const configs = ctx.get(nginxCollector).configs.filter((config) => !isNonProductionPath(config.path));
    const finding = judgeSetting(settingOf(claim.setting), configs);
    if (finding.verdict !== 'fail' || !claim.alternatives) return finding;
    return {
      ...finding,
      verdict: 'unknown',
      message: `${finding.message}; the item allows another place for it`,
    };
  },
  examples: {
    match: [
      'Configure Nginx reverse proxy',
      'Configure nginx for HTTPS termination',
      '**Nginx**: Redirect HTTP to HTTPS',
      'Nginx gzip compression enabled',
    ],
    noMatch: [
      'Redirect HTTP to HTTPS',
      'Gzip compression enabled in Express',
      'Nginx installed on the server',
      'Nginx SSL certificates auto-renewed by certbot',
      'Nginx TLS configuration graded A on SSL Labs',
    ],
    verdicts: [
      {
        files: { 'nginx/nginx.conf': 'server {\n  listen 80;\n  return 301 https://$host$request_uri;\n}\n' },
        item: '**Nginx**: Redirect HTTP to HTTPS',
        verdict: 'pass',
      },
      {
        files: {
          'nginx/nginx.conf': 'server {\n  listen 80;\n  location / { proxy_pass http://app:8000; }\n}\n',
        },
        item: '**Nginx**: Redirect HTTP to HTTPS',
        verdict: 'fail',
      },
      { files: { 'app.py': 'print(1)\n' }, item: 'Nginx gzip compression enabled', verdict: 'unknown' },
    ],
  },
};

function settingsClaimed(item: ChecklistItem): NginxClaim[] {
  const text = claimText(item);
  if (OPERATED.test(text)) return [];
  if (![text, ...item.parents, ...item.section].some((context) => NGINX_CONTEXT.test(context))) return [];
  const matched = NGINX_SETTINGS.filter((setting) => setting.item.test(text));
  const implied = new Set(matched.flatMap((setting) => setting.implies ?? []));
  const claims = matched.filter((setting) => !implied.has(setting.key));
  // "Nginx reverse proxy with HTTPS": the proxy word is context when a more specific setting is claimed.
  const specific = claims.length > 1 ? claims.filter((setting) => setting.key !== 'reverse-proxy') : claims;
  const alternatives = ALTERNATIVES.test(text);
  return specific.map((setting) => ({ setting: setting.key, alternatives }));
}

function settingOf(key: NginxSetting['key']): NginxSetting {
  const setting = NGINX_SETTINGS.find((candidate) => candidate.key === key);
  if (!setting) throw new Error(`no nginx setting ${key}`);
  return setting;
}

function judgeSetting(setting: NginxSetting, configs: readonly NginxConfig[]): Finding {
  if (!configs.length) {
    return {
      verdict: 'unknown',
      message: `no nginx configuration is committed (looked for nginx*.conf and *.conf under nginx/, conf.d/, sites-available/); it may live on the server`,
      evidence: [],
    };
  }
  for (const config of configs) {
    const found = config.directives.find((directive) => setting.holds(directive));
    if (found) {
      return {
        verdict: 'pass',
        message: `${setting.what}: \`${found.name} ${found.args}\` at ${config.path}:${found.line}`,
        evidence: [
          { path: config.path, line: found.line, excerpt: `${found.name} ${found.args}`.slice(0, 120) },
        ],
      };
    }
  }
  const include = configs
    .flatMap((config) => config.directives.map((directive) => ({ config, directive })))
    .find(({ directive }) => directive.name === 'include' && !STOCK_INCLUDE.test(directive.args));
  const files = configs.map((config) => config.path);
  if (include) {
    return {
      verdict: 'unknown',
      message: `no ${setting.directives} in ${files.join(', ')}, but ${include.config.path}:${include.directive.line} includes ${include.directive.args}, which may set it`,
      evidence: [{ path: include.config.path, line: include.directive.line }],
    };
  }
  return {
    verdict: 'fail',
    message: `no ${setting.what} in the nginx configuration: none of ${files.join(', ')} has ${setting.directives}`,
    evidence: files.slice(0, 3).map((path) => ({ path })),
  };
}
