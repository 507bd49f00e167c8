// What GitHub renders as Markdown and HTML, as opposed to literal code-span content:
// renderer tests assert that untrusted text cannot produce markup outside code spans.

/** Everything outside code spans, each backslash-escaped character replaced by □. */
export function outsideCodeSpans(markdown: string): string {
  let out = '';
  let index = 0;
  while (index < markdown.length) {
    const char = markdown[index] ?? '';
    if (char === '\\') {
      out += '□';
      index += 2;
      continue;
    }
    const fence = /^`+/.exec(markdown.slice(index))?.[0];
    if (fence) {
      const close = new RegExp(`(?<!\`)${fence}(?!\`)`).exec(markdown.slice(index + fence.length));
      if (close) {
        index += fence.length + close.index + fence.length;
        continue;
      }
    }
    out += char;
    index += fence?.length ?? 1;
  }
  return out;
}

/** Whether every `<details>` outside code spans is closed, and none closes before it opens. */
export function detailsBalanced(markdown: string): boolean {
  let depth = 0;
  for (const tag of outsideCodeSpans(markdown).match(/<\/?details[\s>]/g) ?? []) {
    depth += tag.startsWith('</') ? -1 : 1;
    if (depth < 0) return false;
  }
  return depth === 0;
}
