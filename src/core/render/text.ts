// Terminal output for the CLI: most urgent items first, each with its checks and where the
// evidence is, then the counts, the honest score and the gate. Colour only when asked.

import type { Check, DiffEntry, Report, Status } from '../types.js';
import {
  countsLine,
  declaredLine,
  gateLine,
  itemsWithStatus,
  location,
  plural,
  provenLine,
  STATUS_LABEL,
  STATUS_ORDER,
  VERDICT_MARK,
} from './format.js';
import { plainInline } from './sanitize.js';

export interface TextOptions {
  color: boolean;
}

type Style = 'bold' | 'dim' | 'red' | 'green' | 'yellow' | 'blue' | 'magenta';
const SGR: Record<Style, number> = { bold: 1, dim: 2, red: 31, green: 32, yellow: 33, blue: 34, magenta: 35 };

const STATUS_STYLE: Record<Status, Style> = {
  unbacked: 'red',
  unmet: 'yellow',
  inconclusive: 'magenta',
  satisfied: 'blue',
  verified: 'green',
  manual: 'dim',
};

const VERDICT_STYLE: Record<Check['verdict'], Style> = { pass: 'green', fail: 'red', unknown: 'yellow' };

/** How many evidence locations a check line lists before "+N more". */
const EVIDENCE_SHOWN = 3;

export function renderText(report: Report, options: TextOptions): string {
  const paint = (style: Style, text: string): string =>
    options.color ? `\u001b[${SGR[style]}m${text}\u001b[0m` : text;
  const lines: string[] = [];

  if (report.diff) {
    const { base, entries } = report.diff;
    lines.push(paint('bold', `Changes against ${plainInline(base, 40)}`));
    const regressedKeys = new Set(entries.regressed.map((change) => `${change.path}\u0000${change.id}`));
    const changes: [string, DiffEntry[]][] = [
      ['regressed', entries.regressed],
      ['added', entries.added.filter((change) => !regressedKeys.has(`${change.path}\u0000${change.id}`))],
      ['fixed', entries.fixed],
      ['removed', entries.removed],
    ];
    for (const [kind, list] of changes) {
      for (const change of list) {
        const transition = `${change.before ?? 'new'} → ${change.after ?? 'removed'}`;
        lines.push(
          `  ${kind.padEnd(9)}  ${location(plainInline(change.path), change.line)}  ${plainInline(change.text)}  (${transition})`,
        );
      }
    }
    if (changes.every(([, list]) => list.length === 0)) lines.push('  no changes');
    lines.push('');
  }

  for (const status of STATUS_ORDER) {
    const located = itemsWithStatus(report, status);
    if (!located.length) continue;
    lines.push(
      paint(STATUS_STYLE[status], paint('bold', `${STATUS_LABEL[status].toUpperCase()} (${located.length})`)),
    );
    for (const { path, item } of located) {
      lines.push(`  ${location(plainInline(path), item.line)}  ${plainInline(item.text)}`);
      for (const check of item.checks) {
        const mark = paint(VERDICT_STYLE[check.verdict], VERDICT_MARK[check.verdict]);
        lines.push(
          `    ${mark}  ${plainInline(check.rule, 80)}  ${plainInline(check.message)}${evidenceSuffix(check)}`,
        );
      }
    }
    lines.push('');
  }

  lines.push(`${plural(report.summary.items, 'item')}: ${countsLine(report.summary)}`);
  const declared = declaredLine(report, (text) => plainInline(text, 120));
  lines.push(paint('bold', provenLine(report.score)) + (declared ? ` · ${declared}` : ''));

  const gate = gateLine(report);
  lines.push(report.gate.passed ? paint('green', gate) : paint('red', paint('bold', gate)));
  for (const failure of report.gate.failures) {
    lines.push(`  ${location(plainInline(failure.path), failure.line)}  ${plainInline(failure.reason)}`);
  }

  if (report.skipped.length) {
    const names = report.skipped.map((file) => `${plainInline(file.path)} (${plainInline(file.reason, 80)})`);
    lines.push(paint('dim', `skipped ${plural(report.skipped.length, 'file')}: ${names.join(', ')}`));
  }
  for (const note of report.notes) lines.push(paint('dim', `note: ${plainInline(note)}`));
  return `${lines.join('\n')}\n`;
}

function evidenceSuffix(check: Check): string {
  if (!check.evidence.length) return '';
  const shown = check.evidence
    .slice(0, EVIDENCE_SHOWN)
    .map((ref) => location(plainInline(ref.path), ref.line));
  const more =
    check.evidence.length > EVIDENCE_SHOWN ? ` +${check.evidence.length - EVIDENCE_SHOWN} more` : '';
  return `  (evidence ${shown.join(', ')}${more})`;
}
