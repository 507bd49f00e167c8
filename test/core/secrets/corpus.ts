// Two corpora for the scanner: credentials planted in realistic files (every one must be
// found) and look-alikes that real repositories are full of (none may be reported).

import type { SecretKind } from '../../../src/core/secrets/patterns.js';
import { ALNUM, BASE32, BASE64, BASE64URL, FakeSecrets, HEX } from './fake-secrets.js';

export interface Planted {
  name: string;
  path: string;
  content: string;
  kind: SecretKind;
  /** 1-based line of the finding. */
  line: number;
  /** The raw value that must never appear in any output. */
  secret: string;
}

export interface LookAlike {
  name: string;
  path: string;
  content: string;
}

export function plantedCorpus(seed = 7): Planted[] {
  const fake = new FakeSecrets(seed);
  const planted: Planted[] = [];
  /** `@@` marks where the secret goes; `line` overrides the finding's line (a PEM header above the body). */
  const plant = (
    name: string,
    path: string,
    kind: SecretKind,
    secret: string,
    lines: string[],
    headerLine?: number,
  ) => {
    const line = headerLine ?? lines.findIndex((text) => text.includes('@@')) + 1;
    planted.push({ name, path, kind, line, secret, content: lines.join('\n').replace('@@', secret) });
  };

  const awsId = () => `AKIA${fake.chars(BASE32, 16)}`;
  plant('AWS key id in TypeScript', 'src/aws.ts', 'aws-access-key-id', awsId(), [
    "import { S3Client } from '@aws-sdk/client-s3';",
    "const accessKeyId = '@@';",
  ]);
  plant(
    'AWS STS key id in YAML',
    'deploy/values.yaml',
    'aws-access-key-id',
    `ASIA${fake.chars(BASE32, 16)}`,
    ['aws:', '  region: eu-west-1', '  keyId: @@'],
  );
  const awsSecret = fake.chars(BASE64, 40);
  plant(
    'AWS secret key in credentials file',
    'config/aws-credentials.ini',
    'aws-secret-access-key',
    awsSecret,
    ['[default]', `aws_access_key_id = ${awsId()}`, 'aws_secret_access_key = @@'],
  );
  plant('AWS secret key in JSON', 'infra/creds.json', 'aws-secret-access-key', fake.chars(BASE64, 40), [
    '{',
    '  "SecretAccessKey": "@@"',
    '}',
  ]);
  plant('GitHub classic token in JS', 'scripts/release.js', 'github-token', `ghp_${fake.chars(ALNUM, 36)}`, [
    "const { Octokit } = require('@octokit/rest');",
    "const octokit = new Octokit({ auth: '@@' });",
  ]);
  plant('GitHub OAuth token in Python', 'tools/sync.py', 'github-token', `gho_${fake.chars(ALNUM, 36)}`, [
    'import requests',
    'HEADERS = {"Authorization": "token @@"}',
  ]);
  plant(
    'GitHub app token in workflow',
    '.github/workflows/sync.yml',
    'github-token',
    `ghs_${fake.chars(ALNUM, 36)}`,
    ['jobs:', '  sync:', '    env:', '      GH_TOKEN: @@'],
  );
  plant(
    'GitHub fine-grained token in shell',
    'scripts/clone.sh',
    'github-token',
    `github_pat_${fake.chars(ALNUM, 22)}_${fake.chars(ALNUM, 59)}`,
    ['#!/bin/sh', 'git clone https://x-access-token:@@@github.com/acme/app.git'],
  );
  plant('GitHub token in Dockerfile', 'Dockerfile', 'github-token', `ghu_${fake.chars(ALNUM, 36)}`, [
    'FROM node:20',
    'ENV GITHUB_TOKEN=@@',
  ]);
  plant('GitLab token in Makefile', 'Makefile', 'gitlab-token', `glpat-${fake.chars(`${ALNUM}_-`, 20)}`, [
    'publish:',
    '\tcurl --header "PRIVATE-TOKEN: @@" https://gitlab.com/api/v4/projects',
  ]);
  plant(
    'Slack bot token in JS',
    'src/notify.js',
    'slack-token',
    `xoxb-${fake.chars('0123456789', 12)}-${fake.chars('0123456789', 13)}-${fake.chars(ALNUM, 24)}`,
    ["const { WebClient } = require('@slack/web-api');", "const slack = new WebClient('@@');"],
  );
  plant(
    'Slack user token in Python',
    'bots/slack.py',
    'slack-token',
    `xoxp-${fake.chars('0123456789', 12)}-${fake.chars('0123456789', 12)}-${fake.chars(HEX, 32)}`,
    ['client = WebClient(', '    token="@@"', ')'],
  );
  const webhookPath = `T${fake.chars(BASE32, 8)}/B${fake.chars(BASE32, 10)}/${fake.chars(ALNUM, 24)}`;
  plant('Slack webhook in JSON', 'config/alerts.json', 'slack-webhook', webhookPath, [
    '{',
    '  "webhook": "https://hooks.slack.com/services/@@"',
    '}',
  ]);
  plant(
    'Stripe secret key in Ruby',
    'config/initializers/stripe.rb',
    'stripe-live-key',
    `sk_live_${fake.chars(ALNUM, 24)}`,
    ["Stripe.api_key = '@@'"],
  );
  plant(
    'Stripe restricted key in properties',
    'src/main/resources/application.properties',
    'stripe-live-key',
    `rk_live_${fake.chars(ALNUM, 99)}`,
    ['server.port=8080', 'stripe.key=@@'],
  );
  plant(
    'Google API key in Kotlin',
    'app/src/main/java/Maps.kt',
    'google-api-key',
    `AIza${fake.chars(`${ALNUM}_-`, 35)}`,
    ['object Maps {', '    const val KEY = "@@"', '}'],
  );
  const gcpBody = fake.chars(BASE64, 64);
  plant('GCP service account JSON', 'service-account.json', 'gcp-service-account-key', gcpBody, [
    '{',
    '  "type": "service_account",',
    '  "project_id": "acme-prod",',
    `  "private_key": "-----BEGIN PRIVATE KEY-----\\n@@\\n${fake.chars(BASE64, 64)}\\n-----END PRIVATE KEY-----\\n",`,
    '  "client_email": "deploy@acme-prod.iam.gserviceaccount.com"',
    '}',
  ]);
  plant(
    'Azure storage connection string',
    'appsettings.json',
    'azure-storage-key',
    `${fake.chars(BASE64, 86)}==`,
    [
      '{',
      '  "Storage": "DefaultEndpointsProtocol=https;AccountName=acmeprod;AccountKey=@@;EndpointSuffix=core.windows.net"',
      '}',
    ],
  );
  plant(
    'OpenAI project key in Python',
    'ai/client.py',
    'openai-api-key',
    `sk-proj-${fake.chars(`${ALNUM}_-`, 120)}`,
    ['from openai import OpenAI', 'client = OpenAI(api_key="@@")'],
  );
  plant(
    'OpenAI legacy key in TypeScript',
    'src/ai.ts',
    'openai-api-key',
    `sk-${fake.chars(ALNUM, 20)}T3BlbkFJ${fake.chars(ALNUM, 20)}`,
    ["export const openai = new OpenAI({ apiKey: '@@' });"],
  );
  plant(
    'Anthropic key in Go',
    'internal/llm/client.go',
    'anthropic-api-key',
    `sk-ant-api03-${fake.chars(`${ALNUM}_-`, 93)}AA`,
    ['package llm', '', 'const anthropicKey = "@@"'],
  );
  plant('npm token in .npmrc', '.npmrc', 'npm-token', `npm_${fake.chars(ALNUM, 36)}`, [
    'registry=https://registry.npmjs.org/',
    '//registry.npmjs.org/:_authToken=@@',
  ]);
  plant(
    'PyPI token in .pypirc',
    '.pypirc',
    'pypi-token',
    `pypi-AgEIcHlwaS5vcmc${fake.chars(BASE64URL, 140)}`,
    ['[pypi]', 'username = __token__', 'password = @@'],
  );
  const rsaBody = fake.pemBody(4);
  plant(
    'RSA private key file',
    'certs/server.key',
    'private-key',
    rsaBody[0] as string,
    [
      '-----BEGIN RSA PRIVATE KEY-----',
      ...rsaBody.map((line, index) => (index === 0 ? '@@' : line)),
      '-----END RSA PRIVATE KEY-----',
    ],
    1,
  );
  const sshBody = fake.pemBody(3);
  plant(
    'OpenSSH private key',
    'deploy/id_ed25519',
    'private-key',
    sshBody[0] as string,
    ['-----BEGIN OPENSSH PRIVATE KEY-----', '@@', ...sshBody.slice(1), '-----END OPENSSH PRIVATE KEY-----'],
    1,
  );
  const ecBody = fake.pemBody(2);
  plant(
    'EC private key in YAML block',
    'config/tls.yaml',
    'private-key',
    ecBody[0] as string,
    [
      'tls:',
      '  key: |',
      '    -----BEGIN EC PRIVATE KEY-----',
      '    @@',
      `    ${ecBody[1]}`,
      '    -----END EC PRIVATE KEY-----',
    ],
    3,
  );
  const encryptedBody = fake.pemBody(2);
  plant(
    'Encrypted PEM with headers',
    'keys/legacy.pem',
    'private-key',
    encryptedBody[0] as string,
    [
      '-----BEGIN RSA PRIVATE KEY-----',
      'Proc-Type: 4,ENCRYPTED',
      `DEK-Info: AES-128-CBC,${fake.chars(HEX, 32).toUpperCase()}`,
      '',
      '@@',
      `${encryptedBody[1]}`,
      '-----END RSA PRIVATE KEY-----',
    ],
    1,
  );
  const pgpBody = fake.pemBody(2);
  plant(
    'PGP private key block',
    'ops/signing.asc',
    'private-key',
    pgpBody[0] as string,
    [
      '-----BEGIN PGP PRIVATE KEY BLOCK-----',
      '',
      '@@',
      `${pgpBody[1]}`,
      '-----END PGP PRIVATE KEY BLOCK-----',
    ],
    1,
  );
  plant('JWT in JS', 'src/api.js', 'jwt', fake.jwt(), ["const SERVICE_JWT = '@@';"]);
  plant(
    'JWT bearer in shell',
    'scripts/call.sh',
    'jwt',
    fake.jwt({ sub: 'svc-billing', role: 'service_role' }),
    ['#!/bin/sh', 'curl -H "Authorization: Bearer @@" https://api.acme.io/v1/invoices'],
  );
  const pgPassword = fake.password();
  plant('Postgres URL in TypeScript', 'src/db.ts', 'url-credentials', pgPassword, [
    "export const url = 'postgres://app:@@@db.prod.acme.io:5432/app';",
  ]);
  plant('MongoDB SRV URL in Python', 'app/settings.py', 'url-credentials', fake.password(), [
    'MONGO_URI = "mongodb+srv://admin:@@@cluster0.ab1cd.mongodb.net/prod"',
  ]);
  plant('Redis URL in compose', 'docker-compose.prod.yml', 'url-credentials', fake.password(), [
    'services:',
    '  worker:',
    '    environment:',
    '      REDIS_URL: redis://default:@@@redis-12345.c1.eu-west-1.ec2.cloud.redislabs.com:12345',
  ]);
  plant('password in Python settings', 'app/config.py', 'secret-assignment', fake.password(), [
    'DEBUG = False',
    'DB_PASSWORD = "@@"',
  ]);
  plant('apiKey in JS object', 'src/payments.js', 'secret-assignment', fake.chars(HEX, 32), [
    'module.exports = {',
    "  apiKey: '@@',",
    '};',
  ]);
  plant('client_secret in JSON', 'config/oauth.json', 'secret-assignment', fake.chars(`${ALNUM}-_`, 40), [
    '{',
    '  "client_id": "acme-web",',
    '  "client_secret": "@@"',
    '}',
  ]);
  plant('Token in Go struct', 'cmd/bot/main.go', 'secret-assignment', fake.chars(ALNUM, 32), [
    'cfg := Config{',
    '\tToken: "@@",',
    '}',
  ]);
  plant('unquoted password in YAML', 'config/production.yml', 'secret-assignment', fake.password(), [
    'database:',
    '  host: db.internal',
    '  password: @@',
  ]);
  plant('password in Terraform', 'infra/main.tf', 'secret-assignment', fake.password(), [
    'resource "aws_db_instance" "main" {',
    '  password = "@@"',
    '}',
  ]);
  plant('secret in .env', '.env', 'env-file-secret', fake.chars(HEX, 64), [
    'NODE_ENV=production',
    'SECRET_KEY_BASE=@@',
  ]);
  plant('password in .env.production', 'services/api/.env.production', 'env-file-secret', fake.password(), [
    'PORT=8080',
    'DB_PASSWORD=@@',
  ]);
  plant(
    'k8s Secret stringData',
    'k8s/secret.yaml',
    'k8s-secret-data',
    fake.password(),
    [
      'apiVersion: v1',
      'kind: Secret',
      'metadata:',
      '  name: api',
      'type: Opaque',
      'stringData:',
      '  DATABASE_HOST: db.internal',
      '  password: @@',
    ],
    7,
  );
  plant('k8s Secret base64 data', 'k8s/app.yaml', 'k8s-secret-data', btoa(fake.password()), [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: web',
    '---',
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    '  name: web',
    'data:',
    '  api-key: @@',
  ]);
  const longLineToken = `ghp_${fake.chars(ALNUM, 36)}`;
  planted.push({
    name: 'GitHub token inside a 20 KB line',
    path: 'public/bundle.js',
    kind: 'github-token',
    line: 2,
    secret: longLineToken,
    content: `"use strict";\n${'var a=1;'.repeat(1500)}const t="${longLineToken}";${'var b=2;'.repeat(1000)}\n`,
  });
  const crlfToken = `glpat-${fake.chars(ALNUM, 20)}`;
  planted.push({
    name: 'GitLab token in a CRLF file',
    path: 'ci/publish.ps1',
    kind: 'gitlab-token',
    line: 3,
    secret: crlfToken,
    content: `# publish\r\n$ErrorActionPreference = "Stop"\r\n$token = "${crlfToken}"\r\n`,
  });
  const lastLine = `AKIA${fake.chars(BASE32, 16)}`;
  planted.push({
    name: 'AWS key id on a last line without newline',
    path: 'scripts/backup.sh',
    kind: 'aws-access-key-id',
    line: 2,
    secret: lastLine,
    content: `#!/bin/sh\nexport AWS_ACCESS_KEY_ID=${lastLine}`,
  });
  return planted;
}

/** Template syntax of other tools (`${VAR}`), spelled without tripping lint on template strings. */
const DOLLAR = '$';

export function lookAlikeCorpus(seed = 11): LookAlike[] {
  const fake = new FakeSecrets(seed);
  const uuid = () =>
    `${fake.chars(HEX, 8)}-${fake.chars(HEX, 4)}-4${fake.chars(HEX, 3)}-a${fake.chars(HEX, 3)}-${fake.chars(HEX, 12)}`;
  const integrity = () => `sha512-${fake.chars(BASE64, 86)}==`;
  const jwtExample = `${fake.base64url({ alg: 'HS256', typ: 'JWT' })}.${fake.base64url({ sub: '1234567890', name: 'John Doe', iat: 1516239022 })}.${fake.chars(BASE64URL, 43)}`;
  const anonKey = fake.jwt({ iss: 'supabase', ref: 'abcdefghijklmnop', role: 'anon', iat: 1700000000 });
  return [
    {
      name: 'UUIDs',
      path: 'src/ids.ts',
      content: `export const tenantId = '${uuid()}';\nconst apiKey = '${uuid()}';\n`,
    },
    {
      name: 'git SHAs and hashes',
      path: 'data/releases.json',
      content: `{"sha": "${fake.chars(HEX, 40)}", "checksum": "${fake.chars(HEX, 64)}", "token": "${fake.chars(HEX, 40)}"}`,
    },
    {
      name: 'npm lockfile integrity',
      path: 'package-lock.json',
      content: `{\n  "packages": {\n    "node_modules/left-pad": {\n      "resolved": "https://registry.npmjs.org/left-pad/-/left-pad-1.3.0.tgz",\n      "integrity": "${integrity()}"\n    }\n  }\n}\n`,
    },
    {
      name: 'yarn lockfile integrity',
      path: 'yarn.lock',
      content: `left-pad@^1.3.0:\n  version "1.3.0"\n  integrity ${integrity()}\n`,
    },
    {
      name: 'pnpm lockfile integrity',
      path: 'pnpm-lock.yaml',
      content: `packages:\n  /left-pad@1.3.0:\n    resolution: {integrity: ${integrity()}}\n`,
    },
    {
      name: 'SRI hash in HTML',
      path: 'public/index.html',
      content: `<script src="https://cdn.example.net/lib.js" integrity="sha384-${fake.chars(BASE64, 64)}" crossorigin="anonymous"></script>\n`,
    },
    {
      name: 'base64 image data URI',
      path: 'src/styles.css',
      content: `.logo { background: url(data:image/png;base64,${fake.chars(BASE64, 3000)}AKIA${fake.chars(BASE32, 16)}${fake.chars(BASE64, 200)}); }\n`,
    },
    {
      name: 'AWS documented example keys',
      path: 'src/s3.ts',
      content:
        "const credentials = {\n  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',\n  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',\n};\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n",
    },
    {
      name: 'placeholders in YAML',
      path: 'config/settings.yml',
      content: [
        'database:',
        '  password: changeme',
        `  secret: ${DOLLAR}{DB_SECRET}`,
        '  token: "{{ .Values.token }}"',
        '  api_key: <your-api-key>',
        '  client_secret: "********"',
        '  access_key: REDACTED',
        '  private_key: xxxxxxxxxxxxxxxxxxxx',
      ].join('\n'),
    },
    {
      name: 'placeholder tokens in docs',
      path: 'README.md',
      content: [
        '```',
        `export GITHUB_TOKEN=ghp_${'x'.repeat(36)}`,
        `STRIPE_KEY=sk_live_${'X'.repeat(24)}`,
        'SLACK_WEBHOOK=https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX',
        'DATABASE_URL=postgres://user:password@localhost:5432/app',
        '```',
      ].join('\n'),
    },
    {
      name: 'format strings and interpolation',
      path: 'src/db.py',
      content:
        'password = "%s"\nDSN = f"postgres://{user}:{password}@{host}/db"\ntoken = os.environ["API_TOKEN"]\n',
    },
    {
      name: 'values read from the environment',
      path: 'src/config.ts',
      content:
        'export const password = process.env.DB_PASSWORD;\nconst token = getToken();\nconst secret = config.get("jwt.secret");\n',
    },
    {
      name: 'identifiers and messages',
      path: 'src/auth.ts',
      content: [
        "const tokenType = 'Bearer';",
        "const password = 'Password must be at least 8 characters';",
        "const secretName = 'my-app-secrets';",
        'const max_tokens = 4096;',
        "headers['x-api-key'] = apiKey;",
        "const token = 'lastSignificantToken';",
        "if (password === '') throw new Error('empty');",
      ].join('\n'),
    },
    {
      name: 'local development database URLs',
      path: 'docker-compose.yml',
      content: [
        'services:',
        '  api:',
        '    environment:',
        '      DATABASE_URL: postgres://postgres:postgres@db:5432/app',
        '      LOCAL_URL: postgres://app:Xk29vLpQ7mWz@localhost:5432/app',
        `      MYSQL_URL: mysql://root:${DOLLAR}{MYSQL_ROOT_PASSWORD}@mysql/app`,
      ].join('\n'),
    },
    {
      name: 'Azurite development connection string',
      path: 'local.settings.json',
      content:
        '{"AzureWebJobsStorage": "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;"}',
    },
    {
      name: 'PEM header constant in a parser',
      path: 'src/pem.ts',
      content:
        "const RSA_HEADER = '-----BEGIN RSA PRIVATE KEY-----';\nif (pem.startsWith('-----BEGIN PRIVATE KEY-----')) return parse(pem);\n",
    },
    {
      name: 'public key and certificate',
      path: 'certs/ca.pem',
      content: [
        '-----BEGIN CERTIFICATE-----',
        ...fake.pemBody(3),
        '-----END CERTIFICATE-----',
        '-----BEGIN PUBLIC KEY-----',
        ...fake.pemBody(2),
        '-----END PUBLIC KEY-----',
      ].join('\n'),
    },
    {
      name: 'jwt.io example and a publishable anon key',
      path: 'src/supabase.ts',
      content: `// ${jwtExample}\nexport const supabase = createClient(url, '${anonKey}');\n`,
    },
    {
      name: 'words next to prefixes',
      path: 'src/tasks.ts',
      content:
        "const zone = 'Asia/Kolkata';\nconst cmd = 'task-runner desk-booking disk-usage';\nconst v = process.env.npm_package_version;\nconst r = process.env.npm_config_registry;\n",
    },
    {
      name: 'GitHub Actions secret references',
      path: '.github/workflows/release.yml',
      content: `steps:\n  - uses: docker/login-action@v3\n    with:\n      password: ${DOLLAR}{{ secrets.DOCKER_PASSWORD }}\n      token: ${DOLLAR}{{ github.token }}\n`,
    },
    {
      name: 'env template',
      path: '.env.example',
      content: 'DATABASE_URL=\nAPI_KEY=your-api-key\nJWT_SECRET=change-me\n',
    },
    {
      name: 'k8s Secret with templates and blanks, and a ConfigMap',
      path: 'charts/api/templates/secret.yaml',
      content: [
        'apiVersion: v1',
        'kind: Secret',
        'metadata:',
        '  name: {{ .Release.Name }}',
        'stringData:',
        '  SENTRY_DSN: https://0123456789abcdef@o1.ingest.sentry.io/1',
        'data:',
        '  password: {{ .Values.password | b64enc }}',
        '  empty: ""',
        '---',
        'apiVersion: v1',
        'kind: ConfigMap',
        'data:',
        '  LOG_LEVEL: info',
      ].join('\n'),
    },
    {
      name: 'source map',
      path: 'dist/app.js.map',
      content: `{"version":3,"sourcesContent":["const t = '${`ghp_${fake.chars(ALNUM, 36)}`}'"]}`,
    },
    {
      name: 'minified bundle',
      path: 'public/vendor.min.js',
      content: `!function(){var k="${`sk_live_${fake.chars(ALNUM, 24)}`}"}();`,
    },
    {
      name: 'go.sum hashes',
      path: 'go.sum',
      content: `github.com/pkg/errors v0.9.1 h1:${fake.chars(BASE64, 43)}=\n`,
    },
    {
      name: 'allowed with an inline comment',
      path: 'src/fixtures.ts',
      content: `// readiness-allow-secret: revoked key kept for the parser test\nconst revoked = 'ghp_${fake.chars(ALNUM, 36)}';\n`,
    },
  ];
}
