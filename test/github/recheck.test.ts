import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { authorizeRecheck, isRecheckCommand } from '../../src/github/recheck.js';
import { GitHubApiStub } from '../support/github-api-stub.js';
import { testClient } from '../support/github-client.js';

const repo = { owner: 'octo-org', repo: 'shop' };
let stub: GitHubApiStub;

beforeAll(async () => {
  stub = await GitHubApiStub.start();
  stub.permissions.set('maintainer-mia', 'maintain');
  stub.permissions.set('writer-wes', 'write');
  stub.permissions.set('reader-rae', 'read');
});
afterAll(() => stub.close());
afterEach(() => {
  stub.assertNoProblems();
  stub.reset();
});

describe('isRecheckCommand', () => {
  it.each([
    '/readiness recheck',
    '  /readiness   recheck  ',
    'Fixed the Dockerfile.\n/readiness recheck\nthanks',
    'Fixed.\r\n/readiness recheck\r\n',
    '```sh\necho hi\n```\n/readiness recheck',
  ])('accepts %j', (body) => expect(isRecheckCommand(body)).toBe(true));

  it.each([
    '/readiness',
    'please run /readiness recheck',
    '`/readiness recheck` is the command',
    '/readiness rechecked',
    'Usage:\n```\n/readiness recheck\n```',
    'Usage:\n~~~~\n/readiness recheck\n~~~~',
    'Usage:\n\n    /readiness recheck',
    '> /readiness recheck\n\nWhy did you ask for this?',
    null,
  ])('ignores %j', (body) => expect(isRecheckCommand(body)).toBe(false));
});

describe('authorizeRecheck', () => {
  const client = () => testClient(stub.url);

  it.each(['maintainer-mia', 'writer-wes'])('allows %s', async (login) => {
    expect(
      await authorizeRecheck(client(), repo, { login, type: 'User' }, 'github-actions[bot]'),
    ).toMatchObject({
      allowed: true,
    });
  });

  it('refuses a read-only user and says which permission is needed', async () => {
    const decision = await authorizeRecheck(
      client(),
      repo,
      { login: 'reader-rae', type: 'User' },
      'github-actions[bot]',
    );
    expect(decision).toEqual({
      allowed: false,
      react: true,
      reason: 'reader-rae has read permission; /readiness recheck needs write, maintain or admin',
    });
  });

  it('refuses someone who is not a collaborator (404)', async () => {
    const decision = await authorizeRecheck(
      client(),
      repo,
      { login: 'drive-by', type: 'User' },
      'github-actions[bot]',
    );
    expect(decision).toMatchObject({ allowed: false, reason: expect.stringContaining('none permission') });
  });

  it('ignores bots and its own comments without asking the API', async () => {
    const own = await authorizeRecheck(
      client(),
      repo,
      { login: 'github-actions[bot]', type: 'Bot' },
      'github-actions[bot]',
    );
    const bot = await authorizeRecheck(
      client(),
      repo,
      { login: 'renovate[bot]', type: 'Bot' },
      'github-actions[bot]',
    );
    expect([own.allowed, bot.allowed]).toEqual([false, false]);
    expect(stub.requests).toHaveLength(0);
  });
});
