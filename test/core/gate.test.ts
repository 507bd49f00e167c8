// The gate contract (docs/architecture.md, "Gate") over real evaluated revisions: the gate
// blames a change only for what it made worse, and release mode lets nothing unproven ship.

import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, parseConfig } from '../../src/core/config.js';
import { evaluateRevision } from '../../src/core/engine.js';
import type { Collector } from '../../src/core/evidence.js';
import { buildReport } from '../../src/core/report.js';
import type { Rule } from '../../src/core/rule.js';
import type { GateMode } from '../../src/core/types.js';
import { MemoryRepo } from '../support/memory-repo.js';

const listing: Collector<readonly string[]> = { id: 'listing', collect: async (repo) => repo.files };
const exists: Rule<string> = {
  id: 'file.exists',
  title: 't',
  why: 't',
  fix: 't',
  recognises: 't',
  needs: [listing],
  match: (item) => item.codeSpans,
  evaluate: (path, ctx) =>
    path === '?'
      ? { verdict: 'unknown', message: '?', evidence: [] }
      : ctx.get(listing).includes(path)
        ? { verdict: 'pass', message: 'found', evidence: [{ path }] }
        : { verdict: 'fail', message: `${path} missing`, evidence: [{ path }] },
  examples: { match: [], noMatch: [] },
};

async function revision(checklist: string, files: string[], sha = 'rev') {
  const repo = new MemoryRepo(
    { 'READINESS.md': checklist, ...Object.fromEntries(files.map((f) => [f, 'x'])) },
    sha,
  );
  return evaluateRevision(repo, { config: DEFAULT_CONFIG, rules: [exists] });
}

async function report(
  mode: GateMode,
  head: [string, string[]],
  base?: [string, string[]],
  config = DEFAULT_CONFIG,
) {
  const headResult = await revision(...head);
  const baseResult = base ? { ...(await revision(...base, 'base')), sha: 'base-sha' } : undefined;
  return buildReport({ head: headResult, base: baseResult, mode, config });
}

const LIST = '## A\n- [x] `a.txt` A\n- [x] `b.txt` B\n- [ ] `c.txt` C\n';

describe('PR gate', () => {
  it('fails on a regression and names it in the diff', async () => {
    const r = await report('pr', [LIST, ['a.txt']], [LIST, ['a.txt', 'b.txt']]);
    expect(r.diff?.regressed).toEqual(['a/b-txt-b']);
    expect(r.gate.passed).toBe(false);
    expect(r.gate.failures).toEqual([
      {
        id: 'a/b-txt-b',
        path: 'READINESS.md',
        line: 3,
        reason: 'was verified, now claimed but contradicted — file.exists: b.txt missing',
      },
    ]);
  });

  it('does not blame the change for problems already on the base', async () => {
    const r = await report('pr', [LIST, ['a.txt']], [LIST, ['a.txt']]);
    expect(r.summary.unbacked).toBe(1);
    expect(r.gate.passed).toBe(true);
  });

  it('fails when an item is added or edited into unbacked, and reports fixed and removed items', async () => {
    const head = `${LIST.replace('`a.txt` A', '`a.txt` A edited')}- [x] \`z.txt\` new\n`;
    const r = await report('pr', [head, ['a.txt', 'c.txt']], [LIST, ['b.txt']]);
    expect(r.diff?.added.sort()).toEqual(['a/a-txt-a-edited', 'a/z-txt-new']);
    expect(r.diff?.removed).toEqual(['a/a-txt-a']);
    expect(r.diff?.fixed).toEqual(['a/c-txt-c']);
    expect(r.gate.failures.map((f) => f.id)).toEqual(['a/b-txt-b', 'a/z-txt-new']);
    const fixed = await report('pr', [LIST, ['a.txt', 'b.txt', 'c.txt']], [LIST, ['a.txt']]);
    expect(fixed.diff?.fixed.sort()).toEqual(['a/b-txt-b', 'a/c-txt-c']);
    expect(fixed.gate.passed).toBe(true);
  });

  it('fails when the change only ticks the box of an item the repository contradicts', async () => {
    const ticked = LIST.replace('- [ ] `c.txt` C', '- [x] `c.txt` C');
    const r = await report('pr', [ticked, ['a.txt', 'b.txt']], [LIST, ['a.txt', 'b.txt']]);
    expect(r.diff?.regressed).toEqual(['a/c-txt-c']);
    expect(r.diff?.entries.regressed[0]).toMatchObject({ before: 'unmet', after: 'unbacked' });
    expect(r.gate.failures).toEqual([
      {
        id: 'a/c-txt-c',
        path: 'READINESS.md',
        line: 4,
        reason: 'ticked, but contradicted — file.exists: c.txt missing',
      },
    ]);
  });

  it('fails when a done item becomes unmet, and when an inconclusive one becomes unbacked', async () => {
    const unticked = LIST.replace('- [x] `a.txt` A', '- [ ] `a.txt` A');
    const undone = await report('pr', [unticked, ['b.txt']], [unticked, ['a.txt', 'b.txt']]);
    expect(undone.gate.failures.map((f) => [f.id, f.reason.split(' — ')[0]])).toEqual([
      ['a/a-txt-a', 'was satisfied, now not done'],
    ]);
    const unsure = `${LIST}- [x] \`?\` maybe\n`;
    const sure = `${LIST}- [x] \`e.txt\` maybe\n`;
    // Same id needs the same text, so compare an item whose evidence changes instead.
    const before = await report('pr', [unsure, ['a.txt', 'b.txt']], [unsure, ['a.txt', 'b.txt']]);
    expect(before.gate.passed).toBe(true);
    const added = await report('pr', [sure, ['a.txt', 'b.txt']], [LIST, ['a.txt', 'b.txt']]);
    expect(added.diff?.regressed).toEqual(['a/e-txt-maybe']);
    expect(added.diff?.added).toEqual(['a/e-txt-maybe']);
    expect(added.gate.failures.map((f) => f.reason.split(' — ')[0])).toEqual([
      'added as checked, but contradicted',
    ]);
  });

  it('without a base fails on every unbacked item only', async () => {
    const r = await report('pr', [LIST, ['a.txt']]);
    expect(r.diff).toBeNull();
    expect(r.gate.failures.map((f) => f.id)).toEqual(['a/b-txt-b']);
  });
});

describe('release gate', () => {
  it('fails on unbacked, unmet, inconclusive and unchecked manual items unless optional', async () => {
    const checklist = `${LIST}- [x] \`?\` unsure\n- [ ] sign the form\n- [x] trained staff\n- [ ] \`d.txt\` later <!-- readiness: optional -->\n`;
    const r = await report('release', [checklist, ['a.txt']]);
    expect(r.gate.failures.map((f) => [f.id, f.reason.split(' — ')[0]])).toEqual([
      ['a/b-txt-b', 'claimed but contradicted'],
      ['a/c-txt-c', 'not done'],
      ['a/unsure', 'not proven'],
      ['a/sign-the-form', 'manual item not checked off'],
    ]);
    const optional = parseConfig(
      { optional: ['a/b-txt-b', 'a/c-txt-c', 'a/unsure', 'a/sign-the-form'] },
      't',
    );
    expect((await report('release', [checklist, ['a.txt']], undefined, optional)).gate.passed).toBe(true);
  });

  it('computes the honest score from proven over checkable items', async () => {
    const r = await report('release', [`${LIST}- [x] manual thing\n`, ['a.txt', 'c.txt']]);
    expect(r.summary).toMatchObject({ items: 4, verified: 1, unbacked: 1, satisfied: 1, manual: 1 });
    expect(r.score).toEqual({ proven: 2, checkable: 3, share: 2 / 3 });
  });
});
