// One evaluation, end to end: configuration from the default branch, head and base read over the
// API and checked by the same use case as the CLI and the Action (checkChange), then the same
// check run and sticky comment the Action publishes, rendered by the same renderers.

import { checkChange } from '../core/check-change.js';
import { ConfigError } from '../core/config.js';
import { describeNoChecklist } from '../core/discover.js';
import { renderCheckRun } from '../core/render/check-run.js';
import { renderMarkdown } from '../core/render/markdown.js';
import type { Report } from '../core/types.js';
import { ApiRepoReader } from '../github/api-repo-reader.js';
import type { BlobCache } from '../github/blob-cache.js';
import { publishCheckRun } from '../github/check-run.js';
import type { GitHubClient } from '../github/client.js';
import { worthPosting } from '../github/comment-policy.js';
import { describeError } from '../github/errors.js';
import { type PublishResult, publishReport } from '../github/publish.js';
import type { RepoRef } from '../github/repo-ref.js';
import { DEFAULT_MARKER } from '../github/sticky-comment.js';
import { loadAppConfig } from './app-config.js';
import type { AppLog } from './installation.js';
import { gateModeFor, type Target } from './plan.js';

export interface Repository {
  ref: RepoRef;
  /** https://github.com/owner/repo (or the GHES equivalent), for evidence links. */
  htmlUrl: string;
  defaultBranch: string;
}

export interface EvaluateTargetOptions {
  client: GitHubClient;
  repository: Repository;
  target: Target;
  /** Login whose comment is the sticky one; needed only when the target has a pull request. */
  ownLogin?: string;
  log: AppLog;
  cache?: BlobCache;
  /** Stored on the check run, so a redelivery of this delivery is recognised by any replica. */
  deliveryId?: string;
  /**
   * Asked just before publishing: false when the pull request's head has moved on since the target
   * was planned. The newer evaluation publishes; an older result never overwrites it.
   */
  isCurrent?: () => Promise<boolean>;
}

export type EvaluateOutcome =
  | { kind: 'published'; report: Report; published: PublishResult }
  | { kind: 'skipped'; reason: string }
  | { kind: 'superseded'; report: Report }
  | { kind: 'no-checklist'; message: string }
  | { kind: 'config-error'; message: string };

export async function evaluateTarget(options: EvaluateTargetOptions): Promise<EvaluateOutcome> {
  const { client, repository, target, log } = options;
  const repo = repository.ref;
  let loaded: Awaited<ReturnType<typeof loadAppConfig>>;
  try {
    loaded = await loadAppConfig(client, repo, repository.defaultBranch);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    await publishConfigError(client, repo, target.headSha, error.message);
    return { kind: 'config-error', message: error.message };
  }
  const { config } = loaded;
  const mode = gateModeFor(target.branch, config['release-branches']);
  if (target.releaseOnly && mode !== 'release') {
    return { kind: 'skipped', reason: `${target.branch} is not a release branch` };
  }

  const reader = (sha: string) =>
    new ApiRepoReader({ client, repo, sha, ...(options.cache ? { cache: options.cache } : {}) });
  const headReader = reader(target.headSha);
  // Head first, so the base finds the blobs they share in the cache.
  const baseReader = target.baseSha ? reader(target.baseSha) : undefined;
  const outcome = await checkChange({
    head: headReader,
    ...(baseReader ? { base: baseReader } : {}),
    config,
    mode,
    notes: loaded.sources.length > 0 ? [`Configuration: ${loaded.sources.join(' over ')}.`] : [],
  });
  headReader.assertComplete();
  if (outcome.kind === 'no-checklist') {
    // Installed organisation-wide, most repositories have no checklist: stay silent there. A
    // repository with its own config asked for a check, so say why there is nothing to judge.
    if (!loaded.ownFile) return { kind: 'skipped', reason: 'no checklist and no .github/readiness.yml' };
    const message = describeNoChecklist(outcome.head.discovery, [], outcome.head.skipped);
    await publishCheckRun({
      client,
      repo,
      headSha: target.headSha,
      content: { title: 'no checklist found', summary: message, conclusion: 'neutral', annotations: [] },
    });
    return { kind: 'no-checklist', message };
  }
  baseReader?.assertComplete();
  const { report } = outcome;

  const link = (path: string, line?: number) =>
    `${repository.htmlUrl}/blob/${target.headSha}/${path}${line ? `#L${line}` : ''}`;
  const overflowNote =
    target.pullNumber !== undefined
      ? `The [readiness check](${repository.htmlUrl}/pull/${target.pullNumber}/checks) annotates every item that needs attention.`
      : undefined;
  const renderOptions = { link, ...(overflowNote ? { overflowNote } : {}) };
  const checkRun = renderCheckRun(report, renderOptions);
  if (options.isCurrent && !(await options.isCurrent())) return { kind: 'superseded', report };
  const published = await publishReport({
    client,
    repo,
    headSha: target.headSha,
    checkRun,
    ...(options.deliveryId ? { externalId: options.deliveryId } : {}),
    ...(target.pullNumber !== undefined && options.ownLogin
      ? {
          comment: {
            issueNumber: target.pullNumber,
            body: renderMarkdown(report, { ...renderOptions, marker: DEFAULT_MARKER }),
            mode: 'auto' as const,
            worthPosting: worthPosting(report),
            ownLogin: options.ownLogin,
          },
        }
      : {}),
  });
  for (const problem of published.problems) {
    log.warn(
      `readiness could not ${problem.action}: the installation lacks ${problem.scope}: write; ` +
        'accept the permissions the App requests in the installation settings',
    );
  }
  if (published.errors.length > 0) {
    // Fails the delivery, so GitHub lists it as failed (and it can be redelivered) and the log names the request.
    throw new Error(
      `could not publish to GitHub: ${published.errors.map(describeError).join('; ')}. ` +
        'Redeliver the webhook, push again or comment /readiness recheck once GitHub answers.',
    );
  }
  log.info(
    `readiness ${repo.owner}/${repo.repo}@${target.headSha.slice(0, 7)}: ${report.summary.items} items, ` +
      `gate ${report.gate.passed ? 'passed' : 'failed'} (${mode})`,
  );
  return { kind: 'published', report, published };
}

/** A broken configuration fails the check where people look, instead of silently passing. */
async function publishConfigError(client: GitHubClient, repo: RepoRef, headSha: string, message: string) {
  await publishCheckRun({
    client,
    repo,
    headSha,
    content: {
      title: 'readiness: configuration error',
      summary: `Readiness did not run because its configuration is invalid.\n\n\`\`\`\n${message}\n\`\`\``,
      conclusion: 'failure',
      annotations: [],
    },
  });
}
