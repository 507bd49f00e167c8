// Runs one rule the way the engine does: a real Markdown item parsed by the real parser,
// a real in-memory revision, the rule's own collectors, then match and evaluate.

import { type Config, DEFAULT_CONFIG } from '../../src/core/config.js';
import { createRepoView, EvidenceStore, scopeOf } from '../../src/core/evidence.js';
import { parseChecklist } from '../../src/core/parse/parse-checklist.js';
import { evalContext, type Rule } from '../../src/core/rule.js';
import type { ChecklistItem, Finding } from '../../src/core/types.js';
import { MemoryRepo } from './memory-repo.js';

export interface JudgeOptions {
  /** Where the checklist lives (its folder is the scope). Default `READINESS.md`. */
  checklistPath?: string;
  /** Files readable but not tracked (generated coverage reports). */
  untracked?: Record<string, string>;
  /** Checked (default) or unchecked item. */
  checked?: boolean;
  config?: Config;
  /** The heading the item sits under. Default `Checklist`. */
  heading?: string;
}

/** Parses `- [x] <markdown>` with the real parser and returns the item. */
export function itemFrom(
  markdown: string,
  checked = true,
  path = 'READINESS.md',
  heading = 'Checklist',
): ChecklistItem {
  const parsed = parseChecklist(path, `# ${heading}\n\n- [${checked ? 'x' : ' '}] ${markdown}\n`);
  const item = parsed.items[0];
  if (!item) throw new Error(`not a task item: ${markdown}`);
  return item;
}

export function matches(rule: Rule, markdown: string): boolean {
  return rule.match(itemFrom(markdown)).length > 0;
}

/** Findings of `rule` for an item written as Markdown, over `files`. Empty when it does not match. */
export async function judge(
  rule: Rule,
  files: Record<string, string | Uint8Array>,
  markdown: string,
  options: JudgeOptions = {},
): Promise<Finding[]> {
  const path = options.checklistPath ?? 'READINESS.md';
  const item = itemFrom(markdown, options.checked ?? true, path, options.heading);
  const untracked = options.untracked ?? {};
  const repo = new MemoryRepo({ ...files, ...untracked }, 'test', Object.keys(untracked));
  const store = new EvidenceStore(await createRepoView(repo), options.config ?? DEFAULT_CONFIG);
  await store.load(rule.needs);
  const ctx = evalContext(store, scopeOf(path));
  return rule.match(item).map((params) => rule.evaluate(params, ctx, item));
}

/** The single finding of a rule that must match exactly one claim. */
export async function judgeOne(
  rule: Rule,
  files: Record<string, string | Uint8Array>,
  markdown: string,
  options: JudgeOptions = {},
): Promise<Finding> {
  const findings = await judge(rule, files, markdown, options);
  if (findings.length !== 1)
    throw new Error(`expected one finding for "${markdown}", got ${findings.length}`);
  return findings[0] as Finding;
}
