import { describe, expect, it } from 'vitest';
import { configSchema } from '../../../../src/core/config.js';
import { secretsNoneCommitted } from '../../../../src/core/rules/secrets/secrets-none-committed.js';
import { judgeOne } from '../../../support/rule-harness.js';
import { plantedCorpus } from '../../secrets/corpus.js';
import { ALNUM, FakeSecrets } from '../../secrets/fake-secrets.js';

const fake = new FakeSecrets(99);
const token = `ghp_${fake.chars(ALNUM, 36)}`;
const stripe = `sk_live_${fake.chars(ALNUM, 24)}`;
const app = {
  'package.json': '{ "name": "api", "scripts": { "start": "node src/server.js" } }\n',
  'src/server.js': 'const port = process.env.PORT ?? 3000;\nconst token = process.env.GITHUB_TOKEN;\n',
  '.env.example': 'PORT=3000\nGITHUB_TOKEN=\n',
};

describe('secrets.none-committed', () => {
  it('passes when no tracked file holds a credential', async () => {
    const finding = await judgeOne(secretsNoneCommitted, app, 'No hardcoded secrets');
    expect(finding.verdict).toBe('pass');
    expect(finding.message).toMatch(/^no committed credentials: scanned 3 tracked text files/);
  });

  it('fails with the place and a redacted value of each committed credential', async () => {
    const finding = await judgeOne(
      secretsNoneCommitted,
      { ...app, 'src/github.js': `module.exports = { auth: '${token}' };\n` },
      'Secrets stored securely (not in code)',
    );
    expect(finding.verdict).toBe('fail');
    expect(finding.message).toBe(`1 committed credential: GitHub token at src/github.js:1 (ghp_…(40 chars))`);
    expect(finding.evidence).toEqual([
      { path: 'src/github.js', line: 1, excerpt: 'GitHub token ghp_…(40 chars)' },
    ]);
  });

  it('is unknown when credential-like values sit only in tests or docs', async () => {
    const finding = await judgeOne(
      secretsNoneCommitted,
      { ...app, 'test/fixtures/stripe.json': `{ "key": "${stripe}" }\n` },
      'No secrets in code or config files',
    );
    expect(finding.verdict).toBe('unknown');
    expect(finding.message).toContain('Stripe live key at test/fixtures/stripe.json:1 (sk_l…(32 chars))');
    expect(finding.message).toContain('readiness-allow-secret');
  });

  it('passes when the only finding is allowed in config, and says so', async () => {
    const config = configSchema.parse({
      secrets: { allow: [{ path: 'src/github.js', reason: 'revoked token' }] },
    });
    const finding = await judgeOne(
      secretsNoneCommitted,
      { ...app, 'src/github.js': `const auth = '${token}';\n` },
      'No hardcoded secrets',
      { config },
    );
    expect(finding.verdict).toBe('pass');
    expect(finding.message).toContain('1 value allowed with a reason');
  });

  it('looks only at the checklist folder in a monorepo', async () => {
    const files = {
      ...app,
      'services/web/config.js': `const key = '${stripe}';\n`,
      'services/api/index.js': 'ok\n',
    };
    const api = await judgeOne(secretsNoneCommitted, files, 'No hardcoded secrets', {
      checklistPath: 'services/api/READINESS.md',
    });
    expect(api.verdict).toBe('pass');
    const web = await judgeOne(secretsNoneCommitted, files, 'No hardcoded secrets', {
      checklistPath: 'services/web/READINESS.md',
    });
    expect(web.verdict).toBe('fail');
  });

  it('counts committed .env secrets and plaintext Kubernetes Secret data', async () => {
    const password = fake.password();
    const finding = await judgeOne(
      secretsNoneCommitted,
      {
        ...app,
        '.env': `DB_PASSWORD=${password}\n`,
        'k8s/secret.yaml': `apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\nstringData:\n  password: ${password}\n`,
      },
      'No credentials committed to the repository',
    );
    expect(finding.verdict).toBe('fail');
    expect(finding.message).toMatch(
      /^2 committed credentials: secret in \.env file at \.env:1 .*Kubernetes Secret data at k8s\/secret\.yaml:6/,
    );
  });

  it('never shows more than a redacted prefix of any planted secret', async () => {
    const planted = plantedCorpus();
    const files = Object.fromEntries(planted.map((entry) => [entry.path, entry.content]));
    const finding = await judgeOne(secretsNoneCommitted, files, 'No hardcoded secrets');
    expect(finding.verdict).toBe('fail');
    const output = JSON.stringify(finding);
    for (const entry of planted) expect(output).not.toContain(entry.secret.slice(0, 8));
  });
});
