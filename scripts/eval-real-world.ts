// `npm run eval:real-world`: agreement with a careful reading on checklists in public
// repositories nobody here wrote (test/eval/real-world/README.md). Not part of CI: it needs the
// repositories' snapshots, fetched beforehand (see the README's "Real-world corpus" section).
//
// For each labelled repository: export the pinned tree from its mirror (every tracked blob,
// also those .gitignore would hide; blobs the mirror lacks are skipped and counted), commit it
// into a scratch git repository (so the CLI sees tracked files as a user's checkout would), run
// the CLI with --format json on the labelled checklists, and compare statuses with the labels.
//
//   npm run eval:real-world                     figures per repository and per split
//   npm run eval:real-world -- --misses         also every disagreement on tuning repositories
//   npm run eval:real-world -- --repo costar    only repositories whose name contains "costar"
//   npm run eval:real-world -- --json FILE      also write the figures as JSON
//
// Held-out repositories are scored but their disagreements are never printed unless
// --show-holdout is given: look at them only to report, never while changing rules.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const DECIDABLE = new Set(['verified', 'unbacked', 'unmet', 'satisfied']);
const CAUTIOUS = new Set(['manual', 'inconclusive']);
const ALARM = new Set(['unbacked', 'unmet']);
const PROOF = new Set(['verified', 'satisfied']);

interface LabelFile {
  repo: string;
  commit: string;
  split: 'tuning' | 'holdout';
  checklists: { path: string; items: Label[] }[];
}
interface Label {
  line: number;
  checked: boolean;
  label: string;
  family: string;
  reason: string;
}
interface ReportItem {
  line: number;
  text: string;
  checked: boolean;
  status: string;
  checks: { rule: string; verdict: string; message: string }[];
}
interface Report {
  checklists: { path: string; items: ReportItem[] }[];
}

export interface Figures {
  items: number;
  /** Labelled items the tool reported no item for (a parsing loss, or a label on the wrong line). */
  unmatched: number;
  toolManual: number;
  decidable: number;
  agree: number;
  cautious: number;
  wrong: number;
  falseAlarms: number;
  misses: number;
  /** Labels that are not decidable, on which the tool decided anyway. */
  overreach: number;
  /** Of those, unbacked/unmet where no reading can contradict the claim. */
  overreachAlarms: number;
}

interface Disagreement {
  repo: string;
  path: string;
  line: number;
  label: string;
  got: string;
  reason: string;
  text: string;
  checks: string;
}

const { values } = parseArgs({
  options: {
    misses: { type: 'boolean', default: false },
    'by-rule': { type: 'boolean', default: false },
    'show-holdout': { type: 'boolean', default: false },
    repo: { type: 'string' },
    json: { type: 'string' },
    mirrors: { type: 'string', default: process.env.READINESS_MIRRORS ?? '/work/.mirror' },
    exports: { type: 'string', default: join(tmpdir(), 'readiness-real-world') },
  },
});

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
const labelsDir = join(root, 'test/eval/real-world/labels');

function emptyFigures(): Figures {
  return {
    items: 0,
    unmatched: 0,
    toolManual: 0,
    decidable: 0,
    agree: 0,
    cautious: 0,
    wrong: 0,
    falseAlarms: 0,
    misses: 0,
    overreach: 0,
    overreachAlarms: 0,
  };
}

function add(into: Figures, from: Figures): void {
  for (const key of Object.keys(into) as (keyof Figures)[]) into[key] += from[key];
}

function run(command: string, args: string[], options: { cwd?: string; input?: Buffer } = {}) {
  const result = spawnSync(command, args, {
    cwd: options.cwd,
    input: options.input,
    maxBuffer: 1 << 30,
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', NO_COLOR: '1' },
  });
  return result;
}

function mirrorOf(repo: string): string | undefined {
  const folder = join(values.mirrors, repo.replace('/', '+'));
  for (const candidate of [join(folder, 'repo'), folder]) {
    if (existsSync(join(candidate, 'HEAD'))) return candidate;
  }
  return undefined;
}

/** The pinned tree as a one-commit git repository; reused between runs. */
function exportTree(mirror: string, labels: LabelFile): { dir: string; missing: number } {
  const dir = join(values.exports, `${labels.repo.replace('/', '+')}@${labels.commit.slice(0, 12)}`);
  const done = join(dir, '.git', 'readiness-export-done');
  if (existsSync(done)) return { dir, missing: Number(readFileSync(done, 'utf8')) };
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const tree = run('git', ['-C', mirror, 'ls-tree', '-r', '-z', labels.commit]);
  if (tree.status !== 0) throw new Error(`${labels.repo}: commit ${labels.commit} not in ${mirror}`);
  const blobs: { mode: string; id: string; path: string }[] = [];
  for (const entry of tree.stdout.toString('utf8').split('\0')) {
    if (!entry) continue;
    const tab = entry.indexOf('\t');
    const [mode, type, id] = entry.slice(0, tab).split(' ');
    if (type !== 'blob' || !mode || !id) continue; // submodules have no content here
    blobs.push({ mode, id, path: entry.slice(tab + 1) });
  }
  const batch = run('git', ['-C', mirror, 'cat-file', '--batch'], {
    input: Buffer.from(blobs.map((blob) => `${blob.id}\n`).join('')),
  }).stdout;
  let offset = 0;
  let missing = 0;
  for (const blob of blobs) {
    const headerEnd = batch.indexOf(10, offset);
    const header = batch.subarray(offset, headerEnd).toString();
    offset = headerEnd + 1;
    if (header.endsWith(' missing')) {
      missing++;
      continue;
    }
    const size = Number(header.split(' ')[2]);
    const content = batch.subarray(offset, offset + size);
    offset += size + 1;
    // Symlinks are written as the plain file git would check out on a system without them:
    // the scratch repository must never point outside itself.
    const target = join(dir, blob.path);
    if (!target.startsWith(dir + '/') || blob.path.split('/').includes('.git')) continue;
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content, { mode: blob.mode === '100755' ? 0o755 : 0o644 });
  }
  const git = (...args: string[]) => {
    const result = run('git', ['-C', dir, '-c', 'user.name=eval', '-c', 'user.email=eval@localhost', ...args]);
    if (result.status !== 0) throw new Error(`git ${args[0]} in ${dir}: ${result.stderr}`);
  };
  git('init', '-q');
  git('add', '-A', '-f');
  git('commit', '-q', '--no-verify', '-m', `export of ${labels.repo}@${labels.commit}`);
  writeFileSync(done, String(missing));
  return { dir, missing };
}

function runTool(dir: string, paths: string[]): Report {
  const cli = join(root, 'src/cli/main.ts');
  const args = ['--import', 'tsx', cli, 'check', dir, '--format', 'json', '--gate', 'pr'];
  for (const path of paths) args.push('--checklist', path);
  const result = run(process.execPath, args, { cwd: root });
  if (result.status !== 0 && result.status !== 1)
    throw new Error(`readiness exited ${result.status}: ${result.stderr.toString()}`);
  return JSON.parse(result.stdout.toString()) as Report;
}

/** rule → "verdict label" → count, over tuning repositories: which rules earn their verdicts. */
const byRule = new Map<string, Map<string, number>>();

function countRules(item: ReportItem | undefined, label: string): void {
  for (const check of item?.checks ?? []) {
    const counts = byRule.get(check.rule) ?? new Map<string, number>();
    const key = `${check.verdict}→${DECIDABLE.has(label) ? label : 'undecidable'}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    byRule.set(check.rule, counts);
  }
}

function score(labels: LabelFile, report: Report, disagreements: Disagreement[]): Figures {
  const figures = emptyFigures();
  for (const checklist of labels.checklists) {
    const reported = report.checklists.find((candidate) => candidate.path === checklist.path);
    const byLine = new Map((reported?.items ?? []).map((item) => [item.line, item]));
    for (const label of checklist.items) {
      figures.items++;
      const item = byLine.get(label.line);
      const got = item?.status ?? 'missing';
      if (!item) figures.unmatched++;
      if (labels.split === 'tuning') countRules(item, label.label);
      if (got === 'manual') figures.toolManual++;
      if (DECIDABLE.has(label.label)) {
        figures.decidable++;
        if (got === label.label) figures.agree++;
        else if (CAUTIOUS.has(got) || got === 'missing') figures.cautious++;
        else figures.wrong++;
        if (ALARM.has(got) && PROOF.has(label.label)) figures.falseAlarms++;
        if (PROOF.has(got) && ALARM.has(label.label)) figures.misses++;
      } else if (!CAUTIOUS.has(got) && got !== 'missing') {
        figures.overreach++;
        if (ALARM.has(got)) figures.overreachAlarms++;
      }
      const agrees = got === label.label || (!DECIDABLE.has(label.label) && CAUTIOUS.has(got));
      if (!agrees) {
        disagreements.push({
          repo: labels.repo,
          path: checklist.path,
          line: label.line,
          label: label.label,
          got,
          reason: label.reason,
          text: item?.text ?? '',
          checks: (item?.checks ?? []).map((check) => `${check.rule}=${check.verdict}: ${check.message}`).join(' | '),
        });
      }
    }
  }
  return figures;
}

const pct = (part: number, whole: number) => (whole ? `${((100 * part) / whole).toFixed(1)}%` : '—');

function row(name: string, f: Figures): string {
  return [
    name.padEnd(44),
    String(f.items).padStart(5),
    pct(f.toolManual, f.items).padStart(7),
    String(f.decidable).padStart(5),
    pct(f.agree, f.decidable).padStart(7),
    pct(f.cautious, f.decidable).padStart(7),
    String(f.wrong).padStart(5),
    String(f.falseAlarms).padStart(5),
    String(f.misses).padStart(5),
    String(f.overreach).padStart(5),
    String(f.unmatched).padStart(5),
  ].join(' ');
}

const HEADER = [
  'repository'.padEnd(44),
  'items',
  ' manual',
  ' decid',
  '  agree',
  ' cautio',
  'wrong',
  'false',
  ' miss',
  ' over',
  'unmat',
].join(' ');

const files = readdirSync(labelsDir)
  .filter((name) => name.endsWith('.json'))
  .map((name) => JSON.parse(readFileSync(join(labelsDir, name), 'utf8')) as LabelFile)
  .filter((labels) => !values.repo || labels.repo.toLowerCase().includes(values.repo.toLowerCase()));

const totals = { tuning: emptyFigures(), holdout: emptyFigures() };
const perRepo: Record<string, Figures & { split: string; missingBlobs: number }> = {};
const disagreements: Disagreement[] = [];
const absent: string[] = [];
console.log(HEADER);
for (const split of ['tuning', 'holdout'] as const) {
  for (const labels of files.filter((candidate) => candidate.split === split)) {
    const mirror = mirrorOf(labels.repo);
    if (!mirror) {
      absent.push(labels.repo);
      continue;
    }
    const { dir, missing } = exportTree(mirror, labels);
    const report = runTool(
      dir,
      labels.checklists.map((checklist) => checklist.path),
    );
    const found: Disagreement[] = [];
    const figures = score(labels, report, found);
    if (split === 'tuning' || values['show-holdout']) disagreements.push(...found);
    add(totals[split], figures);
    perRepo[labels.repo] = { ...figures, split, missingBlobs: missing };
    console.log(row(`${split === 'holdout' ? '(h) ' : ''}${labels.repo}`, figures));
  }
}
console.log('-'.repeat(HEADER.length));
console.log(row('TUNING', totals.tuning));
console.log(row('HOLDOUT', totals.holdout));
console.log(`
columns: items labelled · manual = share the tool left manual · decid = labels a reading decides ·
agree/cautio = share of decid the tool got right / left manual or inconclusive · wrong = decided
otherwise · false = unbacked/unmet where the thing is there · miss = verified/satisfied where it is
not · over = tool decided an item no reading can · unmat = labelled lines the tool reported no item for`);
if (absent.length) {
  console.log(`\nNot scored, no snapshot under ${values.mirrors}: ${absent.join(', ')}`);
  console.log('Fetch each (github:owner/name) first; see the README.');
}
if (values.misses) {
  console.log('\nDisagreements (tuning repositories only unless --show-holdout):');
  for (const d of disagreements) {
    console.log(`\n${d.repo} ${d.path}:${d.line}  label ${d.label}, got ${d.got}`);
    console.log(`  item:   ${d.text.slice(0, 160)}`);
    console.log(`  label:  ${d.reason}`);
    if (d.checks) console.log(`  checks: ${d.checks.slice(0, 400)}`);
  }
}
if (values['by-rule']) {
  console.log('\nChecks by rule on tuning repositories (verdict→label: count):');
  for (const [rule, counts] of [...byRule].sort(([a], [b]) => a.localeCompare(b))) {
    const cells = [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([key, n]) => `${key} ${n}`);
    console.log(`  ${rule.padEnd(40)} ${cells.join(' · ')}`);
  }
}
if (values.json) writeFileSync(values.json, `${JSON.stringify({ totals, perRepo }, null, 2)}\n`);
