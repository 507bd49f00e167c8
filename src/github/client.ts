// One way to build an Octokit for the Action and the App: REST methods, pagination, retries
// on 5xx, and waiting out rate limits. Independent of @actions/* so the App can reuse it.

import { retry } from '@octokit/plugin-retry';
import { type ThrottlingOptions, throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';

export type GitHubClient = InstanceType<typeof ReadinessOctokit>;

const ReadinessOctokit = Octokit.plugin(retry, throttling);

export interface Logger {
  debug(message: string): void;
  warning(message: string): void;
}

/** Queues that space out writes (1 s) and notifying writes such as comments (3 s), as GitHub asks. */
export type WritePacing = Pick<Exclude<ThrottlingOptions, { enabled: false }>, 'write' | 'notifications'>;

export interface ClientOptions {
  /** A token (Actions GITHUB_TOKEN, installation token, PAT); omit when `authStrategy` is used. */
  token?: string;
  baseUrl?: string;
  log?: Logger;
  /** Retries for 5xx and network failures, and for rate limits. */
  retries?: number;
  /** Multiplier for every wait, in milliseconds per second of wait; tests shrink it. */
  retryAfterBaseValue?: number;
  /** Longest rate-limit wait worth sitting out, in seconds; longer ones fail fast with the error. */
  maxRateLimitWait?: number;
  /** Replaces the default write queues; tests pass unpaced ones so they need not wait seconds per write. */
  pacing?: WritePacing;
}

const USER_AGENT = 'readiness (+https://github.com/readiness)';

export function createGitHubClient(options: ClientOptions): GitHubClient {
  const retries = options.retries ?? 3;
  const maxWait = options.maxRateLimitWait ?? 120;
  const log = options.log;
  const shouldWait =
    (kind: string) =>
    (retryAfter: number, request: { method: string; url: string }, _: unknown, count: number) => {
      const wait = count < retries && retryAfter <= maxWait;
      log?.warning(
        `GitHub ${kind} on ${request.method} ${request.url}: ` +
          (wait ? `waiting ${retryAfter}s (retry ${count + 1} of ${retries})` : 'giving up'),
      );
      return wait;
    };
  return new ReadinessOctokit({
    auth: options.token,
    baseUrl: options.baseUrl ?? 'https://api.github.com',
    userAgent: USER_AGENT,
    log: {
      debug: (message: string) => log?.debug(message),
      info: (message: string) => log?.debug(message),
      warn: (message: string) => log?.warning(message),
      error: (message: string) => log?.warning(message),
    },
    retry: { retries, retryAfterBaseValue: options.retryAfterBaseValue ?? 1000 },
    throttle: {
      retryAfterBaseValue: options.retryAfterBaseValue ?? 1000,
      ...options.pacing,
      onRateLimit: shouldWait('rate limit'),
      onSecondaryRateLimit: shouldWait('secondary rate limit'),
    },
  });
}
