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
  saysKubernetes,
  selectCompose,
} from '../docker/docker-evidence.js';

const RESTART =
  /\brestart[ _-]?polic(?:y|ies)\b|\brestart: ?(?:always|unless-stopped|on-failure)\b|\bauto[- ]?restart\w*|\brestart(?:s|ed)? automatically\b/i;

interface Params {
  composeNamed: boolean;
  path?: string;
}

/** Whether every long-running Compose service restarts after a crash or reboot. */
export const composeRestartPolicy: Rule<Params> = {
  id: 'compose.restart-policy',
  title: 'Compose services have a restart policy',
  why: 'Without a restart policy a crashed container or a host reboot leaves the service down until someone notices.',
  fix: 'Set `restart: unless-stopped` (or `deploy.restart_policy.condition: on-failure`) on every long-running service.',
  recognises:
    '"restart policy", "auto-restart", "restart: always/unless-stopped" about Docker, containers or Compose (text or heading); not Kubernetes.',
  needs: [composeCollector, dockerfilesCollector],
  match(item) {
    if (!RESTART.test(item.text) || saysKubernetes(item) || !inContainerContext(item)) return [];
    const composeNamed = /\bcompose\b/i.test(item.text);
    const named = namedComposeFiles(item);
    return named.length > 0 ? named.map((path) => ({ composeNamed: true, path })) : [{ composeNamed }];
  },
  evaluate(params, ctx) {
    const selection = selectCompose(ctx, params.path);
    if (selection.missing) return missingFileFinding('Compose file', selection.missing);
    if (selection.files.length === 0) {
      return params.composeNamed
        ? { verdict: 'fail', message: lookedForCompose(ctx.scope), evidence: [{ path: ctx.scope || '.' }] }
        : {
            verdict: 'unknown',
            message: `${lookedForCompose(ctx.scope)}; restarts handled by systemd, Kubernetes or the platform are judged elsewhere`,
            evidence: [],
          };
    }
    const services = longRunningServices(selection);
    if (services.length === 0) return noLongRunningService(selection);
    const files = listed(selection.files, 2);
    const lacking = services.filter(
      (service) => !service.restart || /^["']?no["']?$/i.test(service.restart.value),
    );
    if (lacking.length === 0) {
      const policies = [...new Set(services.map((service) => service.restart?.value))].join(', ');
      return {
        verdict: 'pass',
        message: `all ${services.length} services in ${files} have a restart policy (${policies})`,
        evidence: services.flatMap((service) =>
          service.restart ? [ref(service.restart.path, service.restart.line, service.restart.excerpt)] : [],
        ),
      };
    }
    const gaps = lacking.map((service) =>
      service.restart
        ? `${service.name} (restart: no at ${at(service.restart.path, service.restart.line)})`
        : `${service.name} (${at(service.path, service.line)})`,
    );
    return {
      verdict: 'fail',
      message: `${lacking.length} of ${services.length} services in ${files} have no restart policy: ${listed(gaps, 3)}`,
      evidence: lacking.map((service) =>
        ref(service.restart?.path ?? service.path, service.restart?.line ?? service.line),
      ),
    };
  },
  examples: {
    match: [
      'Docker Compose restart policies configured',
      'Containers auto-restart on failure',
      'Restart policy set for all services in `docker-compose.yml`',
    ],
    noMatch: [
      'Service restart alerts',
      'Verify command persistence across bot restart',
      'Kubernetes restartPolicy set on jobs',
    ],
    verdicts: [
      {
        files: { 'docker-compose.yml': 'services:\n  api:\n    build: .\n    restart: unless-stopped\n' },
        item: 'Docker Compose restart policies configured',
        verdict: 'pass',
      },
      {
        files: { 'docker-compose.yml': 'services:\n  api:\n    build: .\n' },
        item: 'Docker Compose restart policies configured',
        verdict: 'fail',
      },
    ],
  },
};
