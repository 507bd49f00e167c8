import { composeCollector } from '../../collectors/compose.js';
import { dockerfilesCollector } from '../../collectors/dockerfiles.js';
import { folderOf } from '../../formats/paths.js';
import type { Rule } from '../../rule.js';
import type { Finding } from '../../types.js';
import { combine, ref, selectDockerfiles, servicesBuiltFrom } from './docker-evidence.js';

const DOCKERIGNORE = /\.?docker ?ignore\b/i;
/** Claims about what the file contains are more than its presence shows. */
const ABOUT_CONTENT = /\b(?:excludes?|excluding|contains?|includes?|lists?)\b/i;

/** Whether each Dockerfile's build context has a .dockerignore. */
export const dockerDockerignore: Rule<undefined> = {
  id: 'docker.dockerignore',
  title: 'Build context has a .dockerignore',
  why: 'Without .dockerignore the whole folder (node_modules, .git, .env files) is sent to the builder and can end up in the image.',
  fix: 'Add a .dockerignore next to the Dockerfile (or at the build context root) excluding .git, node_modules, .env* and build output.',
  recognises: '".dockerignore" named as present or configured; not claims about what it excludes.',
  needs: [dockerfilesCollector, composeCollector],
  match(item) {
    return DOCKERIGNORE.test(item.text) && !ABOUT_CONTENT.test(item.text) ? [undefined] : [];
  },
  evaluate(_params, ctx) {
    const { dockerignores } = ctx.get(dockerfilesCollector);
    const present = new Set(dockerignores);
    const { dockerfiles } = selectDockerfiles(ctx);
    if (dockerfiles.length === 0) {
      const candidates = [...new Set([ctx.scope, ''])].map((dir) => joined(dir, '.dockerignore'));
      const found = candidates.find((path) => present.has(path));
      return found
        ? { verdict: 'pass', message: `${found} present`, evidence: [ref(found)] }
        : {
            verdict: 'fail',
            message: `no .dockerignore (looked for ${candidates.join(', ')})`,
            evidence: candidates.map((path) => ref(path)),
          };
    }
    return combine(
      dockerfiles.map((file): Finding => {
        const contexts = [
          ...servicesBuiltFrom(ctx, file.path).map((service) => service.build?.context ?? ''),
          ...ancestors(folderOf(file.path)),
        ];
        const candidates = [
          ...new Set([`${file.path}.dockerignore`, ...contexts.map((dir) => joined(dir, '.dockerignore'))]),
        ];
        const found = candidates.find((path) => present.has(path));
        if (found)
          return { verdict: 'pass', message: `${found} covers ${file.path}`, evidence: [ref(found)] };
        return {
          verdict: 'fail',
          message: `no .dockerignore for ${file.path} (looked for ${candidates.join(', ')})`,
          evidence: candidates.map((path) => ref(path)),
        };
      }),
    );
  },
  examples: {
    match: [
      '`.dockerignore` configured',
      '.dockerignore file present',
      'Docker ignore file added to keep the build context small',
    ],
    noMatch: [
      '`.dockerignore` excludes .env and node_modules',
      '.gitignore covers build output',
      'Docker images built and pushed',
    ],
    verdicts: [
      {
        files: { Dockerfile: 'FROM nginx:1.25\n', '.dockerignore': 'node_modules\n.git\n.env\n' },
        item: '`.dockerignore` configured',
        verdict: 'pass',
      },
      { files: { Dockerfile: 'FROM nginx:1.25\n' }, item: '`.dockerignore` configured', verdict: 'fail' },
    ],
  },
};

function joined(dir: string, name: string): string {
  return dir ? `${dir}/${name}` : name;
}

/** The folder and each folder above it, nearest first: any could be the build context. */
function ancestors(dir: string): string[] {
  const found = [dir];
  for (let current = dir; current; current = folderOf(current)) found.push(folderOf(current));
  return found;
}
