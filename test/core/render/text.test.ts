import { describe, expect, it } from 'vitest';
import { renderText } from '../../../src/core/render/text.js';
import { hostileReport, reportOf, sampleReport } from '../../support/sample-report.js';

describe('renderText', () => {
  it('renders the sample report without colour', async () => {
    await expect(renderText(sampleReport(), { color: false })).toMatchFileSnapshot(
      '__snapshots__/sample.txt.snap',
    );
  });

  it('writes no ANSI escapes when colour is off, and some when it is on', () => {
    expect(renderText(sampleReport(), { color: false })).not.toContain('\u001b[');
    expect(renderText(sampleReport(), { color: true })).toContain('\u001b[31m');
  });

  it('groups items most urgent first', () => {
    const text = renderText(sampleReport(), { color: false });
    const headings = [...text.matchAll(/^([A-Z]+) \(\d+\)$/gm)].map((match) => match[1]);
    expect(headings).toEqual(['UNBACKED', 'UNMET', 'INCONCLUSIVE', 'SATISFIED', 'VERIFIED', 'MANUAL']);
  });

  it('lists each item with its checks and evidence', () => {
    expect(renderText(sampleReport(), { color: false })).toContain(
      '  docs/PRODUCTION_READINESS.md:12  Container runs as non-root user\n' +
        '    ✗  docker.non-root  final stage of Dockerfile runs as root (no USER after FROM node:20-alpine at Dockerfile:12)  (evidence Dockerfile:12)\n',
    );
  });

  it('ends with counts, the honest score beside the declared one, the gate and skipped files', () => {
    const tail = renderText(sampleReport(), { color: false }).split('\n').slice(-8, -1).join('\n');
    expect(tail).toBe(
      [
        '9 items: 2 unbacked · 2 unmet · 1 inconclusive · 1 satisfied · 2 verified · 1 manual',
        "Proven: 3/8 checkable items (38%) · declared: 'Production Deployment Status: READY', 'Overall Score: 87/100' (87%)",
        'gate (pr): failed, 2 failures',
        '  docs/PRODUCTION_READINESS.md:12  was verified, now claimed but contradicted',
        '  docs/PRODUCTION_READINESS.md:14  added as checked, but contradicted',
        'skipped 2 files: assets/logo.png (binary), vendor/link (symlink out of the repository)',
        'note: coverage reports are read from the workspace only; none was found',
      ].join('\n'),
    );
  });

  it('strips terminal escapes from item text even with colour on', () => {
    const text = renderText(hostileReport(), { color: true });
    expect(text).not.toContain('\u001b[31mred');
    expect(text).toContain('[31mred[0m');
    expect(text).not.toContain('\u202e');
  });

  it('renders an empty report', () => {
    expect(renderText(reportOf([]), { color: false })).toBe(
      '0 items: no checklist items\nProven: no checkable items\ngate (pr): passed\n',
    );
  });
});
