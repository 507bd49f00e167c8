// The organisation the load test serves: 20 repositories, 50 pull requests, every revision a real
// tree of blobs in FakeGit (the same trees-and-blobs stand-in test/app uses), so each evaluation
// reads its tree and blobs over the API as it would on GitHub. Every pull request head drops the
// Dockerfile's USER line, so every evaluation has something to say and every pull request gets
// exactly one sticky comment; each revision adds a file of its own, so its SHA is new.

import { FakeGit } from '../../test/app/fake-git.js';

export const OWNER = 'scale-org';
export const REPOSITORIES = 20;
export const PULL_REQUESTS = 50;

const CHECKLIST = [
  '# Production readiness',
  '',
  '## Build and run',
  '- [x] Container runs as non-root user',
  '- [x] Multi-stage production build in the Dockerfile',
  '- [x] CI runs the tests on every pull request',
  '- [x] Environment variables documented in `.env.example`',
  '',
  '## Operations',
  '- [x] Runbook written: see [the runbook](docs/runbook.md)',
  '- [ ] Dashboards linked from the runbook',
  '- [ ] On-call rota agreed with the team',
  '',
].join('\n');

const DOCKERFILE = [
  'FROM node:20.11.1-alpine AS build',
  'WORKDIR /app',
  'COPY package.json package-lock.json ./',
  'RUN npm ci',
  'COPY . .',
  'FROM node:20.11.1-alpine',
  'WORKDIR /app',
  'COPY --from=build /app .',
  'USER node',
  'CMD ["node", "src/index.js"]',
  '',
].join('\n');

const WORKFLOW = [
  'name: ci',
  'on: [pull_request]',
  'jobs:',
  '  test:',
  '    runs-on: ubuntu-latest',
  '    steps:',
  '      - uses: actions/checkout@v4',
  '      - run: npm ci',
  '      - run: npm test',
  '',
].join('\n');

export interface Repo {
  name: string;
  fullName: string;
  baseSha: string;
  files: Record<string, string>;
}

export interface Pull {
  /** Unique across the organisation: the stand-in keeps pull requests and comments by number. */
  number: number;
  repo: Repo;
  /** Head SHAs in the order they are pushed: [0] when opened, then one per synchronize. */
  heads: string[];
}

export function repoName(index: number): string {
  return `svc-${String(index + 1).padStart(2, '0')}`;
}

function repoFiles(name: string): Record<string, string> {
  const files: Record<string, string> = {
    'READINESS.md': CHECKLIST,
    Dockerfile: DOCKERFILE,
    '.github/workflows/ci.yml': WORKFLOW,
    '.env.example': 'PORT=3000\nDATABASE_URL=\n',
    'docs/runbook.md': `# ${name} runbook\n\nRestart with \`kubectl rollout restart\`.\n`,
    'package.json': JSON.stringify({ name, scripts: { test: 'node --test', start: 'node src/index.js' } }),
    'package-lock.json': JSON.stringify({ name, lockfileVersion: 3 }),
    'README.md': `# ${name}\n`,
    'src/index.js': `const port = process.env.PORT;\nconsole.log('${name}', port, process.env.DATABASE_URL);\n`,
  };
  for (let module = 0; module < 12; module++) {
    files[`src/lib/module-${module}.js`] = `export const name = '${name}/${module}';\n`;
  }
  return files;
}

/** Builds the organisation in `git`; `revisions` head commits per pull request (1 + synchronizes). */
export function buildOrganisation(git: FakeGit, revisions: number[]): { repos: Repo[]; pulls: Pull[] } {
  const repos: Repo[] = Array.from({ length: REPOSITORIES }, (_, index) => {
    const name = repoName(index);
    const files = repoFiles(name);
    return { name, fullName: `${OWNER}/${name}`, baseSha: git.commit(files), files };
  });
  const pulls: Pull[] = Array.from({ length: PULL_REQUESTS }, (_, index) => {
    const repo = repos[index % REPOSITORIES] as Repo;
    const number = index + 1;
    const heads = Array.from({ length: revisions[index] ?? 1 }, (_, revision) =>
      git.commit({
        ...repo.files,
        Dockerfile: DOCKERFILE.replace('USER node\n', ''),
        [`src/feature-${number}.js`]: `// pull request ${number}, revision ${revision}\nexport const feature = ${revision};\n`,
      }),
    );
    return { number, repo, heads };
  });
  return { repos, pulls };
}

export { FakeGit };
