// Who may ask for a recheck, and what to tell people whose token cannot publish.

import type { GitHubClient } from './client.js';
import { httpStatus } from './errors.js';
import type { RepoRef } from './repo-ref.js';

export type RepositoryPermission = 'admin' | 'maintain' | 'write' | 'triage' | 'read' | 'none';

const MAY_RECHECK: ReadonlySet<RepositoryPermission> = new Set(['admin', 'maintain', 'write']);

export async function repositoryPermission(
  client: GitHubClient,
  repo: RepoRef,
  username: string,
): Promise<RepositoryPermission> {
  try {
    const { data } = await client.rest.repos.getCollaboratorPermissionLevel({ ...repo, username });
    // role_name distinguishes maintain/triage, which `permission` folds into write/read.
    const role = data.role_name as RepositoryPermission;
    return MAY_RECHECK.has(role) || role === 'triage' ? role : (data.permission as RepositoryPermission);
  } catch (error) {
    if (httpStatus(error) === 404) return 'none';
    throw error;
  }
}

export function mayRecheck(permission: RepositoryPermission): boolean {
  return MAY_RECHECK.has(permission);
}

/** A publication the token was not allowed to make. */
export interface PermissionProblem {
  /** The `permissions:` scope that was missing. */
  scope: 'checks' | 'pull-requests';
  action: string;
}

export interface AdviceContext {
  eventName: string;
  fromFork: boolean;
}

/** What to change in the workflow, as Markdown (job summary) that also reads well as a plain log line. */
export function permissionAdvice(problems: PermissionProblem[], context: AdviceContext): string {
  const scopes = [...new Set(problems.map((problem) => problem.scope))];
  const actions = problems.map((problem) => problem.action).join(' and ');
  const lines = [`Readiness could not ${actions}: the token is read-only for ${scopes.join(', ')}.`];
  if (context.fromFork && context.eventName === 'pull_request') {
    lines.push(
      'This pull request comes from a fork, and GitHub gives `pull_request` workflows from forks a read-only token.',
      'Fix it with either:',
      '1. `on: pull_request_target` with a safe checkout of the head (Readiness never runs code from the PR):',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression for the user to copy.
      '   `- uses: actions/checkout@v4` with `ref: ${{ github.event.pull_request.head.sha }}` and `persist-credentials: false`;',
      '2. or the two-workflow pattern: evaluate on `pull_request` and upload the JSON report as an artifact,',
      '   then publish it from a second workflow `on: workflow_run` that has write permissions.',
    );
  }
  lines.push(
    'Give the job these permissions:',
    '```yaml',
    'permissions:',
    '  contents: read',
    '  checks: write',
    '  pull-requests: write',
    '```',
    'The report was still evaluated, and the gate still decides whether this job fails.',
  );
  return lines.join('\n');
}
