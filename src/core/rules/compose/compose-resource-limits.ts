import { composeCollector } from '../../collectors/compose.js';
import { dockerfilesCollector } from '../../collectors/dockerfiles.js';
import type { Rule } from '../../rule.js';
import {
  at,
  inContainerContext,
  listed,
  longRunningServices,
  lookedForCompose,
  missingFileFinding,
  namedComposeFiles,
  noLongRunningService,
  ref,
  type ServiceView,
  saysKubernetes,
  selectCompose,
  workloadManifests,
} from '../docker/docker-evidence.js';

const LIMITS =
  /\bresource limits?\b|\b(?:cpu|memory|mem|ram)(?: (?:and|&|\/) (?:cpu|memory|mem|ram))? limits?\b|\blimits? (?:on|for) (?:cpu|memory|ram)\b|\bmem_limit\b|\bdeploy\.resources\b/i;
const MEMORY = /\b(?:memory|mem|ram)\b/i;
/** "Limits for ALL services": services in the plural, every one of them, is Compose's word for its containers. */
const EVERY_SERVICE = /\b(?:all|every|each)\s+(?:the\s+|of the\s+)?services\b/i;
const CPU = /\bcpus?\b/i;

interface Params {
  /** The item names memory (and/or CPU): that limit is required; naming neither accepts either. */
  memory: boolean;
  cpu: boolean;
  /** The item speaks of Compose: no Compose file contradicts it. */
  composeNamed: boolean;
  path?: string;
}

/** Whether every long-running Compose service has a memory and/or CPU limit. */
export const composeResourceLimits: Rule<Params> = {
  id: 'compose.resource-limits',
  title: 'Compose services have resource limits',
  why: 'A container without a memory limit can take the whole host down with it; one without a CPU limit starves its neighbours.',
  fix: 'Set `deploy.resources.limits` (memory, cpus) or `mem_limit`/`cpus` on every long-running service.',
  recognises:
    '"resource limits", "CPU and memory limits", "mem_limit" about Docker, containers or Compose (text or heading); not Kubernetes. ' +
    'Memory or CPU only when the item names only one.',
  needs: [composeCollector, dockerfilesCollector],
  match(item) {
    if (!LIMITS.test(item.text) || saysKubernetes(item)) return [];
    if (!inContainerContext(item) && !EVERY_SERVICE.test(item.text)) return [];
    const memory = MEMORY.test(item.text);
    const cpu = CPU.test(item.text);
    const base = { memory, cpu, composeNamed: /\bcompose\b/i.test(item.text) };
    const named = namedComposeFiles(item);
    return named.length > 0 ? named.map((path) => ({ ...base, composeNamed: true, path })) : [base];
  },
  evaluate(params, ctx) {
    const selection = selectCompose(ctx, params.path);
    if (selection.missing) return missingFileFinding('Compose file', selection.missing);
    const manifests = workloadManifests(ctx);
    if (selection.files.length === 0) {
      if (params.composeNamed)
        return {
          verdict: 'fail',
          message: lookedForCompose(ctx.scope),
          evidence: [{ path: ctx.scope || '.' }],
        };
      return {
        verdict: 'unknown',
        message: `${lookedForCompose(ctx.scope)}; limits set by Kubernetes, \`docker run\` flags or the platform are judged elsewhere`,
        evidence: [],
      };
    }
    const services = longRunningServices(selection);
    if (services.length === 0) return noLongRunningService(selection);
    const wanted =
      params.memory === params.cpu
        ? params.memory
          ? 'memory and CPU'
          : 'memory or CPU'
        : params.memory
          ? 'memory'
          : 'CPU';
    const lacking = services.filter((service) => !limited(service, params));
    const files = listed(selection.files, 2);
    if (lacking.length === 0) {
      const shown = services
        .map((service) => service.memoryLimit ?? service.cpuLimit)
        .filter((s) => s !== undefined);
      return {
        verdict: 'pass',
        message: `all ${services.length} services in ${files} set ${wanted} limits`,
        evidence: shown.map((setting) => ref(setting.path, setting.line, setting.excerpt)),
      };
    }
    const gaps = lacking.map((service) => `${service.name} (${at(service.path, service.line)})`);
    if (!params.composeNamed && manifests.length > 0 && lacking.length === services.length) {
      return {
        verdict: 'unknown',
        message: `no ${wanted} limit in ${files}, but Kubernetes manifests (${listed(
          manifests.map((m) => m.path),
          2,
        )}) may set them; the Kubernetes rules decide`,
        evidence: lacking.map((service) => ref(service.path, service.line)),
      };
    }
    return {
      verdict: 'fail',
      message: `${lacking.length} of ${services.length} services in ${files} have no ${wanted} limit: ${listed(gaps, 3)}`,
      evidence: lacking.map((service) => ref(service.path, service.line)),
    };
  },
  examples: {
    match: [
      '**Orchestration** - Docker Compose with health checks and resource limits',
      'Container resource limits configured (memory, CPU)',
      'Memory limits set on all Docker containers',
      '`mem_limit` set for every service in `docker-compose.prod.yml`',
      'Set memory and CPU limits for ALL services',
    ],
    noMatch: [
      'Resource limits set',
      'Kubernetes pods have CPU and memory limits',
      'Rate limits on the public API',
      'Max memory policy configured',
    ],
    verdicts: [
      {
        files: {
          'docker-compose.yml':
            'services:\n  api:\n    build: .\n    deploy:\n      resources:\n        limits:\n          memory: 512M\n          cpus: "0.5"\n',
        },
        item: 'Container resource limits configured (memory, CPU)',
        verdict: 'pass',
      },
      {
        files: { 'docker-compose.yml': 'services:\n  api:\n    build: .\n' },
        item: 'Container resource limits configured (memory, CPU)',
        verdict: 'fail',
      },
    ],
  },
};

function limited(service: ServiceView, params: Params): boolean {
  const memory = service.memoryLimit !== undefined;
  const cpu = service.cpuLimit !== undefined;
  if (!params.memory && !params.cpu) return memory || cpu;
  return (!params.memory || memory) && (!params.cpu || cpu);
}
