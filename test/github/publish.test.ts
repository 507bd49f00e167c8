import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CheckRunContent } from '../../src/github/check-run.js';
import { permissionAdvice } from '../../src/github/permissions.js';
import { publishReport } from '../../src/github/publish.js';
import { GitHubApiStub } from '../support/github-api-stub.js';
import { testClient } from '../support/github-client.js';

const repo = { owner: 'octo-org', repo: 'shop' };
const headSha = 'd'.repeat(40);
const readOnly = { status: 403, body: { message: 'Resource not accessible by integration' } };
const checkRun: CheckRunContent = {
  title: '4 verified',
  summary: 'all good',
  conclusion: 'success',
  annotations: [],
};
let stub: GitHubApiStub;

beforeAll(async () => {
  stub = await GitHubApiStub.start();
});
afterAll(() => stub.close());
afterEach(() => {
  stub.assertNoProblems();
  stub.reset();
});

function publish() {
  return publishReport({
    client: testClient(stub.url),
    repo,
    headSha,
    checkRun,
    comment: {
      issueNumber: 21,
      body: 'report',
      mode: 'always',
      worthPosting: true,
      ownLogin: 'github-actions[bot]',
    },
  });
}

describe('publishReport', () => {
  it('publishes the check run and the comment', async () => {
    const result = await publish();

    expect(result.problems).toEqual([]);
    expect(result.errors).toEqual([]);
    expect(result.checkRun?.url).toMatch(/\/runs\/\d+$/);
    expect(result.comment?.url).toMatch(/#issuecomment-\d+$/);
  });

  it('collects read-only token refusals instead of failing, so the gate still decides', async () => {
    stub.failNext('checks/create', readOnly).failNext('issues/list-comments', readOnly);

    const result = await publish();

    expect(result.problems.map((problem) => problem.scope)).toEqual(['checks', 'pull-requests']);
    expect(result.checkRun).toBeUndefined();
  });

  it('records other errors and still posts the comment', async () => {
    stub.failNext('checks/create', { status: 422, body: { message: 'No commit found for SHA' } });

    const result = await publish();

    expect(result.errors).toEqual([expect.objectContaining({ status: 422 })]);
    expect(result.comment?.action).toBe('updated');
  });
});

describe('permissionAdvice', () => {
  const problems = [{ scope: 'checks' as const, action: 'create the readiness check run' }];

  it('tells fork PRs about pull_request_target and workflow_run, and the permissions block', () => {
    const advice = permissionAdvice(problems, { eventName: 'pull_request', fromFork: true });
    expect(advice).toContain('pull_request_target');
    expect(advice).toContain('workflow_run');
    expect(advice).toContain('checks: write');
    expect(advice).toContain('pull-requests: write');
  });

  it('gives same-repository runs only the permissions block', () => {
    const advice = permissionAdvice(problems, { eventName: 'pull_request', fromFork: false });
    expect(advice).not.toContain('pull_request_target');
    expect(advice).toContain('checks: write');
  });
});
