// Judges the last item of a whole checklist document, so an item's headings and parent
// items (its container context) come from real Markdown, as in the seeds.

import { DEFAULT_CONFIG } from '../../../../src/core/config.js';
import { createRepoView, EvidenceStore, scopeOf } from '../../../../src/core/evidence.js';
import { parseChecklist } from '../../../../src/core/parse/parse-checklist.js';
import { evalContext, type Rule } from '../../../../src/core/rule.js';
import type { ChecklistItem, Finding } from '../../../../src/core/types.js';
import { MemoryRepo } from '../../../support/memory-repo.js';

export function lastItem(markdown: string, path = 'READINESS.md'): ChecklistItem {
  const item = parseChecklist(path, markdown).items.at(-1);
  if (!item) throw new Error('no task item');
  return item;
}

export async function judgeLast(
  rule: Rule,
  files: Record<string, string>,
  markdown: string,
  path = 'READINESS.md',
): Promise<Finding[]> {
  const item = lastItem(markdown, path);
  const store = new EvidenceStore(await createRepoView(new MemoryRepo(files, 'test')), DEFAULT_CONFIG);
  await store.load(rule.needs);
  const ctx = evalContext(store, scopeOf(path));
  return rule.match(item).map((params) => rule.evaluate(params, ctx, item));
}
