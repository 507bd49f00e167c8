// `.env`-style files: which paths are real environment files (not templates), and which of
// their assignments hold a value rather than a blank or a placeholder.

/** Suffixes that mark an env file as a template meant to be committed. */
const TEMPLATE_SUFFIX = /^(?:example|sample|template|tmpl|tpl|dist|defaults?|schema|skeleton|blank|editme)$/i;

/** `.env`, `.env.production`, `.env.local`, `app.env`; not `.env.example`, `.env.sample`, `.env.template`. */
export function isEnvFile(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const parts = name.split('.');
  if (name.startsWith('.env')) {
    if (parts[1] !== 'env') return false;
    return !parts.slice(2).some((part) => TEMPLATE_SUFFIX.test(part));
  }
  return (
    parts.length === 2 &&
    parts[1] === 'env' &&
    /^[\w-]+$/.test(parts[0] ?? '') &&
    !TEMPLATE_SUFFIX.test(parts[0] ?? '')
  );
}

export interface EnvAssignment {
  line: number;
  key: string;
  /** Raw value: stays inside the scanner. */
  value: string;
}

const ASSIGNMENT =
  /^[ \t]{0,8}(?:export[ \t]{1,8})?([A-Za-z_][A-Za-z0-9_.-]{0,127})[ \t]{0,8}=[ \t]{0,8}(.{0,4096})$/;

export function envAssignments(text: string): EnvAssignment[] {
  const found: EnvAssignment[] = [];
  const lines = text.split('\n');
  for (const [index, raw] of lines.entries()) {
    const match = ASSIGNMENT.exec(raw.replace(/\r$/, ''));
    if (!match) continue;
    found.push({ line: index + 1, key: match[1] as string, value: unquote(match[2] as string) });
  }
  return found;
}

function unquote(value: string): string {
  const quote = value[0];
  if (quote === '"' || quote === "'" || quote === '`') {
    const end = value.indexOf(quote, 1);
    return end > 0 ? value.slice(1, end) : value.slice(1);
  }
  // An unquoted value ends at a comment introduced by whitespace.
  return value.replace(/[ \t]+#.*$/, '').trim();
}

const BLANK_OR_PLACEHOLDER =
  /^$|^(?:changeme|change[_-]?me|xxx+|\*+|todo|tbd|none|null|undefined|replace[_-]?me|secret|password|\.\.\.|…)$|^<.*>$|^\$\{?[A-Za-z_]|^\{\{.*\}\}$|your[_-]|example|dummy|placeholder/i;

/** Whether an env value is a real setting (even a harmless one such as `PORT=3000`). */
export function hasRealValue(value: string): boolean {
  return !BLANK_OR_PLACEHOLDER.test(value.trim());
}

/** Names whose value is a credential; public and publishable keys are meant to be shared. */
const SECRET_KEY_NAME =
  /(?:^|_)(?:PASSWORD|PASSWD|PASS|PWD|SECRET|TOKEN|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|AUTH_?KEY|CREDENTIALS?|KEY)(?:_|$)/i;
const PUBLIC_NAME = /PUBLIC|PUBLISHABLE|(?:^|_)ID$/i;

export function isSecretEnvKey(key: string): boolean {
  return SECRET_KEY_NAME.test(key) && !PUBLIC_NAME.test(key);
}
