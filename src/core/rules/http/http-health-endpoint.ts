import { httpRoutesCollector } from '../../collectors/http-routes.js';
import { inScope, isNonProductionPath } from '../../evidence.js';
import { extractRoutes } from '../../extract/routes.js';
import { isTestPath } from '../../formats/source-files.js';
import type { Rule } from '../../rule.js';
import type { ChecklistItem, Finding } from '../../types.js';
import { type ServedRoute, servedRoutes } from './http-route-served.js';

/** Which health routes the claim asks for: any, or each probe kind it names. */
export interface HealthClaim {
  kinds: HealthKind[];
}

type HealthKind = 'health' | 'liveness' | 'readiness' | 'startup';

const HEALTH_CLAIM =
  /\bhealth[- ]?checks?\b|\bhealth(?:[- ]check)?\s+(?:endpoints?|routes?|apis?)\b|\bhealthz\b|\b(?:liveness|readiness)\s+(?:and\s+\w+\s+)?(?:endpoints?|checks?)\b|健康检查/i;
/**
 * Health checks of another kind (container HEALTHCHECK, Kubernetes probes, uptime monitors,
 * deploy-time smoke checks), claims about what the check covers (database, dependencies), and
 * work at run time, which the routes cannot show.
 */
const OTHER_KIND =
  /\bLB\b|\bALB\b|\bELB\b|\bnginx\b|\bingress\b|\bdocker\w*|\bcontainers?\b|\bcompose\b|\bkubernetes\b|\bk8s\b|\bpods?\b|\bprobes?\b|\bhelm\b|\bHEALTHCHECK\b|\bmonitor\w*|\balert\w*|\buptime\b|\bpingdom\b|\bstatus ?page\b|\bdashboards?\b|\bload[- ]balancers?\b|\btarget groups?\b|\bpipeline\b|\bdeploy\w*|\bsmoke\b|\bscripts?\b|\bcron\b/i;
const COVERAGE =
  /\bwith\b|\b(?:all|every|each)\b|\bservices\b|\bdb\b|\bdatabases?\b|\bredis\b|\bdependenc\w*|\bdownstream\b|\bexternal\b|\bconnectivity\b|\bcomprehensive\b|\bdeep\b|\bcomponents?\b/i;
const RUN_TIME =
  /\b(?:test|tested|testing|passing|passes|working|verified|responding|green|succeed\w*|fail\w*|returns?|when|if)\b/i;
/** A heading or parent that puts the item in a container or cluster context. */
const CONTAINER_CONTEXT = /\bdocker\w*|\bcontainers?\b|\bcompose\b|\bkubernetes\b|\bk8s\b|\bhelm\b/i;

/**
 * Health routes by kind. Bare `/live` and `/ready` count only at the root or under an API prefix
 * (`/api/v1/ready`): `/election-results/live` is not a probe.
 */
const API_ROOT = '^(?:/api)?(?:/v\\d+)?';
const KIND_ROUTE: Record<HealthKind, RegExp> = {
  health: new RegExp(
    `(?:^|/)(?:health(?:z|[-_]?checks?)?|livez|readyz|liveness|readiness)(?:/|$)|${API_ROOT}/(?:live|ready|startup)$`,
    'i',
  ),
  liveness: new RegExp(`(?:^|/)(?:livez|liveness|healthz?/live\\w*)(?:/|$)|${API_ROOT}/live$`, 'i'),
  readiness: new RegExp(`(?:^|/)(?:readyz|readiness|healthz?/ready\\w*)(?:/|$)|${API_ROOT}/ready$`, 'i'),
  startup: new RegExp(`(?:^|/)(?:startupz?|healthz?/start\\w*)(?:/|$)|${API_ROOT}/startup$`, 'i'),
};

function claimOf(item: ChecklistItem): HealthClaim[] {
  const text = item.text;
  if (!HEALTH_CLAIM.test(text) || OTHER_KIND.test(text) || COVERAGE.test(text) || RUN_TIME.test(text))
    return [];
  // A path in the item is http.route-served's claim.
  if (extractRoutes(item).length) return [];
  if ([...item.section, ...item.parents].some((context) => CONTAINER_CONTEXT.test(context))) return [];
  const kinds: HealthKind[] = [];
  if (/\bliveness\b|\blive\b/i.test(text)) kinds.push('liveness');
  if (/\breadiness\b|\bready\b/i.test(text)) kinds.push('readiness');
  if (/\bstartup\b/i.test(text)) kinds.push('startup');
  return [{ kinds: kinds.length ? kinds : ['health'] }];
}

export const httpHealthEndpoint: Rule<HealthClaim> = {
  id: 'http.health-endpoint',
  title: 'The code serves a health check route (and each of liveness, readiness, startup the item names)',
  why: 'Load balancers and orchestrators need a route that says whether the service is up; a checklist claiming health checks should point at the route.',
  fix: 'Serve a health route (`GET /health`, `/healthz`, `/ready`) from the app, reachable without login.',
  recognises:
    '"health check(s)", "health endpoint(s)", "healthz", "liveness/readiness endpoints" without a path (paths are http.route-served\'s); ' +
    'not container or Kubernetes health checks, monitors, several services at once ("all services"), what the check covers ("with db") or checks passing at run time.',
  needs: [httpRoutesCollector],
  match: claimOf,
  evaluate(claim, ctx) {
    const http = ctx.get(httpRoutesCollector);
    // Routes in tests, examples, demos and archives serve nothing of this service.
    const served = servedRoutes(http, ctx.scope).filter(
      (candidate) =>
        !isTestPath(candidate.route.path) &&
        (!isNonProductionPath(candidate.route.path) || isNonProductionPath(ctx.scope)),
    );
    const found: ServedRoute[] = [];
    const missing: HealthKind[] = [];
    for (const kind of claim.kinds) {
      const route = served.find((candidate) => KIND_ROUTE[kind].test(candidate.path));
      if (route) found.push(route);
      else missing.push(kind);
    }
    if (!missing.length) return passFor(found);
    const frameworks = http.frameworks.filter((framework) => inScope(framework.path, ctx.scope));
    return {
      verdict: 'unknown',
      message: `no served route for ${missing.join(', ')} among ${served.length} routes read${frameworks.length ? ` (${frameworks.map((f) => f.name).join(', ')})` : ''}; a health check may be served by a library, a platform or a probe this does not read`,
      evidence: found.map(evidenceOf),
    };
  },
  examples: {
    match: [
      'Health check endpoints',
      'Set up health checks',
      'Health checks (liveness, readiness, startup)',
      '**Health endpoint** for the load-balanced service',
    ],
    noMatch: [
      'Docker health check',
      'Kubernetes liveness probes',
      'Health check with database connectivity',
      'Health endpoint `/healthz` returns 200',
      'Health checks passing after deploy',
      'Uptime monitoring hits the health check',
      'Health checks for all services',
    ],
    verdicts: [
      {
        files: {
          'src/app.ts':
            "import express from 'express';\n\nconst app = express();\napp.get('/health', (_req, res) => res.json({ ok: true }));\nexport default app;\n",
        },
        item: 'Health check endpoints',
        verdict: 'pass',
      },
      {
        files: {
          'src/app.ts':
            "import express from 'express';\n\nconst app = express();\napp.get('/healthz', (_req, res) => res.json({ ok: true }));\nexport default app;\n",
        },
        item: 'Health checks (liveness, readiness, startup)',
        verdict: 'unknown',
      },
      {
        // A neighbouring route: a status page for users is not a health check.
        files: {
          'src/app.ts':
            "import express from 'express';\n\nconst app = express();\napp.get('/about', (_req, res) => res.send('ok'));\nexport default app;\n",
        },
        item: 'Set up health checks',
        verdict: 'unknown',
      },
      {
        // Declared on a router nothing mounts: not served.
        files: {
          'src/app.ts': "import express from 'express';\n\nconst app = express();\nexport default app;\n",
          'src/health.ts':
            "import { Router } from 'express';\n\nconst router = Router();\nrouter.get('/health', (_req, res) => res.json({ ok: true }));\n",
        },
        item: 'Health check endpoints',
        verdict: 'unknown',
      },
    ],
  },
};

function evidenceOf(served: ServedRoute) {
  const { route } = served;
  return { path: route.path, line: route.line, excerpt: route.excerpt };
}

function passFor(found: ServedRoute[]): Finding {
  const shown = found.map((served) => {
    const mounted = served.mount ? ` (mounted at ${served.mount.path}:${served.mount.line})` : '';
    return `${served.path} at ${served.route.path}:${served.route.line}${mounted}`;
  });
  return {
    verdict: 'pass',
    message: `health route served: ${[...new Set(shown)].join('; ')}`,
    evidence: found.flatMap((served) => [
      evidenceOf(served),
      ...(served.mount
        ? [{ path: served.mount.path, line: served.mount.line, excerpt: served.mount.excerpt }]
        : []),
    ]),
  };
}
