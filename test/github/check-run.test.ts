import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  type CheckRunAnnotation,
  type CheckRunContent,
  publishCheckRun,
} from '../../src/github/check-run.js';
import { GitHubApiStub, type RecordedRequest } from '../support/github-api-stub.js';
import { testClient } from '../support/github-client.js';

const repo = { owner: 'octo-org', repo: 'shop' };
const headSha = 'a'.repeat(40);
let stub: GitHubApiStub;

beforeAll(async () => {
  stub = await GitHubApiStub.start();
});
afterAll(() => stub.close());
afterEach(() => {
  stub.assertNoProblems();
  stub.checkRuns.length = 0;
  stub.reset();
});

function annotations(count: number): CheckRunAnnotation[] {
  return Array.from({ length: count }, (_, index) => ({
    path: 'docs/PRODUCTION_READINESS.md',
    start_line: index + 1,
    end_line: index + 1,
    annotation_level: 'failure' as const,
    title: 'unbacked: Container runs as non-root user',
    message: 'final stage of Dockerfile runs as root (no USER after FROM node:20 at Dockerfile:12)',
  }));
}

function content(overrides: Partial<CheckRunContent> = {}): CheckRunContent {
  return {
    title: '1 unbacked · 4 verified · 2 manual',
    summary: '## Readiness\n1 item regressed',
    conclusion: 'failure',
    annotations: annotations(3),
    ...overrides,
  };
}

describe('publishCheckRun', () => {
  it('creates a completed check named readiness on the head SHA with its annotations', async () => {
    const result = await publishCheckRun({ client: testClient(stub.url), repo, headSha, content: content() });

    expect(stub.checkRuns).toEqual([
      expect.objectContaining({
        name: 'readiness',
        head_sha: headSha,
        status: 'completed',
        conclusion: 'failure',
      }),
    ]);
    expect(stub.checkRuns[0]?.annotations).toHaveLength(3);
    expect(result).toMatchObject({ annotations: 3, droppedAnnotations: 0 });
    expect(result.url).toBe(`https://github.com/octo-org/shop/runs/${result.id}`);
  });

  it('sends 120 annotations as one create and two updates of at most 50', async () => {
    await publishCheckRun({
      client: testClient(stub.url),
      repo,
      headSha,
      content: content({ annotations: annotations(120) }),
    });

    const sizes = stub.requests.map((request) => {
      const output = (request.body as { output: { annotations: unknown[] } }).output;
      return `${request.operationId}:${output.annotations.length}`;
    });
    expect(sizes).toEqual(['checks/create:50', 'checks/update:50', 'checks/update:20']);
    expect(stub.checkRuns[0]?.annotations.map((annotation) => annotation.start_line)).toEqual(
      Array.from({ length: 120 }, (_, index) => index + 1),
    );
  });

  it('caps 3,000 annotations and says so in the summary', async () => {
    const result = await publishCheckRun({
      client: testClient(stub.url),
      repo,
      headSha,
      content: content({ annotations: annotations(3000) }),
    });

    expect(result).toMatchObject({ annotations: 500, droppedAnnotations: 2500 });
    expect(stub.requests).toHaveLength(10);
    expect(stub.checkRuns[0]?.output.summary).toContain('Showing 500 of 3000 annotations');
  });

  it('keeps an oversized summary and long annotation titles within GitHub’s limits', async () => {
    const long = annotations(1).map((annotation) => ({ ...annotation, title: 't'.repeat(400) }));
    await publishCheckRun({
      client: testClient(stub.url),
      repo,
      headSha,
      content: content({ summary: 's'.repeat(70_000), annotations: long }),
    });

    expect(stub.checkRuns[0]?.output.summary?.length).toBe(65_535);
    expect(String(stub.checkRuns[0]?.annotations[0]?.title).length).toBe(255);
  });

  describe('when GitHub refuses annotations (422)', () => {
    /** GitHub's rule the description cannot express: an annotation may not end before it starts. */
    const refuseBackwardsAnnotations = (request: RecordedRequest) => {
      const output = (request.body as { output?: { annotations?: CheckRunAnnotation[] } }).output;
      const backwards = output?.annotations?.some(
        (annotation) => annotation.end_line < annotation.start_line,
      );
      return backwards
        ? {
            status: 422,
            body: { message: 'Validation Failed', errors: ['end_line must not precede start_line'] },
          }
        : undefined;
    };
    const backwardsAt = (count: number, index: number) =>
      annotations(count).map((annotation, at) =>
        at === index ? { ...annotation, end_line: 0 } : annotation,
      );

    function publishLogged(annotationList: CheckRunAnnotation[]) {
      const warnings: string[] = [];
      // Octokit's own request log goes to the same logger; keep only the publisher's warnings.
      const warning = (message: string) => {
        if (message.startsWith('readiness:')) warnings.push(message);
      };
      const client = testClient(stub.url, 'ghs_test', { log: { debug: () => undefined, warning } });
      const result = publishCheckRun({
        client,
        repo,
        headSha,
        content: content({ annotations: annotationList }),
      });
      return { result, warnings };
    }

    it('publishes the conclusion without the first batch and says so', async () => {
      stub.on('checks/create', refuseBackwardsAnnotations);

      const { result, warnings } = publishLogged(backwardsAt(3, 1));

      expect(await result).toMatchObject({ annotations: 0, rejectedAnnotations: 3 });
      expect(stub.requestsFor('checks/create')).toHaveLength(2);
      expect(stub.checkRuns).toEqual([
        expect.objectContaining({ status: 'completed', conclusion: 'failure', annotations: [] }),
      ]);
      expect(warnings).toEqual([
        expect.stringMatching(
          /^readiness: GitHub refused 3 annotations of the check run \(GitHub API answered 422: Validation Failed.*\); the check run keeps its conclusion/,
        ),
      ]);
    });

    it('leaves out only the refused batch of the later ones', async () => {
      stub.on('checks/update', refuseBackwardsAnnotations);

      const { result, warnings } = publishLogged(backwardsAt(120, 70));

      expect(await result).toMatchObject({ annotations: 70, rejectedAnnotations: 50 });
      const kept = stub.checkRuns[0]?.annotations.map((annotation) => annotation.start_line);
      expect(kept).toEqual([...range(1, 50), ...range(101, 120)]);
      expect(stub.checkRuns[0]).toMatchObject({ conclusion: 'failure' });
      expect(warnings).toHaveLength(1);
    });

    it('throws a 422 that is not about annotations, after one try without them', async () => {
      stub.on('checks/create', () => ({ status: 422, body: { message: 'No commit found for SHA: aaaa' } }));

      const { result, warnings } = publishLogged(annotations(3));

      await expect(result).rejects.toMatchObject({
        status: 422,
        message: expect.stringContaining('No commit'),
      });
      expect(stub.requestsFor('checks/create')).toHaveLength(2);
      expect(stub.checkRuns).toEqual([]);
      expect(warnings).toEqual([]);
    });
  });

  it('still reports the conclusion when GitHub fails while appending annotations', async () => {
    stub.failNext('checks/update', { status: 502, body: { message: 'Bad Gateway' } }, 10);

    await expect(
      publishCheckRun({
        client: testClient(stub.url),
        repo,
        headSha,
        content: content({ annotations: annotations(60) }),
      }),
    ).rejects.toMatchObject({ status: 502 });
    expect(stub.checkRuns[0]).toMatchObject({ status: 'completed', conclusion: 'failure' });
  });
});

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, index) => from + index);
}
