// One comment per pull request, found again by a hidden marker and by its author, edited in
// place on every run. Runs can overlap (two pushes in quick succession), and a retried POST whose
// answer was lost may have created the comment twice, so after creating a comment (or failing to
// hear back) we look again and fold any duplicates into the oldest one.

import type { GitHubClient } from './client.js';
import { httpStatus } from './errors.js';
import type { RepoRef } from './repo-ref.js';
import { GitHubUnavailableError } from './request-guard.js';

export const DEFAULT_MARKER = '<!-- readiness:sticky-comment -->';

/** GitHub rejects issue comments longer than this. */
export const MAX_COMMENT_LENGTH = 65_536;

export type CommentMode = 'auto' | 'always' | 'never';

export interface StickyCommentOptions {
  client: GitHubClient;
  repo: RepoRef;
  issueNumber: number;
  body: string;
  /** Login whose comments may be edited or deleted (see identity.ts). */
  ownLogin: string;
  mode: CommentMode;
  /** In `auto` mode a new comment is only posted when this is true; an existing one is always updated. */
  worthPosting: boolean;
  marker?: string;
}

export interface StickyCommentResult {
  action: 'created' | 'updated' | 'skipped';
  url?: string;
  /** Duplicates left by concurrent runs that were removed. */
  deleted: number;
}

interface ListedComment {
  id: number;
  body?: string;
  html_url: string;
  user: { login: string } | null;
}

export async function upsertStickyComment(options: StickyCommentOptions): Promise<StickyCommentResult> {
  if (options.mode === 'never') return { action: 'skipped', deleted: 0 };
  const marker = options.marker ?? DEFAULT_MARKER;
  const body = withMarker(options.body, marker);
  const existing = await listOwnComments(options, marker);
  const [oldest, ...duplicates] = existing;
  if (oldest) {
    const updated = await updateComment(options, oldest.id, body);
    if (updated) {
      const deleted = await deleteComments(options, duplicates);
      return { action: 'updated', url: updated.html_url, deleted };
    }
  } else if (options.mode === 'auto' && !options.worthPosting) {
    return { action: 'skipped', deleted: 0 };
  }
  let created: ListedComment;
  try {
    ({ data: created } = await options.client.rest.issues.createComment({
      ...options.repo,
      issue_number: options.issueNumber,
      body,
    }));
  } catch (error) {
    return recoverLostCreate(options, marker, body, error);
  }
  return settleAfterCreate(options, marker, body, created);
}

/**
 * When every answer to the POST was lost (connection dropped, timeout), GitHub may still have
 * created the comment, once per attempt. Look before failing: keep the oldest, delete the rest.
 */
async function recoverLostCreate(
  options: StickyCommentOptions,
  marker: string,
  body: string,
  error: unknown,
): Promise<StickyCommentResult> {
  if (!(error instanceof GitHubUnavailableError)) throw error;
  const ours = await listOwnComments(options, marker).catch(() => []);
  const [keep, ...duplicates] = ours;
  if (!keep) throw error;
  const deleted = await deleteComments(options, duplicates);
  const updated = await updateComment(options, keep.id, body);
  if (!updated) throw error;
  return { action: 'created', url: updated.html_url, deleted };
}

/** Keeps the oldest of our marked comments; a concurrent run may have created one too. */
async function settleAfterCreate(
  options: StickyCommentOptions,
  marker: string,
  body: string,
  created: ListedComment,
): Promise<StickyCommentResult> {
  const ours = await listOwnComments(options, marker);
  const [keep, ...duplicates] = ours;
  if (!keep || keep.id === created.id) {
    return { action: 'created', url: created.html_url, deleted: await deleteComments(options, duplicates) };
  }
  const deleted = await deleteComments(options, duplicates);
  const updated = await updateComment(options, keep.id, body);
  return { action: 'updated', url: updated?.html_url ?? keep.html_url, deleted };
}

async function listOwnComments(options: StickyCommentOptions, marker: string): Promise<ListedComment[]> {
  const comments = (await options.client.paginate(options.client.rest.issues.listComments, {
    ...options.repo,
    issue_number: options.issueNumber,
    per_page: 100,
  })) as ListedComment[];
  return comments
    .filter((comment) => comment.user?.login === options.ownLogin && comment.body?.includes(marker))
    .sort((a, b) => a.id - b.id);
}

/** Undefined when the comment is gone (deleted by a person or another run). */
async function updateComment(options: StickyCommentOptions, id: number, body: string) {
  try {
    const { data } = await options.client.rest.issues.updateComment({
      ...options.repo,
      comment_id: id,
      body,
    });
    return data as ListedComment;
  } catch (error) {
    if (httpStatus(error) === 404) return undefined;
    throw error;
  }
}

async function deleteComments(options: StickyCommentOptions, comments: ListedComment[]): Promise<number> {
  let deleted = 0;
  for (const comment of comments) {
    try {
      await options.client.rest.issues.deleteComment({ ...options.repo, comment_id: comment.id });
      deleted++;
    } catch (error) {
      // Another run deleting the same duplicate is the expected race, not a failure.
      if (httpStatus(error) !== 404) throw error;
    }
  }
  return deleted;
}

/** Puts the marker first and keeps the whole body within GitHub's limit. */
export function withMarker(body: string, marker: string): string {
  const marked = body.includes(marker) ? body : `${marker}\n${body}`;
  if (marked.length <= MAX_COMMENT_LENGTH) return marked;
  const note = '\n\n…(truncated to fit GitHub’s comment limit; the job summary has the full report)';
  return marked.slice(0, MAX_COMMENT_LENGTH - note.length) + note;
}
