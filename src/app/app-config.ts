// The App's configuration: `.github/readiness.yml` from the repository's default branch (never
// from the pull request, so a change cannot switch off its own check), over an organisation-wide
// default in the same file of the owner's `.github` repository. Keys the repository sets replace
// the organisation's whole (a repository listing `exclude:` replaces the org's list); nested keys
// are not merged, so what applies can always be read off two files.

import { parse as parseYaml } from 'yaml';
import { type Config, ConfigError, parseConfig } from '../core/config.js';
import type { GitHubClient } from '../github/client.js';
import { httpStatus } from '../github/errors.js';
import type { RepoRef } from '../github/repo-ref.js';

export const CONFIG_FILE = '.github/readiness.yml';
/** The repository GitHub itself uses for organisation-wide community files and defaults. */
export const ORG_DEFAULTS_REPO = '.github';

export interface AppConfig {
  config: Config;
  /** Where the configuration came from, for the report's notes; empty when defaults apply. */
  sources: string[];
  /** The repository has its own config file (not just the organisation's defaults). */
  ownFile: boolean;
}

export async function loadAppConfig(
  client: GitHubClient,
  repo: RepoRef,
  defaultBranch: string,
): Promise<AppConfig> {
  const repoSource = `${repo.owner}/${repo.repo}:${CONFIG_FILE}@${defaultBranch}`;
  const orgSource = `${repo.owner}/${ORG_DEFAULTS_REPO}:${CONFIG_FILE}`;
  const [own, org] = await Promise.all([
    readConfigFile(client, repo, defaultBranch, repoSource),
    repo.repo === ORG_DEFAULTS_REPO
      ? undefined
      : readConfigFile(client, { owner: repo.owner, repo: ORG_DEFAULTS_REPO }, undefined, orgSource),
  ]);
  const merged = { ...org?.raw, ...own?.raw };
  const sources = [org?.source, own?.source].filter((source): source is string => source !== undefined);
  return {
    config: parseConfig(merged, sources.join(' over ') || 'default configuration'),
    sources,
    ownFile: own !== undefined,
  };
}

async function readConfigFile(
  client: GitHubClient,
  repo: RepoRef,
  ref: string | undefined,
  source: string,
): Promise<{ raw: Record<string, unknown>; source: string } | undefined> {
  const text = await fetchText(client, repo, ref);
  if (text === undefined) return undefined;
  let raw: unknown;
  try {
    raw = parseYaml(text, { maxAliasCount: 10, uniqueKeys: false });
  } catch (error) {
    throw new ConfigError(`${source} is not valid YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  // Validated on its own first so a mistake is reported against the file that holds it.
  parseConfig(raw, source);
  return { raw: (raw ?? {}) as Record<string, unknown>, source };
}

async function fetchText(
  client: GitHubClient,
  repo: RepoRef,
  ref: string | undefined,
): Promise<string | undefined> {
  try {
    const { data } = await client.rest.repos.getContent({
      ...repo,
      path: CONFIG_FILE,
      ...(ref ? { ref } : {}),
    });
    if (Array.isArray(data) || data.type !== 'file' || !('content' in data)) return undefined;
    return Buffer.from(data.content, data.encoding === 'base64' ? 'base64' : 'utf8').toString('utf8');
  } catch (error) {
    if (httpStatus(error) === 404) return undefined;
    throw error;
  }
}
