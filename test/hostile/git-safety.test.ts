// Found by the hostile fixtures: PR runs listed changed files with `git diff <base>` against the
// work tree, which runs the clean filter a repository's .git/config names for its
// .gitattributes. Checking a repository must never run its programs.

import { readFileSync, rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { GitObjectReader } from '../../src/adapters/git-object-reader.js';
import { OverlayReader } from '../../src/adapters/overlay-reader.js';
import { WorkTreeReader } from '../../src/adapters/work-tree-reader.js';
import { HostileRepo } from './support/hostile-repo.js';

const repos: HostileRepo[] = [];
afterAll(() => {
  for (const repo of repos) repo.cleanup();
});

describe('the PR-run overlay of base and work tree', () => {
  it('lists changed files without running clean filters, diff drivers or fsmonitor', async () => {
    const repo = new HostileRepo();
    repos.push(repo);
    repo
      .write({
        'READINESS.md': '- [x] Dockerfile exists\n',
        Dockerfile: 'FROM node:20\n',
        'keep.txt': 'same\n',
      })
      .commit();
    repo.plantCanaries();
    repo.write({ Dockerfile: 'FROM node:20\nUSER node\n', 'added.txt': 'new\n' });
    // Our own `git add` runs the planted clean filter; only what the readers do counts.
    repo.git('add', '--', 'added.txt');
    rmSync(repo.canary, { force: true });
    const base = await GitObjectReader.open(repo.dir, 'HEAD');
    try {
      const overlay = await OverlayReader.open(repo.dir, base, new WorkTreeReader(repo.dir));
      expect(repo.canaryWritten(), repo.canaryWritten() ? readFileSync(repo.canary, 'utf8') : '').toBe(false);
      expect(overlay.isChanged('Dockerfile')).toBe(true);
      expect(overlay.isChanged('added.txt')).toBe(true);
      expect(overlay.isChanged('keep.txt')).toBe(false);
      expect(await overlay.readFile('Dockerfile')).toBe('FROM node:20\n');
      expect(await overlay.readFile('keep.txt')).toBe('same\n');
    } finally {
      base.close();
    }
  });
});
