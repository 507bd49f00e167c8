// The JSON report of DESIGN §4, keys in the contract's order. Built field by field rather
// than serialising the Report, so parser internals never leak into a public format and
// the order does not depend on how the report was assembled. Fields beyond the contract
// (score, skipped files, notes, declared verdicts) come after the contract's own.

import type { Check, ChecklistResult, ItemResult, Report } from '../types.js';

export function renderJson(report: Report): string {
  const json = {
    schemaVersion: report.schemaVersion,
    checklists: report.checklists.map(checklistJson),
    summary: {
      items: report.summary.items,
      verified: report.summary.verified,
      unbacked: report.summary.unbacked,
      unmet: report.summary.unmet,
      satisfied: report.summary.satisfied,
      inconclusive: report.summary.inconclusive,
      manual: report.summary.manual,
    },
    gate: {
      mode: report.gate.mode,
      passed: report.gate.passed,
      failures: report.gate.failures.map(({ id, path, line, reason }) => ({ id, path, line, reason })),
    },
    diff: report.diff && {
      base: report.diff.base,
      regressed: report.diff.regressed,
      fixed: report.diff.fixed,
      added: report.diff.added,
      removed: report.diff.removed,
    },
    score: { proven: report.score.proven, checkable: report.score.checkable, share: report.score.share },
    skipped: report.skipped.map(({ path, reason }) => ({ path, reason })),
    notes: report.notes,
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}

function checklistJson(checklist: ChecklistResult) {
  return {
    path: checklist.path,
    items: checklist.items.map(itemJson),
    declared: checklist.declared.map(({ line, text, score }) => ({ line, text, score })),
  };
}

function itemJson(item: ItemResult) {
  return {
    id: item.id,
    line: item.line,
    text: item.text,
    checked: item.checked,
    section: item.section,
    status: item.status,
    checks: item.checks.map(checkJson),
  };
}

function checkJson(check: Check) {
  return {
    rule: check.rule,
    verdict: check.verdict,
    message: check.message,
    evidence: check.evidence.map(({ path, line, excerpt }) => ({ path, line, excerpt })),
  };
}
