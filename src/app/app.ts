// The Probot app: which webhooks start an evaluation, and the rules around them. Every delivery is
// handled at most once per process, work for one pull request runs one job at a time, and
// `/readiness recheck` obeys the same permission rules and reactions as the Action (src/github).
// Recheck comments that pile up while an evaluation runs share the next one (SerialQueue.coalesce).
// Nothing is kept between deliveries but caches, so any number of instances can share the load.

import type { ApplicationFunction, Context, Probot } from 'probot';
import { CHECK_RUN_NAME } from '../github/check-run.js';
import type { GitHubClient } from '../github/client.js';
import { describeError } from '../github/errors.js';
import { getPullRequest } from '../github/pull-request.js';
import { reactToComment } from '../github/reactions.js';
import { authorizeRecheck, isRecheckCommand } from '../github/recheck.js';
import type { RepoRef } from '../github/repo-ref.js';
import type { BlobCache } from './blob-cache.js';
import { DeliveryLog } from './delivery-log.js';
import { evaluateTarget, type Repository } from './evaluate-target.js';
import { type AppLog, type ClientTuning, Installations } from './installation.js';
import {
  type ListedPull,
  mergeGroupTarget,
  pullRequestTarget,
  pushTarget,
  rerunTarget,
  type Target,
} from './plan.js';
import { SerialQueue } from './serial-queue.js';

export interface ReadinessAppOptions {
  client?: ClientTuning;
  cache?: BlobCache;
  /** The App's slug, when known, saves one GET /app per process. */
  appSlug?: string;
  /** Shared with the server so a shutdown can wait for running jobs. */
  queue?: SerialQueue;
}

const PULL_REQUEST_ACTIONS = [
  'pull_request.opened',
  'pull_request.synchronize',
  'pull_request.reopened',
  'pull_request.edited',
  'pull_request.ready_for_review',
] as const;

interface RepositoryPayload {
  name: string;
  owner: { login: string };
  html_url: string;
  default_branch: string;
}

export function createReadinessApp(options: ReadinessAppOptions = {}): ApplicationFunction {
  return (app: Probot) => {
    const installations = new Installations(app, options.client, options.appSlug);
    const deliveries = new DeliveryLog();
    const queue = options.queue ?? new SerialQueue();

    /** Runs `work` once per delivery id; a failed delivery is forgotten so GitHub's redelivery runs again. */
    const deliver = async (context: Context, work: (delivery: Delivery) => Promise<void>) => {
      if (!deliveries.claim(context.id)) {
        context.log.info(`readiness: delivery ${context.id} was already handled; ignoring the repeat`);
        return;
      }
      const payload = context.payload as { repository?: RepositoryPayload; installation?: { id: number } };
      if (!payload.repository || !payload.installation) {
        context.log.warn('readiness: the event has no repository or installation; nothing to do');
        return;
      }
      const repository = repositoryOf(payload.repository);
      const installationId = payload.installation.id;
      const log = logOf(context);
      // A client per piece of work, made when the work starts: a delivery that waited in the queue
      // still starts with an installation token that has most of its hour left.
      const job = async (): Promise<Job> => ({
        client: await installations.client(installationId, log),
        repository,
        log,
        ownLogin: () => installations.ownLogin(),
      });
      try {
        await work({ repository, job });
      } catch (error) {
        deliveries.forget(context.id);
        log.error(`readiness: ${context.name} ${context.id} failed: ${describeError(error)}`);
        throw error;
      }
    };

    /** Runs `work` once per delivery id, after earlier work under the same key. */
    const handle = (context: Context, key: (repo: RepoRef) => string, work: Work) =>
      deliver(context, (delivery) =>
        queue.run(key(delivery.repository.ref), async () => work(await delivery.job())),
      );

    const evaluate = async (job: Job, target: Target) => {
      const ownLogin = target.pullNumber !== undefined ? await job.ownLogin() : undefined;
      const outcome = await evaluateTarget({
        client: job.client,
        repository: job.repository,
        target,
        log: job.log,
        ...(ownLogin ? { ownLogin } : {}),
        ...(options.cache ? { cache: options.cache } : {}),
      });
      if (outcome.kind === 'skipped') job.log.debug(`readiness: ${outcome.reason}`);
      if (outcome.kind === 'config-error') job.log.warn(`readiness: ${outcome.message}`);
      if (outcome.kind === 'no-checklist') job.log.info(`readiness: ${outcome.message}`);
    };

    app.on([...PULL_REQUEST_ACTIONS], async (context) => {
      const target = pullRequestTarget(context.payload.pull_request);
      await handle(context, pullKey(target.pullNumber), (job) => evaluate(job, target));
    });

    app.on('push', async (context) => {
      const target = pushTarget(context.payload);
      if (!target) return;
      await handle(
        context,
        (repo) => `${fullName(repo)}@${target.branch}`,
        (job) => evaluate(job, target),
      );
    });

    app.on('merge_group.checks_requested', async (context) => {
      const target = mergeGroupTarget(context.payload.merge_group);
      await handle(
        context,
        (repo) => `${fullName(repo)}@${target.headSha}`,
        (job) => evaluate(job, target),
      );
    });

    app.on('check_run.rerequested', async (context) => {
      const run = context.payload.check_run;
      if (run.name !== CHECK_RUN_NAME) return;
      await rerun(context, run.head_sha, run.check_suite?.head_branch ?? null, run.pull_requests);
    });

    app.on('check_suite.rerequested', async (context) => {
      const suite = context.payload.check_suite;
      await rerun(context, suite.head_sha, suite.head_branch, suite.pull_requests);
    });

    const rerun = async (context: Context, headSha: string, branch: string | null, pulls: ListedPull[]) => {
      const known = pulls.find((pull) => pull.head.sha === headSha);
      await handle(
        context,
        known ? pullKey(known.number) : (repo) => `${fullName(repo)}@${headSha}`,
        async (job) => {
          // Fork pull requests are missing from check payloads; the commit's pull requests say which it is.
          const candidates =
            pulls.length > 0 ? pulls : await openPullsWithHead(job.client, job.repository.ref, headSha);
          await evaluate(job, rerunTarget(headSha, branch, candidates));
        },
      );
    };

    app.on('issue_comment.created', async (context) => {
      const { issue, comment } = context.payload;
      // Checked before anything else: most comments are not commands and must cost no API call.
      if (!issue.pull_request || !isRecheckCommand(comment.body)) return;
      await deliver(context, async (delivery) => {
        // Permission and reactions belong to each comment; the evaluation is shared by every comment
        // that arrives while another evaluation of the pull request runs.
        const job = await delivery.job();
        const ownLogin = await job.ownLogin();
        const repo = job.repository.ref;
        const author = { login: comment.user?.login ?? '', type: comment.user?.type ?? 'User' };
        const decision = await authorizeRecheck(job.client, repo, author, ownLogin);
        const react = (content: 'eyes' | 'rocket' | 'confused') =>
          reactToComment(job.client, repo, comment.id, content, (message) => job.log.warn(message));
        if (!decision.allowed) {
          job.log.info(`readiness: ${decision.reason}`);
          if (decision.react) await react('confused');
          return;
        }
        await react('eyes');
        try {
          await queue.coalesce(pullKey(issue.number)(repo), async () => {
            // The comment carries no commit: evaluate the pull request as it is when this run starts.
            const run = await delivery.job();
            const pull = await getPullRequest(run.client, repo, issue.number);
            await evaluate(run, {
              headSha: pull.headSha,
              baseSha: pull.baseSha,
              branch: pull.baseRef,
              pullNumber: pull.number,
            });
          });
        } catch (error) {
          await react('confused');
          throw error;
        }
        await react('rocket');
      });
    });
  };
}

interface Job {
  client: GitHubClient;
  repository: Repository;
  log: AppLog;
  ownLogin(): Promise<string>;
}

type Work = (job: Job) => Promise<void>;

interface Delivery {
  repository: Repository;
  /** A client and the rest of a job's context, made when the job starts. */
  job(): Promise<Job>;
}

function repositoryOf(payload: RepositoryPayload): Repository {
  return {
    ref: { owner: payload.owner.login, repo: payload.name },
    htmlUrl: payload.html_url,
    defaultBranch: payload.default_branch,
  };
}

function fullName(repo: RepoRef): string {
  return `${repo.owner}/${repo.repo}`;
}

function pullKey(number: number | undefined) {
  return (repo: RepoRef) => `${fullName(repo)}#${number}`;
}

function logOf(context: Context): AppLog {
  return {
    debug: (message) => context.log.debug(message),
    info: (message) => context.log.info(message),
    warn: (message) => context.log.warn(message),
    error: (message) => context.log.error(message),
  };
}

async function openPullsWithHead(client: GitHubClient, repo: RepoRef, sha: string): Promise<ListedPull[]> {
  const { data } = await client.rest.repos.listPullRequestsAssociatedWithCommit({ ...repo, commit_sha: sha });
  return data
    .filter((pull) => pull.state === 'open' && pull.head.sha === sha)
    .map((pull) => ({
      number: pull.number,
      head: { sha: pull.head.sha },
      base: { sha: pull.base.sha, ref: pull.base.ref },
    }));
}
