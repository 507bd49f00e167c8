// One way to build an Octokit for the Action and the App: REST methods, pagination, retries
// on 5xx and dropped connections, waiting out rate limits, and time limits per request and in all
// (request-guard.ts). Independent of @actions/* so the App can reuse it.

import { retry } from '@octokit/plugin-retry';
import { type ThrottlingOptions, throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';
import { guardRequest, TimeBudget } from './request-guard.js';

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
  /**
   * Whose queue this client's writes join. The write queues are shared by every client in the process
   * and spaced per id, so the App passes one id per installation: GitHub counts writes per
   * installation, and one busy organisation must not hold up the writes of all others.
   */
  throttleId?: string;
  /** Longest wait for one answer, per attempt (default 30 s); a slower attempt is retried. */
  requestTimeoutMs?: number;
  /** Time this client may spend waiting for GitHub in all, retries and rate-limit waits included (default 10 min). */
  totalTimeoutMs?: number;
  /** How the user raises the per-request timeout, ending the timeout error message. */
  timeoutAdvice?: string;
}

/** GitHub answers most requests within seconds and cuts its own off at 10 s; 30 s leaves room for big trees. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
/** A run makes tens of requests; ten minutes of waiting covers retries and several two-minute rate-limit waits. */
export const DEFAULT_TOTAL_TIMEOUT_MS = 10 * 60_000;

const USER_AGENT = 'readiness (+https://github.com/readiness)';

export function createGitHubClient(options: ClientOptions): GitHubClient {
  const retries = options.retries ?? 3;
  const maxWait = options.maxRateLimitWait ?? 120;
  const log = options.log;
  const retryAfterBaseValue = options.retryAfterBaseValue ?? 1000;
  const budget = new TimeBudget(options.totalTimeoutMs ?? DEFAULT_TOTAL_TIMEOUT_MS);
  // A secondary rate limit says this installation sent too much at once; waiting it out once is
  // what GitHub asks, retrying again in a loop only prolongs it, so a second one in a row is reported.
  const shouldWait =
    (kind: string, attempts: number) =>
    (retryAfter: number, request: { method: string; url: string }, _: unknown, count: number) => {
      const outlasts = retryAfter * retryAfterBaseValue >= budget.remainingMs();
      const wait = count < attempts && retryAfter <= maxWait && !outlasts;
      log?.warning(
        `GitHub ${kind} on ${request.method} ${request.url}: ` +
          (wait
            ? `waiting ${retryAfter}s (retry ${count + 1} of ${attempts})`
            : outlasts
              ? 'giving up: the wait would outlast the time allowed for GitHub requests'
              : count >= attempts
                ? `giving up after ${attempts === 1 ? 'waiting once' : `${attempts} waits`}`
                : 'giving up'),
      );
      return wait;
    };
  const octokit = new ReadinessOctokit({
    auth: options.token,
    baseUrl: options.baseUrl ?? 'https://api.github.com',
    userAgent: USER_AGENT,
    log: {
      // Octokit's debug entries are the word "request" with the request's options (headers
      // included), nothing a reader can use; its info entries are the request log
      // ("POST /repos/o/r/check-runs - 201 with id … in 180ms"), kept for step debug logging.
      debug: () => {},
      info: (message: string) => log?.debug(message),
      warn: (message: string) => log?.warning(message),
      error: (message: string) => log?.warning(message),
    },
    retry: { retries, retryAfterBaseValue },
    throttle: {
      retryAfterBaseValue,
      ...options.pacing,
      ...(options.throttleId ? { id: options.throttleId } : {}),
      onRateLimit: shouldWait('rate limit', retries),
      onSecondaryRateLimit: shouldWait('secondary rate limit', 1),
    },
  });
  const limits = {
    requestTimeoutMs: options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
    budget,
    timeoutAdvice: options.timeoutAdvice ?? 'raise the request timeout',
  };
  // Registered after the plugins, so it wraps them: the budget covers their retries and waits.
  octokit.hook.wrap('request', (request, requestOptions) => {
    const { method, url } = octokit.request.endpoint.parse(requestOptions);
    const { pathname, search } = new URL(url);
    return guardRequest(request, requestOptions, `${method} ${pathname}${search}`, limits);
  });
  return octokit;
}
