import { describe, expect, it } from 'vitest';
import { envDocsCollector } from '../../../src/core/collectors/env-docs.js';
import { envReadsCollector } from '../../../src/core/collectors/env-reads.js';
import { httpRoutesCollector } from '../../../src/core/collectors/http-routes.js';
import { makefilesCollector } from '../../../src/core/collectors/makefiles.js';
import { packageScriptsCollector } from '../../../src/core/collectors/package-scripts.js';
import { DEFAULT_CONFIG } from '../../../src/core/config.js';
import { collectEvidence, createRepoView } from '../../../src/core/evidence.js';
import { MemoryRepo } from '../../support/memory-repo.js';

const view = (files: Record<string, string>, exclude: string[] = []) =>
  createRepoView(new MemoryRepo(files), exclude);

describe('references collectors', () => {
  it('never throw on malformed files and record what they could not read', async () => {
    const repo = await view({
      'package.json': '{ "scripts": ',
      'docker-compose.yml': 'services: [unclosed',
      Makefile: ':::\n\t\n',
      'src/app.ts': 'process.env.',
    });
    expect(
      (await collectEvidence(packageScriptsCollector, repo, DEFAULT_CONFIG)).manifests[0]?.problem,
    ).toMatch(/not valid JSON/);
    expect(
      (await collectEvidence(envDocsCollector, repo, DEFAULT_CONFIG)).unparsable.map((entry) => entry.path),
    ).toEqual(['docker-compose.yml']);
    await expect(collectEvidence(makefilesCollector, repo, DEFAULT_CONFIG)).resolves.toBeDefined();
    await expect(collectEvidence(httpRoutesCollector, repo, DEFAULT_CONFIG)).resolves.toBeDefined();
  });

  it('skips vendored, minified and excluded files', async () => {
    const repo = await view(
      {
        'node_modules/x/index.js': 'process.env.VENDORED_VAR',
        'public/app.min.js': 'process.env.MINIFIED_VAR',
        'src/big.js': `${'x'.repeat(6000)}\nprocess.env.LONG_LINE_VAR`,
        'legacy/old.ts': 'process.env.EXCLUDED_VAR',
        'src/ok.ts': 'process.env.KEPT_VAR',
      },
      ['legacy/**'],
    );
    // `exclude` is applied once, by the view every collector reads through.
    const reads = await collectEvidence(envReadsCollector, repo, DEFAULT_CONFIG);
    expect([...reads.reads.keys()]).toEqual(['KEPT_VAR']);
  });
});
