import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/core/config.js';
import { evaluateRevision } from '../../src/core/engine.js';
import { renderMarkdown } from '../../src/core/render/markdown.js';
import { buildReport } from '../../src/core/report.js';
import { DEFAULT_MARKER } from '../../src/github/sticky-comment.js';
import { MemoryRepo } from '../support/memory-repo.js';
import {
  countBy,
  examplePayload,
  FULL_NAME,
  type Harness,
  OWN_LOGIN,
  operations,
  pullRequestPayload,
  scriptGitHub,
  startHarness,
} from './app-harness.js';

const CHECKLIST = [
  '# Production readiness',
  '',
  '## Containers',
  '- [x] Container runs as non-root user',
  '- [x] Runbook written: see [the runbook](docs/runbook.md)',
  '- [ ] On-call rota agreed with the team',
  '',
].join('\n');

const BASE_FILES = {
  'READINESS.md': CHECKLIST,
  Dockerfile: 'FROM node:20.11.1-alpine\nWORKDIR /app\nCOPY . .\nUSER node\nCMD ["node", "index.js"]\n',
  'docs/runbook.md': '# Runbook\n',
  'index.js': 'console.log("shop");\n',
};
/** The pull request drops the USER line: the checked non-root item becomes unbacked. */
const HEAD_FILES = {
  ...BASE_FILES,
  Dockerfile: 'FROM node:20.11.1-alpine\nWORKDIR /app\nCOPY . .\nCMD ["node", "index.js"]\n',
};

describe('the Readiness GitHub App over HTTP', () => {
  let harness: Harness;
  let baseSha: string;
  let headSha: string;
  let nextPull = 1;

  beforeAll(async () => {
    harness = await startHarness();
    baseSha = harness.git.commit(BASE_FILES);
    headSha = harness.git.commit(HEAD_FILES);
  });
  afterAll(() => harness.close());
  beforeEach(() => {
    harness.stub.reset();
    scriptGitHub(harness);
  });

  const openPull = async (number = nextPull++, head = headSha) => {
    const response = await harness.deliver(
      'pull_request',
      pullRequestPayload('opened', { number, headSha: head, baseSha }),
    );
    expect(`${response.status} ${await response.text()}`).toBe('200 ok\n');
    return number;
  };

  it('answers GET /healthz for load balancers', async () => {
    const response = await fetch(`${harness.server.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('ok\n');
  });

  it('publishes the check run and the sticky comment for an opened pull request, with few API calls', async () => {
    const number = await openPull();
    const { stub } = harness;
    stub.assertNoProblems();

    const runs = stub.checkRuns.filter((run) => run.head_sha === headSha);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ name: 'readiness', status: 'completed', conclusion: 'failure' });
    expect(runs[0]?.annotations).toContainEqual(
      expect.objectContaining({ path: 'READINESS.md', start_line: 4, annotation_level: 'failure' }),
    );

    const comments = stub.commentsOn(number);
    expect(comments).toHaveLength(1);
    expect(comments[0]?.login).toBe(OWN_LOGIN);
    expect(comments[0]?.body).toBe(await expectedComment(headSha, HEAD_FILES));

    const calls = countBy(operations(stub));
    // The first delivery also mints the installation token and learns the App's slug. The pull
    // request is read before evaluating, before publishing and after (is this head still the head?),
    // and the check runs on the head say whether another replica already handled this delivery.
    expect(calls).toEqual({
      'apps/create-installation-access-token': 1,
      'apps/get-authenticated': 1,
      'pulls/get': 3,
      'checks/list-for-ref': 1,
      'repos/get-content': 4,
      'git/get-tree': 2,
      'git/get-blob': 4,
      'checks/create': 1,
      'issues/list-comments': 2,
      'issues/create-comment': 1,
    });
    // The checklist, index.js and both Dockerfiles: the base reads its shared blobs from the cache.
    const read = stub.requestsFor('git/get-blob').map((request) => request.params.file_sha);
    expect(new Set(read)).toEqual(
      new Set(
        [
          BASE_FILES['READINESS.md'],
          BASE_FILES['index.js'],
          BASE_FILES.Dockerfile,
          HEAD_FILES.Dockerfile,
        ].map((text) => harness.git.blobSha(text)),
      ),
    );
  });

  it('updates the same comment in place on synchronize, with one upsert and one check run', async () => {
    const number = await openPull();
    const [first] = harness.stub.commentsOn(number);
    harness.stub.reset();
    scriptGitHub(harness);
    const fixedFiles = { ...BASE_FILES, 'CHANGELOG.md': '# Changes\n' };
    const fixedSha = harness.git.commit(fixedFiles);
    const response = await harness.deliver(
      'pull_request',
      pullRequestPayload('synchronize', { number, headSha: fixedSha, baseSha }),
    );
    expect(response.status).toBe(200);
    harness.stub.assertNoProblems();

    const comments = harness.stub.commentsOn(number);
    expect(comments).toHaveLength(1);
    expect(comments[0]?.id).toBe(first?.id);
    expect(comments[0]?.body).toBe(await expectedComment(fixedSha, fixedFiles));
    expect(harness.stub.checkRuns.find((run) => run.head_sha === fixedSha)?.conclusion).toBe('success');

    // Token and slug are cached, and every blob this revision needs was read before.
    expect(countBy(operations(harness.stub))).toEqual({
      'pulls/get': 3,
      'checks/list-for-ref': 1,
      'repos/get-content': 4,
      'git/get-tree': 2,
      'checks/create': 1,
      'issues/list-comments': 1,
      'issues/update-comment': 1,
    });
  });

  it('reruns on /readiness recheck from a collaborator, on the pull request head, with reactions', async () => {
    const number = await openPull();
    const { stub } = harness;
    stub.pulls.set(number, { number, headSha, headRef: 'feature', baseSha, baseRef: 'main' });
    stub.permissions.set('maintainer', 'write');
    const before = stub.checkRuns.length;
    const comment = stub.addComment(number, '/readiness recheck', 'maintainer');
    const response = await harness.deliver('issue_comment', recheckPayload(number, comment.id, 'maintainer'));
    expect(response.status).toBe(200);
    stub.assertNoProblems();
    expect(
      stub.reactions.filter((reaction) => reaction.commentId === comment.id).map((r) => r.content),
    ).toEqual(['eyes', 'rocket']);
    expect(stub.checkRuns.length).toBe(before + 1);
    expect(stub.checkRuns.at(-1)?.head_sha).toBe(headSha);
    expect(stub.commentsOn(number).filter((c) => c.login === OWN_LOGIN)).toHaveLength(1);
  });

  it('folds 50 /readiness recheck comments into two evaluations, acknowledging every comment', async () => {
    const number = await openPull();
    const { stub } = harness;
    stub.permissions.set('maintainer', 'write');
    const pull = { number, headRef: 'feature', baseSha, baseRef: 'main' };
    stub.pulls.set(number, { ...pull, headSha });
    const pushedFiles = { ...HEAD_FILES, 'CHANGELOG.md': '# Changes\n' };
    const pushed = harness.git.commit(pushedFiles);
    stub.reset();
    scriptGitHub(harness);
    const comments = Array.from({ length: 50 }, () =>
      stub.addComment(number, '/readiness recheck', 'maintainer'),
    );
    const ids = new Set(comments.map((comment) => comment.id));
    const eyes = () =>
      stub.reactions.filter((reaction) => ids.has(reaction.commentId) && reaction.content === 'eyes').length;
    // The first evaluation is held until every comment has its 👀, so all 50 arrive while it runs;
    // the pull request then moves on to a new head before the next evaluation reads it. Each
    // evaluation reads the pull request three times: when it starts, before and after it publishes.
    let reads = 0;
    stub.on('pulls/get', async () => {
      reads++;
      if (reads === 1) {
        await until(() => eyes() === 50);
        await new Promise((resolve) => setTimeout(resolve, 200));
      } else if (reads === 4) {
        stub.pulls.set(number, { ...pull, headSha: pushed });
      }
      return undefined;
    });

    const responses = await Promise.all(
      comments.map((comment) =>
        harness.deliver('issue_comment', recheckPayload(number, comment.id, 'maintainer')),
      ),
    );

    expect(responses.map((response) => response.status)).toEqual(comments.map(() => 200));
    stub.assertNoProblems();
    // Two evaluations, not fifty: the one running and one for everything that arrived meanwhile.
    expect(stub.requestsFor('pulls/get')).toHaveLength(6);
    expect(
      stub.requestsFor('checks/create').map((request) => (request.body as { head_sha: string }).head_sha),
    ).toEqual([headSha, pushed]);
    for (const comment of comments) {
      expect(
        stub.reactions.filter((reaction) => reaction.commentId === comment.id).map((r) => r.content),
      ).toEqual(['eyes', 'rocket']);
    }
    const ours = stub.commentsOn(number).filter((comment) => comment.login === OWN_LOGIN);
    expect(ours).toHaveLength(1);
    expect(stub.requestsFor('issues/create-comment')).toEqual([]);
    expect(ours[0]?.body).toBe(await expectedComment(pushed, pushedFiles));
  });

  it('refuses /readiness recheck from a read-only user: a confused reaction and nothing evaluated', async () => {
    const number = await openPull();
    const { stub } = harness;
    stub.permissions.set('visitor', 'read');
    stub.reset();
    scriptGitHub(harness);
    const comment = stub.addComment(number, '/readiness recheck', 'visitor');
    const response = await harness.deliver('issue_comment', recheckPayload(number, comment.id, 'visitor'));
    expect(response.status).toBe(200);
    stub.assertNoProblems();
    expect(
      stub.reactions.filter((reaction) => reaction.commentId === comment.id).map((r) => r.content),
    ).toEqual(['confused']);
    expect(operations(stub)).toEqual([
      'repos/get-collaborator-permission-level',
      'reactions/create-for-issue-comment',
    ]);
  });

  it('ignores ordinary comments without a single API call', async () => {
    const payload = recheckPayload(1, 99, 'someone');
    (payload.comment as Record<string, unknown>).body = 'LGTM, thanks!';
    expect((await harness.deliver('issue_comment', payload)).status).toBe(200);
    expect(harness.stub.requests).toEqual([]);
  });

  it('re-runs the check from the UI button (check_run.rerequested)', async () => {
    const number = await openPull();
    const { stub } = harness;
    const before = stub.checkRuns.length;
    const payload = examplePayload('check_run', 'rerequested');
    const run = payload.check_run as Record<string, unknown>;
    payload.check_run = {
      ...run,
      name: 'readiness',
      head_sha: headSha,
      pull_requests: [
        {
          number,
          id: 1,
          url: `https://api.github.com/repos/${FULL_NAME}/pulls/${number}`,
          head: { sha: headSha, ref: 'feature', repo: { id: 1, name: 'shop', url: '' } },
          base: { sha: baseSha, ref: 'main', repo: { id: 1, name: 'shop', url: '' } },
        },
      ],
    };
    expect((await harness.deliver('check_run', payload)).status).toBe(200);
    stub.assertNoProblems();
    expect(stub.checkRuns.length).toBe(before + 1);
    expect(stub.checkRuns.at(-1)).toMatchObject({ head_sha: headSha, conclusion: 'failure' });
    expect(stub.commentsOn(number)).toHaveLength(1);
  });

  it('finds the pull request of a fork commit when "Re-run all checks" comes without one', async () => {
    const number = await openPull();
    const { stub } = harness;
    stub.reset();
    scriptGitHub(harness);
    stub.on('repos/list-pull-requests-associated-with-commit', () => ({
      status: 200,
      body: [
        { number: 1, state: 'closed', head: { sha: headSha }, base: { sha: baseSha, ref: 'main' } },
        { number, state: 'open', head: { sha: headSha }, base: { sha: baseSha, ref: 'main' } },
      ],
    }));
    const payload = examplePayload('check_suite', 'rerequested');
    payload.check_suite = {
      ...(payload.check_suite as object),
      head_sha: headSha,
      head_branch: 'feature',
      pull_requests: [],
    };
    const before = stub.checkRuns.length;
    expect((await harness.deliver('check_suite', payload)).status).toBe(200);
    stub.assertNoProblems();
    expect(stub.requestsFor('repos/list-pull-requests-associated-with-commit')).toHaveLength(1);
    expect(stub.checkRuns.length).toBe(before + 1);
    // Compared with the base, as the pull request event was: the comment is updated, not duplicated.
    expect(stub.requestsFor('git/get-tree')).toHaveLength(2);
    expect(stub.requestsFor('issues/update-comment')).toHaveLength(1);
    expect(stub.commentsOn(number)).toHaveLength(1);
  });

  it('rejects a delivery with a bad signature before any API call', async () => {
    const response = await harness.deliver(
      'pull_request',
      pullRequestPayload('opened', { number: 900, headSha, baseSha }),
      { signature: `sha256=${'0'.repeat(64)}` },
    );
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(harness.stub.requests).toEqual([]);
  });

  it('handles the same delivery id once', async () => {
    const payload = pullRequestPayload('opened', { number: 901, headSha, baseSha });
    const id = 'b1e4f6a0-0000-4000-8000-000000000901';
    expect((await harness.deliver('pull_request', payload, { id })).status).toBe(200);
    const calls = harness.stub.requests.length;
    expect((await harness.deliver('pull_request', payload, { id })).status).toBe(200);
    expect(harness.stub.requests.length).toBe(calls);
    expect(harness.stub.commentsOn(901)).toHaveLength(1);
    expect(harness.stub.checkRuns.filter((run) => run.head_sha === headSha).length).toBeGreaterThan(0);
  });

  it('leaves one comment when two deliveries for one pull request arrive at once', async () => {
    const [opened, edited] = await Promise.all([
      harness.deliver('pull_request', pullRequestPayload('opened', { number: 902, headSha, baseSha })),
      harness.deliver('pull_request', pullRequestPayload('edited', { number: 902, headSha, baseSha })),
    ]);
    expect([opened.status, edited.status]).toEqual([200, 200]);
    harness.stub.assertNoProblems();
    expect(harness.stub.commentsOn(902)).toHaveLength(1);
    expect(harness.stub.requestsFor('issues/create-comment')).toHaveLength(1);
  });

  it('waits out a rate limit and retries 5xx answers, then publishes', async () => {
    const { stub } = harness;
    const reset = String(Math.ceil(Date.now() / 1000) + 1);
    stub.failNext('git/get-tree', {
      status: 403,
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset },
      body: { message: 'API rate limit exceeded for installation ID 4242.' },
    });
    stub.failNext('git/get-blob', { status: 502, body: { message: 'Server Error' } }, 2);
    stub.failNext('checks/create', {
      status: 403,
      headers: { 'retry-after': '1' },
      body: { message: 'You have exceeded a secondary rate limit.' },
    });
    stub.failNext('issues/create-comment', { status: 500, body: { message: 'Server Error' } });
    const runsBefore = stub.checkRuns.length;
    const number = await openPull();
    stub.assertNoProblems();
    // Retried requests never publish twice: one check run, one comment.
    expect(stub.checkRuns.length).toBe(runsBefore + 1);
    expect(stub.commentsOn(number)).toHaveLength(1);
    expect(stub.requestsFor('checks/create').length).toBeGreaterThanOrEqual(2);
    expect(stub.requestsFor('git/get-tree').length).toBeGreaterThanOrEqual(3);
  });

  it('publishes nothing when GitHub keeps failing, and a redelivery of the same id then succeeds', async () => {
    const { stub } = harness;
    // An edited checklist is a blob no cache has seen, and the checklist is always read.
    const freshHead = harness.git.commit({
      ...HEAD_FILES,
      'READINESS.md': `${CHECKLIST}- [ ] Chaos day held\n`,
    });
    stub.failNext('git/get-blob', { status: 503, body: { message: 'Service Unavailable' } }, 50);
    const payload = pullRequestPayload('opened', { number: 903, headSha: freshHead, baseSha });
    const id = 'b1e4f6a0-0000-4000-8000-000000000903';
    const failed = await harness.deliver('pull_request', payload, { id });
    expect(failed.status).toBeGreaterThanOrEqual(500);
    expect(stub.checkRuns.filter((run) => run.head_sha === freshHead)).toEqual([]);
    expect(stub.commentsOn(903)).toEqual([]);

    stub.reset();
    scriptGitHub(harness);
    expect((await harness.deliver('pull_request', payload, { id })).status).toBe(200);
    expect(stub.checkRuns.filter((run) => run.head_sha === freshHead)).toHaveLength(1);
    expect(stub.commentsOn(903)).toHaveLength(1);
  });

  it('reads a 100,000-entry tree that GitHub truncates by walking its folders', async () => {
    const files: Record<string, string> = { ...BASE_FILES };
    for (let index = 0; index < 100_000; index++) files[`pkg${index % 8}/f${index}.txt`] = String(index % 97);
    const bigSha = harness.git.commit(files);
    const response = await harness.deliver(
      'pull_request',
      pullRequestPayload('opened', { number: 904, headSha: bigSha, baseSha }),
    );
    // A slow machine may pass GitHub's 10 s webhook timeout: the middleware then answers 202 and
    // the job finishes in the background, as it would in production.
    expect([200, 202]).toContain(response.status);
    const run = await eventually(() =>
      harness.stub.checkRuns.find((candidate) => candidate.head_sha === bigSha),
    );
    harness.stub.assertNoProblems();
    expect(run.conclusion).toBe('success');
    // head: the truncated recursive call, the root listing, `docs` and the 8 packages whole; base: one call.
    expect(harness.stub.requestsFor('git/get-tree')).toHaveLength(12);
    // Only the checklist and its evidence are read (here: checklist, Dockerfile, index.js), never the 100,000 files.
    expect(harness.stub.requestsFor('git/get-blob').length).toBeLessThanOrEqual(3);
  }, 40_000);

  it('gates pull requests into release branches strictly, with the org-wide default config', async () => {
    harness.git.setConfig(`${FULL_NAME.split('/')[0]}/.github`, 'release-branches: ["main"]\n');
    try {
      const manualOnly = harness.git.commit({ ...BASE_FILES });
      await harness.deliver(
        'pull_request',
        pullRequestPayload('opened', { number: 905, headSha: manualOnly, baseSha }),
      );
      const run = harness.stub.checkRuns.find((candidate) => candidate.head_sha === manualOnly);
      // The unchecked on-call item is manual, and release mode wants manual items checked.
      expect(run?.conclusion).toBe('failure');
      expect(
        harness.stub
          .requestsFor('repos/get-content')
          .map((request) => request.params.repo)
          .sort(),
      ).toEqual(['.github', 'shop', 'shop']);
    } finally {
      harness.git.setConfig(`${FULL_NAME.split('/')[0]}/.github`, '{}\n');
    }
  });

  it('fails the check with the reason when the configuration is invalid', async () => {
    harness.git.setConfig(FULL_NAME, 'rules:\n  disabel: [docker.non-root]\n', 'main');
    try {
      const sha = harness.git.commit({ ...BASE_FILES, 'a.txt': 'config test\n' });
      await harness.deliver(
        'pull_request',
        pullRequestPayload('opened', { number: 906, headSha: sha, baseSha }),
      );
      const run = harness.stub.checkRuns.find((candidate) => candidate.head_sha === sha);
      expect(run).toMatchObject({
        conclusion: 'failure',
        output: { title: 'readiness: configuration error' },
      });
      expect(run?.output.summary).toContain('rules');
      expect(harness.stub.commentsOn(906)).toEqual([]);
    } finally {
      harness.git.setConfig(FULL_NAME, '{}\n', 'main');
    }
  });

  it('stays silent on a repository with neither a checklist nor a config (organisation-wide installs)', async () => {
    harness.git.removeConfig(FULL_NAME, 'main');
    const sha = harness.git.commit({ 'index.js': 'console.log("no checklist");\n' });
    const response = await harness.deliver(
      'pull_request',
      pullRequestPayload('opened', { number: 907, headSha: sha, baseSha }),
    );
    expect(response.status).toBe(200);
    harness.stub.assertNoProblems();
    expect(harness.stub.checkRuns.filter((run) => run.head_sha === sha)).toEqual([]);
    expect(harness.stub.commentsOn(907)).toEqual([]);
  });

  it('publishes a neutral check when the config names checklists that match nothing', async () => {
    harness.git.setConfig(FULL_NAME, 'checklists: ["ops/go-live.md"]\n', 'main');
    try {
      const sha = harness.git.commit({ ...BASE_FILES, 'd.txt': 'config names a missing checklist\n' });
      await harness.deliver(
        'pull_request',
        pullRequestPayload('opened', { number: 908, headSha: sha, baseSha }),
      );
      harness.stub.assertNoProblems();
      const runs = harness.stub.checkRuns.filter((run) => run.head_sha === sha);
      expect(runs.map((run) => [run.name, run.conclusion, run.output.title])).toEqual([
        ['readiness', 'neutral', 'no checklist found'],
      ]);
      expect(runs[0]?.output.summary).toContain('looked for files matching `ops/go-live.md`');
      expect(harness.stub.commentsOn(908)).toEqual([]);
    } finally {
      harness.git.setConfig(FULL_NAME, '{}\n', 'main');
    }
  });

  it('gates pushes to release branches and ignores pushes elsewhere', async () => {
    const pushed = harness.git.commit({ ...HEAD_FILES, 'b.txt': 'release\n' });
    const push = (ref: string) => {
      const payload = examplePayload('push');
      return harness.deliver('push', { ...payload, ref, before: baseSha, after: pushed, deleted: false });
    };
    expect((await push('refs/heads/feature/x')).status).toBe(200);
    expect(harness.stub.checkRuns.filter((run) => run.head_sha === pushed)).toEqual([]);
    expect((await push('refs/heads/release/1.2')).status).toBe(200);
    harness.stub.assertNoProblems();
    expect(harness.stub.checkRuns.filter((run) => run.head_sha === pushed)).toHaveLength(1);
    expect(harness.stub.requestsFor('issues/create-comment')).toEqual([]);
  });

  it('publishes the check on the merge group head so merge queues do not stall', async () => {
    const groupHead = harness.git.commit({ ...BASE_FILES, 'c.txt': 'queued\n' });
    const payload = examplePayload('merge_group', 'checks_requested');
    payload.merge_group = {
      ...(payload.merge_group as object),
      head_sha: groupHead,
      base_sha: baseSha,
      base_ref: 'refs/heads/main',
    };
    expect((await harness.deliver('merge_group', payload)).status).toBe(200);
    harness.stub.assertNoProblems();
    expect(harness.stub.checkRuns.filter((run) => run.head_sha === groupHead)).toHaveLength(1);
    expect(harness.stub.requestsFor('issues/list-comments')).toEqual([]);
  });

  async function until(condition: () => boolean, timeoutMs = 20_000): Promise<void> {
    await eventually(() => (condition() ? true : undefined), timeoutMs);
  }

  async function eventually<T>(find: () => T | undefined, timeoutMs = 30_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = find();
      if (found !== undefined) return found;
      if (Date.now() > deadline) throw new Error('timed out waiting for the App to publish');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** What the Action would post for the same revisions: the shared renderer over the same report. */
  async function expectedComment(head: string, headFiles: Record<string, string>): Promise<string> {
    const options = { config: DEFAULT_CONFIG };
    const report = buildReport({
      head: await evaluateRevision(new MemoryRepo(headFiles, head), options),
      base: { ...(await evaluateRevision(new MemoryRepo(BASE_FILES, baseSha), options)), sha: baseSha },
      mode: 'pr',
      config: DEFAULT_CONFIG,
    });
    return renderMarkdown(report, {
      link: (path, line) => `https://github.com/${FULL_NAME}/blob/${head}/${path}${line ? `#L${line}` : ''}`,
      marker: DEFAULT_MARKER,
    });
  }

  function recheckPayload(number: number, commentId: number, login: string): Record<string, unknown> {
    const payload = examplePayload('issue_comment', 'created');
    const issue = payload.issue as Record<string, unknown>;
    const comment = payload.comment as Record<string, unknown>;
    payload.issue = {
      ...issue,
      number,
      pull_request: { url: `https://api.github.com/repos/${FULL_NAME}/pulls/${number}` },
    };
    payload.comment = {
      ...comment,
      id: commentId,
      body: '/readiness recheck',
      user: { ...(comment.user as object), login, type: 'User' },
    };
    return payload;
  }
});
