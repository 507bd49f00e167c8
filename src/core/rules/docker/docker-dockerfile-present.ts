import { composeCollector } from '../../collectors/compose.js';
import { dockerfilesCollector } from '../../collectors/dockerfiles.js';
import type { Rule } from '../../rule.js';
import {
  listed,
  namedDockerfiles,
  ref,
  selectCompose,
  selectDockerfiles,
  whereDockerfilesWereSought,
} from './docker-evidence.js';

const CONTAINERISED =
  /\b(?:dockerfiles?|containerfiles?|docker (?:containers?|configuration|config|setup|support)|containeri[sz](?:ation|ed)|dockeri[sz](?:ation|ed))\b/i;
/** Claims about a registry, a running system or a machine: the repository cannot show them. */
const NOT_ABOUT_THE_REPO =
  /\b(?:push(?:ed)?|registry|running|deployed|installed|scann?(?:ed|ing)?|tagged|signed|metrics|logs?|built successfully)\b/i;
/** Narrower container claims have their own rules. */
const NARROWER =
  /multi[- ]?stage|non[- ]?root|rootless|health|pinned|digest|dockerignore|compose|resource|limits/i;
/** A quality of the Dockerfiles ("optimized", "hardened"), which their existence does not show. */
const QUALITY =
  /\boptimi[sz]\w*|\bhardened\b|\bminimal\b|\bslim\b|\blean\b|\bbest[- ]practices?\b|\bsecured?\b|\bsmall(?:er|est)?\b|\breduced\b|\befficient\b/i;

/** Whether the repository has a Dockerfile: the plain "we containerised it" claim. */
/** The quality the item claims of the Dockerfiles ("optimized"), if any. */
export interface DockerfileClaim {
  quality?: string;
}

export const dockerDockerfilePresent: Rule<DockerfileClaim> = {
  id: 'docker.dockerfile-present',
  title: 'The project has a Dockerfile',
  why: 'A claim that the service is containerised is only true if the image is defined in the repository.',
  fix: 'Add a Dockerfile (or Containerfile) for the service, or untick the item.',
  recognises:
    'Items claiming Docker containers, configuration, setup or containerisation without a narrower property ' +
    '(multi-stage, non-root, health check...) and without naming a file; not image pushes, registries or installs.',
  needs: [dockerfilesCollector, composeCollector],
  match(item) {
    const text = item.text;
    if (!CONTAINERISED.test(text) || NOT_ABOUT_THE_REPO.test(text) || NARROWER.test(text)) return [];
    // A named file is checked by the references rules (existence) and the narrower rules (content).
    if (namedDockerfiles(item).length > 0) return [];
    const quality = QUALITY.exec(text)?.[0];
    return [quality ? { quality } : {}];
  },
  evaluate(params, ctx) {
    const { dockerfiles } = selectDockerfiles(ctx);
    if (dockerfiles.length > 0) {
      const described = dockerfiles.map((file) => {
        const final = file.stages.at(-1);
        return final ? `${file.path} (FROM ${final.base.written})` : file.path;
      });
      return {
        // "Optimized" Dockerfiles: that they exist is shown, what they are is not.
        verdict: params.quality ? 'unknown' : 'pass',
        message: params.quality
          ? `found ${listed(described, 3)}; whether they are "${params.quality}" is not something their existence shows`
          : `found ${listed(described, 3)}`,
        evidence: dockerfiles.map((file) => {
          const final = file.stages.at(-1);
          return ref(file.path, final?.line, final?.excerpt);
        }),
      };
    }
    const prebuilt = selectCompose(ctx).services.filter((service) => service.image && !service.build);
    if (prebuilt.length > 0) {
      return {
        verdict: 'unknown',
        message: `${whereDockerfilesWereSought(ctx.scope)}; Compose runs prebuilt images (${listed(
          prebuilt.map((service) => service.image as string),
          3,
        )}) that may be built elsewhere`,
        evidence: prebuilt.map((service) => ref(service.path, service.line)),
      };
    }
    return {
      verdict: 'fail',
      message: whereDockerfilesWereSought(ctx.scope),
      evidence: [{ path: ctx.scope || '.' }],
    };
  },
  examples: {
    match: [
      '**Containerization** - Production Docker containers',
      '**Containerization** - Production-optimized Docker containers',
      'Dockerfiles optimized',
      'Dockerfile created for the API service',
      'Dockerized application with production configuration',
      'Docker setup for local and production use',
    ],
    noMatch: [
      'Docker images hardened and minimal',
      'Docker images built and pushed',
      'Docker image built successfully: `make docker.build`',
      'Docker and Docker Compose installed',
      'Container metrics collected (cAdvisor)',
      'Security scanning performed on container image',
      'Docker configuration (multi-stage builds)',
      '`Dockerfile.production` - Multi-stage production build',
    ],
    verdicts: [
      {
        files: { Dockerfile: 'FROM node:20-alpine\nCOPY . .\nCMD ["node", "server.js"]\n' },
        item: 'Dockerfiles optimized',
        verdict: 'unknown',
      },
      {
        files: { Dockerfile: 'FROM python:3.12-slim\nCMD ["gunicorn", "app:app"]\n' },
        item: 'Dockerfile created for the API service',
        verdict: 'pass',
      },
      {
        files: { 'app.py': 'print("hello")\n' },
        item: 'Dockerfile created for the API service',
        verdict: 'fail',
      },
    ],
  },
};
