// The CLI contract (docs/architecture.md, "Contracts") end to end: real git repositories, the real entry point.

import { spawnSync } from 'node:child_process';
import {
  cpSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { TempGitRepo } from '../support/git-repo.js';
import { runCli } from '../support/run-cli.js';

let repo: TempGitRepo;
afterEach(() => repo?.cleanup());

const CHECKLIST = '# Launch\n\n## Files\n\n- [x] Deploy script `scripts/deploy.sh`\n- [x] Staff trained\n';

function reportOf(stdout: string) {
  return JSON.parse(stdout) as {
    checklists: { path: string; items: { id: string; status: string; checks: unknown[] }[] }[];
    gate: { passed: boolean; failures: { id: string; reason: string }[] };
    diff: { regressed: string[] } | null;
  };
}

describe('readiness check', () => {
  it('exits 0 when the gate passes and 1 when it fails, with a JSON report that matches the published schema', () => {
    repo = new TempGitRepo().write({
      'PRODUCTION_READINESS.md': CHECKLIST,
      'scripts/deploy.sh': '#!/bin/sh\n',
    });
    repo.commit();
    const pass = runCli(['check', repo.dir, '--format', 'json']);
    expect(pass.stderr).toBe('');
    expect(pass.status).toBe(0);
    const report = reportOf(pass.stdout);
    const schema = JSON.parse(readFileSync('schema/readiness-report.schema.json', 'utf8'));
    const validate = new Ajv2020.default({ strict: false }).compile(schema);
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(report.checklists[0]?.items.map((i) => i.status)).toEqual(['verified', 'manual']);

    repo.remove('scripts/deploy.sh');
    repo.commit();
    const fail = runCli(['check', repo.dir, '--format', 'json']);
    expect(fail.status).toBe(1);
    expect(reportOf(fail.stdout).gate.failures.map((f) => f.id)).toEqual([
      'files/deploy-script-scripts-deploy-sh',
    ]);
  });

  it('compares with --base from git objects and blames only the regression', () => {
    repo = new TempGitRepo().write({
      'PRODUCTION_READINESS.md': CHECKLIST,
      'scripts/deploy.sh': '#!/bin/sh\n',
    });
    const base = repo.commit('base');
    repo.remove('scripts/deploy.sh');
    repo.commit('head');
    const run = runCli(['check', repo.dir, '--format', 'json', '--base', base]);
    expect(run.status).toBe(1);
    const report = reportOf(run.stdout);
    expect(report.diff?.regressed).toEqual(['files/deploy-script-scripts-deploy-sh']);
    // The work tree was not touched by reading the base.
    expect(repo.git('status', '--porcelain')).toBe('');
  });

  it('renders text, markdown and sarif', () => {
    repo = new TempGitRepo().write({ 'PRODUCTION_READINESS.md': CHECKLIST });
    repo.commit();
    const text = runCli(['check', repo.dir]);
    expect(text.stdout).toContain('PRODUCTION_READINESS.md:5');
    expect(text.stdout.includes('\u001b[')).toBe(false);
    const markdown = runCli(['check', repo.dir, '--format', 'markdown']);
    expect(markdown.stdout).toMatch(/unbacked/i);
    const sarif = JSON.parse(runCli(['check', repo.dir, '--format', 'sarif']).stdout);
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.region.startLine).toBe(5);
  });

  it('uses --checklist globs and the release gate', () => {
    repo = new TempGitRepo().write({ 'ops/go-live.md': '- [ ] On-call staffed\n', 'scripts/deploy.sh': '' });
    repo.commit();
    const release = runCli([
      'check',
      repo.dir,
      '--format',
      'json',
      '--checklist',
      'ops/*.md',
      '--gate',
      'release',
    ]);
    expect(release.status).toBe(1);
    expect(reportOf(release.stdout).gate.failures.map((f) => f.id)).toEqual(['top/on-call-staffed']);
  });

  it('does not pass without a checklist: exit 2 naming what it looked for, in every mode', () => {
    repo = new TempGitRepo().write({ 'ops/go-live.md': '- [ ] On-call staffed\n', 'README.md': '# x\n' });
    repo.commit();
    for (const gate of ['pr', 'release']) {
      const none = runCli(['check', repo.dir, '--gate', gate, '--format', 'json']);
      expect(none.status).toBe(2);
      expect(none.stdout).toBe('');
      expect(none.stderr).toBe(
        'readiness: No checklist found: looked for Markdown files named *readiness*, *checklist*, *launch* or *production* (outside dependency, vendored and generated folders) among 2 files listed.\n' +
          'Add a checklist with such a name (`readiness init` writes one), list it under `checklists:` in .github/readiness.yml, or pass --checklist GLOB.\n',
      );
    }
    const glob = runCli(['check', repo.dir, '--checklist', 'docs/*.md']);
    expect(glob.status).toBe(2);
    expect(glob.stderr).toContain(
      'looked for files matching `docs/*.md` (from --checklist) among 2 files listed.',
    );
    expect(glob.stderr).toContain('Fix the glob, or remove it to use the default names.');
    const empty = runCli(['check', repo.dir, '--checklist', 'README.md']);
    expect(empty.status).toBe(2);
    expect(empty.stderr).toContain('`README.md` matched but holds no task items');
    repo.write({ 'ops/huge-checklist.md': `- [ ] x\n${'y'.repeat(3 << 20)}\n` }).commit();
    const huge = runCli(['check', repo.dir, '--checklist', 'ops/huge-checklist.md']);
    expect(huge.status).toBe(2);
    expect(huge.stderr).toMatch(/`ops\/huge-checklist\.md` matched but could not be read: .*larger than/);
  });

  it('names a checklist that exists but is not tracked (readiness init, then check)', () => {
    repo = new TempGitRepo().write({ 'README.md': '# x\n' });
    repo.commit();
    expect(runCli(['init', repo.dir]).status).toBe(0);
    const untracked = runCli(['check', repo.dir]);
    expect(untracked.status).toBe(2);
    expect(untracked.stderr).toMatch(
      /Found but not tracked by git: `(\S+\.md)`\. Only tracked files are checked: `git add \1` and run again\./,
    );
  });

  it('fails a pull request that only ticks the box of a claim the repository contradicts', () => {
    repo = new TempGitRepo().write({ 'READINESS.md': '## Deploy\n- [ ] `scripts/deploy.sh` exists\n' });
    const base = repo.commit();
    repo.write({ 'READINESS.md': '## Deploy\n- [x] `scripts/deploy.sh` exists\n' }).commit();
    const run = runCli(['check', repo.dir, '--base', base, '--format', 'json']);
    expect(run.status).toBe(1);
    const report = reportOf(run.stdout);
    expect(report.diff?.regressed).toEqual(['deploy/scripts-deploy-sh-exists']);
    expect(report.gate.failures[0]?.reason).toMatch(/^ticked, but contradicted — /);
    const comment = runCli(['check', repo.dir, '--base', base, '--format', 'markdown']);
    expect(comment.stdout.indexOf('Regressed (1)')).toBeGreaterThan(0);
    expect(comment.stdout.indexOf('Regressed (1)')).toBeLessThan(comment.stdout.indexOf('<details'));
  });

  it('exits 2 with a message that says what to fix', () => {
    repo = new TempGitRepo().write({
      '.github/readiness.yml': 'rules: { disabled: [x] }\n',
      'READINESS.md': '- [ ] x\n',
    });
    repo.commit();
    const badConfig = runCli(['check', repo.dir]);
    expect(badConfig.status).toBe(2);
    expect(badConfig.stderr).toMatch(/\.github\/readiness\.yml.*not valid/);
    expect(badConfig.stderr).toMatch(/rules: Unrecognized key: "disabled"/);
    expect(badConfig.stderr).not.toMatch(/at .*\.ts:\d+/);

    const badBase = runCli(['check', repo.dir, '--base', 'no-such-ref']);
    expect(badBase.status).toBe(2);
    expect(badBase.stderr).toMatch(/fetch-depth: 0/);

    const badFormat = runCli(['check', repo.dir, '--format', 'xml']);
    expect(badFormat.status).toBe(2);
    expect(badFormat.stderr).toMatch(/--format must be one of text, markdown, json, sarif/);

    const missing = runCli(['check', join(repo.dir, 'nope')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/is not a folder/);

    const bothCache = runCli(['check', repo.dir, '--no-cache', '--cache-dir', '/tmp/x']);
    expect(bothCache.status).toBe(2);
    expect(bothCache.stderr).toMatch(/--cache-dir and --no-cache contradict/);
  });

  it('keeps its cache under XDG_CACHE_HOME by default, in --cache-dir when asked, and nowhere with --no-cache', () => {
    repo = new TempGitRepo().write({ 'READINESS.md': '- [ ] Health check endpoint at `/healthz`\n' });
    repo.commit();
    const home = mkdtempSync(join(tmpdir(), 'readiness-xdg-'));
    const moved = join(home, 'elsewhere');
    const env = { XDG_CACHE_HOME: home };
    expect(runCli(['check', repo.dir, '--no-cache'], { env }).status).toBe(0);
    expect(readdirSync(home)).toEqual([]);
    expect(runCli(['check', repo.dir], { env }).status).toBe(0);
    // The per-file cache (a `.head` file may keep the whole result beside it).
    const cacheFiles = (dir: string) => readdirSync(dir).filter((name) => name.endsWith('.cache'));
    expect(cacheFiles(join(home, 'readiness'))).toHaveLength(1);
    expect(runCli(['check', repo.dir, '--cache-dir', moved], { env }).status).toBe(0);
    expect(cacheFiles(moved)).toHaveLength(1);
    rmSync(home, { recursive: true, force: true });
  });

  it('never runs package scripts or git hooks of the checked repository', () => {
    const canary = join(repo?.dir ?? '/tmp', 'never');
    repo = new TempGitRepo().write({
      'package.json': JSON.stringify({
        scripts: { test: `touch ${canary}`, postinstall: `touch ${canary}` },
      }),
      'READINESS.md': '- [x] Tests with `npm test`\n- [x] `npm run postinstall`\n',
      '.git/hooks/post-checkout': `#!/bin/sh\ntouch ${canary}\n`,
    });
    repo.commit();
    const base = repo.git('rev-parse', 'HEAD');
    runCli(['check', repo.dir, '--base', base, '--format', 'json']);
    expect(() => readFileSync(canary)).toThrow();
  });
});

describe('readiness --version, --help, rules', () => {
  it('prints the package version', () => {
    const version = JSON.parse(readFileSync('package.json', 'utf8')).version;
    expect(runCli(['--version']).stdout.trim()).toBe(version);
  });

  it('prints help with --help and `help` (exit 0) and exits 2 on an unknown command or flag', () => {
    const help = runCli(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/readiness check \[DIR\]/);
    const helpCheck = runCli(['help', 'check']);
    expect(helpCheck.status).toBe(0);
    expect(helpCheck.stdout).toMatch(/^Usage: readiness check \[DIR\] \[options\]\n/);
    const unknown = runCli(['frobnicate']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command "frobnicate"/);
    const badFlag = runCli(['check', '--frmat', 'json']);
    expect(badFlag.status).toBe(2);
    expect(badFlag.stdout).toBe('');
    expect(badFlag.stderr).toBe(
      'readiness: unknown option --frmat for readiness check. Did you mean --format?\n' +
        'Usage: readiness check [DIR] [options] — run readiness check --help for every option.\n',
    );
  });

  it('--base outside a git repository says so', () => {
    const dir = mkdtempSync(join(tmpdir(), 'readiness-nogit-'));
    try {
      writeFileSync(join(dir, 'READINESS.md'), '- [ ] x\n');
      const run = runCli(['check', dir, '--base', 'main']);
      expect(run.status).toBe(2);
      expect(run.stderr).toBe(
        `readiness: --base main: ${dir} is not a git repository, so there is no revision to compare with. ` +
          'Run the check inside a clone, or leave out --base.\n',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('compiled code kept between runs', () => {
  const [major, minor] = process.versions.node.split('.').map(Number) as [number, number];
  // Node 20 has no compile cache; this runs on the Node 22+ a user or the Actions runner has.
  it.runIf(major > 22 || (major === 22 && minor >= 1))('is written to the temp folder', () => {
    repo = new TempGitRepo().write({ 'PRODUCTION_READINESS.md': CHECKLIST });
    repo.commit();
    const cache = mkdtempSync(join(tmpdir(), 'readiness-compile-cache-'));
    try {
      runCli(['check', repo.dir, '--no-cache'], { env: { TMPDIR: cache } });
      expect(readdirSync(join(cache, 'node-compile-cache')).length).toBeGreaterThan(0);
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  });
});

describe('a check that reuses its kept result', () => {
  it('never loads the engine (rules, collectors, the Markdown parser)', () => {
    const bundle = dirname(inject('cliEntry'));
    const copy = mkdtempSync(join(dirname(bundle), 'readiness-test-cli-lazy-'));
    const cache = mkdtempSync(join(tmpdir(), 'readiness-lazy-cache-'));
    try {
      cpSync(bundle, copy, { recursive: true });
      repo = new TempGitRepo().write({ 'PRODUCTION_READINESS.md': CHECKLIST });
      const past = new Date(Date.now() - 3600_000);
      utimesSync(join(repo.dir, 'PRODUCTION_READINESS.md'), past, past);
      repo.commit();
      const run = () =>
        spawnSync(
          process.execPath,
          [join(copy, 'cli.js'), 'check', repo.dir, '--format', 'json', '--cache-dir', cache],
          {
            encoding: 'utf8',
          },
        );
      const first = run();
      const engine = readdirSync(copy).filter((name) => /^engine-.*\.js$/.test(name));
      expect(engine).toHaveLength(1);
      // Same name and size (what names the build in the cache key), but it fails if loaded.
      for (const name of engine) {
        const size = statSync(join(copy, name)).size;
        writeFileSync(join(copy, name), "throw new Error('engine loaded');".padEnd(size, ' '));
      }
      const second = run();
      expect(second.stderr).toBe('');
      expect(second.status).toBe(first.status);
      expect(second.stdout).toBe(first.stdout);
    } finally {
      rmSync(copy, { recursive: true, force: true });
      rmSync(cache, { recursive: true, force: true });
    }
  });
});
