import { describe, expect, it } from 'vitest';
import { parseChecklist } from '../../../src/core/parse/parse-checklist.js';

const parse = (markdown: string) => parseChecklist('READINESS.md', markdown);

describe('parseChecklist', () => {
  it('keeps underscores of file names that Markdown reads as emphasis, and drops real emphasis', () => {
    const { items } = parse(
      [
        '- [x] Add app/__init__.py and _config_.yml',
        '  - See __init__.py in every package',
        '- [ ] __Important__: rotate keys, _soon_.',
      ].join('\n'),
    );
    expect(items.map((i) => i.text)).toEqual([
      'Add app/__init__.py and _config_.yml',
      'Important: rotate keys, soon.',
    ]);
    expect(items[0]?.details).toEqual(['See __init__.py in every package']);
  });

  it('finds task items at any depth with line, checked state, headings and parent', () => {
    const { items } = parse(
      [
        '# Launch',
        '',
        '## Infra',
        '',
        '- [x] **Containerization** - Docker',
        '  - [ ] Runs as `node` user',
        '    - [X] Pinned base',
        '- plain bullet',
        '',
        '### Deep',
        '1. [ ] Numbered',
      ].join('\n'),
    );
    expect(items.map((i) => [i.line, i.checked, i.text])).toEqual([
      [5, true, 'Containerization - Docker'],
      [6, false, 'Runs as node user'],
      [7, true, 'Pinned base'],
      [11, false, 'Numbered'],
    ]);
    expect(items[1]?.section).toEqual(['Launch', 'Infra']);
    expect(items[1]?.parentId).toBe(items[0]?.id);
    expect(items[2]?.parents).toEqual(['Containerization - Docker', 'Runs as node user']);
    expect(items[3]?.section).toEqual(['Launch', 'Infra', 'Deep']);
    expect(items[1]?.codeSpans).toEqual(['node']);
  });

  it('keeps line numbers true with CRLF, a BOM and tabs', () => {
    const { items } = parse('\uFEFF# T\r\n\r\n-\t[x] tabbed\r\n- [ ] second\r\n');
    expect(items.map((i) => [i.line, i.text])).toEqual([
      [3, 'tabbed'],
      [4, 'second'],
    ]);
  });

  it('repairs mojibake in text and headings without moving lines', () => {
    const { items } = parse('## ‚úÖ Completed\n\n- [x] ðŸš€ Launch DEV‚ÜíPROD\n');
    expect(items[0]?.text).toBe('🚀 Launch DEV→PROD');
    expect(items[0]?.section).toEqual(['✅ Completed']);
    expect(items[0]?.line).toBe(3);
  });

  it('finds items in blockquotes but never in code fences or HTML comments', () => {
    const { items } = parse(
      [
        '> - [x] quoted item',
        '',
        '```md',
        '- [x] in a fence',
        '```',
        '',
        '<!--',
        '- [ ] in a comment',
        '-->',
        '',
        '    - [ ] indented code',
      ].join('\n'),
    );
    expect(items.map((i) => i.text)).toEqual(['quoted item']);
  });

  it('keeps nested plain bullets as details of their task item', () => {
    const { items } = parse('- [x] **Monitoring**\n  - Prometheus metrics\n  - Health check endpoints\n');
    expect(items).toHaveLength(1);
    expect(items[0]?.details).toEqual(['Prometheus metrics', 'Health check endpoints']);
  });

  it('marks sign-off lines and items under sign-off headings', () => {
    const { items } = parse(
      '## Checks\n- [ ] Lead: ______ Date: ___\n- [x] Tests pass\n## Sign-off\n- [ ] **Technical Lead**: approved\n',
    );
    expect(items.map((i) => i.signOff)).toEqual([true, false, true]);
  });

  it('reads readiness annotations', () => {
    const { items } = parse(
      '- [x] Health <!-- readiness: docker.healthcheck -->\n- [ ] Training <!-- readiness: manual -->\n- [ ] Nice <!-- readiness: optional, docker.non-root -->\n',
    );
    expect(items.map((i) => i.annotations)).toEqual([
      { rules: ['docker.healthcheck'], manual: false, optional: false },
      { rules: [], manual: true, optional: false },
      { rules: ['docker.non-root'], manual: false, optional: true },
    ]);
    expect(items[0]?.text).toBe('Health');
  });

  it('collects links', () => {
    const { items } = parse('- [x] See [runbook](docs/runbook.md) and <https://example.com>\n');
    expect(items[0]?.links).toEqual(['docs/runbook.md', 'https://example.com']);
  });

  it('finds declared verdicts outside items', () => {
    const { declared } = parse(
      '# X\n\n## ðŸš€ Deployment Status: READY\n\n**Overall Score: 87/100**\n\n- [x] Status: done item\n',
    );
    expect(declared).toEqual([
      { line: 3, text: '🚀 Deployment Status: READY' },
      { line: 5, text: 'Overall Score: 87/100', score: 0.87 },
    ]);
  });
});

describe('item ids', () => {
  const ids = (markdown: string) => parse(markdown).items.map((i) => i.id);

  it('derive from the nearest heading, parents and normalised text', () => {
    expect(ids('## Security & Hardening\n- [x] **JWT** secret changed!\n  - [ ] Rotated `keys`\n')).toEqual([
      'security-hardening/jwt-secret-changed',
      'security-hardening/jwt-secret-changed/rotated-keys',
    ]);
  });

  it('ignore checkbox state, case, emoji, punctuation and whitespace', () => {
    expect(ids('## A\n- [x] ✅ Tests   PASS.\n')).toEqual(ids('## A\n- [ ] tests pass\n'));
  });

  it('do not change when other items are added, removed or reordered', () => {
    const before = parse('## A\n- [ ] one\n- [ ] two\n- [ ] three\n').items;
    const after = parse('## A\n- [ ] three\n- [ ] new\n- [ ] one\n').items;
    const idOf = (items: typeof before, text: string) => items.find((i) => i.text === text)?.id;
    for (const text of ['one', 'three']) expect(idOf(after, text)).toBe(idOf(before, text));
  });

  it('are unique within a file', () => {
    expect(ids('## A\n- [ ] same\n- [ ] same\n## B\n- [ ] same\n')).toEqual(['a/same', 'a/same~2', 'b/same']);
  });
});

describe('credentials typed into a checklist', () => {
  it('are redacted in item text, code spans and declared verdicts before any output sees them', () => {
    const token = `${['gh', 'p_'].join('')}Zq8vN3kL1xR7tY2wB5mC9dF4hJ6gP0sA1eU3`;
    const { items } = parse(`- [x] Deploy token \`${token}\` rotated, see ${token}\n`);
    expect(items[0]?.text).not.toContain(token);
    expect(items[0]?.text).toContain('ghp_…(40 chars)');
    expect(items[0]?.codeSpans).toEqual(['ghp_…(40 chars)']);
  });
});

describe('files without task items', () => {
  // The cheap test that lets prose skip remark must never hide an item remark would find.
  it.each([
    ['a plain item', '- [ ] one'],
    ['a numbered item', '1) [x] one'],
    ['a numbered item with a dot', '12. [X] one'],
    ['a starred item', '* [ ] one'],
    ['a plus item', '+ [x] one'],
    ['an item in a blockquote', '> - [ ] one'],
    ['a quote inside a list inside a quote', '> - > - [x] one'],
    ['an indented item under prose', 'Intro:\n\n   - [ ] one'],
    ['an item after a byte order mark', '\uFEFF- [ ] one'],
    ['an item after CR line endings', '# Title\r\rtext\r\r- [ ] one\r'],
    ['a tab between the brackets', '- [\t] one'],
    ['an item after a tab', '-\t[x] one'],
  ])('still finds %s', (_name, markdown) => {
    expect(parse(markdown).items).toHaveLength(1);
  });

  it('have no items and no declared verdicts', () => {
    const prose = '# Production patterns\n\nStatus: READY\n\n- a bullet\n- [link](x) [ ] not a box\n';
    expect(parse(prose)).toEqual({ path: 'READINESS.md', items: [], declared: [] });
  });
});
