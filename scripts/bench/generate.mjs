// Deterministic synthetic repositories for the benchmark: source in several languages,
// Markdown with checklists, container/k8s/CI files, coverage reports, lockfiles, minified
// bundles, binaries and planted credentials, committed with git. Seeded, so every run and
// every machine builds the same bytes. Credentials are assembled at run time from pieces
// so this file itself holds none.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const GENERATOR_VERSION = 4;

/** mulberry32: small, fast, deterministic. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const UPPER_DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function randomString(rand, alphabet, length) {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[Math.floor(rand() * alphabet.length)];
  return out;
}

/** Planted credentials: [kind, file, content]; each one a format real scanners know. */
export function plantedCredentials(rand) {
  const j = (...parts) => parts.join('');
  const b64url = (s) => Buffer.from(s).toString('base64url');
  return [
    [
      'aws-access-key-id',
      'config/aws.ts',
      `export const awsKeyId = '${j('AK', 'IA', randomString(rand, UPPER_DIGITS, 16))}';\n`,
    ],
    [
      'github-token',
      'scripts/release.sh',
      `export GITHUB_TOKEN=${j('gh', 'p_', randomString(rand, ALNUM, 36))}\n`,
    ],
    [
      'slack-token',
      'ops/notify.py',
      `SLACK_TOKEN = "${j('xo', 'xb-', randomString(rand, '0123456789', 12), '-', randomString(rand, '0123456789', 12), '-', randomString(rand, ALNUM, 24))}"\n`,
    ],
    [
      'private-key',
      'deploy/id_rsa.pem',
      `${j('-----BEGIN RSA ', 'PRIVATE KEY-----')}\n${randomString(rand, ALNUM, 64)}\n${randomString(rand, ALNUM, 64)}\n${j('-----END RSA ', 'PRIVATE KEY-----')}\n`,
    ],
    [
      'stripe-live-key',
      'billing/stripe.go',
      `var stripeKey = "${j('sk', '_live_', randomString(rand, ALNUM, 24))}"\n`,
    ],
    [
      'jwt',
      'test-data/session.json',
      `{ "token": "${b64url('{"alg":"HS256","typ":"JWT"}')}.${b64url(`{"sub":"${randomString(rand, ALNUM, 8)}","iat":1700000000}`)}.${randomString(rand, ALNUM, 43)}" }\n`,
    ],
    ['generic-api-key', 'src/settings.py', `api_key = "${randomString(rand, ALNUM, 32)}"\n`],
    [
      'database-url',
      'docker/.env.production',
      `DATABASE_URL=postgres://admin:${randomString(rand, ALNUM, 16)}@db.internal:5432/app\n`,
    ],
  ];
}

const LANGS = [
  [
    'ts',
    (i, rand) =>
      `import { handler${i} } from './dep${i % 17}';\n\nexport function run${i}(input: string): number {\n  const value = input.length * ${Math.floor(rand() * 1000)};\n  return handler${i}(value) + ${i};\n}\n`.repeat(
        1 + (i % 4),
      ),
  ],
  [
    'py',
    (i, rand) =>
      `import os\n\n\ndef task_${i}(items):\n    total = ${Math.floor(rand() * 100)}\n    for item in items:\n        total += len(item)\n    return total\n`.repeat(
        1 + (i % 3),
      ),
  ],
  [
    'go',
    (i) =>
      `package pkg${i % 50}\n\nimport "fmt"\n\nfunc Work${i}(n int) string {\n\treturn fmt.Sprintf("%d", n*${i})\n}\n`.repeat(
        1 + (i % 3),
      ),
  ],
  [
    'md',
    (i) =>
      `# Note ${i}\n\nSome prose about component ${i}, with a [link](https://example.com/${i}).\n\n- a bullet\n- another bullet\n`,
  ],
];

function checklist(items, rand) {
  const claims = [
    'Multi-stage production build in `Dockerfile`',
    'Container runs as non-root user',
    'Health check endpoint at `/health`',
    'Tests run on every pull request',
    'Test coverage > 70%',
    'No secrets committed to the repository',
    'Kubernetes manifests with resource limits for every container',
    'Liveness and readiness probes configured',
    '`DATABASE_URL` documented in `.env.example`',
    'Database migrations run with `npm run migrate`',
    'Security scanning (CodeQL) in CI',
    'Automated database backups (`scripts/backup.sh`)',
    'On-call rotation staffed',
    // Signal claims, so the benchmark pays for the source scans (code signals) too.
    'Prometheus metrics exposed',
    'Structured logging',
    'Errors reported to Sentry',
    'Graceful shutdown on SIGTERM',
    'Rate limiting on public endpoints',
    'Request input validated',
  ];
  const lines = ['# Production readiness', ''];
  for (let i = 0; i < items; i++) {
    if (i % 20 === 0) lines.push('', `## Area ${i / 20 + 1}`, '');
    const claim = claims[i % claims.length];
    lines.push(`- [${rand() < 0.7 ? 'x' : ' '}] ${claim} (${i})`);
  }
  return `${lines.join('\n')}\n`;
}

function fixedFiles(rand) {
  const minified = `!function(){${Array.from({ length: 4000 }, (_, i) => `var a${i}=${i};`).join('')}}();\n`;
  const lock = {
    name: 'bench',
    lockfileVersion: 3,
    packages: Object.fromEntries(
      Array.from({ length: 400 }, (_, i) => [
        `node_modules/pkg-${i}`,
        {
          version: `1.${i}.0`,
          integrity: `sha512-${Buffer.from(randomString(rand, ALNUM, 64)).toString('base64')}`,
        },
      ]),
    ),
  };
  const lcov = Array.from({ length: 300 }, (_, f) =>
    [
      `SF:src/file${f}.ts`,
      ...Array.from({ length: 40 }, (_, l) => `DA:${l + 1},${rand() < 0.8 ? 1 : 0}`),
      'LF:40',
      `LH:${30 + (f % 10)}`,
      'end_of_record',
    ].join('\n'),
  ).join('\n');
  return {
    'package.json': JSON.stringify(
      { name: 'bench', scripts: { test: 'vitest run', migrate: 'node migrate.js' } },
      null,
      2,
    ),
    'package-lock.json': JSON.stringify(lock, null, 2),
    Dockerfile:
      'FROM node:20.18-alpine AS build\nWORKDIR /app\nCOPY . .\nRUN npm ci\n\nFROM node:20.18-alpine\nCOPY --from=build /app /app\nUSER node\nHEALTHCHECK CMD wget -qO- http://localhost:8080/health\nCMD ["node", "server.js"]\n',
    '.dockerignore': 'node_modules\n',
    'docker-compose.yml':
      'services:\n  api:\n    build: .\n    restart: always\n    healthcheck:\n      test: ["CMD", "true"]\n',
    'k8s/deployment.yaml':
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  replicas: 2\n  template:\n    spec:\n      containers:\n        - name: api\n          image: api:1.0.0\n          resources:\n            limits: { cpu: 500m, memory: 256Mi }\n            requests: { cpu: 100m, memory: 128Mi }\n          livenessProbe: { httpGet: { path: /health, port: 8080 } }\n          readinessProbe: { httpGet: { path: /health, port: 8080 } }\n',
    '.github/workflows/ci.yml':
      'name: ci\non: [pull_request]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: npm ci\n      - run: npm test\n      - uses: github/codeql-action/analyze@v3\n',
    '.env.example': 'DATABASE_URL=\n',
    'src/server.ts':
      "import express from 'express';\nconst app = express();\napp.get('/health', (_req, res) => res.send('ok'));\napp.listen(Number(process.env.PORT));\nconst db = process.env.DATABASE_URL;\n",
    'coverage/lcov.info': lcov,
    'public/app.min.js': minified,
    'public/logo.png': Buffer.from([
      0x89,
      0x50,
      0x4e,
      0x47,
      0x0d,
      0x0a,
      0x1a,
      0x0a,
      0,
      0,
      0,
      13,
      ...Array.from({ length: 2000 }, (_, i) => i % 256),
    ]),
  };
}

/** Builds (or reuses) a repository of `files` tracked files at `root`; returns its path. */
export function generateRepo(root, files, seed = 42) {
  const dir = join(root, `synthetic-${files}-v${GENERATOR_VERSION}`);
  if (existsSync(join(dir, '.git', 'bench-complete'))) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const rand = prng(seed);
  const write = (path, content) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  };
  const fixed = fixedFiles(rand);
  for (const [path, content] of Object.entries(fixed)) write(path, content);
  const planted = plantedCredentials(rand);
  for (const [, path, content] of planted) write(path, content);
  const checklists = Math.max(1, Math.round(files / 5000));
  for (let c = 0; c < checklists; c++)
    write(`docs/service-${c}/PRODUCTION_READINESS.md`, checklist(50 + ((c * 97) % 451), rand));
  let count = Object.keys(fixed).length + planted.length + checklists;
  for (let i = 0; count < files; i++, count++) {
    const [ext, body] = LANGS[i % LANGS.length];
    write(`src/module${i % 200}/sub${i % 7}/file${i}.${ext}`, body(i, rand));
  }
  const git = (...args) =>
    execFileSync('git', ['-C', dir, ...args], { stdio: ['ignore', 'ignore', 'inherit'] });
  git('init', '-q', '-b', 'main');
  git('-c', 'user.email=bench@example.com', '-c', 'user.name=bench', 'add', '-A');
  git(
    '-c',
    'user.email=bench@example.com',
    '-c',
    'user.name=bench',
    '-c',
    'commit.gpgsign=false',
    'commit',
    '-q',
    '-m',
    'base',
  );
  // The PR revision: 20 changed files on top of the base.
  for (let i = 0; i < 20; i++)
    write(`src/module${i}/sub0/changed${i}.ts`, `export const changed${i} = ${i};\n`);
  git('-c', 'user.email=bench@example.com', '-c', 'user.name=bench', 'add', '-A');
  git(
    '-c',
    'user.email=bench@example.com',
    '-c',
    'user.name=bench',
    '-c',
    'commit.gpgsign=false',
    'commit',
    '-q',
    '-m',
    'pr: 20 files',
  );
  writeFileSync(join(dir, '.git', 'bench-complete'), String(Date.now()));
  return dir;
}
