// Base vs head, item by item, matched by (checklist path, item id). An edited item gets a
// new id, so it shows as removed + added, which is what a reviewer needs to see.

import type { ChecklistResult, DiffEntry, ItemResult, ReportDiff, Status } from './types.js';

const GOOD: ReadonlySet<Status> = new Set(['verified', 'satisfied', 'manual']);
const BAD: ReadonlySet<Status> = new Set(['unbacked', 'unmet']);
const OPEN: ReadonlySet<Status> = new Set(['unbacked', 'unmet', 'inconclusive']);

export function isRegression(before: Status, after: Status): boolean {
  return GOOD.has(before) && BAD.has(after);
}

export function isFix(before: Status, after: Status): boolean {
  return OPEN.has(before) && (after === 'verified' || after === 'satisfied');
}

function keyed(checklists: readonly ChecklistResult[]): Map<string, { path: string; item: ItemResult }> {
  const map = new Map<string, { path: string; item: ItemResult }>();
  for (const checklist of checklists) {
    for (const item of checklist.items)
      map.set(`${checklist.path}\u0000${item.id}`, { path: checklist.path, item });
  }
  return map;
}

function entry(path: string, item: ItemResult, before?: Status, after?: Status): DiffEntry {
  const result: DiffEntry = { path, id: item.id, text: item.text, line: item.line };
  if (before) result.before = before;
  if (after) result.after = after;
  return result;
}

export function diffRevisions(
  baseSha: string,
  base: readonly ChecklistResult[],
  head: readonly ChecklistResult[],
): ReportDiff {
  const before = keyed(base);
  const after = keyed(head);
  const entries: ReportDiff['entries'] = { regressed: [], fixed: [], added: [], removed: [] };
  for (const [key, { path, item }] of after) {
    const old = before.get(key);
    if (!old) entries.added.push(entry(path, item, undefined, item.status));
    else if (isRegression(old.item.status, item.status))
      entries.regressed.push(entry(path, item, old.item.status, item.status));
    else if (isFix(old.item.status, item.status))
      entries.fixed.push(entry(path, item, old.item.status, item.status));
  }
  for (const [key, { path, item }] of before) {
    if (!after.has(key)) entries.removed.push(entry(path, item, item.status));
  }
  const ids = (list: DiffEntry[]) => list.map((e) => e.id);
  return {
    base: baseSha,
    regressed: ids(entries.regressed),
    fixed: ids(entries.fixed),
    added: ids(entries.added),
    removed: ids(entries.removed),
    entries,
  };
}
