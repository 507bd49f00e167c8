// Time limits and whole answers for every GitHub request. Octokit has no timeout of its own, and
// when a connection drops halfway through a 2xx answer @octokit/request swallows the error reading
// the body and returns an empty `data` as if all were well. So every attempt goes through a fetch
// that reads the whole answer before handing it on and aborts after a per-request timeout; its
// failures surface as network errors (status 500 without a response), which plugin-retry retries.
// A budget bounds the time one client spends waiting for GitHub, retries and rate-limit waits included.

/** Octokit's request options, as far as the guard uses them. */
interface RequestOptions {
  request?: { fetch?: typeof fetch; [key: string]: unknown };
}

export interface GuardLimits {
  requestTimeoutMs: number;
  budget: TimeBudget;
  /** How to raise the per-request timeout, for the error message. */
  timeoutAdvice: string;
}

/** Thrown when GitHub could not be reached, did not answer in time, or dropped the answer. */
export class GitHubUnavailableError extends Error {
  override name = 'GitHubUnavailableError';
}

/** One attempt's failure; plugin-retry sees it wrapped in a status-500 RequestError and retries. */
class AttemptFailure extends Error {
  constructor(
    readonly kind: 'timeout' | 'dropped' | 'unreachable' | 'budget',
    message: string,
  ) {
    super(message);
  }
}

/**
 * A limit on the time one client spends waiting for GitHub. The clock runs only while at least one
 * request is under way (waits between retries included), so the Action's evaluation between its
 * requests, or an App job waiting its turn, does not use it up.
 */
export class TimeBudget {
  private spentMs = 0;
  /** When the clock started, while requests are under way. */
  private since: number | undefined;
  private readonly listeners = new Set<() => void>();
  private timer: NodeJS.Timeout | undefined;

  constructor(readonly totalMs: number) {}

  remainingMs(): number {
    const running = this.since === undefined ? 0 : Date.now() - this.since;
    return Math.max(0, this.totalMs - this.spentMs - running);
  }

  get expired(): boolean {
    return this.remainingMs() === 0;
  }

  /** Starts the clock until the returned function is called; `listener` runs if the budget runs out first. */
  onExpire(listener: () => void): () => void {
    if (this.listeners.size === 0) {
      this.since = Date.now();
      this.timer = setTimeout(() => {
        for (const each of [...this.listeners]) each();
      }, this.remainingMs()).unref();
    }
    this.listeners.add(listener);
    return () => {
      if (!this.listeners.delete(listener) || this.listeners.size > 0) return;
      this.spentMs += Date.now() - (this.since ?? Date.now());
      this.since = undefined;
      clearTimeout(this.timer);
    };
  }
}

/**
 * An Octokit `request` hook, registered outermost so the budget also covers retries and
 * rate-limit waits: each call gets its own guarded fetch, and a clear error when all attempts fail.
 */
export async function guardRequest<O extends RequestOptions, T>(
  request: (options: O) => T | Promise<T>,
  options: O,
  name: string,
  limits: GuardLimits,
): Promise<T> {
  if (limits.budget.expired) throw budgetError(name, limits);
  const attempts = { count: 0, last: undefined as AttemptFailure | undefined };
  options.request = { ...options.request, fetch: guardedFetch(name, attempts, limits) };
  const settings = options.request;
  try {
    return await raceBudget(
      Promise.resolve().then(() => request(options)),
      limits.budget,
      () => {
        // Stops plugin-retry from starting another attempt of a request nobody waits for.
        settings.retries = 0;
      },
    );
  } catch (error) {
    if (error === BUDGET_SPENT) throw budgetError(name, limits);
    if (attempts.last && isNetworkError(error)) {
      throw new GitHubUnavailableError(
        `${attempts.last.message} (${attempts.count} ${attempts.count === 1 ? 'attempt' : 'attempts'}). ` +
          adviceFor(attempts.last, limits),
      );
    }
    throw error;
  }
}

const BUDGET_SPENT = Symbol('budget spent');

function raceBudget<T>(work: Promise<T>, budget: TimeBudget, onExpire: () => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const unsubscribe = budget.onExpire(() => {
      onExpire();
      reject(BUDGET_SPENT);
    });
    // Both outcomes are handled here, so a request abandoned at the deadline never rejects unhandled.
    work.then(resolve, reject).finally(unsubscribe);
  });
}

function guardedFetch(
  name: string,
  attempts: { count: number; last: AttemptFailure | undefined },
  limits: GuardLimits,
): typeof fetch {
  return async (input, init) => {
    attempts.count++;
    const fail = (failure: AttemptFailure) => {
      attempts.last = failure;
      return failure;
    };
    const spent = () =>
      new AttemptFailure('budget', `${name}: the time allowed for GitHub requests was spent`);
    if (limits.budget.expired) throw fail(spent());
    const controller = new AbortController();
    const timeout = new AttemptFailure(
      'timeout',
      `GitHub did not answer ${name} within ${seconds(limits.requestTimeoutMs)}`,
    );
    const timer = setTimeout(() => controller.abort(timeout), limits.requestTimeoutMs);
    const unsubscribe = limits.budget.onExpire(() => controller.abort(spent()));
    init?.signal?.addEventListener('abort', () => controller.abort(init.signal?.reason), { once: true });
    let response: Response | undefined;
    try {
      response = await fetch(input, { ...init, signal: controller.signal });
      const body = await response.arrayBuffer();
      const whole = new Response(NULL_BODY_STATUSES.has(response.status) ? null : body, {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
      });
      Object.defineProperty(whole, 'url', { value: response.url });
      return whole;
    } catch (error) {
      if (controller.signal.reason instanceof AttemptFailure) throw fail(controller.signal.reason);
      const cause = causeOf(error);
      throw fail(
        response
          ? new AttemptFailure(
              'dropped',
              `the connection to GitHub dropped while reading the answer to ${name} (${cause})`,
            )
          : new AttemptFailure('unreachable', `could not reach GitHub for ${name} (${cause})`),
      );
    } finally {
      clearTimeout(timer);
      unsubscribe();
    }
  };
}

/** Statuses whose answers have no body; the Response constructor refuses one. */
const NULL_BODY_STATUSES = new Set([204, 205, 304]);

/** What @octokit/request makes of a failed fetch: status 500 and no response. */
function isNetworkError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { status, response } = error as { status?: unknown; response?: unknown };
  return status === 500 && response === undefined;
}

function adviceFor(failure: AttemptFailure, limits: GuardLimits): string {
  const state = 'GitHub may be slow or down (https://www.githubstatus.com)';
  return failure.kind === 'timeout'
    ? `${state}: try again later, or ${limits.timeoutAdvice}.`
    : `${state}, or the network dropped the connection: try again later.`;
}

function budgetError(name: string, limits: GuardLimits): GitHubUnavailableError {
  return new GitHubUnavailableError(
    `GitHub requests took longer than the ${seconds(limits.budget.totalMs)} allowed in all; ` +
      `gave up on ${name}. GitHub may be slow, down or rate limiting (https://www.githubstatus.com): ` +
      'try again later.',
  );
}

/** undici reports "fetch failed" with the reason (ECONNRESET, other side closed) in its cause. */
function causeOf(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } } | undefined)?.cause;
  const parts = [cause?.code, cause?.message].filter(Boolean);
  if (parts.length > 0) return parts.join(': ');
  return error instanceof Error ? error.message : String(error);
}

function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(3))} s`;
}
