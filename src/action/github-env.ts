// The run's context from the variables the runner sets (the same names @github/local-action
// reads from a .env file), read in one place so a missing one fails with a clear message.

import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { parseRepoRef, type RepoRef } from '../github/repo-ref.js';

export interface RunEnvironment {
  repo: RepoRef;
  eventName: string;
  payload: Record<string, unknown>;
  sha: string;
  ref: string;
  serverUrl: string;
  apiUrl: string;
  workspace: string;
  tempDir: string;
  /** Link to this workflow run (the job summary lives there). */
  runUrl: string | undefined;
}

export class EnvironmentError extends Error {}

export function readRunEnvironment(env: NodeJS.ProcessEnv): RunEnvironment {
  const required = (name: string): string => {
    const value = env[name];
    if (!value) {
      throw new EnvironmentError(
        `${name} is not set. This action runs inside GitHub Actions (or @github/local-action with a .env file).`,
      );
    }
    return value;
  };
  const repository = required('GITHUB_REPOSITORY');
  const eventPath = required('GITHUB_EVENT_PATH');
  let payload: Record<string, unknown>;
  try {
    payload = JSON.parse(readFileSync(eventPath, 'utf8')) as Record<string, unknown>;
  } catch (error) {
    throw new EnvironmentError(`cannot read the event payload at ${eventPath}: ${(error as Error).message}`);
  }
  const serverUrl = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/$/, '');
  const runId = env.GITHUB_RUN_ID;
  const attempt = env.GITHUB_RUN_ATTEMPT;
  return {
    repo: parseRepoRef(repository),
    eventName: required('GITHUB_EVENT_NAME'),
    payload,
    sha: required('GITHUB_SHA'),
    ref: env.GITHUB_REF ?? '',
    serverUrl,
    apiUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/$/, ''),
    workspace: env.GITHUB_WORKSPACE || process.cwd(),
    tempDir: env.RUNNER_TEMP || tmpdir(),
    runUrl: runId
      ? `${serverUrl}/${repository}/actions/runs/${runId}${attempt && attempt !== '1' ? `/attempts/${attempt}` : ''}`
      : undefined,
  };
}
