import { describe, expect, it } from 'vitest';
import { secretsNoEnvFile } from '../../../../src/core/rules/secrets/secrets-no-env-file.js';
import { judgeOne } from '../../../support/rule-harness.js';

const base = {
  '.gitignore': 'node_modules/\n.env\n.env.*.local\n',
  '.env.example': 'DATABASE_URL=\nPORT=3000\n',
  'src/index.ts': 'export {};\n',
};

describe('secrets.no-env-file', () => {
  it('passes when no .env file is tracked', async () => {
    const finding = await judgeOne(secretsNoEnvFile, base, '.env not committed to git');
    expect(finding).toMatchObject({
      verdict: 'pass',
      message: 'no .env-style file is tracked (looked at 3 tracked files)',
    });
  });

  it('fails when a .env file with real values is tracked, naming keys but no values', async () => {
    const finding = await judgeOne(
      secretsNoEnvFile,
      { ...base, '.env': '# local\nPORT=3000\nDATABASE_URL=postgres://localhost/app\n' },
      '`.env` file in .gitignore',
    );
    expect(finding.verdict).toBe('fail');
    expect(finding.message).toBe('.env is committed with 2 values (first: PORT at .env:2)');
    expect(finding.evidence).toEqual([
      { path: '.env', line: 2, excerpt: 'PORT=…' },
      { path: '.env', line: 3, excerpt: 'DATABASE_URL=…' },
    ]);
    expect(JSON.stringify(finding)).not.toContain('postgres://');
  });

  it('is unknown when the tracked .env holds only blanks and placeholders', async () => {
    const finding = await judgeOne(
      secretsNoEnvFile,
      { ...base, '.env': 'DATABASE_URL=\nAPI_KEY=changeme\n' },
      '.env not committed to git',
    );
    expect(finding.verdict).toBe('unknown');
    expect(finding.message).toContain('only empty or placeholder values');
  });

  it('fails a .gitignore claim when no .gitignore ignores .env', async () => {
    const finding = await judgeOne(
      secretsNoEnvFile,
      { ...base, '.gitignore': 'node_modules/\n' },
      '`.env` file in .gitignore',
    );
    expect(finding).toMatchObject({
      verdict: 'fail',
      message: 'no .env-style file is tracked, but no .gitignore ignores .env (looked in .gitignore)',
    });
  });

  it('checks only the env file the item names', async () => {
    const files = { ...base, '.env.development': 'API_URL=http://localhost:3000\n' };
    const named = await judgeOne(secretsNoEnvFile, files, '`.env.production` is never committed');
    expect(named.verdict).toBe('pass');
    const any = await judgeOne(secretsNoEnvFile, files, 'No .env files committed');
    expect(any.verdict).toBe('fail');
  });

  it('ignores env files in test fixtures', async () => {
    const finding = await judgeOne(
      secretsNoEnvFile,
      { ...base, 'test/fixtures/.env': 'PORT=1\n' },
      '.env not committed to git',
    );
    expect(finding.verdict).toBe('pass');
  });
});
