// The `readiness` check run. It is created already completed, with its conclusion, so an outage
// while appending annotations can never leave a required check stuck "in progress"; annotations
// beyond the first 50 are appended by updates, 50 per request (GitHub's limit). GitHub refuses a
// whole request (422) for one annotation it will not take; the conclusion matters more than the
// annotations, so a refused batch is left out with a warning instead of failing the publication.

import type { GitHubClient } from './client.js';
import { describeError, httpStatus } from './errors.js';
import type { RepoRef } from './repo-ref.js';

export const CHECK_RUN_NAME = 'readiness';
export const ANNOTATIONS_PER_REQUEST = 50;
export const DEFAULT_MAX_ANNOTATIONS = 500;
const MAX_OUTPUT_LENGTH = 65_535;
const MAX_ANNOTATION_TITLE = 255;
const MAX_ANNOTATION_MESSAGE = 64 * 1024 - 1;

export type CheckConclusion = 'success' | 'failure' | 'neutral' | 'action_required' | 'skipped';

export interface CheckRunAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: 'notice' | 'warning' | 'failure';
  message: string;
  title?: string;
  raw_details?: string;
}

export interface CheckRunContent {
  title: string;
  summary: string;
  text?: string;
  conclusion: CheckConclusion;
  annotations: CheckRunAnnotation[];
}

export interface CheckRunOptions {
  client: GitHubClient;
  repo: RepoRef;
  headSha: string;
  content: CheckRunContent;
  detailsUrl?: string;
  externalId?: string;
  maxAnnotations?: number;
}

export interface CheckRunResult {
  id: number;
  url: string;
  /** Annotations GitHub accepted. */
  annotations: number;
  /** Annotations over `maxAnnotations`, never sent. */
  droppedAnnotations: number;
  /** Annotations in batches GitHub refused (422). */
  rejectedAnnotations: number;
}

export async function publishCheckRun(options: CheckRunOptions): Promise<CheckRunResult> {
  const { client, repo, content } = options;
  const max = options.maxAnnotations ?? DEFAULT_MAX_ANNOTATIONS;
  const annotations = content.annotations.slice(0, max).map(fitAnnotation);
  const dropped = content.annotations.length - annotations.length;
  const summary = fitOutput(
    dropped > 0
      ? `${content.summary}\n\n> Showing ${annotations.length} of ${content.annotations.length} annotations; ` +
          'the job summary and the JSON report list every item.'
      : content.summary,
  );
  const output = {
    title: fitTitle(content.title),
    summary,
    ...(content.text ? { text: fitOutput(content.text) } : {}),
  };
  const batches = chunk(annotations, ANNOTATIONS_PER_REQUEST);
  let rejected = 0;
  const isRefusal = (error: unknown, batch: CheckRunAnnotation[]) =>
    httpStatus(error) === 422 && batch.length > 0;
  const leaveOut = (batch: CheckRunAnnotation[], error: unknown) => {
    rejected += batch.length;
    // The log, not the check run: GitHub's message may quote annotation text.
    client.log.warn(
      `readiness: GitHub refused ${batch.length} annotations of the check run (${describeError(error)}); ` +
        'the check run keeps its conclusion without them, and the report lists every item.',
    );
  };
  const create = (batch: CheckRunAnnotation[]) =>
    client.rest.checks.create({
      ...repo,
      name: CHECK_RUN_NAME,
      head_sha: options.headSha,
      status: 'completed',
      conclusion: content.conclusion,
      completed_at: new Date().toISOString(),
      ...(options.detailsUrl ? { details_url: options.detailsUrl } : {}),
      ...(options.externalId ? { external_id: options.externalId } : {}),
      output: { ...output, annotations: batch },
    });
  const first = batches[0] ?? [];
  let created: Awaited<ReturnType<typeof create>>['data'];
  try {
    created = (await create(first)).data;
  } catch (error) {
    // Once more without annotations; a 422 for another reason (an unknown SHA) fails again and is thrown.
    if (!isRefusal(error, first)) throw error;
    created = (await create([])).data;
    leaveOut(first, error);
  }
  for (const batch of batches.slice(1)) {
    try {
      await client.rest.checks.update({
        ...repo,
        check_run_id: created.id,
        output: { ...output, annotations: batch },
      });
    } catch (error) {
      if (!isRefusal(error, batch)) throw error;
      leaveOut(batch, error);
    }
  }
  return {
    id: created.id,
    url: created.html_url ?? `https://github.com/${repo.owner}/${repo.repo}/runs/${created.id}`,
    annotations: annotations.length - rejected,
    droppedAnnotations: dropped,
    rejectedAnnotations: rejected,
  };
}

/**
 * Whether a `readiness` check run on `headSha` already carries `externalId` (the App sets it to the
 * delivery id): GitHub's own record of a delivery some replica already handled, so a redelivery that
 * lands on another replica is answered without evaluating again. One request; newest runs first.
 */
export async function hasCheckRunFor(
  client: GitHubClient,
  repo: RepoRef,
  headSha: string,
  externalId: string,
): Promise<boolean> {
  const { data } = await client.rest.checks.listForRef({
    ...repo,
    ref: headSha,
    check_name: CHECK_RUN_NAME,
    filter: 'all',
    per_page: 100,
  });
  return data.check_runs.some((run) => run.external_id === externalId);
}

function chunk<T>(items: T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let index = 0; index < items.length; index += size) chunks.push(items.slice(index, index + size));
  return chunks;
}

function fitAnnotation(annotation: CheckRunAnnotation): CheckRunAnnotation {
  return {
    ...annotation,
    message: truncate(annotation.message, MAX_ANNOTATION_MESSAGE),
    ...(annotation.title ? { title: truncate(annotation.title, MAX_ANNOTATION_TITLE) } : {}),
    ...(annotation.raw_details
      ? { raw_details: truncate(annotation.raw_details, MAX_ANNOTATION_MESSAGE) }
      : {}),
  };
}

function fitTitle(title: string): string {
  return truncate(title.replaceAll('\n', ' '), 1000);
}

function fitOutput(text: string): string {
  return truncate(text, MAX_OUTPUT_LENGTH);
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
