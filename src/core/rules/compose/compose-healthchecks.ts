import { composeCollector } from '../../collectors/compose.js';
import { dockerfilesCollector } from '../../collectors/dockerfiles.js';
import type { EvalContext, Rule } from '../../rule.js';
import {
  at,
  inComposeContext,
  listed,
  longRunningServices,
  lookedForCompose,
  missingFileFinding,
  namedComposeFiles,
  noLongRunningService,
  ref,
  type ServiceView,
  selectCompose,
} from '../docker/docker-evidence.js';

/** A claim about every service: one without a healthcheck contradicts it. */
const EVERY = /\b(?:all|every|each)\b/i;
const HEALTH_CHECK = /\bhealth[- ]?checks?\b/i;
const NOT_THE_SETTING =
  /\b(?:endpoints?|routes?|passing|responding|monitor\w*|alert\w*|dashboards?|failures?)\b/i;

interface Params {
  path?: string;
  /** The item speaks of one kind of service ("Compose database has a health check"). */
  role?: ServiceRole;
}

type ServiceRole = 'database' | 'cache';

const ROLE_WORDS: Record<ServiceRole, RegExp> = {
  database: /\b(database|db|postgres(?:ql)?|mysql|mariadb|mongo(?:db)?)\b/i,
  cache: /\b(cache|redis|valkey|memcached)\b/i,
};
const ROLE_SERVICES: Record<ServiceRole, RegExp> = {
  database: /(^|[/_-])(db|database|postgres|postgis|timescaledb|mysql|mariadb|mongo|cockroach)/i,
  cache: /(^|[/_-])(redis|valkey|memcached|cache)/i,
};

function roleOf(text: string): ServiceRole | undefined {
  return (Object.keys(ROLE_WORDS) as ServiceRole[]).find((role) => ROLE_WORDS[role].test(text));
}

/** Whether the Compose services define health checks (in Compose or inherited from their Dockerfile). */
export const composeHealthchecks: Rule<Params> = {
  id: 'compose.healthchecks',
  title: 'Compose services define health checks',
  why: 'Compose only restarts or waits on (`depends_on: condition: service_healthy`) services whose health it can check.',
  fix: 'Add a `healthcheck:` (test, interval, retries) to each long-running service, or a HEALTHCHECK to the image it builds.',
  recognises:
    '"health checks" about Docker Compose (in the text, a named compose file, or the heading); not endpoints or monitoring.',
  needs: [composeCollector, dockerfilesCollector],
  match(item) {
    if (!HEALTH_CHECK.test(item.text) || NOT_THE_SETTING.test(item.text) || !inComposeContext(item))
      return [];
    const named = namedComposeFiles(item);
    const role = roleOf(item.text);
    const withRole = (params: Params): Params => (role ? { ...params, role } : params);
    return named.length > 0 ? named.map((path) => withRole({ path })) : [withRole({})];
  },
  evaluate(params, ctx, item) {
    const selection = selectCompose(ctx, params.path);
    if (selection.missing) return missingFileFinding('Compose file', selection.missing);
    if (selection.files.length === 0)
      return {
        verdict: 'fail',
        message: lookedForCompose(ctx.scope),
        evidence: [{ path: ctx.scope || '.' }],
      };
    const longRunning = longRunningServices(selection);
    const role = params.role;
    const services = role
      ? longRunning.filter((service) => ROLE_SERVICES[role].test(`${service.name} ${service.image ?? ''}`))
      : longRunning;
    if (role && services.length === 0 && longRunning.length > 0)
      return {
        verdict: 'unknown',
        message: `no ${role} service among ${longRunning.map((service) => service.name).join(', ')} in ${listed(selection.files, 2)}`,
        evidence: longRunning.slice(0, 3).map((service) => ref(service.path, service.line)),
      };
    if (services.length === 0) return noLongRunningService(selection);
    const checked = services.filter((service) => hasHealthcheck(service, ctx));
    const missing = services.filter((service) => !checked.includes(service));
    const files = listed(selection.files, 2);
    if (missing.length === 0) {
      return {
        verdict: 'pass',
        message: `all ${services.length} services in ${files} have a healthcheck`,
        evidence: services.map((service) =>
          ref(service.path, service.healthcheck?.line ?? service.line, service.healthcheck?.excerpt),
        ),
      };
    }
    const missingBuilt = missing.filter((service) => service.build);
    const builtHere = services.some((service) => service.build);
    const gaps = missing.map((service) => `${service.name} (${at(service.path, service.line)})`);
    if (checked.length === 0 || missingBuilt.length > 0) {
      return {
        verdict: 'fail',
        message: `${missing.length} of ${services.length} services in ${files} have no healthcheck: ${listed(gaps, 3)}`,
        evidence: missing.map((service) => ref(service.path, service.line)),
      };
    }
    const note = `${checked.length} of ${services.length} services in ${files} have a healthcheck; none on ${listed(gaps, 3)}`;
    if (EVERY.test(item.text))
      return { verdict: 'fail', message: note, evidence: missing.map((s) => ref(s.path, s.line)) };
    // Services built here all have one: the gaps are third-party images, usually judged separately.
    const built = services.filter((service) => service.build);
    return builtHere
      ? {
          verdict: 'pass',
          message: `every service built here has a healthcheck (${built.map((s) => s.name).join(', ')}); third-party ${missing.length === 1 ? 'image' : 'images'} without one: ${listed(gaps, 3)}`,
          evidence: checked.map((s) => ref(s.path, s.healthcheck?.line ?? s.line)),
        }
      : {
          verdict: 'unknown',
          message: `${note}; which of them must have one is not clear`,
          evidence: missing.map((s) => ref(s.path, s.line)),
        };
  },
  examples: {
    match: [
      '**Orchestration** - Docker Compose with health checks and resource limits',
      'Health checks defined in `docker-compose.production.yml`',
      'Compose services have healthchecks',
    ],
    noMatch: [
      'Health check endpoints',
      'Docker Compose for local development',
      'Service responding to health checks',
      'Health checks configured',
    ],
    verdicts: [
      {
        files: {
          'docker-compose.yml':
            'services:\n  api:\n    build: .\n    healthcheck:\n      test: ["CMD", "curl", "-f", "http://localhost:3000/health"]\n      interval: 10s\n',
        },
        item: 'Compose services have healthchecks',
        verdict: 'pass',
      },
      {
        files: { 'docker-compose.yml': 'services:\n  api:\n    build: .\n' },
        item: 'Compose services have healthchecks',
        verdict: 'fail',
      },
    ],
  },
};

function hasHealthcheck(service: ServiceView, ctx: EvalContext): boolean {
  if (service.healthcheck) return !service.healthcheck.disabled;
  const dockerfile = service.build?.dockerfile;
  if (!dockerfile) return false;
  const parsed = ctx.get(dockerfilesCollector).dockerfiles.find((file) => file.path === dockerfile);
  const own = parsed?.stages.at(-1)?.effective.healthcheck;
  return own !== undefined && !own.none;
}
