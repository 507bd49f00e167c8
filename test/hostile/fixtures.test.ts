// Hostile repositories on disk, checked by the real CLI in a child process (work tree and
import { readFileSync } from 'node:fs';
// --base from git objects in the same run): always a report, skipped files named, time and
// memory bounded, nothing outside the repository read, and nothing from the repository run.

import { afterAll, describe, expect, it } from 'vitest';
import { report } from './support/figures.js';
import {
  canaryPackageJson,
  checklistOf,
  HostileRepo,
  KITCHEN_SINK_ITEMS,
  runCliMeasured,
} from './support/hostile-repo.js';

const TIME_LIMIT_MS = 60_000;
const PEAK_LIMIT_KB = 1024 * 1024;
/** Text only files outside the repository hold; it must never reach any output. */
const OUTSIDE_MARKER = 'OUTSIDE-THE-REPO-7f3a9c';

const repos: HostileRepo[] = [];
afterAll(() => {
  for (const repo of repos) repo.cleanup();
});

interface Fixture {
  name: string;
  build(repo: HostileRepo): void;
  /** Paths the report must list as skipped. */
  skipped?: string[];
}

const billionLaughs = (key: string) =>
  [
    `${key}: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]`,
    ...'bcdefghi'
      .split('')
      .map((name, index) => `${name}: &${name} [${Array(9).fill(`*${'abcdefghi'[index]}`).join(',')}]`),
  ].join('\n');

const FIXTURES: Fixture[] = [
  {
    name: 'symlinks out of the repo, a loop, a linked folder',
    build(repo) {
      repo.write({ 'READINESS.md': checklistOf(KITCHEN_SINK_ITEMS) });
      repo.writeOutside({
        'secret.txt': `${OUTSIDE_MARKER}\nAPI_KEY=${OUTSIDE_MARKER}\n`,
        'coverage-summary.json': `{"total":{"lines":{"pct":13.37,"note":"${OUTSIDE_MARKER}"}}}`,
      });
      repo.symlink('docs/launch-checklist.md', '/etc/passwd');
      repo.symlink('Dockerfile', `${repo.outside}/secret.txt`);
      repo.symlink('.env.example', '../outside/secret.txt');
      repo.symlink('loop-a-readiness.md', 'loop-b-readiness.md');
      repo.symlink('loop-b-readiness.md', 'loop-a-readiness.md');
      repo.symlink('coverage', repo.outside);
    },
    skipped: ['docs/launch-checklist.md', 'Dockerfile', '.env.example', 'loop-a-readiness.md'],
  },
  {
    name: '200 MB file, binary .md, invalid UTF-8',
    build(repo) {
      repo.sparse('docs/huge-readiness.md', 200 * 1024 * 1024);
      repo.write({
        'READINESS.md': Buffer.concat([
          Buffer.from('# Readiness\n\n- [x] Container runs as non-root user \xff\xfe\n- [ ] '),
          Buffer.from([0xc0, 0xaf, 0xed, 0xa0, 0x80, 0xf8, 0x88, 0x80, 0x80, 0x80]),
          Buffer.from(' Tests run on every pull request in CI\n'),
        ]),
        'binary-checklist.md': Buffer.concat([
          Buffer.from('- [x] Dockerfile\n'),
          Buffer.alloc(64),
          Buffer.from('\x89PNG'),
        ]),
        Dockerfile: 'FROM node:20\nUSER node\n',
      });
    },
    skipped: ['docs/huge-readiness.md', 'binary-checklist.md'],
  },
  {
    // Under the 2 MiB file limit, so the items are really parsed (a larger file is skipped).
    name: '30,000-item checklist',
    build(repo) {
      const items = Array.from(
        { length: 30_000 },
        (_, i) => `- [${i % 2 ? 'x' : ' '}] ${KITCHEN_SINK_ITEMS[i % KITCHEN_SINK_ITEMS.length]} #${i}`,
      );
      repo.write({ 'READINESS.md': `# Huge\n\n${items.join('\n')}\n`, Dockerfile: 'FROM node:20\n' });
    },
  },
  {
    name: '1,000-level nesting (lists, quotes, brackets)',
    build(repo) {
      const list = Array.from(
        { length: 1000 },
        (_, i) => `${'  '.repeat(i)}- [x] level ${i} Dockerfile runs as non-root`,
      );
      const quotes = Array.from({ length: 1000 }, (_, i) => `${'>'.repeat(i + 1)} - [ ] quoted ${i}`);
      repo.write({
        'READINESS.md': `${list.join('\n')}\n\n${quotes.join('\n')}\n\n- [x] ${'['.repeat(1000)}x${']('.repeat(1000)}\n`,
      });
    },
  },
  {
    name: 'YAML alias bombs in compose, k8s and workflow files',
    build(repo) {
      repo.write({
        'READINESS.md': checklistOf(KITCHEN_SINK_ITEMS),
        'docker-compose.yml': `${billionLaughs('x-bomb')}\nservices:\n  web:\n    image: node\n    environment: *i\n`,
        'k8s/deployment.yaml': `apiVersion: apps/v1\nkind: Deployment\n${billionLaughs('metadata')}\nspec: *i\n`,
        '.github/workflows/ci.yml': `${billionLaughs('env')}\non: [pull_request]\njobs: *i\n`,
        '.github/dependabot.yml': `${billionLaughs('version')}\nupdates: *i\n`,
      });
    },
  },
  {
    name: 'coverage JSON 100,000 levels deep, Dockerfile with 10,000 chained stages',
    build(repo) {
      const deep = `${'{"total":'.repeat(100_000)}1${'}'.repeat(100_000)}`;
      const stages = Array.from({ length: 10_000 }, (_, i) =>
        i === 0 ? 'FROM node:20 AS s0' : `FROM s${i - 1} AS s${i}\nCOPY --from=s${i - 1} /a /a`,
      );
      repo.write({
        'READINESS.md': checklistOf(KITCHEN_SINK_ITEMS),
        'coverage/coverage-summary.json': deep,
        'coverage/coverage-final.json': `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
        'package.json': `${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}`,
        Dockerfile: `${stages.join('\n')}\n`,
      });
    },
  },
  {
    name: 'package.json scripts, git hooks and git config that would run a canary',
    build(repo) {
      repo.write({
        'READINESS.md': checklistOf(KITCHEN_SINK_ITEMS),
        'package.json': canaryPackageJson(repo),
        Makefile: `deploy:\n\t${repo.canaryCommand('make')}\n`,
        'mix.exs': `defmodule X.MixProject do\n  System.cmd("sh", ["-c", "${repo.canaryCommand('mix')}"])\nend\n`,
      });
    },
  },
];

describe('hostile repositories through the real CLI', () => {
  for (const fixture of FIXTURES) {
    it(
      fixture.name,
      () => {
        const repo = new HostileRepo();
        repos.push(repo);
        fixture.build(repo);
        repo.commit();
        repo.plantCanaries();
        const run = runCliMeasured(['check', repo.dir, '--format', 'json', '--base', 'HEAD'], TIME_LIMIT_MS);
        const canaryWrites = repo.canaryWritten() ? 1 : 0;
        const leaks = [run.stdout, run.stderr].filter(
          (out) => out.includes(OUTSIDE_MARKER) || out.includes('root:x:0:0'),
        ).length;
        const figures = {
          part: 'fixtures',
          fixture: fixture.name,
          inputs: 1,
          crashes: run.status === 0 || run.status === 1 ? 0 : 1,
          hangs: run.timedOut ? 1 : 0,
          leaks,
          canaryWrites,
          maxMs: run.ms,
          ...(run.peakKb === undefined ? {} : { peakKb: run.peakKb }),
        };
        report(figures);
        expect(run.timedOut, 'the CLI did not finish in time').toBe(false);
        expect([0, 1], `exit ${run.status}: ${run.stderr.slice(0, 500)}`).toContain(run.status);
        expect(run.stderr).not.toContain('unexpected error');
        expect(canaryWrites, `executed: ${canaryWrites ? readFileSync(repo.canary, 'utf8') : ''}`).toBe(0);
        expect(leaks, 'content from outside the repository reached the output').toBe(0);
        if (run.peakKb !== undefined) expect(run.peakKb).toBeLessThan(PEAK_LIMIT_KB);
        const json = JSON.parse(run.stdout) as {
          schemaVersion: number;
          skipped: { path: string; reason: string }[];
        };
        expect(json.schemaVersion).toBe(1);
        const skipped = json.skipped.map((entry) => entry.path);
        for (const path of fixture.skipped ?? [])
          expect(skipped, `${path} is named as skipped`).toContain(path);
        expect(run.stdout).not.toContain('13.37');
      },
      TIME_LIMIT_MS + 30_000,
    );
  }
});
