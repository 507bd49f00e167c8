import { composeCollector } from '../../collectors/compose.js';
import { dockerfilesCollector, type ParsedDockerfile } from '../../collectors/dockerfiles.js';
import type { EvalContext, Rule } from '../../rule.js';
import type { Finding } from '../../types.js';
import {
  at,
  combine,
  inContainerContext,
  missingFileFinding,
  namedDockerfiles,
  noFromInstruction,
  preferProduction,
  ref,
  saysKubernetes,
  selectDockerfiles,
  servicesBuiltFrom,
  workloadManifests,
} from './docker-evidence.js';

const NON_ROOT =
  /\bnon[- ]?root\b|\brootless\b|\bunprivileged user\b|\bnot (?:run(?:s|ning)? )?as root\b|\brun(?:s|ning)? as (?:a |an )?(?:dedicated|unprivileged|non-privileged|app|application) user\b/i;
/** Base images whose default user is not root. */
const NON_ROOT_BASE =
  /nonroot|non-root|rootless|unprivileged|^cgr\.dev\/|chainguard|(?:^|\/)bitnami\/|nanoserver/i;

interface Params {
  path?: string;
}

/** Whether the final stage of the Dockerfile runs as a user other than root. */
export const dockerNonRoot: Rule<Params> = {
  id: 'docker.non-root',
  title: 'Container runs as a non-root user',
  why: 'A process running as root inside a container turns any code-execution bug into root on the container and a step closer to the host.',
  fix: 'Create a user and switch to it in the final stage (`RUN adduser -D app` then `USER app`, or `USER node` on node images).',
  recognises:
    '"non-root", "rootless", "not as root" or "runs as an unprivileged user" about a container, Docker or an image ' +
    '(in the text or its heading); not Kubernetes pods or securityContext.',
  needs: [dockerfilesCollector, composeCollector],
  match(item) {
    if (!NON_ROOT.test(item.text) || saysKubernetes(item) || !inContainerContext(item)) return [];
    const named = namedDockerfiles(item);
    return named.length > 0 ? named.map((path) => ({ path })) : [{}];
  },
  evaluate(params, ctx) {
    const selection = selectDockerfiles(ctx, params.path);
    if (selection.missing) return missingFileFinding('Dockerfile', selection.missing);
    if (selection.dockerfiles.length === 0) {
      return {
        verdict: 'unknown',
        message: 'no Dockerfile in scope: the user the image runs as is decided where the image is built',
        evidence: [],
      };
    }
    return combine(preferProduction(selection.dockerfiles).map((file) => judge(file, ctx)));
  },
  examples: {
    match: [
      'Container runs as non-root user',
      'Run containers as non-root',
      'Dockerfile switches to a non-root USER',
      '`Dockerfile.production` runs as an unprivileged user',
    ],
    noMatch: [
      'Pods run as non-root (securityContext)',
      'Database user is not root',
      'Security scanning performed on container image',
      'SSH root login disabled',
    ],
    verdicts: [
      {
        files: {
          Dockerfile: 'FROM node:20-alpine\nWORKDIR /app\nCOPY . .\nUSER node\nCMD ["node", "server.js"]\n',
        },
        item: 'Container runs as non-root user',
        verdict: 'pass',
      },
      {
        files: { Dockerfile: 'FROM node:20-alpine\nWORKDIR /app\nCOPY . .\nCMD ["node", "server.js"]\n' },
        item: 'Container runs as non-root user',
        verdict: 'fail',
      },
    ],
  },
};

function judge(file: ParsedDockerfile, ctx: EvalContext): Finding {
  const final = file.stages.at(-1);
  if (!final) return noFromInstruction(file);
  const composeUsers = servicesBuiltFrom(ctx, file.path).filter((service) => service.user);
  if (composeUsers.length > 0) {
    const rootUsers = composeUsers.filter((service) => isRoot(service.user?.value ?? ''));
    const shown = rootUsers[0] ?? composeUsers[0];
    const user = shown?.user;
    if (shown && user) {
      return {
        verdict: rootUsers.length > 0 ? 'fail' : 'pass',
        message: `Compose service ${shown.name} runs ${file.path} as user ${user.value} (${at(shown.path, user.line)})`,
        evidence: [ref(shown.path, user.line, user.excerpt)],
      };
    }
  }
  const user = final.effective.user;
  const stage = `final stage of ${file.path}`;
  if (user) {
    const evidence = [ref(file.path, user.line, user.excerpt)];
    if (user.value.includes('$')) {
      return {
        verdict: 'unknown',
        message: `${stage} sets USER ${user.value} from a build argument or variable (${at(file.path, user.line)}); the value given at build time decides`,
        evidence,
      };
    }
    if (isRoot(user.value)) {
      return {
        verdict: 'fail',
        message: `${stage} runs as USER ${user.value} (${at(file.path, user.line)})`,
        evidence,
      };
    }
    return {
      verdict: 'pass',
      message: `${stage} runs as USER ${user.value} (${at(file.path, user.line)})`,
      evidence,
    };
  }
  const fromLine = ref(file.path, final.line, final.excerpt);
  const drop = final.effective.privilegeDrop;
  if (drop) {
    return {
      verdict: 'unknown',
      message: `${stage} has no USER but uses ${drop.value} (${at(file.path, drop.line)}) to switch user at run time; the entrypoint decides`,
      evidence: [ref(file.path, drop.line, drop.excerpt)],
    };
  }
  const base = final.effective.base;
  if (base.resolved && NON_ROOT_BASE.test(base.resolved)) {
    return {
      verdict: 'unknown',
      message: `${stage} has no USER; base image ${base.resolved} usually runs as a non-root user by default`,
      evidence: [fromLine],
    };
  }
  const nonRootManifest = workloadManifests(ctx).find((manifest) => manifest.setsNonRootUser);
  if (nonRootManifest) {
    return {
      verdict: 'unknown',
      message: `${stage} has no USER, but ${nonRootManifest.path} sets runAsNonRoot/runAsUser; the Kubernetes rules decide`,
      evidence: [fromLine, ref(nonRootManifest.path)],
    };
  }
  return {
    verdict: 'fail',
    message: `${stage} runs as root (no USER after FROM ${final.base.written} at ${at(file.path, final.line)})`,
    evidence: [fromLine],
  };
}

function isRoot(user: string): boolean {
  const name = user.split(':')[0]?.trim().toLowerCase();
  return name === 'root' || name === '0';
}
