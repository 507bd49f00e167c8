// The Probot app: which webhooks start an evaluation, and the rules around them. Every delivery is
// handled at most once per process, work for one pull request runs one job at a time, and
// `/readiness recheck` obeys the same permission rules and reactions as the Action (src/github).
// Recheck comments that pile up while an evaluation runs share the next one (SerialQueue.coalesce).
// Nothing is kept between deliveries but caches, so any number of replicas can share the load; what
// keeps replicas from contradicting each other lives on GitHub (docs/app.md, "Scaling out"): a
// pull request event whose head is no longer the pull request's head is not evaluated, nor published
// when the head moves during the evaluation; the check run records the delivery id, so a
// redelivery that reaches another replica is recognised; the sticky comment folds duplicates.
// Each delivery ends with one log line, `readiness: delivery <id> <event>: <outcome>`.

import type { ApplicationFunction, Context, Probot } from 'probot';
import type { BlobCache } from '../github/blob-cache.js';
import { CHECK_RUN_NAME, hasCheckRunFor } from '../github/check-run.js';
import type { GitHubClient } from '../github/client.js';
import { describeError } from '../github/errors.js';
import { getPullRequest, type PullRequestInfo } from '../github/pull-request.js';
import { isRecheckCommand, recheck } from '../github/recheck.js';
import type { RepoRef } from '../github/repo-ref.js';
import { DeliveryLog } from './delivery-log.js';
import { evaluateTarget, type Repository } from './evaluate-target.js';
import { InFlight } from './in-flight.js';
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
  /** Shared with the server so a shutdown can wait for running deliveries. */
  inFlight?: InFlight;
}

/**
 * How a delivery ended, logged once per delivery. Evaluations ran for `published`, `caught-up`
 * (published, found the head had moved meanwhile, and published the newer head too), `superseded`
 * (the head moved during the evaluation, so nothing was published), `skipped`, `no-checklist` and
 * `config-error`.
 */
export type DeliveryOutcome =
  | 'published'
  | 'caught-up'
  | 'superseded'
  | 'skipped'
  | 'config-error'
  | 'no-checklist'
  | 'stale'
  | 'already-published'
  | 'repeat'
  | 'shared'
  | 'refused'
  | 'failed';

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
    const queue = new SerialQueue();
    const inFlight = options.inFlight ?? new InFlight();

    /** Runs `work` once per delivery id; a failed delivery is forgotten so GitHub's redelivery runs again. */
    const deliver = (context: Context, work: (delivery: Delivery) => Promise<DeliveryOutcome | Finished>) =>
      inFlight.track(deliverOnce(context, work));

    const deliverOnce = async (
      context: Context,
      work: (delivery: Delivery) => Promise<DeliveryOutcome | Finished>,
    ) => {
      const event = 'action' in context.payload ? `${context.name}.${context.payload.action}` : context.name;
      const done = (result: DeliveryOutcome | Finished) => {
        const { outcome, evaluations = 1 } = typeof result === 'string' ? { outcome: result } : result;
        const count = evaluations > 1 ? ` after ${evaluations} evaluations` : '';
        context.log.info(`readiness: delivery ${context.id} ${event}: ${outcome}${count}`);
      };
      if (!deliveries.claim(context.id)) {
        done('repeat');
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
        deliveryId: context.id,
        ownLogin: () => installations.ownLogin(),
      });
      try {
        done(await work({ repository, job }));
      } catch (error) {
        deliveries.forget(context.id);
        done('failed');
        log.error(`readiness: ${context.name} ${context.id} failed: ${describeError(error)}`);
        throw error;
      }
    };

    /** Runs `work` once per delivery id, after earlier work under the same key. */
    const handle = (context: Context, key: (repo: RepoRef) => string, work: Work) =>
      deliver(context, (delivery) =>
        queue.run(key(delivery.repository.ref), async () => work(await delivery.job())),
      );

    const evaluateOnce = async (job: Job, target: Target): Promise<DeliveryOutcome> => {
      const pullNumber = target.pullNumber;
      const ownLogin = pullNumber !== undefined ? await job.ownLogin() : undefined;
      const outcome = await evaluateTarget({
        client: job.client,
        repository: job.repository,
        target,
        log: job.log,
        deliveryId: job.deliveryId,
        ...(ownLogin ? { ownLogin } : {}),
        ...(options.cache ? { cache: options.cache } : {}),
        ...(pullNumber !== undefined
          ? { isCurrent: () => isHead(job.client, job.repository.ref, pullNumber, target) }
          : {}),
      });
      if (outcome.kind === 'skipped') job.log.debug(`readiness: ${outcome.reason}`);
      if (outcome.kind === 'config-error') job.log.warn(`readiness: ${outcome.message}`);
      if (outcome.kind === 'no-checklist') job.log.info(`readiness: ${outcome.message}`);
      return outcome.kind;
    };

    /**
     * Evaluates and publishes; then, for a pull request, looks at its head once more. A head that
     * moved while this replica published means another replica may have published the newer head
     * just before this write and been overwritten, so this replica evaluates the newer head too. The
     * last write to a pull request is then always made by a replica that saw its head unchanged
     * after writing: the comment and the latest check run end on the final head.
     */
    const evaluate = async (job: Job, target: Target): Promise<Finished> => {
      let current = target;
      for (let evaluations = 1; ; evaluations++) {
        const outcome = await evaluateOnce(job, current);
        const number = current.pullNumber;
        if (outcome !== 'published' || number === undefined) return { outcome, evaluations };
        const pull = await getPullRequest(job.client, job.repository.ref, number);
        if (pull.headSha === current.headSha || lags(pull, current)) {
          return { outcome: evaluations > 1 ? 'caught-up' : 'published', evaluations };
        }
        if (evaluations >= MAX_CATCH_UP) {
          job.log.warn(
            `readiness: the head of #${number} kept moving while publishing (${evaluations} evaluations); ` +
              'the next push or /readiness recheck publishes the newest',
          );
          return { outcome: 'caught-up', evaluations };
        }
        current = targetOf(pull);
      }
    };

    app.on([...PULL_REQUEST_ACTIONS], async (context) => {
      const pull = context.payload.pull_request;
      const target = pullRequestTarget(pull);
      await handle(context, pullKey(pull.number), async (job) => {
        // Two reads instead of an evaluation: a burst of pushes evaluates the last one only, and a
        // redelivery that another replica already published is answered from GitHub's record.
        const [current, handled] = await Promise.all([
          isHead(job.client, job.repository.ref, pull.number, target),
          hasCheckRunFor(job.client, job.repository.ref, target.headSha, job.deliveryId),
        ]);
        if (!current) return 'stale';
        if (handled) return 'already-published';
        return evaluate(job, target);
      });
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
          return evaluate(job, rerunTarget(headSha, branch, candidates));
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
        // Set by this comment's own job, if it is the one that runs; the others share its evaluation.
        let outcome: DeliveryOutcome | Finished = 'shared';
        const checked = await recheck({
          client: job.client,
          repo,
          author,
          commentId: comment.id,
          ownLogin,
          warn: (message) => job.log.warn(message),
          evaluate: () =>
            queue.coalesce(pullKey(issue.number)(repo), async () => {
              // The comment carries no commit: evaluate the pull request as it is when this run starts.
              const run = await delivery.job();
              const pull = await getPullRequest(run.client, repo, issue.number);
              outcome = await evaluate(run, targetOf(pull));
            }),
        });
        if (!checked.ran) {
          job.log.info(`readiness: ${checked.reason}`);
          return 'refused';
        }
        return outcome;
      });
    });
  };
}

interface Job {
  client: GitHubClient;
  repository: Repository;
  log: AppLog;
  deliveryId: string;
  ownLogin(): Promise<string>;
}

/** A delivery's outcome, and how many evaluations it ran when more than one. */
interface Finished {
  outcome: DeliveryOutcome;
  evaluations?: number;
}

type Work = (job: Job) => Promise<DeliveryOutcome | Finished>;

/** Evaluations one delivery may run to catch up with a head that moves while it publishes. */
const MAX_CATCH_UP = 5;

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

/**
 * Whether the target's head is still the pull request's head: a newer push makes an older result
 * stale. A read that GitHub answers from a snapshot older than the one the target came from (a
 * replica lagging behind the push that sent the event) proves nothing, so the target stands.
 */
async function isHead(client: GitHubClient, repo: RepoRef, number: number, target: Target): Promise<boolean> {
  const pull = await getPullRequest(client, repo, number);
  return pull.headSha === target.headSha || lags(pull, target);
}

function lags(pull: PullRequestInfo, target: Target): boolean {
  if (!pull.updatedAt || !target.updatedAt) return false;
  return Date.parse(pull.updatedAt) < Date.parse(target.updatedAt);
}

/** The pull request as GitHub describes it now, as a target. */
function targetOf(pull: PullRequestInfo): Target {
  return {
    headSha: pull.headSha,
    baseSha: pull.baseSha,
    branch: pull.baseRef,
    pullNumber: pull.number,
    ...(pull.updatedAt ? { updatedAt: pull.updatedAt } : {}),
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
