// Publishes one evaluated report: the `readiness` check run, then the sticky comment. A token
// that may not write is not an error of the run (fork PRs get read-only tokens): it is collected
// as a PermissionProblem so the caller can explain the fix once. Any other error is recorded
// and the next publication is still tried, so a failed check run does not also cost the comment.

import { type CheckRunContent, type CheckRunResult, publishCheckRun } from './check-run.js';
import type { GitHubClient } from './client.js';
import { isPermissionDenied } from './errors.js';
import type { PermissionProblem } from './permissions.js';
import type { RepoRef } from './repo-ref.js';
import { type CommentMode, type StickyCommentResult, upsertStickyComment } from './sticky-comment.js';

export interface PublishOptions {
  client: GitHubClient;
  repo: RepoRef;
  headSha: string;
  checkRun: CheckRunContent | undefined;
  detailsUrl?: string;
  /** Stored on the check run (the App's delivery id) so a redelivery can be recognised. */
  externalId?: string;
  maxAnnotations?: number;
  comment?: {
    issueNumber: number;
    body: string;
    mode: CommentMode;
    worthPosting: boolean;
    ownLogin: string;
  };
}

export interface PublishResult {
  checkRun?: CheckRunResult;
  comment?: StickyCommentResult;
  problems: PermissionProblem[];
  /** Errors other than missing permissions, in the order they happened. */
  errors: unknown[];
}

export async function publishReport(options: PublishOptions): Promise<PublishResult> {
  const result: PublishResult = { problems: [], errors: [] };
  const { client, repo } = options;
  if (options.checkRun) {
    const content = options.checkRun;
    result.checkRun = await denied(
      result,
      { scope: 'checks', action: 'create the readiness check run' },
      () =>
        publishCheckRun({
          client,
          repo,
          headSha: options.headSha,
          content,
          ...(options.detailsUrl ? { detailsUrl: options.detailsUrl } : {}),
          ...(options.externalId ? { externalId: options.externalId } : {}),
          ...(options.maxAnnotations !== undefined ? { maxAnnotations: options.maxAnnotations } : {}),
        }),
    );
  }
  const comment = options.comment;
  if (comment && comment.mode !== 'never') {
    result.comment = await denied(
      result,
      { scope: 'pull-requests', action: 'post the pull request comment' },
      () => upsertStickyComment({ client, repo, ...comment }),
    );
  }
  return result;
}

async function denied<T>(
  result: PublishResult,
  problem: PermissionProblem,
  publish: () => Promise<T>,
): Promise<T | undefined> {
  try {
    return await publish();
  } catch (error) {
    if (isPermissionDenied(error)) result.problems.push(problem);
    else result.errors.push(error);
    return undefined;
  }
}
