import { describe, expect, it } from 'vitest';
import { renderJson } from '../../../src/core/render/json.js';
import { largeReport, sampleReport } from '../../support/sample-report.js';

describe('renderJson', () => {
  it('renders the sample report', async () => {
    await expect(renderJson(sampleReport())).toMatchFileSnapshot('__snapshots__/sample.json.snap');
  });

  it('keeps the contract’s key order (DESIGN §4)', () => {
    const json = JSON.parse(renderJson(sampleReport()));
    expect(Object.keys(json).slice(0, 5)).toEqual(['schemaVersion', 'checklists', 'summary', 'gate', 'diff']);
    expect(Object.keys(json.checklists[0]).slice(0, 2)).toEqual(['path', 'items']);
    expect(Object.keys(json.checklists[0].items[0])).toEqual([
      'id',
      'line',
      'text',
      'checked',
      'section',
      'status',
      'checks',
    ]);
    expect(Object.keys(json.checklists[0].items[0].checks[0])).toEqual([
      'rule',
      'verdict',
      'message',
      'evidence',
    ]);
    expect(Object.keys(json.checklists[0].items[0].checks[0].evidence[0])).toEqual([
      'path',
      'line',
      'excerpt',
    ]);
    expect(Object.keys(json.summary)).toEqual([
      'items',
      'verified',
      'unbacked',
      'unmet',
      'satisfied',
      'inconclusive',
      'manual',
    ]);
    expect(Object.keys(json.gate)).toEqual(['mode', 'passed', 'failures']);
    expect(Object.keys(json.gate.failures[0])).toEqual(['id', 'path', 'line', 'reason']);
    expect(Object.keys(json.diff)).toEqual(['base', 'regressed', 'fixed', 'added', 'removed']);
  });

  it('writes diff null without a base, pretty-printed with two spaces', () => {
    const text = renderJson({ ...sampleReport(), diff: null });
    expect(text).toContain('\n  "diff": null,\n');
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('contains every item id', () => {
    const report = largeReport(300);
    const json = JSON.parse(renderJson(report));
    const ids = json.checklists.flatMap((checklist: { items: { id: string }[] }) =>
      checklist.items.map((item) => item.id),
    );
    expect(ids).toEqual(report.checklists.flatMap((checklist) => checklist.items.map((item) => item.id)));
  });

  it('leaves parser internals out of the public format', () => {
    const text = renderJson(sampleReport());
    for (const key of ['parents', 'codeSpans', 'annotations', 'signOff', 'entries'])
      expect(text).not.toContain(`"${key}"`);
  });
});
