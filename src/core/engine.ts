// The engine: checklists at one revision → item results. Pure over the RepoReader port.
//   parse → match rules → collect the evidence they need (once per collector) → evaluate → status

import type { Config } from './config.js';
import { type ChecklistDiscovery, discoverChecklists } from './discover.js';
import { type Collector, createRepoView, EvidenceStore, type RepoView, scopeOf } from './evidence.js';
import { type FileMemo, isPlainData } from './memo.js';
import { parseChecklist } from './parse/parse-checklist.js';
import type { RepoReader } from './repo.js';
import { evalContext, type Rule } from './rule.js';
import { RULES } from './rules/index.js';
import { statusOf } from './status.js';
import type { Check, ChecklistItem, ChecklistResult, ParsedChecklist, SkippedFile } from './types.js';

export interface RevisionResult {
  revision: string;
  checklists: ChecklistResult[];
  skipped: SkippedFile[];
  notes: string[];
  /** Where checklists were looked for, and what matched, so "none found" can say so. */
  discovery: ChecklistDiscovery;
}

export interface EvaluateOptions {
  config: Config;
  /** Globs from the command line; they win over `checklists:` in the config. */
  checklistGlobs?: readonly string[];
  rules?: readonly Rule[];
  /**
   * Per-file results shared by the revisions of one check (a PR's head and base), so the base
   * re-parses and re-scans only the files that differ. Only share it between evaluations with
   * the same config and rules.
   */
  memo?: FileMemo;
}

interface PlannedCheck {
  rule: Rule;
  params: unknown;
}

export async function evaluateRevision(
  reader: RepoReader,
  options: EvaluateOptions,
): Promise<RevisionResult> {
  const repo = await createRepoView(reader, options.config.exclude, options.memo);
  const notes: string[] = [];
  const rules = activeRules(options, notes);
  const discovery = discoveryOf(options, repo.files.length);
  const paths = discoverChecklists(repo.files, { globs: discovery.globs });
  discovery.matched = paths;
  const prepared = await prepareAll(repo, paths, rules, notes, plansFor(options.memo), !options.rules);
  const parsed = prepared.map((one) => one.checklist);
  const plans = prepared.map((one) => one.plans);
  const store = new EvidenceStore(repo, options.config);
  const needed = new Set<Collector<unknown>>();
  for (const plan of plans.flat(2)) for (const collector of plan.rule.needs) needed.add(collector);
  await store.load(needed);

  const checklists = parsed.map((checklist, index): ChecklistResult => {
    const ctx = evalContext(store, scopeOf(checklist.path, repo.files));
    return {
      path: checklist.path,
      declared: checklist.declared,
      items: checklist.items.map((item, itemIndex) => {
        const checks = (plans[index]?.[itemIndex] ?? []).map((plan) => judgeClaim(plan, ctx, item));
        return { ...item, status: statusOf(item, checks), checks };
      }),
    };
  });
  const skipped = [...reader.skipped(), ...store.unparsable()];
  return { revision: reader.revision, checklists, skipped, notes, discovery };
}

function discoveryOf(options: EvaluateOptions, files: number): ChecklistDiscovery {
  if (options.checklistGlobs?.length)
    return { source: 'option', globs: options.checklistGlobs, files, matched: [] };
  if (options.config.checklists?.length)
    return { source: 'config', globs: options.config.checklists, files, matched: [] };
  return { source: 'default', globs: [], files, matched: [] };
}

/** Plans per parsed checklist, shared by the revisions that share a memo (same config and rules). */
const PLANS = new WeakMap<FileMemo, WeakMap<object, PreparedChecklist>>();
function plansFor(memo: FileMemo | undefined): WeakMap<object, PreparedChecklist> {
  if (!memo) return new WeakMap();
  let plans = PLANS.get(memo);
  if (!plans) {
    plans = new WeakMap();
    PLANS.set(memo, plans);
  }
  return plans;
}

function activeRules(options: EvaluateOptions, notes: string[]): readonly Rule[] {
  const all = options.rules ?? RULES;
  const disabled = new Set(options.config.rules.disable);
  for (const id of disabled) {
    if (!all.some((rule) => rule.id === id))
      notes.push(`rules.disable names "${id}", which is not a rule; see \`readiness rules\`.`);
  }
  return all.filter((rule) => !disabled.has(rule.id));
}

interface PreparedChecklist {
  checklist: ParsedChecklist;
  /** The checks planned for each item, in item order. */
  plans: PlannedCheck[][];
  /** Notes planning raised (annotations naming no rule), replayed when the memo is reused. */
  notes: string[];
}

/** A checklist's plans as plain data (rule ids and claims), kept per content like its parse. */
interface KeptPlans {
  checks: [ruleId: string, params: unknown][][];
  notes: string[];
  /** Items with a claim that is not plain data (it would not survive being kept): planned again. */
  replan: number[];
}

/**
 * Plans follow from a checklist's text, the rules and the config, which the cache key names; the
 * rules' match functions are the costliest part of a run that reuses every file's results.
 */
const PLANS_KIND = 'checklist-plans';

/** Parses each checklist and plans its checks; both depend only on its text for one run. */
async function prepareAll(
  repo: RepoView,
  paths: readonly string[],
  rules: readonly Rule[],
  notes: string[],
  planned: WeakMap<object, PreparedChecklist>,
  /** Custom rules (tests) are not named by the cache key: their plans are never kept. */
  keepPlans: boolean,
): Promise<PreparedChecklist[]> {
  const prepared: PreparedChecklist[] = [];
  const byId = new Map(rules.map((rule) => [rule.id, rule]));
  for (const path of paths) {
    // The parse and the plans are plain data kept with the source scans (between runs too); a
    // PR's base shares the head's when the checklist did not change.
    const checklist = await repo.perFile('checklist', path, (source) => parseChecklist(path, source));
    if (checklist === null) {
      notes.push(`${path}: checklist could not be read (see skipped files).`);
      continue;
    }
    if (checklist.items.length === 0) continue;
    const plan = () => planChecklist(checklist, rules);
    const kept = (keepPlans ? await repo.perFile(PLANS_KIND, path, plan) : null) ?? plan();
    let one = planned.get(kept);
    if (!one) {
      // Plans made now always fit: only kept ones can name a rule this run does not have.
      one =
        preparedFrom(checklist, kept, byId) ?? (preparedFrom(checklist, plan(), byId) as PreparedChecklist);
      planned.set(kept, one);
    }
    notes.push(...one.notes);
    prepared.push(one);
  }
  return prepared;
}

function planChecklist(checklist: ParsedChecklist, rules: readonly Rule[]): KeptPlans {
  const notes: string[] = [];
  const replan: number[] = [];
  const checks = checklist.items.map((item, index) => {
    const planned = planChecks(item, rules, notes, checklist);
    if (!planned.every(({ params }) => isPlainData(params))) replan.push(index);
    return planned.map(({ rule, params }): [string, unknown] => [rule.id, params]);
  });
  return { checks, notes, replan };
}

/** Undefined when the kept plans do not fit this checklist and these rules (then they are made again). */
function preparedFrom(
  checklist: ParsedChecklist,
  kept: KeptPlans,
  byId: ReadonlyMap<string, Rule>,
): PreparedChecklist | undefined {
  if (kept.checks.length !== checklist.items.length) return undefined;
  const replan = new Set(kept.replan);
  const rules = [...byId.values()];
  const plans: PlannedCheck[][] = [];
  for (const [index, checks] of kept.checks.entries()) {
    if (replan.has(index)) {
      // Its notes are among the kept ones already.
      plans.push(planChecks(checklist.items[index] as ChecklistItem, rules, [], checklist));
      continue;
    }
    const item: PlannedCheck[] = [];
    for (const [id, params] of checks) {
      const rule = byId.get(id);
      if (!rule) return undefined;
      item.push({ rule, params });
    }
    plans.push(item);
  }
  return { checklist, plans, notes: kept.notes };
}

function planChecks(
  item: ChecklistItem,
  rules: readonly Rule[],
  notes: string[],
  checklist: ParsedChecklist,
) {
  if (item.annotations.manual || item.signOff) return [];
  if (item.annotations.rules.length > 0) {
    return item.annotations.rules.flatMap((id): PlannedCheck[] => {
      const rule = rules.find((candidate) => candidate.id === id);
      if (!rule) {
        notes.push(
          `${checklist.path}:${item.line}: <!-- readiness: ${id} --> names no enabled rule; see \`readiness rules\`.`,
        );
        return [];
      }
      const claims = safeMatch(rule, item);
      const params = claims.length > 0 ? claims : (rule.bound?.(item) ?? [undefined]);
      return params.map((param) => ({ rule, params: param }));
    });
  }
  return rules.flatMap((rule) => safeMatch(rule, item).map((params) => ({ rule, params })));
}

/** A rule bug must cost one check, never the whole report. */
function safeMatch(rule: Rule, item: ChecklistItem): unknown[] {
  try {
    return rule.match(item);
  } catch {
    return [];
  }
}

function judgeClaim(plan: PlannedCheck, ctx: ReturnType<typeof evalContext>, item: ChecklistItem): Check {
  try {
    return { rule: plan.rule.id, ...plan.rule.evaluate(plan.params, ctx, item) };
  } catch (error) {
    // Bound by annotation with no claim in the text: most rules need one (a path, a scanner, a threshold).
    const unclaimed = plan.params === undefined && item.annotations.rules.includes(plan.rule.id);
    return {
      rule: plan.rule.id,
      verdict: 'unknown',
      message: unclaimed
        ? `the item is bound to ${plan.rule.id} but its text states nothing that rule can check; name it in the text (see \`readiness rules\`)`
        : `rule failed on this item (${(error as Error).message}); please report it`,
      evidence: [],
    };
  }
}
