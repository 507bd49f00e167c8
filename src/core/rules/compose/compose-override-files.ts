import { type ComposeFile, composeCollector } from '../../collectors/compose.js';
import { inScope, isNonProductionPath } from '../../evidence.js';
import type { Rule } from '../../rule.js';

const OVERRIDE =
  /\b(?:docker[- ]|podman[- ])?compose\b[^.;]*\boverrides?\b|\boverride\s+files?\b[^.;]*\bcompose\b|\bcompose\.override\b/i;
const NOT_USED = /\b(?:no|not|without|instead of|avoid\w*|remov\w*|drop\w*)\b/i;

/**
 * A service with neither image nor build that another Compose file in the same folder defines in
 * full: this file overlays that one. (A service alone without them may use a YAML merge key the
 * parser does not expand, so that alone proves nothing.)
 */
function overlaidService(file: ComposeFile, files: readonly ComposeFile[]) {
  const folder = file.path.slice(0, file.path.lastIndexOf('/') + 1);
  const others = files.filter(
    (other) => other !== file && other.path.slice(0, other.path.lastIndexOf('/') + 1) === folder,
  );
  return file.services.find(
    (service) =>
      !service.image &&
      !service.build &&
      others.some((other) =>
        other.services.some((base) => base.name === service.name && (base.image || base.build)),
      ),
  );
}

export const composeOverrideFiles: Rule<undefined> = {
  id: 'compose.override-files',
  title: 'Compose settings per environment are layered with override files',
  why: 'Override files keep one base definition and change only what differs per environment; full copies drift apart.',
  fix: 'Keep the shared services in docker-compose.yml and put what differs in docker-compose.override.yml or docker-compose.prod.yml used with `-f base -f prod`.',
  recognises: 'Items about Docker/Podman Compose override files ("Use docker-compose override files").',
  needs: [composeCollector],
  match: (item) => (OVERRIDE.test(item.text) && !NOT_USED.test(item.text) ? [undefined] : []),
  evaluate(_params, ctx) {
    const counts = (path: string) =>
      !isNonProductionPath(path) || (ctx.scope !== '' && inScope(path, ctx.scope));
    const files = ctx.get(composeCollector).files.filter((file) => counts(file.path) && !file.unparsable);
    const named = files.find((file) => /override/i.test(file.path.slice(file.path.lastIndexOf('/') + 1)));
    if (named)
      return { verdict: 'pass', message: `override file ${named.path}`, evidence: [{ path: named.path }] };
    for (const file of files) {
      const partial = overlaidService(file, files);
      if (partial) {
        return {
          verdict: 'pass',
          message: `${file.path} overlays another Compose file (service ${partial.name} sets no image or build of its own)`,
          evidence: [{ path: file.path, line: partial.line }],
        };
      }
    }
    if (!files.length) {
      return {
        verdict: 'fail',
        message: 'no Compose files in the project, so no override files either',
        evidence: [{ path: ctx.scope || '.' }],
      };
    }
    return {
      verdict: 'fail',
      message: `none of the ${files.length} Compose files (${files
        .slice(0, 3)
        .map((file) => file.path)
        .join(', ')}) is an override: none is named *.override.yml and each defines every service in full`,
      evidence: files.slice(0, 3).map((file) => ({ path: file.path })),
    };
  },
  examples: {
    match: ['Use docker-compose override files', 'Compose overrides per environment'],
    noMatch: ['Override the default port in config', 'No compose override files: one file per environment'],
    verdicts: [
      {
        files: {
          'docker-compose.yml': 'services:\n  api:\n    build: .\n',
          'docker-compose.override.yml': 'services:\n  api:\n    ports: ["3000:3000"]\n',
        },
        item: 'Use docker-compose override files',
        verdict: 'pass',
      },
      {
        // A production file layered on the base: its service sets only what differs.
        files: {
          'docker-compose.yml': 'services:\n  api:\n    build: .\n',
          'docker-compose.prod.yml': 'services:\n  api:\n    restart: always\n',
        },
        item: 'Use docker-compose override files',
        verdict: 'pass',
      },
      {
        files: {
          'docker-compose.yml': 'services:\n  api:\n    build: .\n',
          'docker-compose.prod.yml':
            'services:\n  api:\n    image: ghcr.io/acme/api:1.0.0\n    restart: always\n',
        },
        item: 'Use docker-compose override files',
        verdict: 'fail',
      },
    ],
  },
};
