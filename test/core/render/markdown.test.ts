import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../src/core/render/markdown.js';
import { hostileReport, largeReport, reportOf, sampleReport } from '../../support/sample-report.js';
import { detailsBalanced, outsideCodeSpans } from './visible-markdown.js';

const link = (path: string, line?: number) =>
  `https://github.com/acme/shop/blob/3f2c1a9/${path}${line === undefined ? '' : `#L${line}`}`;

describe('renderMarkdown', () => {
  it('renders the sample report', async () => {
    await expect(
      renderMarkdown(sampleReport(), { link, marker: '<!-- readiness:sticky -->' }),
    ).toMatchFileSnapshot('__snapshots__/sample.md.snap');
  });

  it('writes the marker first, wrapping a bare marker in a comment', () => {
    expect(
      renderMarkdown(sampleReport(), { marker: 'readiness:sticky' }).startsWith(
        '<!-- readiness:sticky -->\n',
      ),
    ).toBe(true);
  });

  it('puts the diff before the gate failures and the status groups', () => {
    const markdown = renderMarkdown(sampleReport());
    const order = ['### Changes against', '**✗ Regressed (2)**', '**✓ Fixed (1)**'];
    const positions = [...order, '**Removed (1)**', '<summary><b>✗ Unbacked (2)'].map((heading) =>
      markdown.indexOf(heading),
    );
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('lists each regressed item once above the status groups, not again as a gate failure or added item', () => {
    const markdown = renderMarkdown(sampleReport());
    const above = markdown.slice(0, markdown.indexOf('<details'));
    expect(above.split('Dockerfile.production (new → unbacked)').length - 1).toBe(1);
    expect(above).not.toContain('Gate failures');
    expect(above).toContain('**Other added items (1)**');
  });

  it('shows the measured score beside the declared one', () => {
    expect(renderMarkdown(sampleReport())).toContain(
      "**Proven: 3/8 checkable items (38%)** · declared: 'Production Deployment Status: READY', 'Overall Score: 87/100' (87%)",
    );
  });

  it('writes plain path#Lnn locations without a link builder', () => {
    const markdown = renderMarkdown(sampleReport());
    expect(markdown).toContain('`Dockerfile#L12` `FROM node:20-alpine`');
    expect(markdown).not.toContain('](');
  });

  it('says so when nothing changed against the base', () => {
    const report = sampleReport();
    const empty = { regressed: [], fixed: [], added: [], removed: [] };
    const unchanged = { ...report, diff: { base: 'abc1234', ...empty, entries: empty } };
    expect(renderMarkdown(unchanged)).toContain('### Changes against `abc1234`\n\nNo item changed status.');
  });

  describe('with hostile item text', () => {
    const markdown = renderMarkdown(hostileReport());
    const visible = outsideCodeSpans(markdown);

    it('neutralises mentions', () => {
      expect(markdown).toContain('Ping `@octocat` and `@acme/security-team`');
      expect(visible).not.toMatch(/@\w/);
    });

    it('escapes raw HTML so it cannot run or hide text', () => {
      expect(markdown).toContain('&lt;img src=x onerror=alert(1)&gt;');
      expect(markdown).toContain('&lt;!-- hide --&gt;');
      expect(visible).not.toMatch(/<(?!\/?details[\s>]|\/?summary>|\/?b>)/);
      // Repository paths and excerpts stay literal inside code spans, where GitHub never parses HTML.
      expect(markdown).toContain('``a`b</details>.md#L1`` `<script>alert(1)</script> @octocat`');
    });

    it('cannot close or open our <details> blocks', () => {
      expect(visible.match(/<details[\s>]/g)).toHaveLength(1);
      expect(visible.match(/<\/details>/g)).toHaveLength(1);
      expect(detailsBalanced(markdown)).toBe(true);
      expect(markdown.endsWith('\n\n</details>\n')).toBe(true);
    });

    it('makes no link from item text', () => {
      expect(markdown).not.toMatch(/\]\(https/);
      expect(markdown).toContain('\\[click\\](`https://evil.example`)');
    });

    it('drops terminal escapes and bidi overrides', () => {
      expect(markdown).not.toContain('\u001b');
      expect(markdown).not.toContain('\u202e');
    });
  });

  describe('length limit', () => {
    const big = largeReport(3000);

    it('keeps a 3,000-item report within GitHub’s 65,536 characters, as valid Markdown', () => {
      const markdown = renderMarkdown(big, {
        marker: 'readiness:sticky',
        overflowNote: 'Full report in the job summary.',
      });
      expect(markdown.length).toBeLessThanOrEqual(65_536);
      expect(detailsBalanced(markdown)).toBe(true);
      expect(markdown).toMatch(/_… and \d+ more items_/);
      expect(markdown).toContain('Full report in the job summary.');
      expect(markdown.startsWith('<!-- readiness:sticky -->')).toBe(true);
    });

    it('gives up the least urgent groups first', () => {
      const gatePassed = { ...big, gate: { mode: 'pr' as const, passed: true, failures: [] } };
      const markdown = renderMarkdown(gatePassed, { maxLength: 20_000 });
      const section = (label: string) =>
        markdown.slice(markdown.indexOf(`<b>${label}`)).split('</details>')[0] ?? '';
      expect(section('✗ Unbacked')).toContain('`READINESS.md#L2` Item 1:');
      expect(section('✗ Unmet')).toContain('_… and 500 more items_');
      expect(section('✓ Verified')).not.toContain('- `READINESS.md');
      expect(section('✓ Verified')).toContain('_… and 500 more items_');
      expect(section('· Manual')).toContain('_… and 500 more items_');
    });

    it('stays within any limit and balanced', () => {
      for (const maxLength of [0, 40, 200, 700, 1_500, 5_000, 12_345, 40_000]) {
        const markdown = renderMarkdown(big, { maxLength, link, marker: 'readiness:sticky' });
        expect(markdown.length).toBeLessThanOrEqual(maxLength);
        expect(detailsBalanced(markdown)).toBe(true);
      }
    });

    it('keeps a report that fits untouched', () => {
      const markdown = renderMarkdown(sampleReport(), { maxLength: 100_000 });
      expect(markdown).not.toContain('Shortened');
      expect(markdown).not.toContain('more items');
    });
  });

  it('renders an empty report', () => {
    expect(renderMarkdown(reportOf([]))).toBe(
      '## ℹ️ Readiness: gate passed · pr mode\n\n**0 items:** no checklist items\n\n**Proven: no checkable items**\n',
    );
  });
});

describe('renderMarkdown under a limit too small for any item', () => {
  it('keeps the marker, title, counts and score, and says it was shortened', () => {
    const markdown = renderMarkdown(largeReport(30), { maxLength: 400, marker: 'readiness:sticky' });
    expect(markdown).toBe(
      [
        '<!-- readiness:sticky -->',
        '## ❌ Readiness: gate failed (5 failures) · pr mode',
        '**30 items:** 5 unbacked · 5 unmet · 5 inconclusive · 5 satisfied · 5 verified · 5 manual',
        '**Proven: 10/25 checkable items (40%)**',
        '_Shortened to fit 400 characters; the least urgent items are left out._\n',
      ].join('\n\n'),
    );
  });
});
