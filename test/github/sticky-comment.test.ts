import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_MARKER, MAX_COMMENT_LENGTH, upsertStickyComment } from '../../src/github/sticky-comment.js';
import { GitHubApiStub } from '../support/github-api-stub.js';
import { testClient } from '../support/github-client.js';

const repo = { owner: 'octo-org', repo: 'shop' };
const bot = 'github-actions[bot]';
let stub: GitHubApiStub;

beforeAll(async () => {
  stub = await GitHubApiStub.start();
});
afterAll(() => stub.close());
afterEach(() => {
  stub.assertNoProblems();
  stub.comments.length = 0;
  stub.reset();
});

function upsert(
  issueNumber: number,
  body: string,
  overrides: Partial<Parameters<typeof upsertStickyComment>[0]> = {},
) {
  const client = testClient(stub.url);
  return upsertStickyComment({
    client,
    repo,
    issueNumber,
    body,
    ownLogin: bot,
    mode: 'auto',
    worthPosting: true,
    ...overrides,
  });
}

describe('upsertStickyComment', () => {
  it('creates the comment on the first run and updates the same one on the second', async () => {
    const first = await upsert(7, '2 items regressed');
    const second = await upsert(7, '0 items regressed');

    expect(first.action).toBe('created');
    expect(second).toMatchObject({ action: 'updated', url: first.url });
    expect(stub.commentsOn(7)).toHaveLength(1);
    expect(stub.commentsOn(7)[0]?.body).toBe(`${DEFAULT_MARKER}\n0 items regressed`);
  });

  it('finds its comment on the third page of a PR with 250 comments', async () => {
    for (let index = 0; index < 230; index++) stub.addComment(8, `review note ${index}`, 'alice');
    stub.addComment(8, `${DEFAULT_MARKER}\nold report`, bot, 'Bot');
    for (let index = 0; index < 20; index++) stub.addComment(8, `later note ${index}`, 'bob');

    const result = await upsert(8, 'new report');

    expect(result.action).toBe('updated');
    expect(stub.requestsFor('issues/list-comments').map((request) => request.query.page ?? '1')).toEqual([
      '1',
      '2',
      '3',
    ]);
    expect(stub.commentsOn(8).filter((comment) => comment.body.includes('new report'))).toHaveLength(1);
    expect(stub.requestsFor('issues/create-comment')).toHaveLength(0);
  });

  it('never touches a comment with the marker that someone else wrote', async () => {
    const pasted = stub.addComment(9, `quoting the bot: ${DEFAULT_MARKER}`, 'mallory');

    await upsert(9, 'report');

    expect(stub.comments.find((comment) => comment.id === pasted.id)?.body).toBe(
      `quoting the bot: ${DEFAULT_MARKER}`,
    );
    expect(stub.commentsOn(9)).toHaveLength(2);
  });

  it('recreates the comment when it was deleted between listing and updating (404)', async () => {
    stub.addComment(10, `${DEFAULT_MARKER}\nold`, bot, 'Bot');
    stub.on('issues/update-comment', (request, github) => {
      github.comments.splice(
        github.comments.findIndex((comment) => comment.id === Number(request.params.comment_id)),
        1,
      );
      return { status: 404, body: { message: 'Not Found' } };
    });

    const result = await upsert(10, 'fresh');
    stub.off('issues/update-comment');

    expect(result.action).toBe('created');
    expect(stub.commentsOn(10).map((comment) => comment.body)).toEqual([`${DEFAULT_MARKER}\nfresh`]);
  });

  it('folds duplicates left by concurrent runs into the oldest comment', async () => {
    const [a, b] = await Promise.all([upsert(11, 'run A'), upsert(11, 'run B')]);

    const left = stub.commentsOn(11);
    expect(left).toHaveLength(1);
    expect([a?.url, b?.url]).toContain(
      `https://github.com/octo-org/shop/pull/11#issuecomment-${left[0]?.id}`,
    );
  });

  it('leaves one comment when the answer to creating it is cut off and the retry creates another', async () => {
    // GitHub created the comment, but the client never saw the answer, so it retries the POST.
    stub.failNext('issues/create-comment', { reset: 'mid-body' });

    const result = await upsert(31, 'report');

    expect(stub.requestsFor('issues/create-comment')).toHaveLength(2);
    expect(stub.requestsFor('issues/delete-comment')).toHaveLength(1);
    const left = stub.commentsOn(31);
    expect(left).toEqual([expect.objectContaining({ body: `${DEFAULT_MARKER}\nreport` })]);
    expect(result).toMatchObject({
      action: 'updated',
      deleted: 1,
      url: `https://github.com/octo-org/shop/pull/31#issuecomment-${left[0]?.id}`,
    });
  });

  it('leaves one comment when every answer to creating it is lost, though each attempt created one', async () => {
    stub.failNext('issues/create-comment', { reset: 'mid-body' }, 10);

    const result = await upsert(32, 'report');

    // Four attempts, four comments on GitHub's side; three are deleted and the oldest is kept.
    expect(stub.requestsFor('issues/create-comment')).toHaveLength(4);
    const left = stub.commentsOn(32);
    expect(left).toEqual([expect.objectContaining({ body: `${DEFAULT_MARKER}\nreport` })]);
    expect(result).toMatchObject({ action: 'created', deleted: 3 });
  });

  it('fails with the lost answer when GitHub created nothing', async () => {
    stub.failNext('issues/create-comment', { reset: 'before-headers' }, 10);

    await expect(upsert(33, 'report')).rejects.toThrow(
      /^could not reach GitHub for POST \/repos\/octo-org\/shop\/issues\/33\/comments \(.+\) \(4 attempts\)\./,
    );
    expect(stub.commentsOn(33)).toEqual([]);
  });

  it('removes duplicates found on update, keeping the oldest', async () => {
    const oldest = stub.addComment(12, `${DEFAULT_MARKER}\none`, bot, 'Bot');
    stub.addComment(12, `${DEFAULT_MARKER}\ntwo`, bot, 'Bot');

    const result = await upsert(12, 'three');

    expect(result).toMatchObject({ action: 'updated', deleted: 1 });
    expect(stub.commentsOn(12)).toEqual([
      expect.objectContaining({ id: oldest.id, body: `${DEFAULT_MARKER}\nthree` }),
    ]);
  });

  it('in auto mode posts nothing new when there is nothing to say, but still updates an existing comment', async () => {
    const quiet = await upsert(13, 'all good', { worthPosting: false });
    expect(quiet.action).toBe('skipped');
    expect(stub.commentsOn(13)).toHaveLength(0);

    stub.addComment(14, `${DEFAULT_MARKER}\n1 regressed`, bot, 'Bot');
    const update = await upsert(14, 'all good now', { worthPosting: false });
    expect(update.action).toBe('updated');
  });

  it('always posts in always mode and makes no request in never mode', async () => {
    expect((await upsert(15, 'all good', { mode: 'always', worthPosting: false })).action).toBe('created');
    stub.requests.length = 0;
    expect((await upsert(16, 'report', { mode: 'never' })).action).toBe('skipped');
    expect(stub.requests).toHaveLength(0);
  });

  it('cuts an oversized body to GitHub’s limit, keeping the marker', async () => {
    await upsert(17, 'x'.repeat(MAX_COMMENT_LENGTH * 2));

    const body = stub.commentsOn(17)[0]?.body ?? '';
    expect(body.length).toBeLessThanOrEqual(MAX_COMMENT_LENGTH);
    expect(body.startsWith(DEFAULT_MARKER)).toBe(true);
    expect(body).toContain('job summary has the full report');
  });

  it('uses the token’s own login when it is not the Actions bot', async () => {
    stub.addComment(18, `${DEFAULT_MARKER}\nby the app`, 'readiness-app[bot]', 'Bot');
    stub.viewer = { login: 'readiness-app[bot]', type: 'Bot' };
    try {
      const result = await upsert(18, 'updated by the app', { ownLogin: 'readiness-app[bot]' });
      expect(result.action).toBe('updated');
    } finally {
      stub.viewer = undefined;
    }
  });
});
