import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ClientOptions } from '../../src/github/client.js';
import { resolveOwnLogin } from '../../src/github/identity.js';
import { GitHubUnavailableError } from '../../src/github/request-guard.js';
import { GitHubApiStub } from '../support/github-api-stub.js';
import { testClient } from '../support/github-client.js';

const repo = { owner: 'octo-org', repo: 'shop' };
let stub: GitHubApiStub;
/** A request abandoned at a timeout must not leave a rejection nobody handles. */
const unhandled: unknown[] = [];
const recordUnhandled = (reason: unknown) => unhandled.push(reason);

beforeAll(async () => {
  process.on('unhandledRejection', recordUnhandled);
  stub = await GitHubApiStub.start();
  stub.pulls.set(5, {
    number: 5,
    headSha: 'b'.repeat(40),
    headRef: 'feature',
    baseSha: 'c'.repeat(40),
    baseRef: 'main',
  });
});
afterAll(async () => {
  process.off('unhandledRejection', recordUnhandled);
  await stub.close();
});
afterEach(() => {
  stub.assertNoProblems();
  stub.reset();
  expect(unhandled).toEqual([]);
});

const getPull = (options: Omit<ClientOptions, 'token' | 'baseUrl'> = {}) =>
  testClient(stub.url, 'ghs_test', options).rest.pulls.get({ ...repo, pull_number: 5 });

/** Resolves with the error the promise rejects with and how long that took. */
async function failure(promise: Promise<unknown>): Promise<{ error: Error; ms: number }> {
  const started = performance.now();
  try {
    await promise;
  } catch (error) {
    return { error: error as Error, ms: performance.now() - started };
  }
  throw new Error('expected the request to fail');
}

describe('createGitHubClient', () => {
  it.each([500, 502, 503])('retries a %i and succeeds', async (status) => {
    stub.failNext('pulls/get', { status, body: { message: 'Server Error' } }, 2);

    const { data } = await getPull();

    expect(data.number).toBe(5);
    expect(stub.requestsFor('pulls/get')).toHaveLength(3);
  });

  it('waits out a secondary rate limit (403 with retry-after)', async () => {
    stub.failNext('pulls/get', {
      status: 403,
      headers: { 'retry-after': '1' },
      body: {
        message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
      },
    });

    const { data } = await getPull();

    expect(data.number).toBe(5);
    expect(stub.requestsFor('pulls/get')).toHaveLength(2);
  });

  it('waits out a primary rate limit (429, remaining 0)', async () => {
    stub.failNext('pulls/get', {
      status: 429,
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Math.floor(Date.now() / 1000)) },
      body: { message: 'API rate limit exceeded' },
    });

    const { data } = await getPull();

    expect(data.number).toBe(5);
  });

  it('gives up after the configured retries with the last error', async () => {
    stub.failNext('pulls/get', { status: 502, body: { message: 'Bad Gateway' } }, 10);

    await expect(getPull()).rejects.toMatchObject({ status: 502 });
    expect(stub.requestsFor('pulls/get')).toHaveLength(4);
  });

  it('does not retry a permission error', async () => {
    stub.failNext('pulls/get', { status: 403, body: { message: 'Resource not accessible by integration' } });

    await expect(getPull()).rejects.toMatchObject({ status: 403 });
    expect(stub.requestsFor('pulls/get')).toHaveLength(1);
  });
});

describe('createGitHubClient on a broken connection or a slow GitHub', () => {
  it('retries an answer cut off mid-body instead of returning it empty', async () => {
    // @octokit/request alone would resolve with data "" here: the body error is swallowed.
    stub.failNext('pulls/get', { reset: 'mid-body' });

    const { data } = await getPull();

    expect(data.head.sha).toBe('b'.repeat(40));
    expect(stub.requestsFor('pulls/get')).toHaveLength(2);
  });

  it('retries a connection closed before any answer', async () => {
    stub.failNext('pulls/get', { reset: 'before-headers' }, 2);

    const { data } = await getPull();

    expect(data.number).toBe(5);
    expect(stub.requestsFor('pulls/get')).toHaveLength(3);
  });

  it('names the request and the attempts when every answer is cut off', async () => {
    stub.failNext('pulls/get', { reset: 'mid-body' }, 10);

    const { error } = await failure(getPull());

    expect(error).toBeInstanceOf(GitHubUnavailableError);
    expect(error.message).toMatch(
      /^the connection to GitHub dropped while reading the answer to GET \/repos\/octo-org\/shop\/pulls\/5 \(.+\) \(4 attempts\)\. GitHub may be slow or down .*try again later\.$/,
    );
    expect(stub.requestsFor('pulls/get')).toHaveLength(4);
  });

  it('retries an attempt slower than the request timeout and takes the next answer', async () => {
    stub.failNext('pulls/get', { delayMs: 60_000 });

    const { data } = await getPull({ requestTimeoutMs: 200 });

    expect(data.number).toBe(5);
    expect(stub.requestsFor('pulls/get')).toHaveLength(2);
  });

  it('gives up on a GitHub that never answers after the retries, in bounded time, saying how to fix it', async () => {
    stub.failNext('pulls/get', { delayMs: 60_000 }, 10);

    const { error, ms } = await failure(
      getPull({ requestTimeoutMs: 200, timeoutAdvice: 'raise `api-timeout`' }),
    );

    expect(error.message).toBe(
      'GitHub did not answer GET /repos/octo-org/shop/pulls/5 within 0.2 s (4 attempts). ' +
        'GitHub may be slow or down (https://www.githubstatus.com): try again later, or raise `api-timeout`.',
    );
    // Four attempts of 0.2 s and retry waits of milliseconds, not four minutes.
    expect(ms).toBeGreaterThanOrEqual(800);
    expect(ms).toBeLessThan(5_000);
  });

  it('stops at the total budget mid-request, and fails later requests without sending them', async () => {
    stub.failNext('pulls/get', { delayMs: 60_000 }, 10);
    const client = testClient(stub.url, 'ghs_test', { requestTimeoutMs: 20_000, totalTimeoutMs: 500 });

    const first = await failure(client.rest.pulls.get({ ...repo, pull_number: 5 }));

    expect(first.error.message).toMatch(
      /^GitHub requests took longer than the 0\.5 s allowed in all; gave up on GET \/repos\/octo-org\/shop\/pulls\/5\. /,
    );
    expect(first.ms).toBeLessThan(2_000);
    const sent = stub.requests.length;
    const second = await failure(client.rest.issues.listComments({ ...repo, issue_number: 5 }));
    expect(second.error.message).toContain('gave up on GET /repos/octo-org/shop/issues/5/comments');
    expect(stub.requests).toHaveLength(sent);
  });

  it('counts only time spent waiting for GitHub against the total budget, not the time between requests', async () => {
    const client = testClient(stub.url, 'ghs_test', { totalTimeoutMs: 300 });
    await client.rest.pulls.get({ ...repo, pull_number: 5 });
    // The Action evaluates the repository between its requests; that time is not GitHub's.
    await new Promise((resolve) => setTimeout(resolve, 400));

    const { data } = await client.rest.pulls.get({ ...repo, pull_number: 5 });

    expect(data.number).toBe(5);
  });

  it('does not sit out a rate limit that would outlast the total budget', async () => {
    stub.failNext('pulls/get', {
      status: 403,
      headers: { 'retry-after': '900' },
      body: { message: 'You have exceeded a secondary rate limit.' },
    });
    const warnings: string[] = [];
    const log = { debug: () => undefined, warning: (message: string) => warnings.push(message) };

    // 900 s of retry-after at 1 ms per second is 900 ms: more than the 500 ms budget, which is
    // wide enough that the first answer arrives within it on a busy machine.
    const { error, ms } = await failure(getPull({ totalTimeoutMs: 500, log }));

    expect(error).toMatchObject({ status: 403 });
    // Sitting the wait out would take 900 ms.
    expect(ms).toBeLessThan(800);
    expect(warnings).toContainEqual(expect.stringContaining('the wait would outlast the time allowed'));
    expect(stub.requestsFor('pulls/get')).toHaveLength(1);
  });
});

describe('resolveOwnLogin', () => {
  it('falls back to the Actions bot when GET /user is refused to an installation token', async () => {
    expect(await resolveOwnLogin(testClient(stub.url))).toBe('github-actions[bot]');
  });

  it('uses the login GET /user returns for a personal token', async () => {
    stub.viewer = { login: 'release-bot', type: 'User' };
    try {
      expect(await resolveOwnLogin(testClient(stub.url))).toBe('release-bot');
    } finally {
      stub.viewer = undefined;
    }
  });

  it('does not ask GET /user for an installation token (ghs_), which is always refused', async () => {
    const before = stub.requestsFor('users/get-authenticated').length;
    expect(await resolveOwnLogin(testClient(stub.url), 'app[bot]', 'ghs_installation')).toBe('app[bot]');
    expect(stub.requestsFor('users/get-authenticated')).toHaveLength(before);
  });
});
