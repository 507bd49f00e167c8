import { describe, expect, it } from 'vitest';
import { renderCheckRun } from '../../../src/core/render/check-run.js';
import { itemResult, largeReport, reportOf, sampleReport } from '../../support/sample-report.js';

describe('renderCheckRun', () => {
  it('renders the sample report', async () => {
    const output = renderCheckRun(sampleReport());
    await expect(
      JSON.stringify({ ...output, summary: '(the Markdown report: see sample.md.snap)' }, null, 2),
    ).toMatchFileSnapshot('__snapshots__/sample.check-run.json.snap');
  });

  it('titles with the counts and concludes from the gate', () => {
    const output = renderCheckRun(sampleReport());
    expect(output.title).toBe('2 unbacked · 2 unmet · 1 inconclusive · 1 satisfied · 2 verified · 1 manual');
    expect(output.conclusion).toBe('failure');
    expect(
      renderCheckRun({ ...sampleReport(), gate: { mode: 'pr', passed: true, failures: [] } }).conclusion,
    ).toBe('success');
  });

  it('is neutral when there is nothing to judge', () => {
    const output = renderCheckRun(reportOf([]));
    expect(output).toMatchObject({
      title: 'no checklist items found',
      conclusion: 'neutral',
      annotations: [],
    });
  });

  it('annotates each unbacked, unmet and inconclusive item on its checklist line', () => {
    const { annotations } = renderCheckRun(sampleReport());
    expect(annotations.map((a) => [a.path, a.start_line, a.annotation_level])).toEqual([
      ['docs/PRODUCTION_READINESS.md', 12, 'failure'],
      ['docs/PRODUCTION_READINESS.md', 14, 'failure'],
      ['docs/PRODUCTION_READINESS.md', 20, 'warning'],
      ['services/api/READINESS.md', 6, 'warning'],
      ['docs/PRODUCTION_READINESS.md', 21, 'notice'],
    ]);
    expect(annotations[0]).toEqual({
      path: 'docs/PRODUCTION_READINESS.md',
      start_line: 12,
      end_line: 12,
      annotation_level: 'failure',
      title: 'Unbacked: Container runs as non-root user',
      message:
        'ticked, but the repository contradicts the claim.\n' +
        '✗ docker.non-root: final stage of Dockerfile runs as root (no USER after FROM node:20-alpine at Dockerfile:12) (evidence: Dockerfile:12)\n' +
        'Gate failed: was verified, now claimed but contradicted',
    });
  });

  it('raises a gated unmet item to failure and annotates gate failures on other items', () => {
    const unmet = itemResult({ id: 'a/unmet', line: 3, text: 'Runbook in docs/runbook.md', status: 'unmet' });
    const manual = itemResult({ id: 'a/manual', line: 4, text: 'Security sign-off', status: 'manual' });
    const report = reportOf([{ path: 'READINESS.md', declared: [], items: [unmet, manual] }], {
      gate: {
        mode: 'release',
        passed: false,
        failures: [
          { id: 'a/unmet', path: 'READINESS.md', line: 3, reason: 'unmet on a release branch' },
          { id: 'a/manual', path: 'READINESS.md', line: 4, reason: 'manual item not ticked' },
        ],
      },
    });
    expect(renderCheckRun(report).annotations).toEqual([
      expect.objectContaining({ start_line: 3, annotation_level: 'failure' }),
      {
        path: 'READINESS.md',
        start_line: 4,
        end_line: 4,
        annotation_level: 'failure',
        title: 'readiness gate: a/manual',
        message: 'Gate failed: manual item not ticked',
      },
    ]);
  });

  it('keeps the summary within the Checks API limit and titles within 255 characters', () => {
    const output = renderCheckRun(largeReport(3000));
    expect(output.summary.length).toBeLessThanOrEqual(65_535);
    expect(output.annotations).toHaveLength(1500);
    expect(output.annotations.every((a) => a.title.length <= 255)).toBe(true);
  });
});
