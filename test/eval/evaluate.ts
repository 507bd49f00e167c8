// Scores the engine against the labelled corpus (see scripts/eval.ts).

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { DEFAULT_CONFIG } from '../../src/core/config.js';
import { evaluateRevision } from '../../src/core/engine.js';
import { STATUSES, type Status } from '../../src/core/types.js';
import { MemoryRepo } from '../support/memory-repo.js';

const EXPECT = /<!--\s*expect:\s*([a-z]+)\s*-->/;

export interface Miss {
  repo: string;
  line: number;
  text: string;
  expected: Status;
  got: Status;
  checks: string;
}

export interface FamilyFigures {
  items: number;
  falseUnbacked: number;
}

export interface EvalResult {
  items: number;
  statusCorrect: number;
  match: { tp: number; fp: number; fn: number };
  unbacked: { reported: number; correct: number };
  families: Map<string, FamilyFigures>;
  confusion: Map<string, number>;
  misses: Miss[];
}

/** Every file under `dir`, by path relative to it (forward slashes). */
export function readTree(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (current: string) => {
    for (const name of readdirSync(current)) {
      const path = join(current, name);
      if (statSync(path).isDirectory()) walk(path);
      else files[relative(dir, path).split(sep).join('/')] = readFileSync(path, 'utf8');
    }
  };
  walk(dir);
  return files;
}

/** Rule family from a rule id: `docker.non-root` → containers-ish prefix `docker`. */
function familyOf(rule: string): string {
  return rule.split('.')[0] ?? rule;
}

export async function evaluateCorpus(repos: readonly string[]): Promise<EvalResult> {
  const result: EvalResult = {
    items: 0,
    statusCorrect: 0,
    match: { tp: 0, fp: 0, fn: 0 },
    unbacked: { reported: 0, correct: 0 },
    families: new Map(),
    confusion: new Map(),
    misses: [],
  };
  for (const repo of repos) {
    const files = readTree(repo);
    const revision = await evaluateRevision(new MemoryRepo(files, repo), { config: DEFAULT_CONFIG });
    for (const checklist of revision.checklists) {
      const lines = (files[checklist.path] ?? '').split(/\r?\n/);
      for (const item of checklist.items) {
        const label = EXPECT.exec(lines[item.line - 1] ?? '')?.[1] as Status | undefined;
        if (!label) continue;
        if (!STATUSES.includes(label))
          throw new Error(`${repo}/${checklist.path}:${item.line}: unknown label ${label}`);
        result.items++;
        const got = item.status;
        if (got === label) result.statusCorrect++;
        else {
          result.misses.push({
            repo,
            line: item.line,
            text: item.text,
            expected: label,
            got,
            checks: item.checks.map((c) => `${c.rule}:${c.verdict} ${c.message}`).join(' | '),
          });
        }
        const key = `${label}→${got}`;
        result.confusion.set(key, (result.confusion.get(key) ?? 0) + 1);
        const expectedCheckable = label !== 'manual';
        const gotCheckable = got !== 'manual';
        if (expectedCheckable && gotCheckable) result.match.tp++;
        else if (gotCheckable) result.match.fp++;
        else if (expectedCheckable) result.match.fn++;
        if (got === 'unbacked') {
          result.unbacked.reported++;
          if (label === 'unbacked') result.unbacked.correct++;
        }
        for (const family of new Set(item.checks.map((c) => familyOf(c.rule)))) {
          const figures = result.families.get(family) ?? { items: 0, falseUnbacked: 0 };
          figures.items++;
          const failedHere = item.checks.some((c) => familyOf(c.rule) === family && c.verdict === 'fail');
          if (got === 'unbacked' && label !== 'unbacked' && failedHere) figures.falseUnbacked++;
          result.families.set(family, figures);
        }
      }
    }
  }
  return result;
}

const pct = (n: number, d: number) => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)}%`);

export function formatEval(r: EvalResult): string {
  const { tp, fp, fn } = r.match;
  const lines = [
    `labelled items: ${r.items}`,
    `status accuracy: ${pct(r.statusCorrect, r.items)} (${r.statusCorrect}/${r.items})`,
    `match precision: ${pct(tp, tp + fp)} · recall: ${pct(tp, tp + fn)} (checkable vs manual)`,
    `unbacked precision: ${pct(r.unbacked.correct, r.unbacked.reported)} (${r.unbacked.correct}/${r.unbacked.reported})`,
    '',
    'per rule family: items checked · false unbacked',
    ...[...r.families]
      .sort()
      .map(
        ([family, f]) =>
          `  ${family.padEnd(12)} ${String(f.items).padStart(4)} · ${f.falseUnbacked} (${pct(f.falseUnbacked, f.items)})`,
      ),
    '',
    'confusion (expected→got):',
    ...[...r.confusion]
      .filter(([k]) => k.split('→')[0] !== k.split('→')[1])
      .sort((a, b) => b[1] - a[1])
      .map(([k, n]) => `  ${k}: ${n}`),
    '',
    'misses:',
    ...r.misses.map(
      (m) => `  ${m.repo}:${m.line} expected ${m.expected}, got ${m.got}: ${m.text}\n      ${m.checks}`,
    ),
  ];
  return lines.join('\n');
}
