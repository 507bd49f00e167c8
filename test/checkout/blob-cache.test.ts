// Per-file results kept between runs (--cache-dir): a warm report must be byte-identical to a
// cold one and to one without a cache, a changed file must be scanned again, and a damaged
// cache file costs one warning and a rebuild, never a wrong report.

import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BlobCacheFile } from '../../src/adapters/blob-cache-file.js';
import { runCheck } from '../../src/checkout/run-check.js';
import { renderJson } from '../../src/core/render/json.js';
import { httpRouteServed } from '../../src/core/rules/http/http-route-served.js';
import { RULES } from '../../src/core/rules/index.js';
import { TempGitRepo } from '../support/git-repo.js';

let repo: TempGitRepo | undefined;
let cacheDir: string;
afterEach(() => {
  repo?.cleanup();
  repo = undefined;
  rmSync(cacheDir, { recursive: true, force: true });
});

const CHECKLIST = `# Launch checklist

- [x] \`DATABASE_URL\` documented in \`.env.example\`
- [x] \`QUEUE_URL\` is read by the service
- [x] Health check endpoint at \`/healthz\`
- [x] Prometheus metrics exposed
- [x] Errors reported to Sentry
- [x] No secrets committed to the repository
- [x] Container runs as non-root user
`;

const FILES: Record<string, string | Buffer> = {
  'LAUNCH_CHECKLIST.md': CHECKLIST,
  '.env.example': 'DATABASE_URL=\n',
  Dockerfile: 'FROM node:20\nUSER node\n',
  'k8s/deploy.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\n',
  'src/server.js': [
    "const express = require('express');",
    "const client = require('prom-client');",
    'const app = express();',
    "app.get('/healthz', (req, res) => res.send('ok'));",
    'const url = process.env.DATABASE_URL;',
    '',
  ].join('\n'),
  'public/logo.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 1, 2, 3]),
  ...Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`src/lib/m${i}.js`, `exports.m = ${i};\n`])),
};

/** A committed repository whose files are older than its index, so their stat proves them unchanged. */
function committedRepo(): TempGitRepo {
  const made = new TempGitRepo().write(FILES);
  const past = new Date(Date.now() - 3600_000);
  for (const path of Object.keys(FILES)) utimesSync(join(made.dir, path), past, past);
  made.commit('base');
  return made;
}

/**
 * Ages every file and refreshes the index, so each file's stat proves it is as committed. Two
 * hours, not one as in committedRepo: git compares whole seconds only and would not refresh an
 * entry whose new time is in the same second as its old one.
 */
function provenUnchanged(made: TempGitRepo): void {
  const past = new Date(Date.now() - 7200_000);
  for (const path of made.git('ls-files', '-z').split('\0').filter(Boolean))
    utimesSync(join(made.dir, path), past, past);
  made.git('update-index', '-q', '--refresh');
}

const warnings: string[] = [];
async function check(dir: string, options: { cache?: boolean; base?: string } = {}): Promise<string> {
  const report = await runCheck({
    dir,
    mode: 'pr',
    ...(options.base ? { base: options.base } : {}),
    ...(options.cache === false ? {} : { cache: { dir: cacheDir, warn: (m: string) => warnings.push(m) } }),
  });
  return renderJson(report);
}

/** The per-file cache files (besides them, `.head` and `.base` files keep whole results). */
function cacheFiles(): string[] {
  return readdirSync(cacheDir).map((name) => join(cacheDir, name));
}
const blobCacheFiles = () => cacheFiles().filter((file) => file.endsWith('.cache'));

describe('the per-file cache kept between runs', () => {
  it('gives byte-identical reports without a cache, cold and warm, full and PR', async () => {
    cacheDir = mkdtempSync(join(tmpdir(), 'readiness-cache-'));
    warnings.length = 0;
    repo = committedRepo();
    const base = repo.git('rev-parse', 'HEAD');
    repo.write({
      'src/queue.js': 'const q = process.env.QUEUE_URL;\n',
      '.env.example': 'DATABASE_URL=\nQUEUE_URL=\n',
    });
    repo.commit('head');
    const none = await check(repo.dir, { cache: false });
    const cold = await check(repo.dir);
    expect(blobCacheFiles()).toHaveLength(1);
    const warm = await check(repo.dir);
    expect(cold).toBe(none);
    expect(warm).toBe(none);
    expect(JSON.parse(warm).skipped).toEqual([{ path: 'public/logo.png', reason: 'binary file' }]);
    const prNone = await check(repo.dir, { cache: false, base });
    expect(await check(repo.dir, { base })).toBe(prNone);
    expect(await check(repo.dir, { base })).toBe(prNone);
    expect(warnings).toEqual([]);
  });

  it('still reports a skipped file after a PR check kept its base results (the base names no skip reason of its own)', async () => {
    cacheDir = mkdtempSync(join(tmpdir(), 'readiness-cache-'));
    warnings.length = 0;
    repo = committedRepo();
    const base = repo.git('rev-parse', 'HEAD');
    repo.write({ 'src/queue.js': 'const q = process.env.QUEUE_URL;\n' });
    repo.commit('head');
    // Touched after the index was written: the work tree cannot name the binary file's blob yet.
    utimesSync(join(repo.dir, 'public/logo.png'), new Date(), new Date());
    const none = await check(repo.dir, { cache: false });
    await check(repo.dir);
    // A PR check of edited files: the base's unchanged binary file is read from git and kept.
    repo.write({ 'src/server.js': `${FILES['src/server.js']}// edited\n` });
    await check(repo.dir, { base });
    // Undone: the work tree is as committed again, and its kept whole result is the PR's.
    repo.write({ 'src/server.js': FILES['src/server.js'] as string });
    provenUnchanged(repo);
    const after = await check(repo.dir);
    expect(JSON.parse(after).skipped).toEqual([{ path: 'public/logo.png', reason: 'binary file' }]);
    expect(after).toBe(none);
    expect(warnings).toEqual([]);
  });

  it("judges every rule's example claims the same from kept results as from the files", async () => {
    cacheDir = mkdtempSync(join(tmpdir(), 'readiness-cache-'));
    warnings.length = 0;
    // One checklist with every rule's example items, over every verdict example's files: each
    // claim is planned, kept, read back and judged; a claim that does not survive shows here.
    const items = RULES.flatMap((rule) => [
      ...rule.examples.match,
      ...(rule.examples.verdicts ?? []).map((example) => example.item),
    ]);
    const files = Object.assign(
      {},
      ...RULES.flatMap((rule) => (rule.examples.verdicts ?? []).map((e) => e.files)),
    );
    repo = new TempGitRepo().write({
      ...files,
      'src/touched.js': 'module.exports = 1;\n',
      'LAUNCH_CHECKLIST.md': `# Launch\n\n${items.map((text) => `- [x] ${text}`).join('\n')}\n`,
    });
    repo.commit('everything');
    const none = await check(repo.dir, { cache: false });
    await check(repo.dir);
    // A file touched, not changed: the tree is evaluated again, every other result from the cache.
    const later = new Date(Date.now() + 3600_000);
    utimesSync(join(repo.dir, 'src/touched.js'), later, later);
    expect(repo.git('diff-files', '--name-only')).toBe('src/touched.js');
    expect(await check(repo.dir)).toBe(none);
    expect(warnings).toEqual([]);
  });

  it('uses what it kept for a file git finds unchanged, and rescans a changed one', async () => {
    cacheDir = mkdtempSync(join(tmpdir(), 'readiness-cache-'));
    repo = committedRepo();
    const cold = JSON.parse(await check(repo.dir));
    const item = (report: { checklists: { items: { text: string; status: string }[] }[] }) =>
      report.checklists[0]?.items.find((i) => i.text.includes('QUEUE_URL'))?.status;
    expect(item(cold)).not.toBe('verified');
    // Edited in the work tree, never staged: its stat differs from the index, so it is read again.
    repo.write({ 'src/lib/m3.js': 'const q = process.env.QUEUE_URL;\n' });
    expect(item(JSON.parse(await check(repo.dir)))).toBe('verified');
    // Committed again and aged: git finds it as staged, and the kept result for that content holds.
    repo.write({ 'src/lib/m3.js': `exports.m = 3; /* ${'x'.repeat(30)} */\n` });
    repo.commit('back');
    const past = new Date(Date.now() - 7200_000);
    utimesSync(join(repo.dir, 'src/lib/m3.js'), past, past);
    repo.git('update-index', '--refresh');
    expect(item(JSON.parse(await check(repo.dir)))).not.toBe('verified');
    // (A same-size edit with the old mtime put back is git's own blind spot, caught only when
    // the inode's change time moved to another second; not asserted either way.)
  });

  it('ignores a corrupt, truncated or foreign cache file with one warning and writes a good one', async () => {
    cacheDir = mkdtempSync(join(tmpdir(), 'readiness-cache-'));
    repo = committedRepo();
    const expected = await check(repo.dir, { cache: false });
    await check(repo.dir);
    const [file] = blobCacheFiles() as [string];
    const good = readFileSync(file, 'utf8');
    // Without the kept whole result, each run needs the per-file results (and reads the file).
    const head = file.replace(/\.cache$/, '.head');
    const damaged = {
      truncated: good.slice(0, Math.floor(good.length / 2)),
      corrupt: `${good.slice(0, 40)}\u0000garbage`,
      foreign: '{"format":"something-else","version":7}\nend\n',
      malformed: good.replace('\nfiles\n', '\nfiles\nnot a line\n'),
    };
    for (const [how, text] of Object.entries(damaged)) {
      rmSync(head);
      writeFileSync(file, text);
      warnings.length = 0;
      expect(await check(repo.dir), how).toBe(expected);
      expect(warnings, how).toHaveLength(1);
      expect(warnings[0], how).toContain(file);
      expect(readFileSync(file, 'utf8'), how).toBe(good);
    }
  });

  it('still reports when the cache folder cannot be written, and says how to move it', async () => {
    const blocker = mkdtempSync(join(tmpdir(), 'readiness-cache-'));
    cacheDir = join(blocker, 'file');
    writeFileSync(cacheDir, 'not a folder');
    repo = committedRepo();
    warnings.length = 0;
    expect(await check(repo.dir)).toBe(await check(repo.dir, { cache: false }));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/--cache-dir DIR.*--no-cache/);
    rmSync(blocker, { recursive: true, force: true });
  });
});

describe("the base's item results kept between runs", () => {
  /** A PR whose checklist claims coverage: the base reads the untracked report from the work tree. */
  function prRepo(): { base: string; made: TempGitRepo } {
    const made = committedRepo();
    repo = made;
    made.write({
      'LAUNCH_CHECKLIST.md': `${CHECKLIST}- [x] Test coverage at least 80%\n`,
    });
    made.commit('coverage item');
    const base = made.git('rev-parse', 'HEAD');
    made.write({ 'src/queue.js': 'const q = process.env.QUEUE_URL;\n' });
    made.commit('head');
    return { base, made };
  }
  const summary = (covered: number) =>
    JSON.stringify({ total: { lines: { total: 100, covered, skipped: 0, pct: covered } } });
  const baseFiles = () => cacheFiles().filter((file) => file.endsWith('.base'));
  /** The kept result of one commit as a base (each commit has its own file). */
  const baseFileOf = (sha: string) => baseFiles().find((file) => file.endsWith(`.${sha}.base`));

  it('reuses the base result for the same base commit, config and build', async () => {
    cacheDir = mkdtempSync(join(tmpdir(), 'readiness-cache-'));
    warnings.length = 0;
    const { base, made } = prRepo();
    const expected = await check(made.dir, { cache: false, base });
    expect(await check(made.dir, { base })).toBe(expected);
    const kept = baseFileOf(base) as string;
    expect(kept).toBeDefined();
    // Edited by hand, the kept base result shows in the next report: it was used, not recomputed.
    const edited = readFileSync(kept, 'utf8').replace(/"status":"verified"/g, '"status":"unmet"');
    writeFileSync(kept, edited);
    expect(JSON.parse(await check(made.dir, { base })).diff.fixed.length).toBeGreaterThan(0);
    expect(warnings).toEqual([]);
  });

  it('computes the base again when a file it read outside its tree changed (a coverage report)', async () => {
    cacheDir = mkdtempSync(join(tmpdir(), 'readiness-cache-'));
    const { base, made } = prRepo();
    made.write({ 'coverage/coverage-summary.json': summary(90) });
    await check(made.dir, { base });
    expect(baseFileOf(base)).toBeDefined();
    made.write({ 'coverage/coverage-summary.json': summary(40) });
    const expected = await check(made.dir, { cache: false, base });
    expect(JSON.parse(expected).diff.regressed).toEqual([]);
    expect(await check(made.dir, { base })).toBe(expected);
  });

  it('takes the base result from an earlier full check of that commit, clean', async () => {
    cacheDir = mkdtempSync(join(tmpdir(), 'readiness-cache-'));
    warnings.length = 0;
    const made = committedRepo();
    repo = made;
    const base = made.git('rev-parse', 'HEAD');
    await check(made.dir);
    const kept = baseFileOf(base) as string;
    expect(kept).toBeDefined();
    made.write({ 'src/queue.js': 'const q = process.env.QUEUE_URL;\n' });
    made.commit('head');
    const expected = await check(made.dir, { cache: false, base });
    expect(await check(made.dir, { base })).toBe(expected);
    // Edited by hand, the kept result shows: the PR check used what the full check kept.
    writeFileSync(kept, readFileSync(kept, 'utf8').replace(/"status":"verified"/g, '"status":"unmet"'));
    expect(JSON.parse(await check(made.dir, { base })).diff.fixed.length).toBeGreaterThan(0);
    expect(warnings).toEqual([]);
  });

  it('ignores a damaged kept base result with one warning', async () => {
    cacheDir = mkdtempSync(join(tmpdir(), 'readiness-cache-'));
    warnings.length = 0;
    const { base, made } = prRepo();
    const expected = await check(made.dir, { cache: false, base });
    await check(made.dir, { base });
    const kept = baseFileOf(base) as string;
    writeFileSync(kept, readFileSync(kept, 'utf8').slice(0, 100));
    expect(await check(made.dir, { base })).toBe(expected);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(kept);
  });

  it('keeps a commit checked against its parent (a push) as the base of later pull requests', async () => {
    cacheDir = mkdtempSync(join(tmpdir(), 'readiness-cache-'));
    warnings.length = 0;
    const { base, made } = prRepo();
    const pushed = made.git('rev-parse', 'HEAD');
    provenUnchanged(made);
    await check(made.dir, { base });
    expect(baseFileOf(base)).toBeDefined();
    const kept = baseFileOf(pushed) as string;
    expect(kept).toBeDefined();
    made.write({ 'src/mailer.js': 'const host = process.env.SMTP_HOST;\n' });
    made.commit('next pull request');
    const expected = await check(made.dir, { cache: false, base: pushed });
    expect(await check(made.dir, { base: pushed })).toBe(expected);
    // Edited by hand, the kept result shows: the pull request used what the push check kept.
    writeFileSync(kept, readFileSync(kept, 'utf8').replace(/"status":"verified"/g, '"status":"unmet"'));
    expect(JSON.parse(await check(made.dir, { base: pushed })).diff.fixed.length).toBeGreaterThan(0);
    expect(warnings).toEqual([]);
  });

  it("keeps the 8 most recent commits' base results of a repository and leaves other repositories' alone", () => {
    cacheDir = mkdtempSync(join(tmpdir(), 'readiness-cache-'));
    const ours = new BlobCacheFile(cacheDir, '/work/ours', ['1'], () => undefined);
    const theirs = new BlobCacheFile(cacheDir, '/work/theirs', ['1'], () => undefined);
    const shas = Array.from({ length: 11 }, (_, i) => i.toString(16).repeat(40));
    for (const [i, sha] of shas.entries()) {
      writeFileSync(ours.baseFile(sha), 'kept');
      const written = new Date(Date.now() - (20 - i) * 60_000);
      utimesSync(ours.baseFile(sha), written, written);
    }
    writeFileSync(theirs.baseFile(shas[0] as string), 'kept');

    ours.pruneBaseFiles();

    expect(baseFiles().sort()).toEqual(
      [...shas.slice(3).map((sha) => ours.baseFile(sha)), theirs.baseFile(shas[0] as string)].sort(),
    );
  });
});

describe("a checklist's plans kept between runs", () => {
  it('are not made again for an unchanged checklist, and are for an edited one', async () => {
    cacheDir = mkdtempSync(join(tmpdir(), 'readiness-cache-'));
    warnings.length = 0;
    repo = committedRepo();
    await check(repo.dir);
    const match = vi.spyOn(httpRouteServed, 'match');
    try {
      // Another file changed: the work tree is evaluated again, from the kept per-file results.
      repo.write({ 'src/lib/m3.js': 'const q = process.env.QUEUE_URL;\n' });
      expect(await check(repo.dir)).toBe(await check(repo.dir, { cache: false }));
      const withoutCache = match.mock.calls.length;
      match.mockClear();
      repo.write({ 'src/lib/m4.js': 'const r = process.env.REDIS_URL;\n' });
      await check(repo.dir);
      expect(withoutCache).toBeGreaterThan(0);
      expect(match).not.toHaveBeenCalled();
      repo.write({ 'LAUNCH_CHECKLIST.md': `${CHECKLIST}- [x] Readiness endpoint at \`/ready\`\n` });
      const edited = JSON.parse(await check(repo.dir));
      expect(match).toHaveBeenCalled();
      expect(edited.checklists[0].items.at(-1).checks.map((c: { rule: string }) => c.rule)).toContain(
        httpRouteServed.id,
      );
    } finally {
      match.mockRestore();
    }
    expect(warnings).toEqual([]);
  });
});

describe('the head result kept between runs', () => {
  const headFiles = () => cacheFiles().filter((file) => file.endsWith('.head'));
  const summary = (covered: number) =>
    JSON.stringify({ total: { lines: { total: 100, covered, skipped: 0, pct: covered } } });

  it('reuses the result when every tracked file is as staged', async () => {
    cacheDir = mkdtempSync(join(tmpdir(), 'readiness-cache-'));
    warnings.length = 0;
    repo = committedRepo();
    const expected = await check(repo.dir, { cache: false });
    expect(await check(repo.dir)).toBe(expected);
    const [kept] = headFiles() as [string];
    expect(kept).toBeDefined();
    // Edited by hand, the kept result shows in the next report: it was used, not recomputed.
    writeFileSync(kept, readFileSync(kept, 'utf8').replace(/"status":"verified"/g, '"status":"unmet"'));
    expect(await check(repo.dir)).not.toBe(expected);
    // A tracked file edited in the work tree: evaluated again, whatever was kept.
    repo.write({ 'src/lib/m3.js': 'const q = process.env.QUEUE_URL;\n' });
    expect(await check(repo.dir)).toBe(await check(repo.dir, { cache: false }));
    expect(warnings).toEqual([]);
  });

  it("takes git's word for the files it finds unchanged, without a stat of each", async () => {
    cacheDir = mkdtempSync(join(tmpdir(), 'readiness-cache-'));
    repo = committedRepo();
    // The index dated as the files are: their stat alone proves nothing (a change in that
    // second could hide), so git compares their contents and finds them unchanged.
    const filesTime = statSync(join(repo.dir, 'src/server.js')).mtime;
    utimesSync(join(repo.dir, '.git', 'index'), filesTime, filesTime);
    expect(repo.git('diff-files', '--name-only')).toBe('');
    const expected = await check(repo.dir, { cache: false });
    expect(await check(repo.dir)).toBe(expected);
    expect(headFiles()).toHaveLength(1);
  });

  it('evaluates again when an untracked file it read changed (a coverage report)', async () => {
    cacheDir = mkdtempSync(join(tmpdir(), 'readiness-cache-'));
    repo = committedRepo();
    repo.write({
      'LAUNCH_CHECKLIST.md': `${CHECKLIST}- [x] Test coverage at least 80%\n`,
    });
    repo.commit('coverage item');
    repo.write({ 'coverage/coverage-summary.json': summary(90) });
    const before = await check(repo.dir);
    expect(headFiles()).toHaveLength(1);
    repo.write({ 'coverage/coverage-summary.json': summary(40) });
    const expected = await check(repo.dir, { cache: false });
    expect(expected).not.toBe(before);
    expect(await check(repo.dir)).toBe(expected);
  });
});

describe('the eval corpus', () => {
  it('reports byte-identically without a cache, cold and warm', async () => {
    cacheDir = mkdtempSync(join(tmpdir(), 'readiness-cache-'));
    warnings.length = 0;
    const corpus = join('test', 'eval', 'corpus');
    for (const name of readdirSync(corpus)) {
      const dir = join(corpus, name);
      const none = await check(dir, { cache: false });
      expect(await check(dir), `${name} cold`).toBe(none);
      expect(await check(dir), `${name} warm`).toBe(none);
    }
    expect(warnings).toEqual([]);
  });
});
