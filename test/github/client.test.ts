import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { resolveOwnLogin } from '../../src/github/identity.js';
import { GitHubApiStub } from '../support/github-api-stub.js';
import { testClient } from '../support/github-client.js';

const repo = { owner: 'octo-org', repo: 'shop' };
let stub: GitHubApiStub;

beforeAll(async () => {
  stub = await GitHubApiStub.start();
  stub.pulls.set(5, {
    number: 5,
    headSha: 'b'.repeat(40),
    headRef: 'feature',
    baseSha: 'c'.repeat(40),
    baseRef: 'main',
  });
});
afterAll(() => stub.close());
afterEach(() => {
  stub.assertNoProblems();
  stub.reset();
});

const getPull = () => testClient(stub.url).rest.pulls.get({ ...repo, pull_number: 5 });

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
