// The pull request as it is now on GitHub (a comment event carries no head SHA, and a push may
// have moved the head since the event was sent).

import type { GitHubClient } from './client.js';
import type { RepoRef } from './repo-ref.js';

export interface PullRequestInfo {
  number: number;
  url: string;
  headSha: string;
  headRef: string;
  baseSha: string;
  baseRef: string;
  /** The head branch lives in another repository, so this repository's secrets and write token are withheld. */
  fromFork: boolean;
  /** When GitHub last changed the pull request (ISO 8601), to tell a lagging read from a newer one. */
  updatedAt?: string;
}

export async function getPullRequest(
  client: GitHubClient,
  repo: RepoRef,
  number: number,
): Promise<PullRequestInfo> {
  const { data } = await client.rest.pulls.get({ ...repo, pull_number: number });
  return {
    number: data.number,
    url: data.html_url,
    headSha: data.head.sha,
    headRef: data.head.ref,
    baseSha: data.base.sha,
    baseRef: data.base.ref,
    fromFork: (data.head.repo?.full_name ?? '') !== (data.base.repo?.full_name ?? ''),
    ...(data.updated_at ? { updatedAt: data.updated_at } : {}),
  };
}
