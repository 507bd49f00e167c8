// Assembles the JSON report (docs/architecture.md, "The JSON report") from evaluated revisions.

import type { Config } from './config.js';
import { diffRevisions } from './diff.js';
import type { RevisionResult } from './engine.js';
import { evaluateGate } from './gate.js';
import {
  type ChecklistResult,
  type GateMode,
  type Report,
  type Score,
  STATUSES,
  type Summary,
} from './types.js';

export function summarise(checklists: readonly ChecklistResult[]): Summary {
  const summary = Object.fromEntries([['items', 0], ...STATUSES.map((status) => [status, 0])]) as Summary;
  for (const checklist of checklists) {
    for (const item of checklist.items) {
      summary.items++;
      summary[item.status]++;
    }
  }
  return summary;
}

/** The honest score: what the repository proves, out of what it can be asked about. */
export function scoreOf(summary: Summary): Score {
  const proven = summary.verified + summary.satisfied;
  const checkable = summary.items - summary.manual;
  return { proven, checkable, share: checkable > 0 ? proven / checkable : null };
}

export function buildReport(input: {
  head: RevisionResult;
  base?: RevisionResult & { sha: string };
  mode: GateMode;
  config: Config;
}): Report {
  const { head, base, mode, config } = input;
  const summary = summarise(head.checklists);
  const diff = base ? diffRevisions(base.sha, base.checklists, head.checklists) : null;
  const gate = evaluateGate({ mode, checklists: head.checklists, diff, optional: config.optional });
  const notes = [...head.notes];
  const ids = new Set(head.checklists.flatMap((checklist) => checklist.items.map((item) => item.id)));
  for (const id of config.optional) {
    if (!ids.has(id))
      notes.push(
        `optional: "${id}" matches no item, so it makes nothing optional. Item ids are in \`readiness check --format json\`.`,
      );
  }
  if (head.checklists.length === 0) {
    notes.push(
      'No checklist with task items was found. Name one *readiness*.md / *checklist*.md, or list it under `checklists:` in .github/readiness.yml, or pass --checklist GLOB.',
    );
  }
  return {
    schemaVersion: 1,
    checklists: head.checklists,
    summary,
    score: scoreOf(summary),
    gate,
    diff,
    skipped: head.skipped,
    notes,
  };
}
