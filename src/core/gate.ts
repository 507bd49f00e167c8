// The gate contract (docs/architecture.md). PR mode blames a change only for what it made
// worse; release mode lets nothing unproven ship.

import type {
  ChecklistResult,
  DiffEntry,
  GateFailure,
  GateMode,
  GateResult,
  ItemResult,
  ReportDiff,
} from './types.js';

export interface GateInput {
  mode: GateMode;
  checklists: readonly ChecklistResult[];
  diff: ReportDiff | null;
  /** Item ids marked optional in config (items can also carry `<!-- readiness: optional -->`). */
  optional: readonly string[];
}

function failure(path: string, item: ItemResult, reason: string): GateFailure {
  return { id: item.id, path, line: item.line, reason };
}

function firstProblem(item: ItemResult): string {
  const failed =
    item.checks.find((check) => check.verdict === 'fail') ?? item.checks.find((c) => c.verdict === 'unknown');
  return failed ? `${failed.rule}: ${failed.message}` : item.text;
}

function regressionCause(change: DiffEntry): string {
  if (change.after === 'unmet') return `was ${change.before}, now not done`;
  if (change.before === undefined) return 'added as checked, but contradicted';
  if (change.before === 'unmet') return 'ticked, but contradicted';
  return `was ${change.before}, now claimed but contradicted`;
}

export function evaluateGate(input: GateInput): GateResult {
  const failures: GateFailure[] = [];
  if (input.mode === 'release') {
    const optional = new Set(input.optional);
    for (const checklist of input.checklists) {
      for (const item of checklist.items) {
        if (item.annotations.optional || optional.has(item.id)) continue;
        if (item.status === 'unbacked')
          failures.push(failure(checklist.path, item, `claimed but contradicted — ${firstProblem(item)}`));
        else if (item.status === 'unmet')
          failures.push(failure(checklist.path, item, `not done — ${firstProblem(item)}`));
        else if (item.status === 'inconclusive')
          failures.push(failure(checklist.path, item, `not proven — ${firstProblem(item)}`));
        else if (item.status === 'manual' && !item.checked)
          failures.push(failure(checklist.path, item, 'manual item not checked off'));
      }
    }
  } else if (input.diff) {
    // Every regression fails, whatever caused it (see diff.ts); problems already on the base do not.
    const regressed = new Map(input.diff.entries.regressed.map((e) => [`${e.path}\u0000${e.id}`, e]));
    for (const checklist of input.checklists) {
      for (const item of checklist.items) {
        const change = regressed.get(`${checklist.path}\u0000${item.id}`);
        if (change)
          failures.push(failure(checklist.path, item, `${regressionCause(change)} — ${firstProblem(item)}`));
      }
    }
  } else {
    for (const checklist of input.checklists) {
      for (const item of checklist.items) {
        if (item.status === 'unbacked')
          failures.push(failure(checklist.path, item, `claimed but contradicted — ${firstProblem(item)}`));
      }
    }
  }
  return { mode: input.mode, passed: failures.length === 0, failures };
}
