// The stub is only as useful as its refusals: these requests are ones GitHub would reject.

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { GitHubApiStub } from '../support/github-api-stub.js';
import { testClient } from '../support/github-client.js';

let stub: GitHubApiStub;

beforeAll(async () => {
  stub = await GitHubApiStub.start();
});
afterAll(() => stub.close());
afterEach(() => {
  stub.problems.length = 0;
  stub.reset();
});

const request = (route: string, parameters: Record<string, unknown> = {}) =>
  testClient(stub.url)
    .request(route, parameters)
    .catch((error: { status: number }) => error.status);

describe('GitHubApiStub', () => {
  it('refuses a path the description does not have', async () => {
    expect(await request('GET /repos/{owner}/{repo}/sticky-comments', { owner: 'o', repo: 'r' })).toBe(404);
    expect(stub.problems).toEqual([
      'GET /repos/o/r/sticky-comments: no such operation in the GitHub API description',
    ]);
  });

  it('refuses a body that breaks the schema', async () => {
    const status = await request('POST /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions', {
      owner: 'o',
      repo: 'r',
      comment_id: 1,
      content: 'party',
    });
    expect(status).toBe(422);
    expect(stub.problems[0]).toMatch(
      /^reactions\/create-for-issue-comment: body: .*must be equal to one of the allowed values/,
    );
  });

  it('refuses unknown query parameters, bad parameter types and pages over 100', async () => {
    await request('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', {
      owner: 'o',
      repo: 'r',
      issue_number: 'seven',
      per_page: 500,
      sort: 'created',
    });
    expect(stub.problems).toEqual([
      'issues/list-comments: unknown query parameter "sort"',
      expect.stringMatching(
        /^issues\/list-comments: path parameter "issue_number"=seven: data must be integer/,
      ),
      'issues/list-comments: per_page 500 exceeds 100',
    ]);
  });

  it('answers pages with Link headers GitHub-style', async () => {
    for (let index = 0; index < 5; index++) stub.addComment(3, `c${index}`, 'alice');
    const response = await testClient(stub.url).rest.issues.listComments({
      owner: 'o',
      repo: 'r',
      issue_number: 3,
      per_page: 2,
      page: 2,
    });
    expect(response.data.map((comment) => comment.body)).toEqual(['c2', 'c3']);
    expect(response.headers.link).toBe(
      `<${stub.url}/repos/o/r/issues/3/comments?per_page=2&page=3>; rel="next", ` +
        `<${stub.url}/repos/o/r/issues/3/comments?per_page=2&page=3>; rel="last", ` +
        `<${stub.url}/repos/o/r/issues/3/comments?per_page=2&page=1>; rel="first", ` +
        `<${stub.url}/repos/o/r/issues/3/comments?per_page=2&page=1>; rel="prev"`,
    );
  });
});
