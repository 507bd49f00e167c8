// The shape of a rule: one yes/no question about the repository, with its metadata
// beside the code (remark-lint's one rule, one module; Scorecard's probe definitions).

import type { Collector, EvidenceStore } from './evidence.js';
import type { ChecklistItem, Finding, Verdict } from './types.js';

export interface EvalContext {
  /** Folder the checklist speaks about ('' for the repository root). */
  scope: string;
  /** Evidence a collector produced; only collectors listed in the rule's `needs`. */
  get<T>(collector: Collector<T>): T;
  /** Tracked files of this revision. */
  files: readonly string[];
  has(path: string): boolean;
  hasDir(path: string): boolean;
  /** Tracked files with this base name. */
  named(basename: string): readonly string[];
}

export interface RuleExamples {
  /** Item texts (from real checklists) this rule must match. */
  match: string[];
  /** Item texts this rule must leave alone. */
  noMatch: string[];
  /**
   * What the rule decides for an item over a small repository: run as tests by
   * test/core/rules/verdict-examples.test.ts and shown in docs/rules.md.
   */
  verdicts?: VerdictExample[];
}

export interface VerdictExample {
  /** The repository: path → content. */
  files: Record<string, string>;
  /** The checklist item's text, as written after `- [x] `. */
  item: string;
  /** The verdict of every check the rule makes of the item. */
  verdict: Verdict;
}

// biome-ignore lint/suspicious/noExplicitAny: parameters differ per rule
export interface Rule<P = any> {
  /** `family.question`, kebab-case: `docker.non-root`. */
  id: string;
  /** Short title for catalogues. */
  title: string;
  /** Why the claim matters in production. */
  why: string;
  /** How a failing repository is fixed. */
  fix: string;
  /** How the rule recognises item text, in words (for docs/rules.md). */
  recognises: string;
  /** Collectors whose evidence `evaluate` reads. */
  needs: readonly Collector<unknown>[];
  /**
   * Claims in the item this rule can check, one parameter set per check (a path, a
   * threshold, a variable name). Empty when the item does not claim what this rule checks.
   */
  match(item: ChecklistItem): P[];
  /**
   * Parameters when an item is bound to the rule with `<!-- readiness: id -->` but
   * `match` found no claim in its text. Defaults to a single `undefined`.
   */
  bound?(item: ChecklistItem): P[];
  /** Judge one claim. Pure: reads only `ctx`. */
  evaluate(params: P, ctx: EvalContext, item: ChecklistItem): Finding;
  examples: RuleExamples;
}

export function evalContext(store: EvidenceStore, scope: string): EvalContext {
  return {
    scope,
    get: (collector) => store.get(collector),
    files: store.repo.files,
    has: (path) => store.repo.has(path),
    hasDir: (path) => store.repo.hasDir(path),
    named: (basename) => store.repo.named(basename),
  };
}

/** Everything a rule may read of an item's claim: its text and nested plain bullets. */
export function claimText(item: ChecklistItem): string {
  return item.details.length ? `${item.text}\n${item.details.join('\n')}` : item.text;
}
