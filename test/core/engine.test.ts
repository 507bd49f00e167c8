// The engine over real parsed Markdown and an in-memory revision, with small rules
// defined here so statuses, bindings and opt-outs are tested apart from the catalogue.

import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, parseConfig } from '../../src/core/config.js';
import { evaluateRevision } from '../../src/core/engine.js';
import type { Collector } from '../../src/core/evidence.js';
import type { Rule } from '../../src/core/rule.js';
import { MemoryRepo } from '../support/memory-repo.js';

const fileList: Collector<string[]> = { id: 'test-file-list', collect: async (repo) => [...repo.files] };

/** `file.exists`: passes when the backticked file is tracked, unknown for `?`. */
const fileExists: Rule<string> = {
  id: 'file.exists',
  title: 'named file exists',
  why: 'test rule',
  fix: 'add it',
  recognises: 'backticked names',
  needs: [fileList],
  match: (item) => item.codeSpans,
  bound: () => ['bound.txt'],
  evaluate(path, ctx) {
    if (path === '?') return { verdict: 'unknown', message: 'cannot tell', evidence: [] };
    const found = ctx.get(fileList).includes(path);
    return { verdict: found ? 'pass' : 'fail', message: found ? 'found' : 'missing', evidence: [{ path }] };
  },
  examples: { match: ['`a`'], noMatch: ['a'] },
};

const crashing: Rule = {
  ...fileExists,
  id: 'test.crash',
  match: (item) => (item.text.includes('crash') ? [1] : []),
  evaluate() {
    throw new Error('boom');
  },
};

async function evaluate(markdown: string, files: Record<string, string> = {}, config = DEFAULT_CONFIG) {
  const repo = new MemoryRepo({ 'READINESS.md': markdown, 'here.txt': 'x', 'bound.txt': 'b', ...files });
  const result = await evaluateRevision(repo, { config, rules: [fileExists, crashing] });
  return { result, byText: new Map(result.checklists.flatMap((c) => c.items).map((i) => [i.text, i])) };
}

describe('evaluateRevision', () => {
  it('gives each DESIGN §2 status from checkbox and verdicts', async () => {
    const { byText } = await evaluate(
      [
        '- [x] `here.txt` v',
        '- [x] `gone.txt` u',
        '- [ ] `gone.txt` m',
        '- [ ] `here.txt` s',
        '- [x] `here.txt` `?` i',
        '- [x] training',
      ].join('\n'),
    );
    expect([...byText.values()].map((i) => [i.text, i.status])).toEqual([
      ['here.txt v', 'verified'],
      ['gone.txt u', 'unbacked'],
      ['gone.txt m', 'unmet'],
      ['here.txt s', 'satisfied'],
      ['here.txt ? i', 'inconclusive'],
      ['training', 'manual'],
    ]);
    expect(byText.get('gone.txt u')?.checks).toEqual([
      { rule: 'file.exists', verdict: 'fail', message: 'missing', evidence: [{ path: 'gone.txt' }] },
    ]);
  });

  it('honours manual, sign-off and rule bindings', async () => {
    const { byText } = await evaluate(
      [
        '- [x] `gone.txt` opted out <!-- readiness: manual -->',
        '- [ ] `gone.txt` Lead: ____',
        '- [x] no claim in text <!-- readiness: file.exists -->',
        '- [x] `here.txt` bound elsewhere <!-- readiness: no.such-rule -->',
      ].join('\n'),
    );
    expect(byText.get('gone.txt opted out')?.status).toBe('manual');
    expect(byText.get('gone.txt Lead: ____')?.status).toBe('manual');
    const bound = byText.get('no claim in text');
    expect(bound?.status).toBe('verified');
    expect(bound?.checks[0]?.evidence).toEqual([{ path: 'bound.txt' }]);
    expect(byText.get('here.txt bound elsewhere')?.status).toBe('manual');
  });

  it('reports unknown bindings and disabled rules that do not exist', async () => {
    const config = parseConfig({ rules: { disable: ['file.exists', 'nope.rule'] } }, 'test');
    const { result, byText } = await evaluate(
      '- [x] `gone.txt`\n- [x] x <!-- readiness: no.such-rule -->',
      {},
      config,
    );
    expect(byText.get('gone.txt')?.status).toBe('manual');
    expect(result.notes.join('\n')).toMatch(/nope\.rule.*not a rule/);
    expect(result.notes.join('\n')).toMatch(/READINESS\.md:2: .*no\.such-rule/);
  });

  it('turns a crashing rule into an unknown check instead of a crash', async () => {
    const { byText } = await evaluate('- [x] please crash\n');
    expect(byText.get('please crash')).toMatchObject({
      status: 'inconclusive',
      checks: [{ verdict: 'unknown' }],
    });
  });

  it('only reads checklists it discovers, and honours configured globs', async () => {
    const files = {
      'docs/launch-plan.md': '- [ ] a',
      'notes.md': '- [ ] b',
      'node_modules/x/checklist.md': '- [ ] c',
    };
    const { result } = await evaluate('- [ ] r', files);
    expect(result.checklists.map((c) => c.path)).toEqual(['READINESS.md', 'docs/launch-plan.md']);
    const globbed = await evaluate('- [ ] r', files, parseConfig({ checklists: ['notes.md'] }, 't'));
    expect(globbed.result.checklists.map((c) => c.path)).toEqual(['notes.md']);
  });
});

describe('config exclude', () => {
  it('hides excluded files from checklists and evidence alike', async () => {
    const config = parseConfig({ exclude: ['examples/**'] }, 't');
    const { result, byText } = await evaluate(
      '- [x] `examples/here.txt`\n',
      { 'examples/here.txt': 'x', 'examples/READINESS.md': '- [ ] e' },
      config,
    );
    expect(result.checklists.map((c) => c.path)).toEqual(['READINESS.md']);
    expect(byText.get('examples/here.txt')?.status).toBe('unbacked');
  });
});

describe('files a collector could not parse', () => {
  it('are named in the report with the reason, not silently dropped', async () => {
    const repo = new MemoryRepo({
      'READINESS.md': '- [x] Tests run on every pull request\n',
      '.github/workflows/ci.yml': 'on: [pull_request\njobs: {\n',
    });
    const result = await evaluateRevision(repo, { config: DEFAULT_CONFIG });
    expect(result.skipped).toEqual([
      {
        path: '.github/workflows/ci.yml',
        reason: expect.stringMatching(/^not parsed as workflows evidence: /),
      },
    ]);
  });
});
