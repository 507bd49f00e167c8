import { type HttpRoutes, httpRoutesCollector, type RouteDeclaration } from '../../collectors/http-routes.js';
import { inScope } from '../../evidence.js';
import { canonicalRoute, extractRoutes, type RouteRef, sameRoute } from '../../extract/routes.js';
import type { EvalContext, Rule } from '../../rule.js';
import type { EvidenceRef, Finding } from '../../types.js';

export const httpRouteServed: Rule<RouteRef> = {
  id: 'http.route-served',
  title: 'HTTP routes the item names are served by the code',
  why: 'Load balancers, probes and dashboards call these paths; a checklist naming a route the service does not serve hides a broken health check or metrics scrape.',
  fix: "Serve the route (e.g. `app.get('/health', …)`) or correct the path in the checklist.",
  recognises:
    'Paths in items about endpoints, routes, health, metrics or APIs: `/health`, `GET /api/health`, "(/api/metrics)", ' +
    '`curl http://localhost:4000/ready`. External URLs, file-system paths and chat slash commands are not routes.',
  needs: [httpRoutesCollector],
  match: (item) => extractRoutes(item),
  evaluate(wanted, ctx, item) {
    const found = judgeRoute(wanted, ctx);
    // "/ready blocking traffic when unhealthy": being served is only the first half of the claim.
    const condition = CONDITIONAL.exec(item.text);
    if (found.verdict !== 'pass' || !condition) return found;
    return {
      ...found,
      verdict: 'unknown',
      message: `${found.message}; what it does ("${condition[0]}…") is not read from the code`,
    };
  },
  examples: {
    match: [
      'Application metrics exposed on `/metrics`',
      'Metrics endpoint (/api/metrics)',
      'Health endpoint responding: `GET /api/health`',
      'Readiness check passing: `curl http://localhost:4000/ready`',
      'Webhook routing functional: `POST /api/webhook/:slug`',
      'Liveness probe hits `/healthz`',
      'Created Privacy Policy page (/privacy)',
    ],
    noMatch: [
      'Test `/notifier status` command',
      'License manager URL accessible: `https://lm.wanderer.ltd`',
      'Health check endpoints',
      'Backup script tested: `./scripts/backup-db.sh`',
      '`./priv:/app/priv` - For persistent data',
      'Logs written to `/var/log/app`',
    ],
    verdicts: [
      {
        // Routers mounted in routers, under a prefix only the running process knows.
        files: {
          'src/app.ts':
            "import express from 'express';\nimport v1 from './routes/v1';\n\nconst app = express();\napp.use(`/api/\u0024{process.env.API_VERSION}`, v1);\nexport default app;\n",
          'src/routes/v1/index.ts':
            "import { Router } from 'express';\nimport jobs from './jobs.routes';\n\nconst router = Router();\nrouter.use('/jobs', jobs);\nexport default router;\n",
          'src/routes/v1/jobs.routes.ts':
            "import { Router } from 'express';\n\nconst router = Router();\nrouter.post('/', (_req, res) => res.status(202).end());\nexport default router;\n",
        },
        item: 'Submit job (POST /api/v1/jobs)',
        verdict: 'pass',
      },
      {
        files: {
          'src/app.ts':
            "import express from 'express';\n\nconst app = express();\napp.get('/health', (_req, res) => res.json({ ok: true }));\nexport default app;\n",
        },
        item: 'Health endpoint responding: `GET /health`',
        verdict: 'pass',
      },
      {
        files: {
          'src/app.ts':
            "import express from 'express';\n\nconst app = express();\napp.get('/health', (_req, res) => res.json({ ok: true }));\nexport default app;\n",
        },
        item: 'Readiness check passing: `curl http://localhost:4000/ready`',
        verdict: 'fail',
      },
      {
        // Served, but the claim is about what it does under a condition.
        files: {
          'src/app.ts':
            "import express from 'express';\n\nconst app = express();\napp.get('/ready', (_req, res) => res.json({ ok: true }));\nexport default app;\n",
        },
        item: 'Readiness endpoint `/ready` fails when the database is down',
        verdict: 'unknown',
      },
      {
        files: {
          'pom.xml':
            '<project>\n  <dependencies>\n    <dependency>\n      <artifactId>spring-boot-starter-actuator</artifactId>\n    </dependency>\n  </dependencies>\n</project>\n',
          'src/main/resources/application.yml':
            'management:\n  endpoints:\n    web:\n      exposure:\n        include: health,info\n  endpoint:\n    health:\n      probes:\n        enabled: true\n',
        },
        item: 'Liveness probe hits `/actuator/health/liveness`',
        verdict: 'pass',
      },
      {
        files: {
          'src/bot.ts': 'export {};\n',
        },
        item: 'Application metrics exposed on `/metrics`',
        verdict: 'unknown',
      },
      {
        files: {
          'app.rb':
            "require 'sinatra/base'\n\nclass Shop < Sinatra::Base\n  namespace '/api' do\n    get '/status' do\n      'ok'\n    end\n  end\nend\n",
        },
        item: 'Status endpoint at `/api/status`',
        verdict: 'pass',
      },
      {
        // The route is in a method nothing calls: declared, not served.
        files: {
          'app.rb': "require 'sinatra/base'\n\nclass Shop < Sinatra::Base\nend\n",
          'lib/probes.rb':
            "module Probes\n  def probe_routes\n    get '/ready' do\n      'ok'\n    end\n  end\nend\n",
        },
        item: 'Readiness probe on `/ready`',
        verdict: 'unknown',
      },
      {
        // Rails declares routes through `resources` too: a route not read is not a route missing.
        files: {
          'config/routes.rb':
            "Rails.application.routes.draw do\n  resources :orders\n  get 'up' => 'rails/health#show'\nend\n",
        },
        item: 'Liveness check on `/healthz`',
        verdict: 'unknown',
      },
    ],
  },
};

function methodFits(wanted: RouteRef, route: RouteDeclaration): boolean {
  return (
    !wanted.method ||
    !route.method ||
    wanted.method === route.method ||
    (wanted.method === 'HEAD' && route.method === 'GET')
  );
}

/** A mount whose prefix joined with the route gives the target, and which provably mounts the route's router. */
function mountFor(route: RouteDeclaration, target: string, http: HttpRoutes) {
  for (const mount of http.mounts) {
    if (!mounts(mount, route, http)) continue;
    for (const prefix of prefixesOf(mount.path, http))
      if (sameRoute(canonicalRoute(`${prefix}/${mount.prefix}/${route.route}`), target))
        return { ...mount, prefix: joinPrefixes(prefix, mount.prefix) };
  }
  return undefined;
}

function joinPrefixes(...prefixes: string[]): string {
  const segments = prefixes.join('/').split('/').filter(Boolean);
  return segments.length ? `/${segments.join('/')}` : '';
}

/** Routers nest at most this deep (app → api → v1 → resource) in the projects seen. */
const MAX_MOUNT_DEPTH = 4;

/**
 * The prefixes under which the router in `file` is served: '' when no other file mounts it (it
 * is the app), else each prefix another file mounts it at, under that file's own prefixes
 * (`app.use('/api/v1', v1)` and, in v1's file, `router.use('/jobs', jobs)`).
 */
function prefixesOf(file: string, http: HttpRoutes, depth = 0): string[] {
  if (depth >= MAX_MOUNT_DEPTH) return [''];
  const parents = http.mounts.filter(
    (mount) => mount.path !== file && mounts(mount, { path: file, owner: undefined }, http),
  );
  if (!parents.length) return [''];
  return parents.flatMap((mount) =>
    prefixesOf(mount.path, http, depth + 1).map((prefix) => `${prefix}/${mount.prefix}`),
  );
}

/**
 * Why a declared route is not reachable from the app, or undefined when nothing says so: a router
 * that no mount names and whose file no other file imports, a NestJS controller no module lists.
 */
function unreachable(route: RouteDeclaration, http: HttpRoutes): string | undefined {
  if (route.controller && !http.nestListed.has(route.controller))
    return `its controller ${route.controller} is in no module's \`controllers\``;
  if (route.definedIn && !http.rubyCalls.has(route.definedIn))
    return `it is declared inside the method \`${route.definedIn}\`, which no file calls`;
  const router = http.routers.find((known) => known.path === route.path && known.name === route.owner);
  if (!router || isMounted(route, http) || importedElsewhere(route.path, http)) return undefined;
  return `router \`${router.name}\` (${router.path}:${router.line}) is mounted nowhere and no other file imports its file`;
}

/** Whether another file imports `path` (a relative JavaScript specifier, or a Python module name). */
function importedElsewhere(path: string, http: HttpRoutes): boolean {
  const module = path.replace(/\.py$/, '').replace(/\/__init__$/, '');
  for (const [from, specs] of http.fileImports) {
    if (from === path) continue;
    for (const spec of specs) {
      if (path.endsWith('.py')) {
        const wanted = spec.replace(/^\.+/, '').replace(/\./g, '/');
        if (wanted && (module === wanted || module.endsWith(`/${wanted}`))) return true;
      } else if (spec.startsWith('.') && resolvesTo(from, spec, path)) return true;
    }
  }
  return false;
}

function isMounted(route: RouteDeclaration, http: HttpRoutes): boolean {
  return http.mounts.some((mount) => mounts(mount, route, http));
}

function mounts(
  mount: HttpRoutes['mounts'][number],
  route: Pick<RouteDeclaration, 'path' | 'owner'>,
  http: HttpRoutes,
): boolean {
  if (mount.path === route.path) return mount.target === route.owner;
  const spec = http.imports.get(mount.path)?.get(mount.target.split('.')[0] as string);
  return spec !== undefined && resolvesTo(mount.path, spec, route.path);
}

function resolvesTo(from: string, spec: string, file: string): boolean {
  if (!spec.startsWith('.')) return false;
  const parts = from.split('/').slice(0, -1);
  for (const segment of spec.split('/')) {
    if (segment === '..') parts.pop();
    else if (segment !== '.') parts.push(segment);
  }
  const base = parts.join('/').replace(/\.(m?[jt]sx?|cjs|cts|mts)$/, '');
  const stem = file.replace(/\.(m?[jt]sx?|cjs|cts|mts)$/, '');
  return stem === base || stem === `${base}/index`;
}

function served(shown: string, route: RouteDeclaration, how = '', extra: EvidenceRef[] = []): Finding {
  const declared =
    route.line === 1 && route.excerpt === route.path
      ? `by the file route ${route.path}`
      : `at ${route.path}:${route.line}`;
  return {
    verdict: 'pass',
    message: `${shown} is served ${declared}${how ? ` ${how}` : ''}`,
    evidence: [evidence(route), ...extra],
  };
}

function evidence(route: RouteDeclaration): EvidenceRef {
  return { path: route.path, line: route.line, excerpt: route.excerpt };
}

/** Conditions on what the route does (when, if, unless, blocking, rejecting). */
const CONDITIONAL = /\b(?:when|if|unless|block\w*|reject\w*)\b.{0,40}/i;

function judgeRoute(wanted: RouteRef, ctx: EvalContext): Finding {
  const http = ctx.get(httpRoutesCollector);
  const target = canonicalRoute(wanted.path);
  const routes = http.routes.filter((route) => inScope(route.path, ctx.scope) && methodFits(wanted, route));
  const shown = wanted.method ? `${wanted.method} ${wanted.path}` : wanted.path;
  const prefixes = http.globalPrefixes.filter((at) => inScope(at.path, ctx.scope));
  // A route on a router that is mounted elsewhere is served under the mount's prefix, not as written.
  const directs = routes.filter((route) =>
    isMounted(route, http)
      ? false
      : prefixes.length
        ? prefixes.some((p) => sameRoute(canonicalRoute(`/${p.prefix}${route.route}`), target))
        : sameRoute(route.canonical, target),
  );
  const direct = directs.find((route) => !unreachable(route, http));
  if (direct) return served(shown, direct);
  const declaredOnly = directs[0];
  if (declaredOnly) {
    return {
      verdict: 'unknown',
      message: `${shown} is declared at ${declaredOnly.path}:${declaredOnly.line}, but ${unreachable(declaredOnly, http)}, so nothing shows it is served`,
      evidence: [evidence(declaredOnly)],
    };
  }
  const mounted = routes
    .map((route) => ({ route, mount: mountFor(route, target, http) }))
    .find((found) => found.mount);
  if (mounted?.mount) {
    return served(
      shown,
      mounted.route,
      `${mounted.mount.prefix ? `under ${mounted.mount.prefix} ` : 'on a router '}mounted at ${mounted.mount.path}:${mounted.mount.line}`,
      [{ path: mounted.mount.path, line: mounted.mount.line, excerpt: mounted.mount.excerpt }],
    );
  }
  const partial = routes.find(
    (route) =>
      route.canonical !== '/' && (target.endsWith(route.canonical) || route.canonical.endsWith(target)),
  );
  if (partial) {
    return {
      verdict: 'unknown',
      message: `${partial.route} is declared at ${partial.path}:${partial.line}, but the prefix it is served under could not be resolved to ${wanted.path}`,
      evidence: [evidence(partial)],
    };
  }
  const implicit = http.implicit.find(
    (provider) => provider.serves.test(target) && inScope(provider.path, ctx.scope),
  );
  if (implicit) {
    return {
      verdict: 'unknown',
      message: `no route ${shown} declared in code, but ${implicit.name} (${implicit.path}:${implicit.line}) may serve it`,
      evidence: [{ path: implicit.path, line: implicit.line, excerpt: implicit.excerpt }],
    };
  }
  const literal = [...http.literals.entries()].find(
    ([route, at]) => sameRoute(route, target) && inScope(at.path, ctx.scope),
  );
  if (literal) {
    const [, at] = literal;
    return {
      verdict: 'unknown',
      message: `"${wanted.path}" appears at ${at.path}:${at.line}, but not as a route this tool recognises`,
      evidence: [{ path: at.path, line: at.line, excerpt: at.excerpt }],
    };
  }
  const frameworks = http.frameworks.filter((framework) => inScope(framework.path, ctx.scope));
  if (wanted.page) {
    // A page may be routed in the browser (React Router, Vue Router), which is not read here.
    return {
      verdict: 'unknown',
      message: `no file-based page or server route for ${shown} (Next.js app/ and pages/, SvelteKit, Nuxt); a client-side router may serve it`,
      evidence: [],
    };
  }
  if (!frameworks.length) {
    return {
      verdict: 'unknown',
      message: `no recognised web framework${ctx.scope ? ` in ${ctx.scope}/` : ''}, so whether ${shown} is served cannot be decided from the code`,
      evidence: [],
    };
  }
  const names = frameworks
    .map((framework) => `${framework.name} at ${framework.path}:${framework.line}`)
    .join(', ');
  const files = new Set(routes.map((route) => route.path)).size;
  if (frameworks.every((framework) => framework.partial)) {
    // Rails `resources`, Sinatra extensions and mounted Rack apps declare routes this does not read.
    return {
      verdict: 'unknown',
      message: `no route ${shown} among ${routes.length} routes read in ${files} files, but ${names} can declare routes in ways not read here`,
      evidence: frameworks
        .slice(0, 2)
        .map((framework) => ({ path: framework.path, line: framework.line, excerpt: framework.excerpt })),
    };
  }
  return {
    verdict: 'fail',
    message: `no route ${shown} among ${routes.length} routes declared in ${files} files (${names})`,
    evidence: frameworks
      .slice(0, 2)
      .map((framework) => ({ path: framework.path, line: framework.line, excerpt: framework.excerpt })),
  };
}

/** A route the code shows served, at the full path it answers (a mount's prefix applied). */
export interface ServedRoute {
  path: string;
  route: RouteDeclaration;
  /** Where the route's router is mounted, when it is. */
  mount?: HttpRoutes['mounts'][number];
}

/**
 * Every route in scope the code shows served: declared on the app (and not in a router nothing
 * mounts, a controller no module lists, a Ruby method nothing calls), or on a router mounted
 * under a prefix. For rules that look for a kind of route (health checks) rather than a path.
 */
export function servedRoutes(http: HttpRoutes, scope: string): ServedRoute[] {
  const served: ServedRoute[] = [];
  const prefixes = http.globalPrefixes.filter((at) => inScope(at.path, scope));
  for (const route of http.routes) {
    if (!inScope(route.path, scope)) continue;
    if (isMounted(route, http)) {
      for (const mount of http.mounts)
        if (mounts(mount, route, http))
          served.push({ path: canonicalRoute(`${mount.prefix}/${route.route}`), route, mount });
    } else if (!unreachable(route, http)) {
      const paths = prefixes.length
        ? prefixes.map((p) => canonicalRoute(`/${p.prefix}${route.route}`))
        : [route.canonical];
      for (const path of paths) served.push({ path, route });
    }
  }
  return served;
}
