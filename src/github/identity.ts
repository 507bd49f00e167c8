// Whose comments are ours. The sticky comment must be found by author as well as by marker, so a
// user pasting the marker into their own comment never gets it overwritten or deleted.

import type { GitHubClient } from './client.js';
import { httpStatus } from './errors.js';

/** The author of comments made with an Actions GITHUB_TOKEN. */
export const ACTIONS_BOT_LOGIN = 'github-actions[bot]';

/**
 * The login behind the token: GET /user for personal tokens; installation tokens (GITHUB_TOKEN,
 * App installations) get 403 there, so the caller's fallback (the App's `<slug>[bot]`) is used.
 */
export async function resolveOwnLogin(
  client: GitHubClient,
  fallback = ACTIONS_BOT_LOGIN,
  token?: string,
): Promise<string> {
  // Installation tokens (`ghs_`) always get 403 from GET /user; skip the request and its warning.
  if (token?.startsWith('ghs_')) return fallback;
  try {
    const { data } = await client.rest.users.getAuthenticated();
    return data.login;
  } catch (error) {
    const status = httpStatus(error);
    if (status === 401 || status === 403 || status === 404) return fallback;
    throw error;
  }
}
