import { describe, expect, it } from 'vitest';
import { ignoresEnvFile, secretScanCollector } from '../../../src/core/collectors/secret-scan.js';
import { configSchema, DEFAULT_CONFIG } from '../../../src/core/config.js';
import { collectEvidence, createRepoView } from '../../../src/core/evidence.js';
import { MemoryRepo } from '../../support/memory-repo.js';
import { lookAlikeCorpus, plantedCorpus } from '../secrets/corpus.js';

async function collect(files: Record<string, string | Uint8Array>, config = DEFAULT_CONFIG) {
  return collectEvidence(
    secretScanCollector,
    await createRepoView(new MemoryRepo(files), config.exclude),
    config,
  );
}

describe('secret-scan collector', () => {
  it('scans every tracked text file once and reports each planted credential, sorted by place', async () => {
    const planted = plantedCorpus();
    const files = Object.fromEntries(planted.map((entry) => [entry.path, entry.content]));
    const scan = await collect({ ...files, 'logo.png': new Uint8Array([137, 80, 78, 71, 0, 0]) });
    expect(scan.filesScanned).toBe(planted.length);
    expect(scan.filesUnread).toBe(1);
    expect(scan.bytesScanned).toBe(planted.reduce((sum, entry) => sum + entry.content.length, 0));
    for (const entry of planted) {
      expect(scan.findings).toContainEqual(
        expect.objectContaining({ path: entry.path, kind: entry.kind, line: entry.line }),
      );
    }
    const places = scan.findings.map((finding) => `${finding.path}:${String(finding.line).padStart(6, '0')}`);
    expect(places).toEqual([...places].sort());
    const output = JSON.stringify(scan);
    for (const entry of planted) expect(output).not.toContain(entry.secret.slice(0, 12));
  });

  it('finds nothing in the look-alike corpus', async () => {
    const files = Object.fromEntries(lookAlikeCorpus().map((entry) => [entry.path, entry.content]));
    const scan = await collect(files);
    expect(scan.findings).toEqual([]);
    expect(scan.allowed).toHaveLength(1);
  });

  it('skips excluded paths and records .env files and the .gitignore files that ignore .env', async () => {
    const scan = await collect(
      {
        '.gitignore': 'node_modules/\n.env\n',
        'web/.gitignore': 'dist\n',
        'web/.env': 'PORT=3000\n',
        'third/.env': 'PORT=1\n',
      },
      configSchema.parse({ exclude: ['third/**'] }),
    );
    expect(scan.envFiles.map((file) => file.path)).toEqual(['web/.env']);
    expect(scan.envIgnoredBy).toEqual(['.gitignore']);
  });

  it('notes lines it scanned only in windows', async () => {
    const scan = await collect({ 'bundle.js': `${'x'.repeat(5000)} token = "a" ${'y'.repeat(5000)}\n` });
    expect(scan.notes).toEqual([expect.stringContaining('1 line was longer than 4 KB')]);
  });
});

describe('ignoresEnvFile', () => {
  it('reads the patterns that ignore a file named .env', () => {
    for (const pattern of ['.env', '/.env', '.env*', '*.env', '**/.env', '.env*\n!.env.example']) {
      expect(ignoresEnvFile(pattern), pattern).toBe(true);
    }
    for (const pattern of ['.env.local', '# .env', '!.env', 'config/.env', 'environment/']) {
      expect(ignoresEnvFile(pattern), pattern).toBe(false);
    }
  });
});
