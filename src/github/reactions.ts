// Reactions are acknowledgements, not results: failing to add one is logged and never fails a run.

import type { GitHubClient } from './client.js';
import { describeError } from './errors.js';
import type { RepoRef } from './repo-ref.js';

export type Reaction = 'eyes' | 'rocket' | 'confused';

export async function reactToComment(
  client: GitHubClient,
  repo: RepoRef,
  commentId: number,
  content: Reaction,
  warn: (message: string) => void,
): Promise<void> {
  try {
    await client.rest.reactions.createForIssueComment({ ...repo, comment_id: commentId, content });
  } catch (error) {
    warn(`could not react ${content} to comment ${commentId}: ${describeError(error)}`);
  }
}
