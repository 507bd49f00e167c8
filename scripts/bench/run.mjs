#!/usr/bin/env node
// `npm run bench [-- REPO...] [--runs N] [--sizes 1000,10000,50000] [--secretlint] [--cli dist/cli.js]`
// Times the built CLI against what the machine can do on the same files, in the same run:
// `LC_ALL=C git grep -E -I` with credential patterns (the floor for reading and matching
// every tracked file), ripgrep when installed, and optionally secretlint (the npm peer).
// The CLI is timed cold (--no-cache), warm (results kept in .bench/cache from the run before: an
// unchanged work tree reuses the whole result), warm with 20 source files edited in the work tree
// before each sample (the per-file cache serves the rest), and as a PR check (--base HEAD~1) the
// same three ways; the cold and warm reports must be byte-identical. Prints one table and writes it as JSON (.bench/latest.json) for comparing commits.

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generateRepo } from './generate.mjs';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    runs: { type: 'string', default: '5' },
    sizes: { type: 'string', default: '1000,10000,50000' },
    secretlint: { type: 'boolean', default: false },
    'secretlint-timeout': { type: 'string', default: '120' },
    cli: { type: 'string', default: 'dist/cli.js' },
  },
});
const RUNS = Number(values.runs);
const ROOT = resolve('.bench');
const CLI = resolve(values.cli);
const ACTION = resolve('dist/index.js');
mkdirSync(ROOT, { recursive: true });
if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build first (or pass --cli PATH)`);

// The patterns of ../shared/BENCHMARKS.md: AWS key ids, GitHub tokens, private-key headers,
// Slack tokens, a generic api_key assignment.
const PATTERNS = [
  'A[KS]IA[0-9A-Z]{16}',
  'gh[pousr]_[A-Za-z0-9]{36}',
  '-----BEGIN [A-Z ]*PRIVATE KEY-----',
  'xox[abposr]-[0-9A-Za-z-]{10,}',
  '[Aa][Pp][Ii]_?[Kk][Ee][Yy][[:space:]]*[:=][[:space:]]*["\'][A-Za-z0-9]{16,}',
];
const patternFile = join(ROOT, 'patterns.txt');
writeFileSync(patternFile, `${PATTERNS.join('\n')}\n`);

const hasTime = existsSync('/usr/bin/time');
const hasRg = spawnSync('rg', ['--version']).status === 0;

/** Runs a command once; returns wall seconds, peak RSS in MB (when measurable) and exit status. */
function once(command, args, options = {}) {
  const rssFile = join(ROOT, 'rss.txt');
  const [cmd, argv] = hasTime
    ? ['/usr/bin/time', ['-f', '%M', '-o', rssFile, command, ...args]]
    : [command, args];
  const start = process.hrtime.bigint();
  const run = spawnSync(cmd, argv, { stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 512 << 20, ...options });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  let rss = null;
  if (hasTime && existsSync(rssFile)) {
    const kb = Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop());
    rss = Number.isFinite(kb) ? kb / 1024 : null;
    rmSync(rssFile);
  }
  return {
    seconds,
    rss,
    status: run.status,
    stdout: run.stdout?.toString() ?? '',
    timedOut: run.error?.code === 'ETIMEDOUT',
  };
}

/** @param before run before each sample, with its number (0 for the unmeasured first run). */
function measure(label, command, args, options = {}, before = () => {}) {
  before(0);
  once(command, args, options); // warm the page cache and git's own caches
  const samples = Array.from({ length: RUNS }, (_, index) => {
    before(index + 1);
    return once(command, args, options);
  });
  const times = samples.map((s) => s.seconds).sort((a, b) => a - b);
  const rss = samples.map((s) => s.rss).filter((r) => r !== null);
  return {
    label,
    median: times[Math.floor(times.length / 2)],
    min: times[0],
    max: times.at(-1),
    rssMb: rss.length ? Math.max(...rss) : null,
    status: samples[0].status,
    stdout: samples[0].stdout,
  };
}

function trackedFiles(dir) {
  return Number(
    execFileSync('git', ['-C', dir, 'ls-files'], { maxBuffer: 256 << 20 })
      .toString()
      .split('\n')
      .filter(Boolean).length,
  );
}

/** Files the secrets rules flagged in a JSON report, sorted; null when the output is not a report. */
function secretFiles(jsonOutput) {
  try {
    const report = JSON.parse(jsonOutput);
    const checks = report.checklists
      .flatMap((c) => c.items.flatMap((i) => i.checks))
      .filter((c) => c.rule.startsWith('secrets.'));
    return [...new Set(checks.flatMap((c) => c.evidence.map((e) => e.path)))].sort();
  } catch {
    return null;
  }
}

function secretlintRun(dir) {
  const tools = join(ROOT, 'tools');
  const bin = join(tools, 'node_modules', '.bin', 'secretlint');
  if (!existsSync(bin)) {
    console.error('installing secretlint into .bench/tools (once)…');
    execFileSync(
      'npm',
      [
        'install',
        '--prefix',
        tools,
        '--no-audit',
        '--no-fund',
        'secretlint',
        '@secretlint/secretlint-rule-preset-recommend',
      ],
      { stdio: 'inherit' },
    );
    writeFileSync(
      join(tools, '.secretlintrc.json'),
      JSON.stringify({ rules: [{ id: '@secretlint/secretlint-rule-preset-recommend' }] }),
    );
  }
  const version = JSON.parse(
    readFileSync(join(tools, 'node_modules', 'secretlint', 'package.json'), 'utf8'),
  ).version;
  const timeout = Number(values['secretlint-timeout']) * 1000;
  // To a file: secretlint exits before a large report written to a pipe is flushed.
  const report = join(ROOT, 'secretlint-report.json');
  rmSync(report, { force: true });
  const start = process.hrtime.bigint();
  const run = spawnSync(
    bin,
    ['--secretlintrc', join(tools, '.secretlintrc.json'), '--format', 'json', '--output', report, '**/*'],
    { cwd: dir, timeout, stdio: 'ignore' },
  );
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  let findings = null;
  try {
    findings = JSON.parse(readFileSync(report, 'utf8'))
      .filter((f) => f.messages.length)
      .map((f) => relative(dir, f.filePath))
      .sort();
  } catch {}
  return {
    version,
    seconds,
    timedOut: run.error?.code === 'ETIMEDOUT',
    timeoutSeconds: timeout / 1000,
    /** Files secretlint reported (null when it did not finish). */
    filesWithFindings: findings,
  };
}

const repos = positionals.length
  ? positionals.map((p) => resolve(p))
  : values.sizes.split(',').map((n) => {
      console.error(`generating synthetic repository with ${n} files (cached in .bench/)…`);
      return generateRepo(ROOT, Number(n));
    });

const startup = {
  nodeBare: measure('node -e 0', process.execPath, ['-e', '0']),
  cliVersion: measure('readiness --version', process.execPath, [CLI, '--version']),
  actionLoad: existsSync(ACTION)
    ? measure(
        'load dist/index.js',
        process.execPath,
        ['-e', `import(${JSON.stringify(ACTION)}).catch(()=>{})`],
        { env: { PATH: process.env.PATH, READINESS_BENCH_LOAD_ONLY: '1' } },
      )
    : null,
};

const CACHE = join(ROOT, 'cache');

/**
 * Edits 20 tracked source files in the work tree, differently for each sample, so a warm run
 * finds every other file in the cache but these 20 (a new commit on top of a checked one).
 * Returns the function that puts them back.
 */
function editor(dir) {
  const sources = execFileSync('git', ['-C', dir, 'ls-files', '-z', '--', '*.js', '*.ts', '*.py', '*.go'], {
    maxBuffer: 256 << 20,
  })
    .toString()
    .split('\0')
    .filter(Boolean)
    .slice(0, 20);
  const originals = sources.map((path) => readFileSync(join(dir, path)));
  return {
    count: sources.length,
    edit(sample) {
      for (const [index, path] of sources.entries())
        writeFileSync(
          join(dir, path),
          Buffer.concat([originals[index], Buffer.from(`\n// edit ${sample}\n`)]),
        );
    },
    restore() {
      for (const [index, path] of sources.entries()) writeFileSync(join(dir, path), originals[index]);
      // Restored bytes with new mtimes: let git's index see them as unchanged again.
      spawnSync('git', ['-C', dir, 'update-index', '-q', '--refresh']);
    },
  };
}

const results = [];
for (const dir of repos) {
  const files = trackedFiles(dir);
  const hasParent = spawnSync('git', ['-C', dir, 'rev-parse', '--verify', 'HEAD~1']).status === 0;
  const row = { repo: dir, files };
  const check = (...args) => [CLI, 'check', dir, '--format', 'json', ...args];
  rmSync(CACHE, { recursive: true, force: true });
  row.full = measure(
    'full check, cold (--no-cache)',
    process.execPath,
    check('--gate', 'release', '--no-cache'),
  );
  // measure() runs once unmeasured first: that run fills the cache the measured runs use.
  row.warm = measure(
    'full check, warm cache',
    process.execPath,
    check('--gate', 'release', '--cache-dir', CACHE),
  );
  const edits = editor(dir);
  if (edits.count > 0) {
    // Not compared with the cold report: the edited files make another repository state.
    row.edited = measure(
      `full check, warm cache, ${edits.count} files edited`,
      process.execPath,
      check('--gate', 'release', '--cache-dir', CACHE),
      {},
      (sample) => edits.edit(sample),
    );
    if (hasParent)
      row.editedPr = measure(
        `PR check, warm cache, ${edits.count} files edited`,
        process.execPath,
        check('--base', 'HEAD~1', '--cache-dir', CACHE),
        {},
        (sample) => edits.edit(sample + 100),
      );
    edits.restore();
  }
  row.secretFiles = secretFiles(row.full.stdout);
  row.identical = row.full.stdout === row.warm.stdout;
  if (hasParent) {
    row.pr = measure('PR check, no cache', process.execPath, check('--base', 'HEAD~1', '--no-cache'));
    row.prWarm = measure(
      'PR check, warm cache',
      process.execPath,
      check('--base', 'HEAD~1', '--cache-dir', CACHE),
    );
    row.identical &&= row.pr.stdout === row.prWarm.stdout;
  }
  row.gitGrep = measure(
    'LC_ALL=C git grep -E -I',
    'git',
    ['-C', dir, 'grep', '-E', '-I', '-c', '-f', patternFile],
    { env: { ...process.env, LC_ALL: 'C' } },
  );
  if (hasRg) row.ripgrep = measure('ripgrep', 'rg', ['-c', '-f', patternFile, '.'], { cwd: dir });
  if (values.secretlint) row.secretlint = secretlintRun(dir);
  for (const key of ['full', 'warm', 'edited', 'pr', 'prWarm', 'editedPr', 'gitGrep', 'ripgrep'])
    if (row[key]) delete row[key].stdout;
  results.push(row);
}

/** How secretlint's findings compare with ours, by file: what it found that readiness did not. */
function secretlintVersusUs(row) {
  const theirs = row.secretlint.filesWithFindings;
  if (!theirs) return 'findings unreadable';
  const missed = theirs.filter((path) => !row.secretFiles?.includes(path));
  return `${theirs.length} files flagged, readiness ${row.secretFiles?.length ?? '?'}; missed by readiness: ${missed.length ? missed.join(', ') : 'none'}`;
}

const fmt = (s) => (s == null ? '—' : `${s.toFixed(3)} s`);
const mb = (m) => (m == null ? '—' : `${m.toFixed(0)} MB`);
const lines = [];
lines.push(`Readiness benchmark · node ${process.version} · ${RUNS} runs, medians (min–max)`);
lines.push('');
lines.push(
  `start-up: node -e 0 ${fmt(startup.nodeBare.median)} · readiness --version ${fmt(startup.cliVersion.median)} (+${((startup.cliVersion.median - startup.nodeBare.median) * 1000).toFixed(0)} ms)` +
    (startup.actionLoad
      ? ` · load dist/index.js ${fmt(startup.actionLoad.median)} (+${((startup.actionLoad.median - startup.nodeBare.median) * 1000).toFixed(0)} ms)`
      : ''),
);
lines.push('');
const times = (m, floor) => (m ? `${fmt(m.median)} (${(m.median / floor).toFixed(2)}×)` : '—');
lines.push(
  '| repo | files | git grep floor | cold full | warm full | warm full, 20 edited | PR, no cache | PR, warm | PR warm, 20 edited | peak RSS | reports identical | ripgrep | secretlint |',
);
lines.push('|---|---|---|---|---|---|---|---|---|---|---|---|---|');
for (const r of results) {
  const floor = r.gitGrep.median;
  const rss = Math.max(
    ...['full', 'warm', 'edited', 'pr', 'prWarm', 'editedPr'].map((key) => r[key]?.rssMb ?? 0),
  );
  const secretlint = r.secretlint
    ? r.secretlint.timedOut
      ? `> ${r.secretlint.timeoutSeconds} s (v${r.secretlint.version})`
      : `${fmt(r.secretlint.seconds)} (v${r.secretlint.version}; ${secretlintVersusUs(r)})`
    : 'not run';
  lines.push(
    `| ${r.repo.replace(ROOT, '.bench')} | ${r.files} | ${fmt(floor)} | ${times(r.full, floor)} | ${times(r.warm, floor)} | ${times(r.edited, floor)} | ${times(r.pr, floor)} | ${times(r.prWarm, floor)} | ${times(r.editedPr, floor)} | ${mb(rss || null)} | ${r.identical ? 'yes' : '**NO**'} | ${r.ripgrep ? fmt(r.ripgrep.median) : '—'} | ${secretlint} |`,
  );
}
lines.push('', 'Ratios are medians against the git grep floor measured in the same run.');
console.log(lines.join('\n'));
const out = { date: new Date().toISOString(), node: process.version, runs: RUNS, startup, results };
writeFileSync(join(ROOT, 'latest.json'), `${JSON.stringify(out, null, 2)}\n`);
console.log('\nwrote .bench/latest.json');
if (results.some((r) => !r.identical)) {
  console.error('the warm (cached) report differs from the cold one: that is a bug, please report it');
  process.exitCode = 1;
}
