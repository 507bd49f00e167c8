// The bundled action end to end: node dist/index.js as a child process against real git
// repositories and the OpenAPI-validating GitHub stub.

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { GitHubApiStub } from '../support/github-api-stub.js';
import {
  ensureBundle,
  examplePayload,
  type Fixture,
  fixtureRepo,
  pullRequestPayload,
  REPOSITORY,
  runAction,
} from './action-harness.js';

const CHECKLIST = [
  '# Production readiness',
  '',
  '## Operations',
  '- [x] Runbook in `docs/RUNBOOK.md`',
  '- [x] `npm run build` produces the bundle',
  '- [ ] Security review signed off by the CISO',
  '',
].join('\n');

const BASE_FILES = {
  'docs/PRODUCTION_READINESS.md': CHECKLIST,
  'docs/RUNBOOK.md': '# Runbook\n',
  'package.json': '{ "name": "shop", "scripts": { "build": "tsc" } }\n',
};

let stub: GitHubApiStub;
const fixtures: Fixture[] = [];

function fixture(head: Record<string, string | null>, base: Record<string, string> = BASE_FILES): Fixture {
  const created = fixtureRepo(base, head);
  fixtures.push(created);
  return created;
}

/** Deleting the runbook turns a verified item unbacked: a regression. */
const regression = () => fixture({ 'docs/RUNBOOK.md': null });

function pullRequestRun(
  repo: Fixture,
  number: number,
  extra: { action?: string; headRepo?: string; inputs?: Record<string, string> } = {},
) {
  repo.checkout(repo.headSha);
  return runAction({
    apiUrl: stub.url,
    eventName: 'pull_request',
    payload: pullRequestPayload({
      number,
      fixture: repo,
      ...(extra.action ? { action: extra.action } : {}),
      ...(extra.headRepo ? { headRepo: extra.headRepo } : {}),
    }),
    workspace: repo.dir,
    sha: repo.headSha,
    ref: `refs/pull/${number}/merge`,
    ...(extra.inputs ? { inputs: extra.inputs } : {}),
  });
}

beforeAll(async () => {
  ensureBundle();
  stub = await GitHubApiStub.start();
});
afterAll(async () => {
  await stub.close();
  for (const created of fixtures) created.remove();
});
afterEach(() => {
  stub.assertNoProblems();
  stub.reset();
});

describe('pull_request', () => {
  it('first run creates the comment and a failing check; the second run updates the same comment', async () => {
    const repo = regression();

    const first = await pullRequestRun(repo, 1);
    const second = await pullRequestRun(repo, 1, { action: 'synchronize' });

    expect(first.code).toBe(1);
    expect(first.stdout).toContain('readiness gate failed');
    expect(first.stdout).toMatch(/::error title=readiness gate,file=docs\/PRODUCTION_READINESS\.md,line=4::/);
    expect(first.outputs).toMatchObject({
      status: 'failed',
      passed: 'false',
      unbacked: '1',
      verified: '1',
      manual: '1',
    });
    expect(first.report).toMatchObject({ gate: { mode: 'pr', passed: false } });
    const comments = stub.commentsOn(1);
    expect(comments).toHaveLength(1);
    expect(comments[0]?.body).toContain('<!-- readiness:sticky-comment -->');
    expect(comments[0]?.body).toContain(
      `https://github.com/${REPOSITORY}/blob/${repo.headSha}/docs/PRODUCTION_READINESS.md#L4`,
    );
    expect(second.outputs['comment-url']).toBe(first.outputs['comment-url']);
    expect(stub.requestsFor('issues/create-comment')).toHaveLength(1);
    expect(stub.requestsFor('issues/update-comment')).toHaveLength(1);
    expect(stub.checkRuns.map((run) => [run.name, run.head_sha, run.conclusion])).toEqual([
      ['readiness', repo.headSha, 'failure'],
      ['readiness', repo.headSha, 'failure'],
    ]);
    expect(stub.checkRuns[0]?.annotations).toEqual([
      expect.objectContaining({
        path: 'docs/PRODUCTION_READINESS.md',
        start_line: 4,
        annotation_level: 'failure',
      }),
    ]);
    expect(first.summary).toContain('Readiness');
    stub.checkRuns.length = 0;
  });

  it('passes quietly when the change touches no checklist claim', async () => {
    const repo = fixture({ 'src/index.ts': 'export {};\n' });

    const result = await pullRequestRun(repo, 2);

    expect(result.code).toBe(0);
    expect(result.outputs).toMatchObject({ status: 'passed', passed: 'true', 'comment-url': '' });
    expect(stub.commentsOn(2)).toHaveLength(0);
    expect(stub.checkRuns.at(-1)).toMatchObject({ head_sha: repo.headSha, conclusion: 'success' });
  });

  it('publishes a neutral check, never a green one, when the repository has no checklist', async () => {
    const repo = fixture({ 'src/index.ts': 'export {};\n' }, { 'README.md': '# shop\n' });

    const result = await pullRequestRun(repo, 3);

    expect(result.code).toBe(0);
    expect(result.outputs).toMatchObject({ status: 'no-checklist', passed: 'false' });
    expect(result.stdout).toContain(
      '::warning::readiness: No checklist found: looked for Markdown files named',
    );
    expect(stub.commentsOn(3)).toHaveLength(0);
    const published = stub.checkRuns.filter((run) => run.head_sha === repo.headSha);
    expect(published.map((run) => [run.name, run.conclusion, run.output?.title])).toEqual([
      ['readiness', 'neutral', 'no checklist found'],
    ]);
  });

  it('retries 500, 502 and a secondary rate limit, then publishes', async () => {
    const repo = regression();
    stub
      .failNext('checks/create', { status: 500, body: { message: 'Server Error' } })
      .failNext('issues/list-comments', { status: 502, body: { message: 'Bad Gateway' } })
      .failNext('issues/create-comment', {
        status: 403,
        headers: { 'retry-after': '1' },
        body: { message: 'You have exceeded a secondary rate limit.' },
      });

    const result = await pullRequestRun(repo, 3);

    expect(result.code).toBe(1);
    expect(result.outputs['check-run-url']).toMatch(/\/runs\/\d+$/);
    expect(result.outputs['comment-url']).toMatch(/#issuecomment-\d+$/);
    expect(stub.requestsFor('checks/create')).toHaveLength(2);
  });

  it('finds its comment among 250 others', async () => {
    const repo = regression();
    for (let index = 0; index < 200; index++) stub.addComment(4, `LGTM ${index}`, 'reviewer');
    stub.addComment(4, '<!-- readiness:sticky-comment -->\nold report', 'github-actions[bot]', 'Bot');
    for (let index = 0; index < 60; index++) stub.addComment(4, `nit ${index}`, 'reviewer');

    await pullRequestRun(repo, 4);

    expect(stub.requestsFor('issues/create-comment')).toHaveLength(0);
    expect(
      stub.commentsOn(4).filter((comment) => comment.body.includes('readiness:sticky-comment')),
    ).toHaveLength(1);
  });

  it('on a fork with a read-only token explains the fix once, and still fails on the gate', async () => {
    const repo = regression();
    const readOnly = { status: 403, body: { message: 'Resource not accessible by integration' } };
    stub.failNext('checks/create', readOnly).failNext('issues/list-comments', readOnly);

    const result = await pullRequestRun(repo, 5, { headRepo: 'forker/shop' });

    expect(result.code).toBe(1);
    expect(result.stdout.match(/pull_request_target/g)).toHaveLength(1);
    expect(result.stdout).toContain('workflow_run');
    expect(result.summary).toContain('checks: write');
    expect(result.outputs).toMatchObject({ 'check-run-url': '', 'comment-url': '', passed: 'false' });
  });

  it('when publishing fails, still writes the summary and outputs and fails with a clear error', async () => {
    const repo = fixture({ 'src/index.ts': 'export {};\n' });
    // Twice: a 422 on a check run with annotations is tried once more without them.
    stub.failNext(
      'checks/create',
      { status: 422, body: { message: 'No commit found for SHA: deadbeef' } },
      2,
    );

    const result = await pullRequestRun(repo, 7);

    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      'could not publish to GitHub: GitHub API answered 422: No commit found for SHA: deadbeef. The next run publishes afresh.',
    );
    expect(result.outputs).toMatchObject({ passed: 'true', 'check-run-url': '' });
    expect(result.summary).toContain('Readiness');
  });

  it('keeps a 3,000-item checklist within the comment limit and batches annotations', async () => {
    const items = Array.from(
      { length: 3000 },
      (_, index) => `- [x] Runbook in \`docs/runbooks/service-${index}.md\``,
    );
    const repo = fixture({ 'docs/PRODUCTION_READINESS.md': `# Readiness\n\n${items.join('\n')}\n` });

    const result = await pullRequestRun(repo, 6, { inputs: { comment: 'always' } });

    expect(result.outputs.unbacked).toBe('3000');
    expect(stub.commentsOn(6)[0]?.body.length).toBeLessThanOrEqual(65_536);
    const annotationBatches = [
      ...stub.requestsFor('checks/create'),
      ...stub.requestsFor('checks/update'),
    ].map((request) => (request.body as { output: { annotations: unknown[] } }).output.annotations.length);
    expect(annotationBatches.every((size) => size <= 50)).toBe(true);
    expect(stub.checkRuns.at(-1)?.output.summary).toContain('Showing 500 of');
  }, 60_000);
});

describe('GitHub faults', () => {
  it('retries answers cut off mid-way: one comment, found again and updated in place', async () => {
    const repo = regression();
    // GitHub creates the comment, but its answer never arrives whole; the retry creates another.
    stub.failNext('issues/create-comment', { reset: 'mid-body' });

    const first = await pullRequestRun(repo, 11);

    expect(first.code).toBe(1);
    expect(stub.requestsFor('issues/create-comment')).toHaveLength(2);
    const [comment, ...others] = stub.commentsOn(11);
    expect(others).toEqual([]);
    expect(first.outputs['comment-url']).toBe(
      `https://github.com/${REPOSITORY}/pull/11#issuecomment-${comment?.id}`,
    );

    // A listing cut off mid-way must not read as "no comment yet" and post a second one.
    stub.reset();
    stub.failNext('issues/list-comments', { reset: 'mid-body' });
    const second = await pullRequestRun(repo, 11, { action: 'synchronize' });

    expect(second.stdout).not.toContain('could not publish');
    expect(stub.requestsFor('issues/list-comments')).toHaveLength(2);
    expect(stub.requestsFor('issues/create-comment')).toEqual([]);
    expect(stub.requestsFor('issues/update-comment')).toHaveLength(1);
    expect(stub.commentsOn(11).map((left) => left.id)).toEqual([comment?.id]);
  });

  it('publishes the conclusion without annotations GitHub refuses (422), with a warning', async () => {
    const repo = regression();
    stub.on('checks/create', (request) => {
      const output = (request.body as { output: { annotations: unknown[] } }).output;
      return output.annotations.length > 0
        ? { status: 422, body: { message: 'Validation Failed', errors: ['invalid annotation'] } }
        : undefined;
    });

    const result = await pullRequestRun(repo, 13);

    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/::warning::readiness: GitHub refused \d+ annotations of the check run/);
    expect(result.stdout).not.toContain('could not publish');
    expect(stub.checkRuns.at(-1)).toMatchObject({
      head_sha: repo.headSha,
      conclusion: 'failure',
      annotations: [],
    });
    expect(result.outputs['check-run-url']).toBe(
      `https://github.com/${REPOSITORY}/runs/${stub.checkRuns.at(-1)?.id}`,
    );
  });

  it('ends in bounded time when GitHub stops answering, naming the request and the fix', async () => {
    const repo = fixture({ 'src/index.ts': 'export {};\n' });
    stub.failNext('checks/create', { delayMs: 120_000 }, 10);
    const started = performance.now();

    const result = await pullRequestRun(repo, 12, { inputs: { 'api-timeout': '0.5', comment: 'always' } });

    // Four attempts of 0.5 s and retry waits of 1, 4 and 9 s, not four hung requests.
    expect(performance.now() - started).toBeLessThan(30_000);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      'could not publish to GitHub: GitHub did not answer POST /repos/octo-org/shop/check-runs within 0.5 s (4 attempts). ' +
        'GitHub may be slow or down (https://www.githubstatus.com): try again later, or raise the `api-timeout` input (seconds per GitHub request, now 0.5)',
    );
    expect(result.stdout).not.toMatch(/unhandled/i);
    expect(result.outputs).toMatchObject({ passed: 'true', 'check-run-url': '' });
    // The check run's outage does not also cost the comment.
    expect(stub.commentsOn(12)).toHaveLength(1);
  }, 45_000);
});

describe('release gate', () => {
  it('fails a push to a release branch on any unproven item', async () => {
    const repo = fixture({ 'src/index.ts': 'export {};\n' });
    repo.checkout(repo.headSha);
    const payload = examplePayload('push');
    Object.assign(payload, { ref: 'refs/heads/release/1.0', before: repo.baseSha, after: repo.headSha });

    const result = await runAction({
      apiUrl: stub.url,
      eventName: 'push',
      payload,
      workspace: repo.dir,
      sha: repo.headSha,
      ref: 'refs/heads/release/1.0',
    });

    expect(result.code).toBe(1);
    expect(result.report).toMatchObject({ gate: { mode: 'release', passed: false } });
    expect(stub.checkRuns.at(-1)).toMatchObject({ head_sha: repo.headSha, conclusion: 'failure' });
    expect(stub.requestsFor('issues/create-comment')).toHaveLength(0);
  });
});

describe('/readiness recheck', () => {
  function commentPayload(login: string, body = '/readiness recheck') {
    const payload = examplePayload('issue_comment', 'created');
    const issue = payload.issue as Record<string, unknown>;
    issue.number = 9;
    issue.pull_request = { url: `https://api.github.com/repos/${REPOSITORY}/pulls/9` };
    payload.comment = { ...(payload.comment as object), id: 777, body, user: { login, type: 'User' } };
    return payload;
  }

  function recheckRun(repo: Fixture, login: string) {
    // issue_comment workflows check out the default branch, not the pull request.
    repo.checkout(repo.baseSha);
    stub.pulls.set(9, {
      number: 9,
      headSha: repo.headSha,
      headRef: 'feature',
      baseSha: repo.baseSha,
      baseRef: 'main',
    });
    return runAction({
      apiUrl: stub.url,
      eventName: 'issue_comment',
      payload: commentPayload(login),
      workspace: repo.dir,
      sha: repo.baseSha,
      ref: 'refs/heads/main',
    });
  }

  it('by a collaborator evaluates the PR head, publishes on it and reacts eyes then rocket', async () => {
    const repo = regression();
    stub.permissions.set('maintainer-mia', 'maintain');
    stub.reactions.length = 0;

    const result = await recheckRun(repo, 'maintainer-mia');

    expect(result.code).toBe(1);
    expect(result.outputs.unbacked).toBe('1');
    expect(stub.checkRuns.at(-1)).toMatchObject({ head_sha: repo.headSha, conclusion: 'failure' });
    expect(stub.reactions).toEqual([
      { commentId: 777, content: 'eyes' },
      { commentId: 777, content: 'rocket' },
    ]);
  });

  it('from a read-only user is refused with a confused reaction and no evaluation', async () => {
    const repo = regression();
    stub.permissions.set('reader-rae', 'read');
    stub.reactions.length = 0;
    const checkRunsBefore = stub.checkRuns.length;

    const result = await recheckRun(repo, 'reader-rae');

    expect(result.code).toBe(0);
    expect(result.outputs.status).toBe('skipped');
    expect(result.stdout).toContain('reader-rae has read permission');
    expect(stub.reactions).toEqual([{ commentId: 777, content: 'confused' }]);
    expect(stub.checkRuns).toHaveLength(checkRunsBefore);
  });
});
