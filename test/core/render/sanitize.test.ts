import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ANNOTATION_MESSAGE_MAX_BYTES,
  annotationMessage,
  annotationTitle,
  code,
  cut,
  markdownInline,
  plainInline,
  safeUrl,
} from '../../../src/core/render/sanitize.js';
import { outsideCodeSpans } from './visible-markdown.js';

describe('markdownInline', () => {
  it('turns @mentions and @org/team into code spans so nobody is pinged', () => {
    expect(markdownInline('Reviewed by @octocat and @acme/security-team.')).toBe(
      'Reviewed by `@octocat` and `@acme/security-team`.',
    );
  });

  it('keeps e-mail addresses whole and unlinked', () => {
    expect(markdownInline('Pager goes to ops@example.com')).toBe('Pager goes to `ops@example.com`');
  });

  it('escapes raw HTML, comments and entities', () => {
    expect(markdownInline('<img src=x onerror=alert(1)> </details> <!-- hide --> &#64;octocat')).toBe(
      '&lt;img src=x onerror=alert(1)&gt; &lt;/details&gt; &lt;!-- hide --&gt; &amp;`#64`;octocat',
    );
  });

  it('defuses links, images, bare URLs and issue references', () => {
    const out = markdownInline(
      '[docs](https://evil.example) ![x](http://evil.example/x.png) www.evil.example #12 GH-3',
    );
    expect(out).toBe(
      '\\[docs\\](`https://evil.example`) !\\[x\\](`http://evil.example/x.png`) `www.evil.example` `#12` `GH-3`',
    );
  });

  it('escapes emphasis, tables, math and backslashes so text reads literally', () => {
    expect(markdownInline('a*b*c_d_ | $x$ ~~y~~ \\ `z`')).toBe(
      'a\\*b\\*c\\_d\\_ \\| \\$x\\$ \\~\\~y\\~\\~ \\\\ \\`z\\`',
    );
  });

  it('strips control and bidi characters and collapses whitespace to one line', () => {
    expect(markdownInline('red \u001b[31m\ttext\u202e\nnext\u0000')).toBe('red \\[31m text next');
  });

  it('cuts a very long line with an ellipsis', () => {
    const out = markdownInline('word '.repeat(200), 50);
    expect(out).toHaveLength(50);
    expect(out.endsWith('…')).toBe(true);
  });

  it('never leaves HTML, a mention or a link outside code spans, whatever the input', () => {
    const alphabet = fc.constantFrom(
      ...'<>@/&#[]()!`\\ab1 :.w-\n\u0000'.split(''),
      'https://',
      'www.',
      '<!--',
    );
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 60 }), (parts) => {
        const visible = outsideCodeSpans(markdownInline(parts.join('')));
        expect(visible).not.toMatch(/[<>]/);
        expect(visible).not.toContain('\u0000');
        expect(visible).not.toMatch(/@\w/);
        expect(visible).not.toMatch(/(?<!\\)\[/);
        expect(visible).not.toMatch(/https?:\/\/\w|www\.\w/);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('code', () => {
  it('chooses a fence longer than any backtick run inside', () => {
    expect(code('a`b')).toBe('``a`b``');
    expect(code('`start')).toBe('`` `start ``');
  });

  it('is empty for empty text', () => {
    expect(code('  ')).toBe('');
  });
});

describe('plainInline', () => {
  it('removes terminal escapes', () => {
    expect(plainInline('\u001b]8;;https://evil\u0007link\u001b[0m')).toBe(']8;;https://evillink[0m');
  });
});

describe('cut', () => {
  it('never splits a surrogate pair', () => {
    const out = cut('ab😀😀😀', 4);
    expect(out).toBe('ab…');
    expect(out.length).toBeLessThanOrEqual(4);
  });
});

describe('safeUrl', () => {
  it('keeps http(s) and relative targets, escaping characters that end a link target', () => {
    expect(safeUrl('https://github.com/o/r/blob/abc/a (1).md#L2')).toBe(
      'https://github.com/o/r/blob/abc/a%20%281%29.md#L2',
    );
    expect(safeUrl('blob/abc/README.md')).toBe('blob/abc/README.md');
  });

  it('refuses other schemes', () => {
    expect(safeUrl('javascript:alert(1)')).toBeUndefined();
    expect(safeUrl('data:text/html,x')).toBeUndefined();
  });
});

describe('annotation fields', () => {
  it('cuts titles to 255 characters on one line', () => {
    const title = annotationTitle(`line one\n${'x'.repeat(400)}`);
    expect(title).toHaveLength(255);
    expect(title).not.toContain('\n');
  });

  it('keeps line breaks in messages but not control characters, within 64 KiB of UTF-8', () => {
    expect(annotationMessage('a\r\nb\u001b[1m')).toBe('a\nb[1m');
    const long = annotationMessage('é'.repeat(40_000));
    expect(new TextEncoder().encode(long).length).toBeLessThanOrEqual(ANNOTATION_MESSAGE_MAX_BYTES);
    expect(long.endsWith('…')).toBe(true);
  });
});
