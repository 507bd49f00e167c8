import { describe, expect, it } from 'vitest';
import { configSchema } from '../../../src/core/config.js';
import { compileAllowlist } from '../../../src/core/secrets/allowlist.js';
import { scanFile } from '../../../src/core/secrets/scanner.js';
import { lookAlikeCorpus, plantedCorpus } from './corpus.js';
import { ALNUM, FakeSecrets } from './fake-secrets.js';

/** Every 8-character piece of a secret: longer than the 4-character prefix a redaction may show. */
function pieces(secret: string): string[] {
  const found: string[] = [];
  for (let at = 0; at + 8 <= secret.length; at++) found.push(secret.slice(at, at + 8));
  return found;
}

describe('planted credentials', () => {
  const corpus = plantedCorpus();

  it('covers at least 40 kinds and placements', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(40);
    expect(new Set(corpus.map((entry) => entry.kind)).size).toBeGreaterThanOrEqual(18);
  });

  for (const entry of corpus) {
    it(`finds ${entry.name}`, () => {
      const { findings } = scanFile(entry.path, entry.content);
      expect(findings.map((finding) => `${finding.kind}@${finding.line}`)).toContain(
        `${entry.kind}@${entry.line}`,
      );
    });
  }

  it('never puts more than a short prefix of a secret in any finding', () => {
    for (const entry of corpus) {
      const output = JSON.stringify(scanFile(entry.path, entry.content));
      for (const piece of pieces(entry.secret)) expect(output, entry.name).not.toContain(piece);
    }
  });
});

describe('look-alikes', () => {
  for (const entry of lookAlikeCorpus()) {
    it(`reports nothing for ${entry.name}`, () => {
      expect(scanFile(entry.path, entry.content).findings).toEqual([]);
    });
  }
});

describe('allowing findings', () => {
  const fake = new FakeSecrets(3);
  const token = `ghp_${fake.chars(ALNUM, 36)}`;

  it('honours an inline comment with a reason on the same or the previous line', () => {
    const same = scanFile('src/a.ts', `const t = '${token}'; // readiness-allow-secret: revoked in 2023\n`);
    expect(same.findings).toEqual([]);
    expect(same.allowed).toMatchObject([{ kind: 'github-token', line: 1, reason: 'revoked in 2023' }]);
    const above = scanFile(
      'src/a.py',
      `# readiness-allow-secret: fixture for parser tests\nTOKEN = "${token}"\n`,
    );
    expect(above.allowed).toMatchObject([{ line: 2, reason: 'fixture for parser tests' }]);
  });

  it('ignores an inline comment without a reason', () => {
    const scan = scanFile('src/a.ts', `const t = '${token}'; // readiness-allow-secret:\n`);
    expect(scan.findings).toHaveLength(1);
  });

  it('honours config entries by path glob, literal, /regex/ and kind', () => {
    const allow = (entry: object) =>
      compileAllowlist(configSchema.parse({ secrets: { allow: [{ reason: 'revoked', ...entry }] } }));
    const text = `const t = '${token}';\n`;
    expect(scanFile('src/a.ts', text, allow({ path: 'src/**' })).findings).toEqual([]);
    expect(scanFile('lib/a.ts', text, allow({ path: 'src/**' })).findings).toHaveLength(1);
    expect(scanFile('src/a.ts', text, allow({ pattern: token.slice(0, 20) })).findings).toEqual([]);
    expect(scanFile('src/a.ts', text, allow({ pattern: '/^ghp_/' })).findings).toEqual([]);
    expect(scanFile('src/a.ts', text, allow({ pattern: 'github-token' })).allowed).toHaveLength(1);
    expect(scanFile('src/a.ts', text, allow({ pattern: 'jwt' })).findings).toHaveLength(1);
  });

  it('reports an invalid /regex/ entry instead of failing', () => {
    const allowlist = compileAllowlist(
      configSchema.parse({ secrets: { allow: [{ pattern: '/(/', reason: 'x' }] } }),
    );
    expect(allowlist.problems).toEqual([expect.stringContaining('secrets.allow[0].pattern')]);
  });
});

describe('context', () => {
  it('tells test, docs and vendored files from application code', () => {
    const token = `glpat-${new FakeSecrets(5).chars(ALNUM, 20)}`;
    const contextOf = (path: string) => scanFile(path, `token = "${token}"\n`).findings[0]?.context;
    expect(contextOf('src/ci.py')).toBe('code');
    expect(contextOf('tests/test_ci.py')).toBe('test');
    expect(contextOf('src/ci.test.ts')).toBe('test');
    expect(contextOf('docs/setup.md')).toBe('docs');
    expect(contextOf('vendor/lib/ci.py')).toBe('vendored');
  });

  it('summarises .env files by keys only', () => {
    const reference = '$' + '{BASE}';
    const scan = scanFile('.env.local', `PORT=3000\nEMPTY=\nAPI_URL=${reference}/api\n# comment\n`);
    expect(scan.envFile).toEqual({ path: '.env.local', assignments: 3, valued: [{ line: 1, key: 'PORT' }] });
    expect(scanFile('.env.example', 'PORT=3000\n').envFile).toBeUndefined();
  });
});

describe('adversarial input', () => {
  const hostile: Record<string, string> = {
    'repeated assignments': 'token = "'.repeat(12_000),
    'one huge quoted value': `password = "${'a1'.repeat(50_000)}"`,
    'JWT-like segments': 'eyJ'.repeat(35_000),
    'JWT-like without dots': `eyJ${'A'.repeat(100_000)}`,
    'key ids back to back': 'AKIA'.repeat(25_000),
    'URL userinfo': '://a:b@'.repeat(15_000),
    'PEM headers': '-----BEGIN RSA PRIVATE KEY-----\n'.repeat(3_200),
    'prefixes everywhere': 'sk-ghp_xoxb-glpat-npm_AIza'.repeat(4_000),
    'base64 run': `data:image/png;base64,${'QUtJQ'.repeat(20_000)}`,
    'many short lines': 'secret: x\n'.repeat(10_000),
  };
  for (const [name, text] of Object.entries(hostile)) {
    it(`scans 100 KB of ${name} in milliseconds`, () => {
      const started = performance.now();
      scanFile('src/hostile.ts', text);
      expect(performance.now() - started).toBeLessThan(250);
    });
  }
});
