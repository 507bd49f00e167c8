// Reading octokit's RequestError without depending on its class (the App may bundle another copy).

interface HttpError {
  status: number;
  message: string;
}

function asHttpError(error: unknown): HttpError | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { status, message } = error as { status?: unknown; message?: unknown };
  return typeof status === 'number'
    ? { status, message: typeof message === 'string' ? message : '' }
    : undefined;
}

export function httpStatus(error: unknown): number | undefined {
  return asHttpError(error)?.status;
}

/** The token may not do this: GitHub answers 403 "Resource not accessible by integration" (or 404 for private data). */
export function isPermissionDenied(error: unknown): boolean {
  const http = asHttpError(error);
  if (http?.status !== 403) return false;
  return !/rate limit/i.test(http.message);
}

/** GitHub's answer when one installation sends too much at once (403 or 429 with `retry-after`). */
export function isSecondaryRateLimit(error: unknown): boolean {
  const http = asHttpError(error);
  return (http?.status === 403 || http?.status === 429) && /secondary rate limit/i.test(http.message);
}

/** One line for logs: status and GitHub's message, never the request headers (they carry the token). */
export function describeError(error: unknown): string {
  const http = asHttpError(error);
  if (http && isSecondaryRateLimit(error)) {
    return (
      `GitHub API answered ${http.status}: secondary rate limit, still in force after waiting it out once ` +
      '(too many requests at once for this installation; fewer concurrent deliveries or a later redelivery will pass)'
    );
  }
  if (http) return `GitHub API answered ${http.status}: ${http.message.split('\n')[0] ?? ''}`.trim();
  return error instanceof Error ? error.message : String(error);
}
