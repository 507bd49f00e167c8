import { composeCollector } from '../../collectors/compose.js';
import { dockerfilesCollector, type ParsedDockerfile } from '../../collectors/dockerfiles.js';
import type { EvalContext, Rule } from '../../rule.js';
import type { Finding } from '../../types.js';
import {
  at,
  combine,
  inComposeContext,
  inContainerContext,
  listed,
  missingFileFinding,
  namedDockerfiles,
  noFromInstruction,
  preferProduction,
  ref,
  saysKubernetes,
  selectCompose,
  selectDockerfiles,
  servicesBuiltFrom,
  workloadManifests,
} from './docker-evidence.js';

const HEALTH_CHECK = /\bhealth[- ]?checks?\b/i;
/** Health endpoints, passing checks at run time, monitoring and alerting are other claims. */
const NOT_THE_INSTRUCTION =
  /\b(?:endpoints?|routes?|urls?|passing|responding|returning|monitor\w*|alert\w*|dashboards?|scripts?|failures?|status|deployment)\b|\/health/i;

interface Params {
  path?: string;
  /** The item names the HEALTHCHECK instruction itself, so probes elsewhere do not answer it. */
  instruction?: boolean;
}

/** Whether the image declares a HEALTHCHECK (or Compose defines one for the service built from it). */
export const dockerHealthcheck: Rule<Params> = {
  id: 'docker.healthcheck',
  title: 'Container image defines a health check',
  why: 'Without a health check Docker and Compose only know that the process exists, not that it serves; a hung service stays in rotation.',
  fix: 'Add `HEALTHCHECK CMD curl -fsS http://localhost:3000/health || exit 1` to the final stage, or a `healthcheck:` to the Compose service.',
  recognises:
    'The HEALTHCHECK instruction, or "health checks" in a Docker/container context (text or heading) that is not about ' +
    'Compose, Kubernetes probes, endpoints, monitoring or checks passing at run time.',
  needs: [dockerfilesCollector, composeCollector],
  match(item) {
    const named = namedDockerfiles(item);
    const instruction = /\bHEALTHCHECK\b/.test(item.text);
    if (!instruction) {
      if (!HEALTH_CHECK.test(item.text) || NOT_THE_INSTRUCTION.test(item.text)) return [];
      if (saysKubernetes(item) || inComposeContext(item) || !inContainerContext(item)) return [];
    }
    const flag = instruction ? { instruction: true } : {};
    return named.length > 0 ? named.map((path) => ({ path, ...flag })) : [flag];
  },
  evaluate(params, ctx) {
    const selection = selectDockerfiles(ctx, params.path);
    if (selection.missing) return missingFileFinding('Dockerfile', selection.missing);
    if (selection.dockerfiles.length === 0) {
      const checked = selectCompose(ctx).services.filter(
        (service) => service.healthcheck && !service.healthcheck.disabled,
      );
      if (checked.length > 0) {
        return {
          verdict: 'pass',
          message: `no Dockerfile in scope; Compose defines healthchecks for ${listed(checked.map((s) => s.name))}`,
          evidence: checked.map((service) =>
            ref(service.path, service.healthcheck?.line, service.healthcheck?.excerpt),
          ),
        };
      }
      return {
        verdict: 'unknown',
        message: 'no Dockerfile or Compose healthcheck in scope: the image may be defined elsewhere',
        evidence: [],
      };
    }
    return combine(
      preferProduction(selection.dockerfiles).map((file) => judge(file, ctx, params.instruction)),
    );
  },
  examples: {
    match: [
      'Dockerfile HEALTHCHECK instruction added',
      'Container health checks configured',
      'Docker health check defined for the API image',
      '`Dockerfile.production` includes a health check',
    ],
    noMatch: [
      'Health checks configured',
      'Health check endpoints',
      'Docker Compose with health checks and resource limits',
      '**Deployment Scripts** - Automated deployment with health checks',
      'Service responding to health checks',
      'Kubernetes liveness and readiness probes (container health checks)',
    ],
    verdicts: [
      {
        files: {
          Dockerfile:
            'FROM node:20-alpine\nCOPY . .\nHEALTHCHECK CMD wget -qO- http://localhost:3000/health || exit 1\nCMD ["node", "server.js"]\n',
        },
        item: 'Dockerfile HEALTHCHECK instruction added',
        verdict: 'pass',
      },
      {
        files: { Dockerfile: 'FROM node:20-alpine\nCOPY . .\nCMD ["node", "server.js"]\n' },
        item: 'Dockerfile HEALTHCHECK instruction added',
        verdict: 'fail',
      },
    ],
  },
};

function judge(file: ParsedDockerfile, ctx: EvalContext, instruction = false): Finding {
  const final = file.stages.at(-1);
  if (!final) return noFromInstruction(file);
  const stage = `final stage of ${file.path}`;
  const own = final.effective.healthcheck;
  if (own && !own.none) {
    return {
      verdict: 'pass',
      message: `${stage} declares HEALTHCHECK (${at(file.path, own.line)})`,
      evidence: [ref(file.path, own.line, own.excerpt)],
    };
  }
  const services = servicesBuiltFrom(ctx, file.path);
  const composed = services.find((service) => service.healthcheck && !service.healthcheck.disabled);
  if (composed?.healthcheck) {
    return {
      verdict: 'pass',
      message: `Compose service ${composed.name} built from ${file.path} defines a healthcheck (${at(composed.path, composed.healthcheck.line)})`,
      evidence: [ref(composed.path, composed.healthcheck.line, composed.healthcheck.excerpt)],
    };
  }
  if (own?.none) {
    return {
      verdict: 'fail',
      message: `${stage} disables health checks with HEALTHCHECK NONE (${at(file.path, own.line)})`,
      evidence: [ref(file.path, own.line, own.excerpt)],
    };
  }
  const manifests = instruction ? [] : workloadManifests(ctx);
  if (manifests.length > 0) {
    return {
      verdict: 'unknown',
      message: `${stage} has no HEALTHCHECK, but Kubernetes manifests (${listed(
        manifests.map((m) => m.path),
        2,
      )}) may define probes; the Kubernetes rules decide`,
      evidence: [ref(file.path, final.line, final.excerpt)],
    };
  }
  const disabled = services.find((service) => service.healthcheck?.disabled);
  const composeNote = disabled
    ? ` and Compose service ${disabled.name} disables it (${at(disabled.path, disabled.healthcheck?.line ?? disabled.line)})`
    : services.length > 0
      ? ` and no Compose service built from it defines one`
      : '';
  return {
    verdict: 'fail',
    message: `${stage} has no HEALTHCHECK (FROM ${final.base.written} at ${at(file.path, final.line)})${composeNote}`,
    evidence: [ref(file.path, final.line, final.excerpt)],
  };
}
