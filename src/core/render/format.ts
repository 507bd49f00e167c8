// Wording and ordering every renderer shares, so the terminal, the PR comment, the check
// run and SARIF describe the same report the same way.

import type { DeclaredVerdict, ItemResult, Report, Score, Status, Summary, Verdict } from '../types.js';

/** Most urgent first: what the checklist claims falsely, then what is missing, then the rest. */
export const STATUS_ORDER: readonly Status[] = [
  'unbacked',
  'unmet',
  'inconclusive',
  'satisfied',
  'verified',
  'manual',
];

export const STATUS_LABEL: Record<Status, string> = {
  unbacked: 'Unbacked',
  unmet: 'Unmet',
  inconclusive: 'Inconclusive',
  satisfied: 'Satisfied',
  verified: 'Verified',
  manual: 'Manual',
};

export const STATUS_MEANING: Record<Status, string> = {
  unbacked: 'ticked, but the repository contradicts the claim',
  unmet: 'not ticked, and the repository shows the work is not done',
  inconclusive: 'checks apply, but the repository could not decide',
  satisfied: 'done but not ticked: tick these',
  verified: 'ticked and proven by the repository',
  manual: 'no automated check applies: a person decides',
};

export const STATUS_MARK: Record<Status, string> = {
  unbacked: '✗',
  unmet: '✗',
  inconclusive: '?',
  satisfied: '✓',
  verified: '✓',
  manual: '·',
};

export const VERDICT_MARK: Record<Verdict, string> = { pass: '✓', fail: '✗', unknown: '?' };

export interface LocatedItem {
  path: string;
  item: ItemResult;
}

export function itemsWithStatus(report: Report, status: Status): LocatedItem[] {
  return report.checklists.flatMap((checklist) =>
    checklist.items.filter((item) => item.status === status).map((item) => ({ path: checklist.path, item })),
  );
}

export function findItem(report: Report, path: string, id: string): ItemResult | undefined {
  return report.checklists.find((checklist) => checklist.path === path)?.items.find((item) => item.id === id);
}

/** `path:line`, the form terminals and editors turn into jumps. */
export function location(path: string, line?: number): string {
  return line === undefined ? path : `${path}:${line}`;
}

/** "2 unbacked · 3 unmet · 40 verified": the non-zero counts, most urgent first. */
export function countsLine(summary: Summary): string {
  const parts = STATUS_ORDER.filter((status) => summary[status] > 0).map(
    (status) => `${summary[status]} ${status}`,
  );
  return parts.length ? parts.join(' · ') : 'no checklist items';
}

export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** "Proven: 31/40 checkable items (78%)": the measured score, never the declared one. */
export function provenLine(score: Score): string {
  if (score.share === null || score.checkable === 0) return 'Proven: no checkable items';
  return `Proven: ${score.proven}/${score.checkable} checkable items (${percent(score.share)})`;
}

export interface LocatedVerdict {
  path: string;
  verdict: DeclaredVerdict;
}

export function declaredVerdicts(report: Report): LocatedVerdict[] {
  return report.checklists.flatMap((checklist) =>
    checklist.declared.map((verdict) => ({ path: checklist.path, verdict })),
  );
}

/** How many declared verdicts a summary line quotes before "+N more". */
export const DECLARED_SHOWN = 3;

/**
 * "declared: 'Overall Score: 87/100' (87%)", with the verdict text passed through `quote`
 * so each renderer can neutralise it for its medium.
 */
export function declaredLine(report: Report, quote: (text: string) => string): string | undefined {
  const declared = declaredVerdicts(report);
  if (!declared.length) return undefined;
  const shown = declared.slice(0, DECLARED_SHOWN).map(({ verdict }) => {
    const score = verdict.score === undefined ? '' : ` (${percent(verdict.score)})`;
    return `'${quote(verdict.text)}'${score}`;
  });
  const more = declared.length > DECLARED_SHOWN ? ` (+${declared.length - DECLARED_SHOWN} more)` : '';
  return `declared: ${shown.join(', ')}${more}`;
}

export function gateLine(report: Report): string {
  const { mode, passed, failures } = report.gate;
  if (passed) return `gate (${mode}): passed`;
  return `gate (${mode}): failed, ${failures.length} ${failures.length === 1 ? 'failure' : 'failures'}`;
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
