// The GitHub Action: decide what the event asks for, evaluate the checklists, publish the check
// run, sticky comment and job summary, and fail the job when the gate fails. Every error ends
// in core.setFailed with a one-line reason; nothing is left as an unhandled rejection.

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import * as core from '@actions/core';
import packageJson from '../../package.json' with { type: 'json' };
import { runCheck } from '../checkout/run-check.js';
import { NoChecklistError } from '../core/errors.js';
import { type CheckRunOutput, renderCheckRun } from '../core/render/check-run.js';
import { renderJson } from '../core/render/json.js';
import { renderMarkdown } from '../core/render/markdown.js';
import { renderSarif } from '../core/render/sarif.js';
import { type Report, STATUSES } from '../core/types.js';
import type { CheckRunContent } from '../github/check-run.js';
import { createGitHubClient, type GitHubClient } from '../github/client.js';
import { worthPosting } from '../github/comment-policy.js';
import { describeError } from '../github/errors.js';
import { resolveOwnLogin } from '../github/identity.js';
import { permissionAdvice } from '../github/permissions.js';
import { publishReport } from '../github/publish.js';
import { getPullRequest } from '../github/pull-request.js';
import { recheck } from '../github/recheck.js';
import { DEFAULT_MARKER } from '../github/sticky-comment.js';
import { type Evaluation, modeFor, planEvent, type Recheck } from './events.js';
import { type RunEnvironment, readRunEnvironment } from './github-env.js';
import { type ActionInputs, type FailOn, parseInputs } from './inputs.js';
import { logItemProblems } from './log-items.js';
import { checkoutDetached, currentCommit, ensureCommit } from './revisions.js';

// The runner rejects step summaries over 1 MiB; characters can take several bytes, so leave room.
const JOB_SUMMARY_MAX = 500_000;

export async function run(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  try {
    await runAction(env);
  } catch (error) {
    core.setFailed(`readiness: ${describeError(error)}`);
  }
}

async function runAction(env: NodeJS.ProcessEnv): Promise<void> {
  const inputs = parseInputs((name) => core.getInput(name));
  const context = readRunEnvironment(env);
  const plan = planEvent({
    eventName: context.eventName,
    payload: context.payload,
    sha: context.sha,
    ref: context.ref,
    gate: inputs.gate,
    releaseBranches: inputs['release-branches'],
  });
  if (plan.kind === 'skip') {
    core.info(`readiness: ${plan.reason}`);
    core.setOutput('status', 'skipped');
    return;
  }
  const client = createGitHubClient({
    token: inputs['github-token'],
    baseUrl: context.apiUrl,
    log: { debug: core.debug, warning: core.warning },
    requestTimeoutMs: inputs['api-timeout'] * 1000,
    timeoutAdvice: `raise the \`api-timeout\` input (seconds per GitHub request, now ${inputs['api-timeout']})`,
  });
  if (plan.kind === 'evaluate') {
    await evaluateAndPublish(client, context, inputs, plan);
    return;
  }
  await recheckPull(client, context, inputs, plan);
}

async function recheckPull(
  client: GitHubClient,
  context: RunEnvironment,
  inputs: ActionInputs,
  plan: Recheck,
) {
  const ownLogin = await resolveOwnLogin(client, undefined, inputs['github-token']);
  const outcome = await recheck({
    client,
    repo: context.repo,
    author: plan.author,
    commentId: plan.commentId,
    ownLogin,
    warn: core.warning,
    evaluate: async () => {
      const pull = await getPullRequest(client, context.repo, plan.pullNumber);
      await evaluateAndPublish(
        client,
        context,
        inputs,
        {
          kind: 'evaluate',
          headSha: pull.headSha,
          baseSha: pull.baseSha,
          mode: modeFor({ gate: inputs.gate, releaseBranches: inputs['release-branches'] }, pull.baseRef),
          pullNumber: pull.number,
          fromFork: pull.fromFork,
          needsHeadCheckout: true,
        },
        ownLogin,
      );
    },
  });
  if (!outcome.ran) {
    core.notice(`readiness: ${outcome.reason}`);
    core.setOutput('status', 'skipped');
  }
}

async function evaluateAndPublish(
  client: GitHubClient,
  context: RunEnvironment,
  inputs: ActionInputs,
  evaluation: Evaluation,
  knownLogin?: string,
): Promise<void> {
  const { root, cleanup } = await headTree(context, evaluation);
  let report: Report;
  try {
    report = await evaluate(context, inputs, evaluation, root);
  } catch (error) {
    if (!(error instanceof NoChecklistError)) throw error;
    await publishNoChecklist(client, context, evaluation, error.message);
    return;
  } finally {
    await cleanup();
  }
  const passed = gatePassed(report, inputs['fail-on']);
  const prefix = repoPrefix(context.workspace, inputs['working-directory']);
  const link = (path: string, line?: number) =>
    `${context.serverUrl}/${context.repo.owner}/${context.repo.repo}/blob/${evaluation.headSha}/${prefix}${path}` +
    (line ? `#L${line}` : '');
  const overflowNote = context.runUrl
    ? `The full report is in the [job summary](${context.runUrl}).`
    : undefined;
  const renderOptions = { link, ...(overflowNote ? { overflowNote } : {}) };

  const reportPath = join(context.tempDir, 'readiness-report.json');
  writeFileSync(reportPath, renderJson(report));
  if (inputs.sarif) {
    const sarifPath = resolve(context.workspace, inputs.sarif);
    mkdirSync(dirname(sarifPath), { recursive: true });
    writeFileSync(sarifPath, renderSarif(report, { toolVersion: packageJson.version }));
  }

  const wantsComment = evaluation.pullNumber !== undefined && inputs.comment !== 'never';
  const published = await publishReport({
    client,
    repo: context.repo,
    headSha: evaluation.headSha,
    checkRun: checkRunContent(renderCheckRun(report, renderOptions), report, passed, inputs, prefix),
    ...(context.runUrl ? { detailsUrl: context.runUrl } : {}),
    ...(wantsComment && evaluation.pullNumber !== undefined
      ? {
          comment: {
            issueNumber: evaluation.pullNumber,
            body: renderMarkdown(report, { ...renderOptions, marker: DEFAULT_MARKER }),
            mode: inputs.comment,
            worthPosting: worthPosting(report),
            ownLogin: knownLogin ?? (await resolveOwnLogin(client, undefined, inputs['github-token'])),
          },
        }
      : {}),
  });
  const publishError =
    published.errors.length > 0
      ? `could not publish to GitHub: ${published.errors.map(describeError).join('; ')}. The next run publishes afresh.`
      : undefined;
  if (publishError) core.error(`readiness: ${publishError}`);

  const advice =
    published.problems.length > 0
      ? permissionAdvice(published.problems, { eventName: context.eventName, fromFork: evaluation.fromFork })
      : undefined;
  if (advice) core.warning(advice);
  await writeJobSummary(renderMarkdown(report, { link, maxLength: JOB_SUMMARY_MAX }), advice);
  if (inputs.annotations) logItemProblems(report, prefix);

  core.setOutput('status', passed ? 'passed' : 'failed');
  core.setOutput('passed', String(passed));
  for (const status of ['items', ...STATUSES] as const)
    core.setOutput(status, String(report.summary[status]));
  core.setOutput('report-path', reportPath);
  core.setOutput('comment-url', published.comment?.url ?? '');
  core.setOutput('check-run-url', published.checkRun?.url ?? '');
  core.info(
    `readiness: ${report.summary.items} items, gate ${report.gate.passed ? 'passed' : 'failed'} (${report.gate.mode})`,
  );

  if (!passed) {
    core.setFailed(
      `readiness gate failed (${report.gate.mode} mode): ${report.gate.failures.length} failing ${report.gate.failures.length === 1 ? 'item' : 'items'}; see the job summary`,
    );
  } else if (publishError) {
    core.setFailed(`readiness: ${publishError}`);
  }
}

/**
 * No checklist is not a pass (the gate contract): a neutral `readiness` check run says what was
 * looked for, the job warns but does not fail (nothing was judged), and no comment is posted.
 */
async function publishNoChecklist(
  client: GitHubClient,
  context: RunEnvironment,
  evaluation: Evaluation,
  message: string,
): Promise<void> {
  const published = await publishReport({
    client,
    repo: context.repo,
    headSha: evaluation.headSha,
    checkRun: { title: 'no checklist found', summary: message, conclusion: 'neutral', annotations: [] },
    ...(context.runUrl ? { detailsUrl: context.runUrl } : {}),
  });
  for (const error of published.errors)
    core.error(`readiness: could not publish to GitHub: ${describeError(error)}`);
  if (published.problems.length > 0)
    core.warning(
      permissionAdvice(published.problems, { eventName: context.eventName, fromFork: evaluation.fromFork }),
    );
  await writeJobSummary(`## readiness: no checklist found\n\n${message}\n`, undefined);
  core.warning(`readiness: ${message}`);
  core.setOutput('status', 'no-checklist');
  core.setOutput('passed', 'false');
  core.setOutput('check-run-url', published.checkRun?.url ?? '');
}

/** The folder holding the head: the workspace, or a worktree when the event checked out something else. */
async function headTree(context: RunEnvironment, evaluation: Evaluation) {
  const noCleanup = { root: context.workspace, cleanup: async () => undefined };
  if (!evaluation.needsHeadCheckout) return noCleanup;
  if ((await currentCommit(context.workspace)) === evaluation.headSha) return noCleanup;
  if (!(await ensureCommit(context.workspace, evaluation.headSha))) {
    throw new Error(
      `the pull request head ${evaluation.headSha} is not in the checkout and could not be fetched; ` +
        'check out the repository with actions/checkout before this step',
    );
  }
  const checkout = await checkoutDetached(context.workspace, evaluation.headSha, context.tempDir);
  core.info(`readiness: evaluating ${evaluation.headSha} checked out at ${checkout.dir}`);
  return { root: checkout.dir, cleanup: checkout.remove };
}

async function evaluate(context: RunEnvironment, inputs: ActionInputs, evaluation: Evaluation, root: string) {
  let base = evaluation.baseSha;
  if (base && !(await ensureCommit(context.workspace, base))) {
    core.warning(
      `readiness: base commit ${base} is not in the checkout and could not be fetched, so nothing is compared ` +
        'and every unbacked item counts; use actions/checkout with fetch-depth: 0',
    );
    base = undefined;
  }
  return runCheck({
    dir: resolve(root, inputs['working-directory']),
    mode: evaluation.mode,
    ...(base ? { base } : {}),
    ...(inputs.config ? { configPath: resolve(context.workspace, inputs.config) } : {}),
    ...(inputs.checklists.length > 0 ? { checklists: inputs.checklists } : {}),
    ...(inputs['cache-dir']
      ? {
          cache: {
            dir: resolve(context.workspace, inputs['cache-dir']),
            warn: (message) => core.warning(message),
          },
        }
      : {}),
  });
}

export function gatePassed(report: Report, failOn: FailOn): boolean {
  if (failOn.kind === 'never') return true;
  if (failOn.kind === 'gate') return report.gate.passed;
  return failOn.statuses.every((status) => report.summary[status] === 0);
}

/** `auto` comments only speak up about changes and problems; quiet passes stay quiet. */

function checkRunContent(
  output: CheckRunOutput,
  report: Report,
  passed: boolean,
  inputs: ActionInputs,
  prefix: string,
): CheckRunContent {
  // fail-on can overrule the gate; a gate failure the user chose to tolerate shows as neutral, not green.
  const conclusion = !passed ? 'failure' : report.gate.passed ? output.conclusion : 'neutral';
  return {
    title: output.title,
    summary: output.summary,
    conclusion,
    annotations: inputs.annotations
      ? output.annotations.map((annotation) => ({ ...annotation, path: `${prefix}${annotation.path}` }))
      : [],
  };
}

/** Report paths are relative to the working directory; GitHub wants them relative to the repository. */
function repoPrefix(workspace: string, workingDirectory: string): string {
  const folder = relative(workspace, resolve(workspace, workingDirectory)).split('\\').join('/');
  return folder && !folder.startsWith('..') ? `${folder}/` : '';
}

async function writeJobSummary(markdown: string, advice: string | undefined): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  const summary = core.summary.addRaw(advice ? `> [!WARNING]\n> ${advice.split('\n').join('\n> ')}\n\n` : '');
  await summary.addRaw(markdown).write();
}
