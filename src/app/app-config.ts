// The App's configuration, through the same loader as the CLI and the Action: the repository's
// config from its default branch (never from the pull request, so a change cannot switch off its
// own check), over an organisation-wide default in the owner's `.github` repository. Files are
// read with the contents API, one request each, so a repository without a config costs no tree.

import { type ConfigReader, type LoadedConfig, loadConfig } from '../config/load-config.js';
import type { GitHubClient } from '../github/client.js';
import { httpStatus } from '../github/errors.js';
import type { RepoRef } from '../github/repo-ref.js';

/** The repository GitHub itself uses for organisation-wide community files and defaults. */
export const ORG_DEFAULTS_REPO = '.github';

export async function loadAppConfig(
  client: GitHubClient,
  repo: RepoRef,
  defaultBranch: string,
): Promise<LoadedConfig> {
  const own = contentsReader(client, repo, defaultBranch);
  if (repo.repo === ORG_DEFAULTS_REPO) return loadConfig(own);
  return loadConfig(own, {
    defaults: contentsReader(client, { owner: repo.owner, repo: ORG_DEFAULTS_REPO }),
  });
}

/** Files of `repo` at `ref` (the default branch when omitted). */
function contentsReader(client: GitHubClient, repo: RepoRef, ref?: string): ConfigReader {
  return {
    revision: `${repo.owner}/${repo.repo}${ref ? `@${ref}` : ''}`,
    readFile: (path) => fetchText(client, repo, ref, path),
  };
}

async function fetchText(
  client: GitHubClient,
  repo: RepoRef,
  ref: string | undefined,
  path: string,
): Promise<string | null> {
  try {
    const { data } = await client.rest.repos.getContent({ ...repo, path, ...(ref ? { ref } : {}) });
    if (Array.isArray(data) || data.type !== 'file' || !('content' in data)) return null;
    return Buffer.from(data.content, data.encoding === 'base64' ? 'base64' : 'utf8').toString('utf8');
  } catch (error) {
    if (httpStatus(error) === 404) return null;
    throw error;
  }
}
