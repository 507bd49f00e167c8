// What each webhook asks the App to evaluate, decided from the payload alone where it can be. The
// gate mode needs the configured release branches, so a plan names the branch the change lands on
// and the mode is chosen once the configuration is loaded.

import picomatch from 'picomatch';
import type { GateMode } from '../core/types.js';

export interface Target {
  /** Commit evaluated and given the `readiness` check run. */
  headSha: string;
  /** Commit compared against. */
  baseSha?: string;
  /** Branch the change lands on, or was pushed to. */
  branch: string;
  /** The pull request whose sticky comment shows the report. */
  pullNumber?: number;
  /** Evaluate only when `branch` is a release branch (pushes: other branches are the PR check's job). */
  releaseOnly?: boolean;
  /** The pull request's `updated_at` when `headSha` was read: a later read older than this lags. */
  updatedAt?: string;
}

export interface PullRequestPayload {
  number: number;
  head: { sha: string };
  base: { sha: string; ref: string };
  updated_at?: string;
}

/** A pull request as listed in check_run / check_suite payloads. */
export interface ListedPull {
  number: number;
  head: { sha: string };
  base: { sha: string; ref: string };
}

const NO_COMMIT = /^0+$/;

export function pullRequestTarget(pull: PullRequestPayload): Target {
  return {
    headSha: pull.head.sha,
    baseSha: pull.base.sha,
    branch: pull.base.ref,
    pullNumber: pull.number,
    ...(pull.updated_at ? { updatedAt: pull.updated_at } : {}),
  };
}

export function pushTarget(push: {
  ref: string;
  before: string;
  after: string;
  deleted?: boolean;
}): Target | undefined {
  const branch = branchOf(push.ref);
  if (!branch || push.deleted || NO_COMMIT.test(push.after)) return undefined;
  return {
    headSha: push.after,
    ...(NO_COMMIT.test(push.before) ? {} : { baseSha: push.before }),
    branch,
    releaseOnly: true,
  };
}

export function mergeGroupTarget(group: { head_sha: string; base_sha: string; base_ref: string }): Target {
  return {
    headSha: group.head_sha,
    baseSha: group.base_sha,
    branch: branchOf(group.base_ref) ?? group.base_ref,
  };
}

/**
 * The re-run button on a check for `headSha`. The comment is only updated when that commit is still
 * the pull request's head: re-running an old commit's check must not overwrite the current report.
 */
export function rerunTarget(
  headSha: string,
  headBranch: string | null,
  pulls: readonly ListedPull[],
): Target {
  const current = pulls.find((pull) => pull.head.sha === headSha);
  if (current) return pullRequestTarget(current);
  const any = pulls[0];
  if (any) return { headSha, baseSha: any.base.sha, branch: any.base.ref };
  return { headSha, branch: headBranch ?? '' };
}

export function gateModeFor(branch: string, releaseBranches: readonly string[]): GateMode {
  return releaseBranches.length > 0 && picomatch([...releaseBranches])(branch) ? 'release' : 'pr';
}

function branchOf(ref: string): string | undefined {
  return ref.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : undefined;
}
