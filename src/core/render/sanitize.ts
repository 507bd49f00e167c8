// Item text, check messages, paths and excerpts come from the scanned repository and are
// untrusted (DESIGN §7). Before they reach a PR comment they must not ping anyone, inject
// HTML, close our own <details> blocks, smuggle clickable links, or hide text behind
// control and bidi characters; before they reach a terminal they must not carry escapes.

/** C0/C1 controls (not whitespace), DEL, and bidi overrides that can reorder what a reader sees. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** Default cut for one untrusted line in any output. */
export const INLINE_MAX = 300;

/** GitHub Checks API limits for an annotation's fields. */
export const ANNOTATION_TITLE_MAX = 255;
export const ANNOTATION_MESSAGE_MAX_BYTES = 64 * 1024;

const ELLIPSIS = '…';

/** Cuts to at most `max` UTF-16 units, never splitting a surrogate pair, marking the cut with "…". */
export function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return '';
  let end = max - ELLIPSIS.length;
  if (end > 0 && isHighSurrogate(text.charCodeAt(end - 1))) end -= 1;
  return text.slice(0, Math.max(end, 0)) + ELLIPSIS;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** Untrusted text as one plain line: controls removed, whitespace collapsed, cut to `max`. */
export function plainInline(text: string, max = INLINE_MAX): string {
  return cut(text.replace(CONTROL, '').replace(/\s+/g, ' ').trim(), max);
}

/**
 * Tokens GitHub turns into pings or links even in plain text: URLs and `www.` hosts,
 * `@user`, `@org/team` and e-mail addresses, issue references (`#12`, `owner/repo#12`,
 * `GH-12`) and commit SHAs. They are shown as code spans, which GitHub never links.
 */
const REFERENCE =
  /(?:[a-z][a-z0-9+.-]*:\/\/|www\.|mailto:)[^\s`]+|[\w.+-]*@\w[\w./-]*|(?:[\w.-]+\/[\w.-]+)?#\d+\b|\bGH-\d+\b|\b(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{7,40}\b/gi;

/** Sentence punctuation that ends a reference token rather than belonging to it. */
const TRAILING_PUNCTUATION = /[.,;:!?)\]'"]+$/;

/** Characters that would start Markdown or HTML syntax (links, emphasis, tables, math, tags, entities). */
const MARKDOWN_SPECIAL = /[\\`*_[\]|~$<>&]/g;
const ENTITY: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;' };

function escapeMarkdown(text: string): string {
  return text.replace(MARKDOWN_SPECIAL, (char) => ENTITY[char] ?? `\\${char}`);
}

/**
 * Untrusted text for inline Markdown: renders as the same words, but nothing in it can
 * ping, link, open or close HTML, or format beyond the line it is on.
 */
export function markdownInline(text: string, max = INLINE_MAX): string {
  const line = plainInline(text, max);
  let out = '';
  let from = 0;
  for (const match of line.matchAll(REFERENCE)) {
    const trailing = TRAILING_PUNCTUATION.exec(match[0])?.[0] ?? '';
    const token = match[0].slice(0, match[0].length - trailing.length);
    out += escapeMarkdown(line.slice(from, match.index)) + code(token);
    from = match.index + token.length;
  }
  return out + escapeMarkdown(line.slice(from));
}

/** Untrusted text as an inline code span (paths, rule ids, excerpts): literal, never linked. */
export function code(text: string, max = INLINE_MAX): string {
  const content = plainInline(text, max);
  if (!content) return '';
  const longestRun = Math.max(0, ...(content.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const pad = content.startsWith('`') || content.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${content}${pad}${fence}`;
}

/** Characters that would end a `(target)` early, or that a link target must not carry. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters must not reach a link target
const URL_UNSAFE = /[\s()<>[\]"'`\\\u0000-\u001f\u007f]/g;

/**
 * A link target from the caller's link builder, made safe to put in `[text](url)`:
 * only http(s) and scheme-less targets, with characters that would end the target escaped.
 */
export function safeUrl(url: string): string | undefined {
  const trimmed = url.trim();
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(trimmed)?.[1]?.toLowerCase();
  if (scheme !== undefined && scheme !== 'http' && scheme !== 'https') return undefined;
  return trimmed.replace(
    URL_UNSAFE,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
}

/** A check-run annotation title: plain text, one line, at most 255 characters. */
export function annotationTitle(text: string): string {
  return plainInline(text, ANNOTATION_TITLE_MAX);
}

/** A check-run annotation message: plain text, line breaks kept, at most 64 KiB of UTF-8. */
export function annotationMessage(text: string): string {
  const clean = text
    .replace(/\r\n?|[\v\f]/g, '\n')
    .replace(CONTROL, '')
    .trim();
  return cutBytes(clean, ANNOTATION_MESSAGE_MAX_BYTES);
}

const encoder = new TextEncoder();

function cutBytes(text: string, maxBytes: number): string {
  if (text.length * 3 <= maxBytes || encoder.encode(text).length <= maxBytes) return text;
  const budget = maxBytes - encoder.encode(ELLIPSIS).length;
  let bytes = 0;
  let out = '';
  for (const char of text) {
    bytes += encoder.encode(char).length;
    if (bytes > budget) break;
    out += char;
  }
  return out + ELLIPSIS;
}
