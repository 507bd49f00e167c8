import { composeCollector } from '../../collectors/compose.js';
import type { Rule } from '../../rule.js';
import { listed, lookedForCompose, namedComposeFiles, selectCompose } from '../docker/docker-evidence.js';

const COMPOSE =
  /\b(?:docker[- ]compose|podman[- ]compose|compose (?:files?|setup|stack|config(?:uration)?))\b/i;
/** What the services do has its own compose rules; installs and running stacks are not files. */
const NARROWER =
  /\b(?:health\w*|limits?|resources?|restart\w*|volumes?|overrides?|secrets?|networks?|profiles?|installed|install|running|up|v2|plugin|version|ports?|images?|scal\w+|backups?)\b/i;

/** Whether the repository has a Compose file: the plain "we have a Compose setup" claim. */
export const composeFilePresent: Rule<undefined> = {
  id: 'compose.file-present',
  title: 'The project has a Compose file',
  why: 'A claim that the stack runs with Docker Compose is only true if the Compose file is in the repository.',
  fix: 'Add a docker-compose.yml (or compose.yaml) for the stack, or untick the item.',
  recognises:
    'Items claiming a Docker Compose (or Podman Compose) file, setup or stack without a narrower property ' +
    '(health checks, limits, restart, volumes, overrides...) and without naming the file; not installs or running stacks.',
  needs: [composeCollector],
  match(item) {
    const text = item.text;
    if (!COMPOSE.test(text) || NARROWER.test(text)) return [];
    // A named file is checked by ref.path-exists.
    return namedComposeFiles(item).length > 0 ? [] : [undefined];
  },
  evaluate(_params, ctx) {
    const { files, services } = selectCompose(ctx);
    if (files.length === 0) {
      // A Compose file in another folder may be the one the item means (a checklist kept apart
      // from the code); only a repository with none at all contradicts the claim.
      const elsewhere = ctx.get(composeCollector).files.map((file) => file.path);
      if (elsewhere.length > 0) {
        return {
          verdict: 'unknown',
          message: `${lookedForCompose(ctx.scope)}; ${listed(elsewhere, 3)} may be the one the item means`,
          evidence: elsewhere.slice(0, 3).map((path) => ({ path })),
        };
      }
      return {
        verdict: 'fail',
        message: lookedForCompose(ctx.scope),
        evidence: [{ path: ctx.scope || '.' }],
      };
    }
    const names = services.map((service) => service.name);
    return {
      verdict: 'pass',
      message: `found ${listed(files, 3)}${names.length ? ` with services ${listed(names, 6)}` : ''}`,
      evidence: files.map((path) => ({ path })),
    };
  },
  examples: {
    match: [
      'Docker Compose for local dev',
      'docker-compose setup for the whole stack',
      'Compose file for production',
    ],
    noMatch: [
      'Docker and Docker Compose installed',
      'Compose services have health checks',
      'Use docker-compose override files',
      'Configuration backup: Environment variables, Docker Compose files',
      'Stack running with `docker compose up`',
      'Production compose in `docker-compose.prod.yml`',
    ],
    verdicts: [
      {
        files: { 'docker-compose.yml': 'services:\n  api:\n    build: .\n' },
        item: 'Docker Compose for local dev',
        verdict: 'pass',
      },
      { files: { Dockerfile: 'FROM node:20\n' }, item: 'Docker Compose for local dev', verdict: 'fail' },
    ],
  },
};
