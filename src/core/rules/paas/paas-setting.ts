import { type PaasConfig, type PaasService, type Platform, paasCollector } from '../../collectors/paas.js';
import { extractEnvVars } from '../../extract/env-vars.js';
import { claimText, type Rule } from '../../rule.js';
import type { ChecklistItem, Finding } from '../../types.js';
import { at, configsOf, PLATFORMS, type PlatformInfo, platformsNamed, ref } from './paas-evidence.js';

interface ServiceKind {
  key: string;
  what: string;
  item: RegExp;
  /** Service types, Procfile process types and add-ons that are this kind. */
  kinds: RegExp;
}

const SERVICE_KINDS: readonly ServiceKind[] = [
  {
    key: 'redis',
    what: 'a Redis (key-value) service',
    item: /\bredis\b|\bkey[- ]?value (?:store|service)\b|\bvalkey\b/i,
    kinds: /^(?:redis|keyvalue|heroku-redis|rediscloud|redistogo)$/i,
  },
  {
    key: 'postgres',
    what: 'a PostgreSQL database',
    item: /\bpostgres(?:ql)?\b|\bdatabases?\b/i,
    kinds: /^(?:postgres|heroku-postgresql)$/i,
  },
  {
    key: 'worker',
    what: 'a background worker',
    item: /\b(?:background )?workers?\b/i,
    kinds: /^(?:worker|bworker|workers?|celery|sidekiq|jobs?)$/i,
  },
  {
    key: 'cron',
    what: 'a cron job',
    item: /\bcron(?: ?jobs?)?\b|\bscheduled jobs?\b/i,
    kinds: /^(?:cron|clock|scheduler|beat)$/i,
  },
];

type Claim =
  | { kind: 'setup' }
  | { kind: 'health-check' }
  | { kind: 'single-config' }
  | { kind: 'service'; service: ServiceKind };

export interface PaasClaim {
  platform: Platform;
  claim: Claim;
  /** The item names the platform's file ("in render.yaml"): the file is the claim's scope. */
  fileNamed: boolean;
}

const HEALTH = /\bhealth[- ]?checks?\b|\bhealth ?check ?paths?\b|\bhealthcheckpath\b/i;
const SINGLE = /\b(?:consolidat\w*|single|one|unified|merged?|deduplicat\w*)\b[^.;]{0,60}\bconfig\w*/i;
const SERVICE_WORDS =
  /\bservices?\b|\bdatabases?\b|\binstances?\b|\bprocess(?:es)?\b|\bdeclared\b|\bconfigured\b|\bprovisioned\b|\badd-?ons?\b|\bjobs?\b|\badded\b/i;
const SETUP =
  /\b(?:set ?up|setup|configured|configuration|config|deploy(?:ment|ed|s)?|blueprints?|hosting|integration)\b/i;
/** Claims only the platform's account can show (it is live, linked, paid for, monitored). */
const EXTERNAL =
  /\baccounts?\b|\bdashboard\b|\bbilling\b|\bdomains?\b|\bdns\b|\banalytics\b|\bteams?\b|\binvit\w*|\baccess\b|\bcredentials?\b|\bsecrets?\b|\btokens?\b|\bapi keys?\b|\blinked\b|\bconnected\b|\bplans?\b|\bupgrad\w*|\bpaid\b|\btested\b|\bverified\b|\bworking\b|\blive\b|\bsucce\w+|\bgreen\b|\bhealthy\b|\bmonitor\w*|\blogs?\b|\balerts?\b|\bbackups?\b|\bpreview\b|\bmanual\w*|\bdocument\w*|\bguide\b|\bif\b|\boptional\b/i;

export const paasSetting: Rule<PaasClaim> = {
  id: 'paas.setting',
  title: 'The PaaS deployment file declares what the item claims (services, health check, set-up)',
  why: 'A deployment claimed to be set up on Render, Fly.io, Heroku or Railway but missing from the committed blueprint is either configured by hand in a dashboard (and lost with it) or not there at all.',
  fix: 'Declare the service or setting in the committed deployment file (render.yaml, fly.toml, Procfile/app.json, railway.json, vercel.json, netlify.toml), or correct the checklist.',
  recognises:
    'Items that name a platform (Render.com, Fly.io, Vercel, Netlify, Heroku/Procfile, Railway) or its file and claim its set-up, ' +
    'a service of a kind in it (Redis, PostgreSQL, a worker, a cron job), its health check, or a single consolidated configuration. ' +
    'Not account, dashboard, domain, secret or "deployed and working" claims, and not environment variables (env rules judge those).',
  needs: [paasCollector],
  match: paasClaims,
  evaluate(claim, ctx) {
    const info = PLATFORMS.find((candidate) => candidate.platform === claim.platform) as PlatformInfo;
    const configs = configsOf(ctx, ctx.get(paasCollector), claim.platform);
    switch (claim.claim.kind) {
      case 'single-config':
        return judgeSingle(info, configs);
      case 'setup':
        return judgeSetup(info, configs);
      case 'health-check':
        return judgeHealth(info, configs, claim.fileNamed);
      case 'service':
        return judgeService(info, configs, claim.claim.service, claim.fileNamed);
    }
  },
  examples: {
    match: [
      'Render.com Deployment Setup',
      'Redis service configured in render.yaml',
      'Health check path set in fly.toml',
      'Consolidated Vercel configurations',
      'Procfile declares a worker process',
    ],
    noMatch: [
      'Render the dashboard on the server',
      'Vercel project linked to the GitHub repository',
      'Render environment variables set in the dashboard',
      '`DATABASE_URL` set on Railway',
      'Heroku deployment tested end to end',
      'Redis caching enabled',
      'Netlify analytics enabled',
    ],
    verdicts: [
      {
        files: {
          'render.yaml':
            'services:\n  - type: web\n    name: api\n    startCommand: node server.js\n  - type: redis\n    name: cache\n    ipAllowList: []\n',
        },
        item: 'Redis service configured in render.yaml',
        verdict: 'pass',
      },
      {
        files: {
          'render.yaml': 'services:\n  - type: web\n    name: api\n    startCommand: node server.js\n',
        },
        item: 'Redis service configured in render.yaml',
        verdict: 'fail',
      },
      {
        files: {
          'vercel.json': '{ "cleanUrls": true }\n',
          'apps/web/vercel.json': '{ "framework": "nextjs" }\n',
        },
        item: 'Consolidated Vercel configurations',
        verdict: 'fail',
      },
      {
        files: { 'server.js': 'require("http").createServer().listen(3000);\n' },
        item: 'Render.com Deployment Setup',
        verdict: 'unknown',
      },
      {
        files: {
          'render.yaml': 'services:\n  - type: web\n    name: api\n    startCommand: node server.js\n',
        },
        item: 'Health check configured for the Render service',
        verdict: 'unknown',
      },
    ],
  },
};

function paasClaims(item: ChecklistItem): PaasClaim[] {
  const text = claimText(item);
  const named = platformsNamed(text);
  if (!named.length || named.length > 2) return [];
  // "`DATABASE_URL` set on Railway": the variable is the subject; the env rules judge it.
  if (extractEnvVars(item).length) return [];
  return named.flatMap((info): PaasClaim[] => {
    const fileNamed = info.fileWords.test(text);
    const claim = claimOf(text, info);
    return claim ? [{ platform: info.platform, claim, fileNamed }] : [];
  });
}

function claimOf(text: string, info: PlatformInfo): Claim | undefined {
  if (SINGLE.test(text)) return { kind: 'single-config' };
  if (EXTERNAL.test(text)) return undefined;
  if (HEALTH.test(text)) return { kind: 'health-check' };
  const rest = text.replace(info.words, ' ');
  const service = SERVICE_KINDS.find((kind) => kind.item.test(rest));
  if (service) return SERVICE_WORDS.test(rest) ? { kind: 'service', service } : undefined;
  return SETUP.test(rest) || info.fileWords.test(text) ? { kind: 'setup' } : undefined;
}

function judgeSingle(info: PlatformInfo, configs: readonly PaasConfig[]): Finding {
  const files = configs.filter((config) => baseFileOf(config.path, info));
  if (!files.length) return noFile(info);
  if (files.length === 1) {
    const only = files[0] as PaasConfig;
    return {
      verdict: 'pass',
      message: `one ${info.name} configuration: ${only.path}`,
      evidence: [ref(only.path, 1)],
    };
  }
  return {
    verdict: 'fail',
    message: `${files.length} ${info.name} configurations remain: ${files.map((config) => config.path).join(', ')}`,
    evidence: files.slice(0, 4).map((config) => ref(config.path, 1)),
  };
}

/** Heroku's Procfile and app.json together are one configuration; two Procfiles are not. */
function baseFileOf(path: string, info: PlatformInfo): boolean {
  return info.platform !== 'heroku' || /(?:^|\/)Procfile$/.test(path);
}

function judgeSetup(info: PlatformInfo, configs: readonly PaasConfig[]): Finding {
  const declaring = configs.find((config) => config.services.length || config.settings.length);
  if (!declaring) return noFile(info);
  const first = declaring.services[0];
  const what = first
    ? `${declaring.services.length} service${declaring.services.length > 1 ? 's' : ''} (${declaring.services
        .slice(0, 3)
        .map(describe)
        .join(', ')})`
    : `${declaring.settings.length} setting${declaring.settings.length > 1 ? 's' : ''}`;
  const line = first?.line ?? declaring.settings[0]?.line ?? 1;
  return {
    verdict: 'pass',
    message: `${declaring.path} declares the ${info.name} deployment: ${what} at ${at(declaring.path, line)}`,
    evidence: [ref(declaring.path, line)],
  };
}

const HEALTH_SETTING: Partial<Record<Platform, RegExp>> = {
  render: /^healthCheckPath$/,
  fly: /(?:^|\.)(?:checks|http_checks|tcp_checks)(?:\.[^.]+)?\.(?:path|port|type)$/,
  railway: /(?:^|\.)healthcheckPath$/,
};

function judgeHealth(info: PlatformInfo, configs: readonly PaasConfig[], fileNamed: boolean): Finding {
  const pattern = HEALTH_SETTING[info.platform];
  if (!pattern)
    return {
      verdict: 'unknown',
      message: `${info.name}'s deployment file has no health check setting; a health check there is set up outside the repository`,
      evidence: [],
    };
  if (!configs.length) return noFile(info);
  for (const config of configs) {
    const found = config.settings.find((setting) => pattern.test(setting.key));
    if (found)
      return {
        verdict: 'pass',
        message: `${info.name} health check: ${found.key} ${found.value} at ${at(config.path, found.line)}`,
        evidence: [ref(config.path, found.line, `${found.key}: ${found.value}`)],
      };
  }
  const files = configs.map((config) => config.path).join(', ');
  if (fileNamed)
    return {
      verdict: 'fail',
      message: `no health check in ${files} (looked for ${pattern.source.replace(/[\\^$()?:|]/g, '').slice(0, 40)})`,
      evidence: configs.slice(0, 3).map((config) => ref(config.path)),
    };
  return {
    verdict: 'unknown',
    message: `no health check in ${files}; it may be set in the ${info.name} dashboard`,
    evidence: configs.slice(0, 3).map((config) => ref(config.path)),
  };
}

function judgeService(
  info: PlatformInfo,
  configs: readonly PaasConfig[],
  kind: ServiceKind,
  fileNamed: boolean,
): Finding {
  if (!configs.length) return noFile(info);
  for (const config of configs) {
    const found = config.services.find((service) => kind.kinds.test(service.kind));
    if (found)
      return {
        verdict: 'pass',
        message: `${kind.what} in ${config.path}: ${describe(found)} at ${at(config.path, found.line)}`,
        evidence: [ref(config.path, found.line, describe(found))],
      };
  }
  const declared = configs.flatMap((config) => config.services.map((service) => ({ config, service })));
  const list = declared.length
    ? declared
        .slice(0, 4)
        .map(({ config, service }) => `${describe(service)} (${at(config.path, service.line)})`)
        .join(', ')
    : 'no services';
  const files = configs.map((config) => config.path).join(', ');
  if (fileNamed)
    return {
      verdict: 'fail',
      message: `no ${kind.what.replace(/^an? /, '')} in ${files}: it declares ${list}`,
      evidence: configs.slice(0, 3).map((config) => ref(config.path, config.services[0]?.line)),
    };
  return {
    verdict: 'unknown',
    message: `no ${kind.what.replace(/^an? /, '')} in ${files} (it declares ${list}); it may have been created in the ${info.name} dashboard`,
    evidence: configs.slice(0, 3).map((config) => ref(config.path)),
  };
}

function describe(service: PaasService): string {
  return service.name && service.name !== service.kind ? `${service.kind} "${service.name}"` : service.kind;
}

function noFile(info: PlatformInfo): Finding {
  return {
    verdict: 'unknown',
    message: `no ${info.files} committed; ${info.name} can also be configured in its dashboard, which the repository cannot show`,
    evidence: [],
  };
}
