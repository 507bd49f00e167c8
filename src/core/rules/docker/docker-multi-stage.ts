import { dockerfilesCollector, type ParsedDockerfile } from '../../collectors/dockerfiles.js';
import type { Rule } from '../../rule.js';
import type { Finding } from '../../types.js';
import {
  at,
  combine,
  inContainerContext,
  listed,
  missingFileFinding,
  namedDockerfiles,
  noFromInstruction,
  ref,
  selectDockerfiles,
  whereDockerfilesWereSought,
} from './docker-evidence.js';

const MULTI_STAGE = /\bmulti[- ]?stage\b/i;
const ABOUT_BUILDS = /\b(?:build|builds|docker\w*|containers?|images?|dockerfiles?)\b/i;
const ABOUT_RELEASES = /\b(?:deploy\w*|rollouts?|releases?|pipelines?|approvals?|canary|environments?)\b/i;

interface Params {
  /** A Dockerfile the item names. */
  path?: string;
}

/** Whether the Dockerfile builds in more than one stage (build tools stay out of the final image). */
export const dockerMultiStage: Rule<Params> = {
  id: 'docker.multi-stage',
  title: 'Dockerfile uses a multi-stage build',
  why: 'A multi-stage build keeps compilers, dev dependencies and sources out of the image that runs in production.',
  fix: 'Build in a first stage (`FROM node:20 AS build`) and copy only the output into a slim final stage (`COPY --from=build`).',
  recognises:
    '"multi-stage" about a build, Docker or an image (not multi-stage deployments or rollouts); a named Dockerfile is judged alone.',
  needs: [dockerfilesCollector],
  match(item) {
    if (!MULTI_STAGE.test(item.text)) return [];
    const named = namedDockerfiles(item);
    if (named.length > 0) return named.map((path) => ({ path }));
    if (ABOUT_RELEASES.test(item.text) && !/\bbuilds?\b/i.test(item.text)) return [];
    return ABOUT_BUILDS.test(item.text) || inContainerContext(item) ? [{}] : [];
  },
  evaluate(params, ctx) {
    const selection = selectDockerfiles(ctx, params.path);
    if (selection.missing) return missingFileFinding('Dockerfile', selection.missing);
    if (selection.dockerfiles.length === 0) {
      return {
        verdict: 'fail',
        message: whereDockerfilesWereSought(ctx.scope),
        evidence: [{ path: ctx.scope || '.' }],
      };
    }
    const findings = selection.dockerfiles.map(judge);
    // Any multi-stage Dockerfile backs the claim; a single-stage one beside it is not a contradiction.
    for (const verdict of ['pass', 'fail', 'unknown'] as const) {
      const chosen = findings.filter((finding) => finding.verdict === verdict);
      if (chosen.length > 0) return combine(chosen);
    }
    return { verdict: 'unknown', message: 'nothing to judge', evidence: [] };
  },
  examples: {
    match: [
      '`Dockerfile.production` - Multi-stage production build',
      'Docker configuration (multi-stage builds)',
      'Multi-stage Dockerfile to keep the runtime image small',
      'Use multi-stage builds for smaller images',
    ],
    noMatch: [
      'Multi-stage deployment pipeline with approvals',
      'Multi-stage rollout (canary, then 100%)',
      'Docker images built and pushed',
    ],
    verdicts: [
      {
        files: {
          Dockerfile:
            'FROM node:20 AS build\nCOPY . .\nRUN npm ci && npm run build\n\nFROM node:20-slim\nCOPY --from=build /app/dist /app\nCMD ["node", "/app/server.js"]\n',
        },
        item: 'Multi-stage Dockerfile to keep the runtime image small',
        verdict: 'pass',
      },
      {
        files: {
          Dockerfile: 'FROM node:20\nCOPY . .\nRUN npm ci && npm run build\nCMD ["node", "dist/server.js"]\n',
        },
        item: 'Multi-stage Dockerfile to keep the runtime image small',
        verdict: 'fail',
      },
    ],
  },
};

function judge(file: ParsedDockerfile): Finding {
  const final = file.stages.at(-1);
  if (!final) return noFromInstruction(file);
  if (file.stages.length === 1) {
    return {
      verdict: 'fail',
      message: `${file.path} has a single stage (FROM ${final.base.written} at ${at(file.path, final.line)})`,
      evidence: [ref(file.path, final.line, final.excerpt)],
    };
  }
  const names = file.stages.map((stage) => stage.name ?? `#${stage.index}`);
  return {
    verdict: 'pass',
    message: `${file.path} has ${file.stages.length} stages (${listed(names)}); final FROM ${final.base.written} at ${at(file.path, final.line)}`,
    evidence: [ref(file.path, final.line, final.excerpt)],
  };
}
