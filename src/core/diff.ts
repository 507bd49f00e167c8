// Base vs head, item by item, matched by (checklist path, item id). An edited item gets a
// new id, so it shows as removed + added, which is what a reviewer needs to see.
//
// A regression is whatever the change made worse (docs/architecture.md, gate contract): an item
// that is `unbacked` on the head and was not on the base, however it got there (its box was
// ticked, it was added or edited, or its evidence was removed), and a done item that is now
// `unmet`. New items that are `unbacked` are regressions too, so they are listed under both
// `added` and `regressed`; renderers show each item once.

import type { ChecklistResult, DiffEntry, ItemResult, ReportDiff, Status } from './types.js';

const DONE: ReadonlySet<Status> = new Set(['verified', 'satisfied', 'manual']);
const OPEN: ReadonlySet<Status> = new Set(['unbacked', 'unmet', 'inconclusive']);

/** `before` undefined: the item is new on the head. */
export function isRegression(before: Status | undefined, after: Status): boolean {
  if (after === 'unbacked') return before !== 'unbacked';
  return after === 'unmet' && before !== undefined && DONE.has(before);
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
    const old = before.get(key)?.item.status;
    if (old === undefined) entries.added.push(entry(path, item, undefined, item.status));
    if (isRegression(old, item.status)) entries.regressed.push(entry(path, item, old, item.status));
    else if (old !== undefined && isFix(old, item.status))
      entries.fixed.push(entry(path, item, old, item.status));
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
