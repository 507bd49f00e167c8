// The App when GitHub misbehaves on the wire: answers cut off mid-way, connections that keep
// dropping, and a GitHub that stops answering. The App runs over HTTP as in app.test.ts, with a
// short request timeout so a hung request costs this test a fraction of a second.

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Harness, OWN_LOGIN, pullRequestPayload, scriptGitHub, startHarness } from './app-harness.js';

const REQUEST_TIMEOUT_MS = 300;

/** Every test commits a checklist of its own, so its blobs are in no cache and must be read. */
function files(tag: string): Record<string, string> {
  return {
    'READINESS.md': `# Production readiness (${tag})\n\n- [x] Runbook written: see [the runbook](docs/runbook.md)\n`,
    'docs/runbook.md': '# Runbook\n',
  };
}

describe('the App when GitHub misbehaves', () => {
  let harness: Harness;
  let baseSha: string;

  beforeAll(async () => {
    harness = await startHarness({ client: { requestTimeoutMs: REQUEST_TIMEOUT_MS } });
    baseSha = harness.git.commit(files('base'));
  });
  afterAll(() => harness.close());
  beforeEach(() => {
    harness.stub.reset();
    scriptGitHub(harness);
  });

  const open = (number: number, headSha: string) =>
    harness.deliver('pull_request', pullRequestPayload('opened', { number, headSha, baseSha }));

  it('retries answers cut off mid-way and publishes once', async () => {
    const { stub } = harness;
    const headSha = harness.git.commit(files('cut once'));
    stub
      .failNext('git/get-blob', { reset: 'mid-body' }, 2)
      .failNext('issues/create-comment', { reset: 'mid-body' });

    const response = await open(31, headSha);

    expect(response.status).toBe(200);
    stub.assertNoProblems();
    expect(stub.checkRuns.filter((run) => run.head_sha === headSha)).toHaveLength(1);
    // The lost answer made GitHub create the comment twice; one is left.
    expect(stub.requestsFor('issues/create-comment')).toHaveLength(2);
    expect(stub.commentsOn(31).filter((comment) => comment.login === OWN_LOGIN)).toHaveLength(1);
  });

  it('fails the delivery naming the request when the connection keeps dropping, and publishes nothing', async () => {
    const { stub } = harness;
    const headSha = harness.git.commit(files('always cut'));
    stub.failNext('git/get-blob', { reset: 'mid-body' }, 50);

    const response = await open(32, headSha);

    expect(response.status).toBe(500);
    const { error } = (await response.json()) as { error: string };
    expect(error).toMatch(
      /^GitHubUnavailableError: the connection to GitHub dropped while reading the answer to GET \/repos\/octo-org\/shop\/git\/blobs\/[0-9a-f]{40} \(.+\) \(4 attempts\)\. /,
    );
    expect(stub.checkRuns.filter((run) => run.head_sha === headSha)).toEqual([]);
    expect(stub.commentsOn(32)).toEqual([]);
  });

  it('fails the delivery naming what could not be published when GitHub keeps refusing it', async () => {
    const { stub } = harness;
    const headSha = harness.git.commit(files('publish refused'));
    stub.failNext('checks/create', { status: 502, body: { message: 'Bad Gateway' } }, 50);

    const response = await open(34, headSha);

    expect(response.status).toBe(500);
    const { error } = (await response.json()) as { error: string };
    expect(error).toMatch(/^Error: could not publish to GitHub: .*502.*Redeliver the webhook/);
    expect(stub.requestsFor('checks/create').length).toBeGreaterThan(1);
    // The comment is independent of the check run and still goes out.
    expect(stub.commentsOn(34).filter((comment) => comment.login === OWN_LOGIN)).toHaveLength(1);
  });

  it('fails the delivery in bounded time when GitHub stops answering, saying what timed out', async () => {
    const { stub } = harness;
    const headSha = harness.git.commit(files('hung'));
    stub.failNext('git/get-tree', { delayMs: 60_000 }, 50);
    const started = performance.now();

    const response = await open(33, headSha);

    // Four attempts of 0.3 s and retry waits of milliseconds, well inside GitHub's 10 s delivery timeout.
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(response.status).toBe(500);
    const { error } = (await response.json()) as { error: string };
    expect(error).toMatch(
      /^GitHubUnavailableError: GitHub did not answer GET \/repos\/octo-org\/shop\/git\/trees\/[0-9a-f]{40}\?recursive=1 within 0\.3 s \(4 attempts\)\. GitHub may be slow or down/,
    );
    expect(stub.checkRuns.filter((run) => run.head_sha === headSha)).toEqual([]);
  });
});
