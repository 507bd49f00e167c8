// The one use case every edge runs: check a change. The head revision, then (when there is one)
// the base with the same per-file memo, so the base re-reads and re-scans only what the change
// touched; then the report. The CLI, the Action and the App differ only in how they build the
// readers and load the config, and in what they do with the outcome.

import type { Config } from './config.js';
import type { EvaluateOptions, RevisionResult } from './engine.js';
import { FileMemo } from './memo.js';
import type { RepoReader } from './repo.js';
import { buildReport } from './report.js';
import type { GateMode, Report } from './types.js';

export interface ChangeToCheck {
  head: RepoReader;
  /**
   * The revision to compare against. A function when building its reader needs the head's
   * evaluation done first (the CLI overlays the base on the work tree); its `revision` is the
   * base SHA the report names.
   */
  base?: RepoReader | (() => Promise<RepoReader>);
  config: Config;
  mode: GateMode;
  /** Checklist globs that replace the configured ones. */
  checklistGlobs?: readonly string[];
  /** A memo to share beyond this check (kept between runs); otherwise one is made for head and base. */
  memo?: FileMemo;
  /** Notes from building the ports (which config applies), put first in the report's notes. */
  notes?: readonly string[];
  /** Results kept from earlier runs (the CLI's cache); a revision reused is not evaluated. */
  kept?: KeptResults;
}

export interface KeptResults {
  /** The head's result from a run over the same content, build, config and globs. */
  head?(): Promise<RevisionResult | undefined>;
  /** The base's result from an earlier run, given the head's (the report takes only its checklists). */
  base?(head: RevisionResult): Promise<(RevisionResult & { sha: string }) | undefined>;
  /** Runs once, before the first revision that must be evaluated (loads per-file results). */
  beforeEvaluating?(): void;
}

export type ChangeOutcome =
  | {
      kind: 'report';
      report: Report;
      head: RevisionResult;
      base?: RevisionResult;
      /** Which revisions came from kept results rather than an evaluation. */
      reused: { head: boolean; base: boolean };
    }
  /** The head has no checklist: nothing to judge, and the base is not read. */
  | { kind: 'no-checklist'; head: RevisionResult };

export async function checkChange(change: ChangeToCheck): Promise<ChangeOutcome> {
  const memo = change.memo ?? (change.base ? new FileMemo() : undefined);
  const options: EvaluateOptions = {
    config: change.config,
    ...(change.checklistGlobs ? { checklistGlobs: change.checklistGlobs } : {}),
    ...(memo ? { memo } : {}),
  };
  let prepared = false;
  const evaluate = async (reader: RepoReader) => {
    if (!prepared) change.kept?.beforeEvaluating?.();
    prepared = true;
    // Loaded only to evaluate: a run that reuses kept results never compiles the rules, the
    // collectors and the Markdown parser (most of the engine's code).
    const { evaluateRevision } = await import('./engine.js');
    return evaluateRevision(reader, options);
  };
  const reusedHead = await change.kept?.head?.();
  const head = reusedHead ?? (await evaluate(change.head));
  if (head.checklists.length === 0) return { kind: 'no-checklist', head };
  const reusedBase = change.base ? await change.kept?.base?.(head) : undefined;
  let base = reusedBase;
  if (change.base && !base) {
    const baseReader = typeof change.base === 'function' ? await change.base() : change.base;
    base = { ...(await evaluate(baseReader)), sha: baseReader.revision };
  }
  const report = buildReport({
    head,
    ...(base ? { base } : {}),
    mode: change.mode,
    config: change.config,
  });
  if (change.notes?.length) report.notes.unshift(...change.notes);
  const reused = { head: Boolean(reusedHead), base: Boolean(reusedBase) };
  return { kind: 'report', report, head, ...(base ? { base } : {}), reused };
}
