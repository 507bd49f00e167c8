// HTTP security headers set by hand, by name: in code of any language
// (`res.setHeader('X-Frame-Options', 'DENY')`, `headers['X-Frame-Options'] = 'DENY'`,
// `w.Header().Set("X-Frame-Options", "DENY")`), in framework and platform configuration
// (next.config.js `headers()`, vercel.json, netlify.toml, `_headers`) and in web server files
// (nginx `add_header`, Apache `Header set`, Caddy `header`, IIS web.config). Each with its line and
// the text that follows the name on that line and the next, where the value is written.

import type { Collector, RepoView } from '../evidence.js';
import { VENDORED_OR_GENERATED } from '../formats/folders.js';
import { baseName } from '../formats/paths.js';
import { isTestPath, scanKind } from '../formats/source-files.js';

export const SECURITY_HEADERS = [
  'strict-transport-security',
  'content-security-policy',
  'content-security-policy-report-only',
  'x-frame-options',
  'x-content-type-options',
  'x-xss-protection',
  'referrer-policy',
  'permissions-policy',
  'cross-origin-opener-policy',
  'cross-origin-embedder-policy',
  'cross-origin-resource-policy',
] as const;
export type SecurityHeader = (typeof SECURITY_HEADERS)[number];

export interface HeaderSetting {
  header: SecurityHeader;
  path: string;
  line: number;
  excerpt: string;
  /** What follows the header name on its line and the next: where its value is written. */
  after: string;
}

export interface ResponseHeadersEvidence {
  settings: HeaderSetting[];
}

const CONFIG_FILES =
  /^(?:next\.config\.[cm]?[jt]s|vercel\.json|netlify\.toml|_headers|\.htaccess|web\.config|Caddyfile|nginx[^/]*\.conf(?:\.template)?|[^/]+\.conf)$/;
const NAME = new RegExp(`["'\`]?\\b(${SECURITY_HEADERS.join('|')})\\b["'\`]?`, 'i');
/** The name stands where a header is set: followed by a separator and a value, or after a setter. */
const SETS = /^["'`]?\s*(?:[:=,)\]]|=>|\s+["'\w])/;
const COMMENT = /^\s*(?:\/\/|#|\*|\/\*|<!--|;)/;
const MAX_LINE = 2000;

export const responseHeadersCollector: Collector<ResponseHeadersEvidence> = {
  id: 'response-headers',
  async collect(repo: RepoView): Promise<ResponseHeadersEvidence> {
    const paths = repo.files.filter((path) => {
      if (VENDORED_OR_GENERATED.test(path) || isTestPath(path)) return false;
      return CONFIG_FILES.test(baseName(path)) || scanKind(path)?.kind === 'code';
    });
    const found = await repo.perFiles('response-headers', paths, (text, index) =>
      headerSettings(paths[index] as string, text),
    );
    return { settings: found.flatMap((settings) => settings ?? []) };
  },
};

/** The security headers one file sets, by name. */
export function headerSettings(path: string, text: string): HeaderSetting[] {
  const lower = text.toLowerCase();
  if (!SECURITY_HEADERS.some((header) => lower.includes(header))) return [];
  const lines = text.split(/\r\n|\r|\n/);
  const found: HeaderSetting[] = [];
  lines.forEach((line, index) => {
    if (line.length > MAX_LINE || COMMENT.test(line)) return;
    const match = NAME.exec(line);
    if (!match) return;
    const rest = line.slice((match.index ?? 0) + match[0].length);
    if (
      !SETS.test(rest) &&
      !/\b(?:add_header|header|set|setheader|headers?)\b/i.test(line.slice(0, match.index))
    )
      return;
    const next = lines[index + 1] ?? '';
    found.push({
      header: (match[1] as string).toLowerCase() as SecurityHeader,
      path,
      line: index + 1,
      excerpt: line.trim().slice(0, 120),
      after: `${rest} ${next.length <= MAX_LINE ? next : ''}`.slice(0, 400),
    });
  });
  return found;
}
