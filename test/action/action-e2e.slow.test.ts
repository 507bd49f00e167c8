// The slow lane of the Action's end-to-end suite (`npm run test:hostile`): a 3,000-item
// checklist against GitHub's limits, and a GitHub that stops answering, waited out in real time.

import { describe, expect, it } from 'vitest';
import { useActionE2E } from './action-e2e-setup.js';

const e2e = useActionE2E();
const { fixture, pullRequestRun } = e2e;

describe('pull_request, at scale', () => {
  it('keeps a 3,000-item checklist within the comment limit and batches annotations', async () => {
    const items = Array.from(
      { length: 3000 },
      (_, index) => `- [x] Runbook in \`docs/runbooks/service-${index}.md\``,
    );
    const repo = fixture({ 'docs/PRODUCTION_READINESS.md': `# Readiness\n\n${items.join('\n')}\n` });

    const result = await pullRequestRun(repo, 6, { inputs: { comment: 'always' } });

    expect(result.outputs.unbacked).toBe('3000');
    expect(e2e.stub.commentsOn(6)[0]?.body.length).toBeLessThanOrEqual(65_536);
    const annotationBatches = [
      ...e2e.stub.requestsFor('checks/create'),
      ...e2e.stub.requestsFor('checks/update'),
    ].map((request) => (request.body as { output: { annotations: unknown[] } }).output.annotations.length);
    expect(annotationBatches.every((size) => size <= 50)).toBe(true);
    expect(e2e.stub.checkRuns.at(-1)?.output.summary).toContain('Showing 500 of');
  }, 60_000);
});

describe('GitHub faults, in real time', () => {
  it('ends in bounded time when GitHub stops answering, naming the request and the fix', async () => {
    const repo = fixture({ 'src/index.ts': 'export {};\n' });
    e2e.stub.failNext('checks/create', { delayMs: 120_000 }, 10);
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
    expect(e2e.stub.commentsOn(12)).toHaveLength(1);
  }, 45_000);
});
