// What to evaluate for each event the action runs on, decided from the event payload alone
// (pure, so every event kind is unit-tested). A recheck comment needs the API to learn the
// pull request's current head, so it comes back as its own plan for run.ts to resolve.

import picomatch from 'picomatch';
import type { GateMode } from '../core/types.js';
import { isRecheckCommand } from '../github/recheck.js';

export interface EventContext {
  eventName: string;
  payload: Record<string, unknown>;
  /** GITHUB_SHA and GITHUB_REF of the run. */
  sha: string;
  ref: string;
  gate: 'auto' | GateMode;
  releaseBranches: string[];
}

export interface Evaluation {
  kind: 'evaluate';
  /** Commit the check run is published on. */
  headSha: string;
  /** Commit to compare against, read from git objects. */
  baseSha?: string;
  mode: GateMode;
  pullNumber?: number;
  fromFork: boolean;
  /** The workspace may not hold the head (pull_request_target checks out the base): check it out if needed. */
  needsHeadCheckout: boolean;
}

export interface Recheck {
  kind: 'recheck';
  pullNumber: number;
  commentId: number;
  author: { login: string; type?: string };
}

export type Plan = Evaluation | Recheck | { kind: 'skip'; reason: string };

const PULL_REQUEST_ACTIONS = new Set(['opened', 'synchronize', 'reopened', 'edited', 'ready_for_review']);
const NO_COMMIT = /^0+$/;

export function planEvent(context: EventContext): Plan {
  const { payload } = context;
  switch (context.eventName) {
    case 'pull_request':
    case 'pull_request_target': {
      const action = String(payload.action ?? '');
      if (!PULL_REQUEST_ACTIONS.has(action)) return skip(`nothing to do for pull request action "${action}"`);
      const pull = payload.pull_request as PullRequestPayload | undefined;
      if (!pull) return skip('the event has no pull_request');
      return {
        kind: 'evaluate',
        headSha: pull.head.sha,
        baseSha: pull.base.sha,
        mode: modeFor(context, pull.base.ref),
        pullNumber: pull.number,
        fromFork: Boolean(
          pull.head.repo && pull.base.repo && pull.head.repo.full_name !== pull.base.repo.full_name,
        ),
        needsHeadCheckout: context.eventName === 'pull_request_target',
      };
    }
    case 'push': {
      const branch = branchOf(context.ref);
      if (!branch) return skip(`not a branch push (${context.ref})`);
      const before = String(payload.before ?? '');
      return {
        kind: 'evaluate',
        headSha: String(payload.after ?? context.sha),
        ...(before && !NO_COMMIT.test(before) ? { baseSha: before } : {}),
        mode: modeFor(context, branch),
        fromFork: false,
        needsHeadCheckout: false,
      };
    }
    case 'workflow_dispatch':
      return {
        kind: 'evaluate',
        headSha: context.sha,
        mode: context.gate === 'auto' ? 'release' : context.gate,
        fromFork: false,
        needsHeadCheckout: false,
      };
    case 'merge_group': {
      const group = payload.merge_group as
        | { head_sha: string; base_sha: string; base_ref: string }
        | undefined;
      if (!group) return skip('the event has no merge_group');
      return {
        kind: 'evaluate',
        headSha: group.head_sha,
        baseSha: group.base_sha,
        mode: modeFor(context, branchOf(group.base_ref) ?? group.base_ref),
        fromFork: false,
        needsHeadCheckout: false,
      };
    }
    case 'issue_comment':
      return planRecheck(payload);
    default:
      return skip(`the ${context.eventName} event is not supported; see action.yml for the events that are`);
  }
}

interface PullRequestPayload {
  number: number;
  head: { sha: string; ref: string; repo?: { full_name: string } | null };
  base: { sha: string; ref: string; repo?: { full_name: string } | null };
}

function planRecheck(payload: Record<string, unknown>): Plan {
  if (payload.action !== 'created') return skip('only new comments can ask for a recheck');
  const issue = payload.issue as { number: number; pull_request?: unknown } | undefined;
  const comment = payload.comment as
    | { id: number; body?: string; user?: { login: string; type?: string } }
    | undefined;
  if (!issue?.pull_request) return skip('the comment is not on a pull request');
  if (!comment?.user || !isRecheckCommand(comment.body))
    return skip('the comment does not ask for /readiness recheck');
  return { kind: 'recheck', pullNumber: issue.number, commentId: comment.id, author: comment.user };
}

/** The gate mode for changes landing on `branch`: release branches are gated strictly. */
export function modeFor(context: Pick<EventContext, 'gate' | 'releaseBranches'>, branch: string): GateMode {
  if (context.gate !== 'auto') return context.gate;
  return picomatch(context.releaseBranches)(branch) ? 'release' : 'pr';
}

function branchOf(ref: string): string | undefined {
  return ref.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : undefined;
}

function skip(reason: string): Plan {
  return { kind: 'skip', reason };
}
