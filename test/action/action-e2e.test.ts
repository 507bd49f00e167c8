// The bundled action end to end: node dist/index.js as a child process against real git
// repositories and the OpenAPI-validating GitHub e2e.stub. The two slowest cases (a 3,000-item
// checklist, a GitHub that stops answering) are in action-e2e.slow.test.ts, run by
// `npm run test:hostile`.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useActionE2E } from './action-e2e-setup.js';
import { copyOfBundle, examplePayload, type Fixture, REPOSITORY, runAction } from './action-harness.js';

const e2e = useActionE2E();
const { fixture, regression, pullRequestRun } = e2e;

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
    const comments = e2e.stub.commentsOn(1);
    expect(comments).toHaveLength(1);
    expect(comments[0]?.body).toContain('<!-- readiness:sticky-comment -->');
    expect(comments[0]?.body).toContain(
      `https://github.com/${REPOSITORY}/blob/${repo.headSha}/docs/PRODUCTION_READINESS.md#L4`,
    );
    expect(second.outputs['comment-url']).toBe(first.outputs['comment-url']);
    expect(e2e.stub.requestsFor('issues/create-comment')).toHaveLength(1);
    expect(e2e.stub.requestsFor('issues/update-comment')).toHaveLength(1);
    expect(e2e.stub.checkRuns.map((run) => [run.name, run.head_sha, run.conclusion])).toEqual([
      ['readiness', repo.headSha, 'failure'],
      ['readiness', repo.headSha, 'failure'],
    ]);
    expect(e2e.stub.checkRuns[0]?.annotations).toEqual([
      expect.objectContaining({
        path: 'docs/PRODUCTION_READINESS.md',
        start_line: 4,
        annotation_level: 'failure',
      }),
    ]);
    expect(first.summary).toContain('Readiness');
    e2e.stub.checkRuns.length = 0;
  });

  it('passes quietly when the change touches no checklist claim', async () => {
    const repo = fixture({ 'src/index.ts': 'export {};\n' });

    const result = await pullRequestRun(repo, 2);

    expect(result.code).toBe(0);
    expect(result.outputs).toMatchObject({ status: 'passed', passed: 'true', 'comment-url': '' });
    expect(e2e.stub.commentsOn(2)).toHaveLength(0);
    expect(e2e.stub.checkRuns.at(-1)).toMatchObject({ head_sha: repo.headSha, conclusion: 'success' });
  });

  it('publishes a neutral check, never a green one, when the repository has no checklist', async () => {
    const repo = fixture({ 'src/index.ts': 'export {};\n' }, { 'README.md': '# shop\n' });

    const result = await pullRequestRun(repo, 3);

    expect(result.code).toBe(0);
    expect(result.outputs).toMatchObject({ status: 'no-checklist', passed: 'false' });
    expect(result.stdout).toContain(
      '::warning::readiness: No checklist found: looked for Markdown files named',
    );
    expect(e2e.stub.commentsOn(3)).toHaveLength(0);
    const published = e2e.stub.checkRuns.filter((run) => run.head_sha === repo.headSha);
    expect(published.map((run) => [run.name, run.conclusion, run.output?.title])).toEqual([
      ['readiness', 'neutral', 'no checklist found'],
    ]);
  });

  it('retries 500, 502 and a secondary rate limit, then publishes', async () => {
    const repo = regression();
    e2e.stub
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
    expect(e2e.stub.requestsFor('checks/create')).toHaveLength(2);
  });

  it('finds its comment among 250 others', async () => {
    const repo = regression();
    for (let index = 0; index < 200; index++) e2e.stub.addComment(4, `LGTM ${index}`, 'reviewer');
    e2e.stub.addComment(4, '<!-- readiness:sticky-comment -->\nold report', 'github-actions[bot]', 'Bot');
    for (let index = 0; index < 60; index++) e2e.stub.addComment(4, `nit ${index}`, 'reviewer');

    await pullRequestRun(repo, 4);

    expect(e2e.stub.requestsFor('issues/create-comment')).toHaveLength(0);
    expect(
      e2e.stub.commentsOn(4).filter((comment) => comment.body.includes('readiness:sticky-comment')),
    ).toHaveLength(1);
  });

  it('on a fork with a read-only token explains the fix once, and still fails on the gate', async () => {
    const repo = regression();
    const readOnly = { status: 403, body: { message: 'Resource not accessible by integration' } };
    e2e.stub.failNext('checks/create', readOnly).failNext('issues/list-comments', readOnly);

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
    e2e.stub.failNext(
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
});

describe('GitHub faults', () => {
  it('retries answers cut off mid-way: one comment, found again and updated in place', async () => {
    const repo = regression();
    // GitHub creates the comment, but its answer never arrives whole; the retry creates another.
    e2e.stub.failNext('issues/create-comment', { reset: 'mid-body' });

    const first = await pullRequestRun(repo, 11);

    expect(first.code).toBe(1);
    expect(e2e.stub.requestsFor('issues/create-comment')).toHaveLength(2);
    const [comment, ...others] = e2e.stub.commentsOn(11);
    expect(others).toEqual([]);
    expect(first.outputs['comment-url']).toBe(
      `https://github.com/${REPOSITORY}/pull/11#issuecomment-${comment?.id}`,
    );

    // A listing cut off mid-way must not read as "no comment yet" and post a second one.
    e2e.stub.reset();
    e2e.stub.failNext('issues/list-comments', { reset: 'mid-body' });
    const second = await pullRequestRun(repo, 11, { action: 'synchronize' });

    expect(second.stdout).not.toContain('could not publish');
    expect(e2e.stub.requestsFor('issues/list-comments')).toHaveLength(2);
    expect(e2e.stub.requestsFor('issues/create-comment')).toEqual([]);
    expect(e2e.stub.requestsFor('issues/update-comment')).toHaveLength(1);
    expect(e2e.stub.commentsOn(11).map((left) => left.id)).toEqual([comment?.id]);
  });

  it('publishes the conclusion without annotations GitHub refuses (422), with a warning', async () => {
    const repo = regression();
    e2e.stub.on('checks/create', (request) => {
      const output = (request.body as { output: { annotations: unknown[] } }).output;
      return output.annotations.length > 0
        ? { status: 422, body: { message: 'Validation Failed', errors: ['invalid annotation'] } }
        : undefined;
    });

    const result = await pullRequestRun(repo, 13);

    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/::warning::readiness: GitHub refused \d+ annotations of the check run/);
    expect(result.stdout).not.toContain('could not publish');
    expect(e2e.stub.checkRuns.at(-1)).toMatchObject({
      head_sha: repo.headSha,
      conclusion: 'failure',
      annotations: [],
    });
    expect(result.outputs['check-run-url']).toBe(
      `https://github.com/${REPOSITORY}/runs/${e2e.stub.checkRuns.at(-1)?.id}`,
    );
  });
});

describe('release gate', () => {
  it('fails a push to a release branch on any unproven item', async () => {
    const repo = fixture({ 'src/index.ts': 'export {};\n' });
    repo.checkout(repo.headSha);
    const payload = examplePayload('push');
    Object.assign(payload, { ref: 'refs/heads/release/1.0', before: repo.baseSha, after: repo.headSha });

    const result = await runAction({
      apiUrl: e2e.stub.url,
      eventName: 'push',
      payload,
      workspace: repo.dir,
      sha: repo.headSha,
      ref: 'refs/heads/release/1.0',
    });

    expect(result.code).toBe(1);
    expect(result.report).toMatchObject({ gate: { mode: 'release', passed: false } });
    expect(e2e.stub.checkRuns.at(-1)).toMatchObject({ head_sha: repo.headSha, conclusion: 'failure' });
    expect(e2e.stub.requestsFor('issues/create-comment')).toHaveLength(0);
  });
});

describe('cache-dir', () => {
  it('a pull request reuses the base result a push run kept, with the action unpacked afresh', async () => {
    const repo = e2e.regression();
    const cacheDir = mkdtempSync(join(tmpdir(), 'readiness-action-cache-'));
    const copy = copyOfBundle();
    try {
      repo.checkout(repo.baseSha);
      // As actions/checkout leaves it: every file's stat proves it is as committed.
      const past = new Date(Date.now() - 3600_000);
      for (const path of ['docs/PRODUCTION_READINESS.md', 'docs/RUNBOOK.md', 'package.json'])
        utimesSync(join(repo.dir, path), past, past);
      execFileSync('git', ['-C', repo.dir, 'update-index', '-q', '--refresh']);
      const push = examplePayload('push');
      Object.assign(push, { ref: 'refs/heads/main', before: '0'.repeat(40), after: repo.baseSha });
      const pushed = await runAction({
        apiUrl: e2e.stub.url,
        eventName: 'push',
        payload: push,
        workspace: repo.dir,
        sha: repo.baseSha,
        ref: 'refs/heads/main',
        inputs: { 'cache-dir': cacheDir },
        bundle: copy.bundle,
      });
      expect(pushed.code).toBe(0);
      const kept = readdirSync(cacheDir).find((name) => name.endsWith(`.${repo.baseSha}.base`));
      expect(kept).toBeDefined();
      // Edited by hand: the runbook item was already unbacked on main, so deleting the runbook
      // regresses nothing. Only a pull request that used the kept result can see it that way.
      const file = join(cacheDir, kept as string);
      writeFileSync(file, readFileSync(file, 'utf8').replace(/"status":"verified"/g, '"status":"unbacked"'));

      const pull = await pullRequestRun(repo, 31, { inputs: { 'cache-dir': cacheDir } });

      expect(pull.code).toBe(0);
      expect(pull.report).toMatchObject({ gate: { mode: 'pr', passed: true }, diff: { regressed: [] } });
      expect(pull.stdout).not.toContain('::warning::'); // no cache file was refused
    } finally {
      copy.remove();
      rmSync(cacheDir, { recursive: true, force: true });
    }
  });

  it('without cache-dir keeps nothing and evaluates the base', async () => {
    const repo = e2e.regression();
    const result = await pullRequestRun(repo, 32);
    expect(result.code).toBe(1);
    expect(result.report).toMatchObject({ gate: { passed: false } });
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
    e2e.stub.pulls.set(9, {
      number: 9,
      headSha: repo.headSha,
      headRef: 'feature',
      baseSha: repo.baseSha,
      baseRef: 'main',
    });
    return runAction({
      apiUrl: e2e.stub.url,
      eventName: 'issue_comment',
      payload: commentPayload(login),
      workspace: repo.dir,
      sha: repo.baseSha,
      ref: 'refs/heads/main',
    });
  }

  it('by a collaborator evaluates the PR head, publishes on it and reacts eyes then rocket', async () => {
    const repo = regression();
    e2e.stub.permissions.set('maintainer-mia', 'maintain');
    e2e.stub.reactions.length = 0;

    const result = await recheckRun(repo, 'maintainer-mia');

    expect(result.code).toBe(1);
    expect(result.outputs.unbacked).toBe('1');
    expect(e2e.stub.checkRuns.at(-1)).toMatchObject({ head_sha: repo.headSha, conclusion: 'failure' });
    expect(e2e.stub.reactions).toEqual([
      { commentId: 777, content: 'eyes' },
      { commentId: 777, content: 'rocket' },
    ]);
  });

  it('from a read-only user is refused with a confused reaction and no evaluation', async () => {
    const repo = regression();
    e2e.stub.permissions.set('reader-rae', 'read');
    e2e.stub.reactions.length = 0;
    const checkRunsBefore = e2e.stub.checkRuns.length;

    const result = await recheckRun(repo, 'reader-rae');

    expect(result.code).toBe(0);
    expect(result.outputs.status).toBe('skipped');
    expect(result.stdout).toContain('reader-rae has read permission');
    expect(e2e.stub.reactions).toEqual([{ commentId: 777, content: 'confused' }]);
    expect(e2e.stub.checkRuns).toHaveLength(checkRunsBefore);
  });
});
