// `/readiness recheck` in a pull request comment. Shared by the Action and the App so both obey
// the same rules: a command on its own line, from a person (not a bot, not us) who can write.

import type { GitHubClient } from './client.js';
import { mayRecheck, type RepositoryPermission, repositoryPermission } from './permissions.js';
import { reactToComment } from './reactions.js';
import type { RepoRef } from './repo-ref.js';

/** At most three spaces of indent: four make an indented code block, which is text, not a command. */
const COMMAND = /^ {0,3}\/readiness[ \t]+recheck[ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

export interface CommentAuthor {
  login: string;
  type?: string;
}

/**
 * Whether a comment asks for a recheck: the command alone on a line, outside fenced code (a
 * comment quoting how to use the command must not run it) and outside quotes (`> ` lines).
 */
export function isRecheckCommand(body: string | null | undefined): boolean {
  let fence: string | undefined;
  for (const line of (body ?? '').split(/\r?\n/)) {
    const marker = FENCE.exec(line)?.[1];
    if (marker && (!fence || (marker[0] === fence[0] && marker.length >= fence.length))) {
      fence = fence ? undefined : marker;
      continue;
    }
    if (!fence && COMMAND.test(line)) return true;
  }
  return false;
}

export type RecheckDecision =
  | { allowed: true; permission: RepositoryPermission }
  | { allowed: false; reason: string; react: boolean };

export async function authorizeRecheck(
  client: GitHubClient,
  repo: RepoRef,
  author: CommentAuthor,
  ownLogin: string,
): Promise<RecheckDecision> {
  // Bots (including ourselves quoting the command in a report) never trigger runs: that is how loops start.
  if (author.login === ownLogin || author.type === 'Bot' || author.login.endsWith('[bot]')) {
    return { allowed: false, reason: `ignoring /readiness recheck from bot ${author.login}`, react: false };
  }
  const permission = await repositoryPermission(client, repo, author.login);
  if (!mayRecheck(permission)) {
    return {
      allowed: false,
      reason: `${author.login} has ${permission} permission; /readiness recheck needs write, maintain or admin`,
      react: true,
    };
  }
  return { allowed: true, permission };
}

export interface RecheckRequest<T> {
  client: GitHubClient;
  repo: RepoRef;
  author: CommentAuthor;
  commentId: number;
  ownLogin: string;
  warn: (message: string) => void;
  /** Evaluates the pull request as it is now and publishes the result. */
  evaluate: () => Promise<T>;
}

/**
 * The recheck flow of the Action and the App: authorize the comment's author, react 👀, run the
 * evaluation, react 🚀 (😕 when refused or when the evaluation throws, which is then rethrown).
 */
export async function recheck<T>(
  request: RecheckRequest<T>,
): Promise<{ ran: true; result: T } | { ran: false; reason: string }> {
  const { client, repo, commentId } = request;
  const decision = await authorizeRecheck(client, repo, request.author, request.ownLogin);
  const react = (content: 'eyes' | 'rocket' | 'confused') =>
    reactToComment(client, repo, commentId, content, request.warn);
  if (!decision.allowed) {
    if (decision.react) await react('confused');
    return { ran: false, reason: decision.reason };
  }
  await react('eyes');
  let result: T;
  try {
    result = await request.evaluate();
  } catch (error) {
    await react('confused');
    throw error;
  }
  await react('rocket');
  return { ran: true, result };
}
