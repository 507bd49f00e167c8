// Comments blanked out of source and configuration lines, keeping line numbers and columns, so
// a commented-out `app.use(rateLimit())` or `# import sentry_sdk` is never read as code.

type Style = 'slash' | 'hash' | 'none';

/** Comment style per language name, as the source collectors name languages. */
const STYLE: Record<string, Style> = {
  javascript: 'slash',
  go: 'slash',
  jvm: 'slash',
  rust: 'slash',
  python: 'hash',
  'django-settings': 'hash',
  elixir: 'hash',
  ruby: 'hash',
  'elixir-config': 'hash',
  shell: 'hash',
  yaml: 'hash',
  nginx: 'hash',
  container: 'hash',
  systemd: 'hash',
};

/** How the languages a file is read as write comments; `slash` wins (a Kotlin script is not YAML). */
function styleOf(languages: readonly string[]): Style {
  const styles = languages.map((language) => STYLE[language] ?? 'none');
  if (styles.includes('slash')) return 'slash';
  if (styles.includes('hash')) return 'hash';
  return 'none';
}

/**
 * The file's lines with comments replaced by spaces. Strings are respected (`'https://x'`,
 * `'src/**' + '/*.ts'`, `"#fff"`); a string that spans lines (template literals, Python
 * triple quotes) ends at its line, which errs toward keeping text.
 */
export function withoutComments(lines: readonly string[], languages: readonly string[]): string[] {
  const style = styleOf(languages);
  if (style === 'none') return [...lines];
  let inBlock = false;
  return lines.map((line) => {
    if (style === 'hash') return blankHash(line);
    const result = blankSlash(line, inBlock);
    inBlock = result.inBlock;
    return result.line;
  });
}

function blankHash(line: string): string {
  if (!line.includes('#')) return line;
  let quote = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i] as string;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    // `#` starts a comment at the line's start or after a space: `${VAR#prefix}`, `#{x}`, `&#39;` do not.
    else if (c === '#' && (i === 0 || /\s/.test(line[i - 1] as string)) && line[i + 1] !== '{')
      return line.slice(0, i) + ' '.repeat(line.length - i);
  }
  return line;
}

function blankSlash(line: string, startInBlock: boolean): { line: string; inBlock: boolean } {
  if (!startInBlock && !line.includes('/')) return { line, inBlock: false };
  const out = line.split('');
  let inBlock = startInBlock;
  let quote = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i] as string;
    if (inBlock) {
      if (c === '*' && line[i + 1] === '/') {
        out[i] = ' ';
        out[i + 1] = ' ';
        i++;
        inBlock = false;
      } else out[i] = ' ';
    } else if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'" || c === '`') quote = c;
    else if (c === '/' && line[i + 1] === '/') {
      for (let j = i; j < line.length; j++) out[j] = ' ';
      break;
    } else if (c === '/' && line[i + 1] === '*') {
      out[i] = ' ';
      out[i + 1] = ' ';
      i++;
      inBlock = true;
    }
  }
  return { line: out.join(''), inBlock };
}
