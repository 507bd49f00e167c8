// The App as several replicas behind a load balancer see it: two App servers share one GitHub and
// keep nothing in common but what GitHub records. Stale heads, redeliveries that reach the other
// replica, simultaneous first comments, secondary rate limits, token expiry and graceful shutdown.
// The organisation-sized run of the same rules is `npm run test:scale` (scripts/scale).

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { drain } from '../../src/app/shutdown.js';
import {
  type Harness,
  INSTALLATION_ID,
  OWN_LOGIN,
  operations,
  pullRequestPayload,
  scriptGitHub,
  startHarness,
} from './app-harness.js';

const SECONDARY_LIMIT = {
  status: 403,
  headers: { 'retry-after': '1' },
  body: {
    message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
  },
};

/** Every test commits files of its own, so nothing it reads is in a cache. */
function files(tag: string): Record<string, string> {
  return {
    'READINESS.md': `# Production readiness (${tag})\n\n- [x] Runbook written: see [the runbook](docs/runbook.md)\n`,
    'docs/runbook.md': '# Runbook\n',
  };
}

describe('the App as replicas sharing one GitHub', () => {
  let a: Harness;
  let b: Harness;
  let baseSha: string;
  let nextPull = 100;

  beforeAll(async () => {
    a = await startHarness();
    b = await startHarness({ sharing: a });
    baseSha = a.git.commit(files('base'));
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });
  beforeEach(() => {
    a.stub.reset();
    scriptGitHub(a);
  });

  const payload = (action: string, number: number, headSha: string) =>
    pullRequestPayload(action, { number, headSha, baseSha });
  const evaluations = () => a.stub.requestsFor('git/get-tree').length / 2;
  const ours = (number: number) => a.stub.commentsOn(number).filter((comment) => comment.login === OWN_LOGIN);

  it('does not evaluate a pull request event whose head is no longer the head', async () => {
    const number = nextPull++;
    const old = a.git.commit(files('old head'));
    const current = a.git.commit(files('current head'));
    a.stub.pulls.set(number, { number, headSha: current, headRef: 'f', baseSha, baseRef: 'main' });

    const response = await a.deliver('pull_request', payload('synchronize', number, old), { asIs: true });

    expect(response.status).toBe(200);
    a.stub.assertNoProblems();
    expect(evaluations()).toBe(0);
    expect(a.stub.checkRuns.filter((run) => run.head_sha === old)).toEqual([]);
    expect(ours(number)).toEqual([]);
  });

  it('evaluates the event when the read of the pull request is older than the event (a lagging replica)', async () => {
    const number = nextPull++;
    const previous = a.git.commit(files('before the push'));
    const pushed = a.git.commit(files('the push'));
    // GitHub answers from a snapshot taken before the push that sent this event: the old head, with
    // an older updated_at. The event's head is the newer one and must be evaluated and published.
    a.stub.pulls.set(number, {
      number,
      headSha: previous,
      headRef: 'f',
      baseSha,
      baseRef: 'main',
      updatedAt: '2026-12-03T10:00:00Z',
    });
    const event = payload('synchronize', number, pushed);
    (event.pull_request as Record<string, unknown>).updated_at = '2026-12-03T10:00:05Z';

    const response = await a.deliver('pull_request', event, { asIs: true });

    expect(response.status).toBe(200);
    a.stub.assertNoProblems();
    expect(a.stub.checkRuns.filter((run) => run.head_sha === pushed)).toHaveLength(1);
    expect(ours(number)[0]?.body).toContain(`/blob/${pushed}/`);
  });

  it('publishes nothing when the head moves during the evaluation; the newer head wins', async () => {
    const number = nextPull++;
    const old = a.git.commit(files('slow replica'));
    const newer = a.git.commit(files('fast replica'));
    // Replica A's first tree read is held for 2 s; meanwhile the branch is pushed and replica B
    // evaluates the new head to the end. A then finds its head outdated and leaves B's result alone.
    a.stub.failNext('git/get-tree', { delayMs: 2_000 });
    const slowDelivery = a.deliver('pull_request', payload('opened', number, old));
    while (a.stub.requestsFor('git/get-tree').length === 0) await new Promise((r) => setTimeout(r, 10));
    const pushed = await b.deliver('pull_request', payload('synchronize', number, newer));
    expect(pushed.status).toBe(200);

    const slow = await slowDelivery;

    expect(slow.status).toBe(200);
    a.stub.assertNoProblems();
    expect(a.stub.checkRuns.filter((run) => run.head_sha === old)).toEqual([]);
    expect(a.stub.checkRuns.filter((run) => run.head_sha === newer)).toHaveLength(1);
    expect(ours(number)).toHaveLength(1);
    expect(ours(number)[0]?.body).toContain(`/blob/${newer}/`);
  });

  it('evaluates the newer head when it overwrote a newer result because the head moved while it wrote', async () => {
    const number = nextPull++;
    const old = a.git.commit(files('overwriting replica'));
    const newer = a.git.commit(files('overwritten replica'));
    // Replica A has found its head current and is about to publish; in that moment the branch is
    // pushed and replica B publishes the new head completely. A's check run and comment then land on
    // top of B's, as the last writes.
    let pushed = false;
    a.stub.on('checks/create', async (request) => {
      if ((request.body as { head_sha: string }).head_sha === old && !pushed) {
        pushed = true;
        expect((await b.deliver('pull_request', payload('synchronize', number, newer))).status).toBe(200);
        expect(ours(number)[0]?.body).toContain(`/blob/${newer}/`);
      }
      return undefined;
    });

    const response = await a.deliver('pull_request', payload('opened', number, old));

    expect(response.status).toBe(200);
    a.stub.assertNoProblems();
    // A looked again after writing, saw the new head, and published it: the last writes are the newest.
    expect(
      a.stub.checkRuns
        .filter((run) => run.head_sha === old || run.head_sha === newer)
        .map((run) => run.head_sha),
    ).toEqual([newer, old, newer]);
    expect(ours(number)).toHaveLength(1);
    expect(ours(number)[0]?.body).toContain(`/blob/${newer}/`);
    expect(ours(number)[0]?.body).not.toContain(`/blob/${old}/`);
  });

  it('answers a redelivery that reaches the other replica from the check run, without evaluating', async () => {
    const number = nextPull++;
    const head = a.git.commit(files('redelivered'));
    const id = '7f3c1a52-0000-4000-8000-000000000123';
    expect((await a.deliver('pull_request', payload('opened', number, head), { id })).status).toBe(200);
    expect(a.stub.checkRuns.find((run) => run.head_sha === head)?.external_id).toBe(id);
    a.stub.reset();
    scriptGitHub(a);

    const again = await b.deliver('pull_request', payload('opened', number, head), { id });

    expect(again.status).toBe(200);
    a.stub.assertNoProblems();
    // The two reads that decide it, and nothing else: no tree, no blob, no publication.
    expect(operations(a.stub).filter((op) => !op.startsWith('apps/'))).toEqual(
      expect.arrayContaining(['pulls/get', 'checks/list-for-ref']),
    );
    expect(evaluations()).toBe(0);
    expect(a.stub.requestsFor('checks/create')).toEqual([]);
    expect(a.stub.checkRuns.filter((run) => run.head_sha === head)).toHaveLength(1);
  });

  it('leaves one comment when both replicas create the first one at the same moment', async () => {
    const number = nextPull++;
    const head = a.git.commit(files('race'));
    // Both replicas list, find nothing and create: the comment list waits until both have listed.
    let listed = 0;
    a.stub.on('issues/list-comments', async () => {
      listed++;
      const start = Date.now();
      while (listed < 2 && Date.now() - start < 5_000)
        await new Promise((resolve) => setTimeout(resolve, 10));
      if (listed >= 2) a.stub.off('issues/list-comments');
      return undefined;
    });

    const responses = await Promise.all([
      a.deliver('pull_request', payload('opened', number, head)),
      b.deliver('pull_request', payload('edited', number, head)),
    ]);

    expect(responses.map((response) => response.status)).toEqual([200, 200]);
    a.stub.assertNoProblems();
    expect(a.stub.requestsFor('issues/create-comment')).toHaveLength(2);
    expect(a.stub.requestsFor('issues/delete-comment').length).toBeGreaterThanOrEqual(1);
    expect(ours(number)).toHaveLength(1);
  });

  it('waits out a secondary rate limit once, then publishes', async () => {
    const number = nextPull++;
    const head = a.git.commit(files('limited once'));
    a.stub.failNext('checks/create', SECONDARY_LIMIT);

    const response = await a.deliver('pull_request', payload('opened', number, head));

    expect(response.status).toBe(200);
    expect(a.stub.requestsFor('checks/create')).toHaveLength(2);
    expect(a.stub.checkRuns.filter((run) => run.head_sha === head)).toHaveLength(1);
  });

  it('reports a secondary rate limit that is still there after one wait, without retrying in a loop', async () => {
    const number = nextPull++;
    const head = a.git.commit(files('limited twice'));
    a.stub.failNext('checks/create', SECONDARY_LIMIT, 10);

    const response = await a.deliver('pull_request', payload('opened', number, head));

    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).toContain('secondary rate limit, still in force after waiting it out once');
    expect(text).toContain('redeliver');
    expect(a.stub.requestsFor('checks/create')).toHaveLength(2);
    expect(a.stub.checkRuns.filter((run) => run.head_sha === head)).toEqual([]);
  });

  it('mints an installation token once while it is valid, and again when it nears expiry', async () => {
    // A fresh replica; each test file's replicas already hold a token.
    const c = await startHarness({ sharing: a });
    try {
      const minted = () => a.stub.requestsFor('apps/create-installation-access-token').length;
      for (const tag of ['token 1', 'token 2', 'token 3']) {
        const head = a.git.commit(files(tag));
        expect((await c.deliver('pull_request', payload('opened', nextPull++, head))).status).toBe(200);
      }
      expect(minted()).toBe(1);

      // A token with four minutes left is inside the five-minute margin: every job mints a new one.
      a.stub.on('apps/create-installation-access-token', () => ({
        status: 201,
        body: { token: 'ghs_short_lived', expires_at: new Date(Date.now() + 4 * 60_000).toISOString() },
      }));
      const d = await startHarness({ sharing: a });
      try {
        for (const tag of ['short 1', 'short 2']) {
          const head = a.git.commit(files(tag));
          expect((await d.deliver('pull_request', payload('opened', nextPull++, head))).status).toBe(200);
        }
      } finally {
        await d.close();
      }
      expect(minted()).toBe(3);
      expect(
        a.stub
          .requestsFor('apps/create-installation-access-token')
          .every((request) => request.params.installation_id === String(INSTALLATION_ID)),
      ).toBe(true);
    } finally {
      await c.close();
    }
  });
});

describe('graceful shutdown of one replica', () => {
  it('stops accepting, finishes the delivery it is working on, then resolves', async () => {
    const harness = await startHarness();
    try {
      const baseSha = harness.git.commit(files('drain base'));
      const head = harness.git.commit(files('drain head'));
      let release: () => void = () => undefined;
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      let reading = false;
      harness.stub.on('pulls/get', async () => {
        reading = true;
        await held;
        return undefined;
      });
      const inFlight = harness.deliver(
        'pull_request',
        pullRequestPayload('opened', { number: 1, headSha: head, baseSha }),
      );
      while (!reading) await new Promise((resolve) => setTimeout(resolve, 10));
      expect(harness.server.busy).toBe(1);

      const draining = drain(harness.server, 10_000);
      await new Promise((resolve) => setTimeout(resolve, 50));
      await expect(fetch(`${harness.server.url}/healthz`)).rejects.toThrow();
      release();

      expect((await inFlight).status).toBe(200);
      const result = await draining;
      expect(result).toMatchObject({ drained: true, abandoned: 0 });
      expect(harness.stub.checkRuns.filter((run) => run.head_sha === head)).toHaveLength(1);
    } finally {
      await harness.close().catch(() => undefined);
    }
  });

  it('gives up after the bound when a delivery does not finish, saying how many it abandons', async () => {
    const harness = await startHarness();
    try {
      const baseSha = harness.git.commit(files('stuck base'));
      const head = harness.git.commit(files('stuck head'));
      let reading = false;
      // GitHub never answers this read (until the stub closes).
      harness.stub.on('pulls/get', async () => {
        reading = true;
        await new Promise(() => undefined);
        return undefined;
      });
      void harness
        .deliver('pull_request', pullRequestPayload('opened', { number: 2, headSha: head, baseSha }))
        .catch(() => undefined);
      while (!reading) await new Promise((resolve) => setTimeout(resolve, 10));

      const result = await drain(harness.server, 300);

      expect(result).toMatchObject({ drained: false, abandoned: 1 });
      expect(result.ms).toBeGreaterThanOrEqual(290);
      expect(result.ms).toBeLessThan(2_000);
    } finally {
      await harness.stub.close();
    }
  });
});
