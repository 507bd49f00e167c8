// TOML read line by line, as far as deployment files need it (fly.toml, netlify.toml,
// railway.toml): every `key = value` with the table it sits in and its line. Values stay as
// written (quotes removed from plain strings); inline tables and arrays are kept as raw text, and
// a value spread over several lines (a multi-line array or string) is recorded by its first line.
// It never throws: a line it does not understand is skipped.

export interface TomlEntry {
  /** Dotted table path (`http_service.checks`), '' for the top level; array tables are not numbered. */
  table: string;
  /** Index of the `[[array]]` element the entry sits in (0 outside array tables). */
  element: number;
  key: string;
  /** The value: a string without its quotes, else the raw text (`true`, `3`, `["a", "b"]`). */
  value: string;
  line: number;
}

/** Lines a TOML file may have before the rest is ignored; deployment files stay far below. */
const MAX_LINES = 20_000;

export function parseToml(text: string): TomlEntry[] {
  const entries: TomlEntry[] = [];
  const counts = new Map<string, number>();
  let table = '';
  let element = 0;
  let open: string | null = null;
  const lines = text.split(/\r\n|\r|\n/).slice(0, MAX_LINES);
  lines.forEach((raw, index) => {
    if (open) {
      if (raw.includes(open)) open = null;
      return;
    }
    const line = stripComment(raw).trim();
    if (!line) return;
    const header = /^\[\[\s*([^\]]+?)\s*\]\]$|^\[\s*([^\]]+?)\s*\]$/.exec(line);
    if (header) {
      table = unquoteKey((header[1] ?? header[2] ?? '').trim());
      if (header[1] !== undefined) {
        element = counts.get(table) ?? 0;
        counts.set(table, element + 1);
      } else element = 0;
      return;
    }
    const pair =
      /^((?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*')(?:\s*\.\s*(?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*'))*)\s*=\s*(.*)$/.exec(
        line,
      );
    if (!pair) return;
    const dotted = unquoteKey(pair[1] ?? '');
    const value = (pair[2] ?? '').trim();
    const dot = dotted.lastIndexOf('.');
    const key = dot < 0 ? dotted : dotted.slice(dot + 1);
    const inner = dot < 0 ? table : [table, dotted.slice(0, dot)].filter(Boolean).join('.');
    entries.push({ table: inner, element, key, value: unquoteValue(value), line: index + 1 });
    if (value.startsWith('"""') && !value.slice(3).includes('"""')) open = '"""';
    else if (value.startsWith("'''") && !value.slice(3).includes("'''")) open = "'''";
    else if (value.startsWith('[') && !balanced(value)) open = ']';
  });
  return entries;
}

function unquoteKey(key: string): string {
  return key
    .split(/\s*\.\s*(?=(?:[^"']|"[^"]*"|'[^']*')*$)/)
    .map((part) => part.replace(/^"(.*)"$|^'(.*)'$/, '$1$2'))
    .join('.');
}

function unquoteValue(value: string): string {
  const quoted = /^"((?:[^"\\]|\\.)*)"$|^'([^']*)'$/.exec(value);
  return quoted ? (quoted[1] ?? quoted[2] ?? '') : value;
}

function balanced(value: string): boolean {
  let depth = 0;
  for (const char of value) {
    if (char === '[') depth++;
    else if (char === ']') depth--;
  }
  return depth <= 0;
}

/** Drops a `#` comment that is not inside a string. */
function stripComment(line: string): string {
  let quote = '';
  for (let i = 0; i < line.length; i++) {
    const char = line.charAt(i);
    if (quote) {
      if (char === '\\' && quote === '"') i++;
      else if (char === quote) quote = '';
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '#') return line.slice(0, i);
  }
  return line;
}
