// Paths an item names: `scripts/backup-db.sh`, [runbook](docs/runbook.md), "(`routes.ts` lines 271-278)".
// Precision first: a code span is a path only when it cannot plausibly be a command, a setting, a
// route, a URL, a package or a value, and files that are never committed (real `.env` files,
// runtime data, keys) are not claims about the repository.

import type { ChecklistItem } from '../types.js';

export interface PathRef {
  /** As written, without a leading `./` or trailing `/`. */
  path: string;
  /** Written with a trailing slash, or a slash path without an extension. */
  folder: boolean;
  /** No folder part: the file may live anywhere in the repository. */
  bare: boolean;
  /** The item names a line range in the file (`lines 271-278`, `:10-20`). */
  lines?: { from: number; to: number };
}

const FILE_EXTENSIONS = new Set(
  (
    'ts tsx mts cts js jsx mjs cjs json jsonc json5 yml yaml toml ini cfg conf env md mdx rst txt adoc ' +
    'sh bash zsh ps1 bat cmd py pyi rb go rs java kt kts scala groovy gradle ex exs erl hrl heex eex leex ' +
    'sql prisma graphql gql proto tf tfvars hcl xml properties html htm css scss sass less vue svelte astro ' +
    'php cs fs vb swift m c h cc cpp hpp mk lock example sample template tpl j2 dist dockerfile service nginx'
  ).split(' '),
);

/** Files that exist only where the software runs: real env files, runtime data, keys and certificates. */
const NEVER_COMMITTED = /(^|\/)\.env(\.(?!example$|sample$|template$|dist$|defaults?$)[\w-]+)?$/i;
const RUNTIME_EXTENSIONS = new Set(
  'bin db sqlite sqlite3 log pid sock dump bak pem key crt cer p12 pfx jks gz tgz zip tar'.split(' '),
);
const FRAMEWORK_NAMES =
  /^(node|next|nuxt|vue|express|react|nest|ember|backbone|angular|three|d3|chart|moment|day|alpine|solid|socket|p5)\.js$/i;
const MIME_PREFIX = /^(application|text|image|audio|video|multipart|font)\//;
/** First folders that make a slash path without an extension clearly a repository path. */
const KNOWN_DIRS = new Set(
  (
    'src lib app apps packages services scripts bin cmd pkg internal docs doc config configs deploy deployment ' +
    'k8s kubernetes helm charts infra terraform test tests spec e2e migrations priv public static assets .github ' +
    'ops tools examples templates db prisma api server client web'
  ).split(' '),
);
const SAFE_PATH = /^[\w.@+-][\w.@+-]*(\/[\w.@+-]+)*\/?$/;
const LINE_RANGE = /^\s*(?:\)\s*)?(?:lines?|L|ll\.?)\s*(\d+)\s*(?:[-–—]|to)\s*(\d+)/i;
/** Files named without an extension that prose writes as proper nouns ("Makefile for common tasks"). */
const BUILD_FILE_IN_PROSE = /(?<![\w./-])(Makefile|Justfile|Caddyfile)(?![\w./-])/g;
const COLON_RANGE = /^(.*?):(\d+)(?:-(\d+))?$/;
const TEXT_PATH =
  /(?:^|[\s(["'])((?:\.\/)?[\w-][\w.-]*(?:\/[\w.-]+)+\.[A-Za-z0-9]+|[a-z_][\w-]*(?:\.[\w-]+)*\.[a-z0-9]+)(?=$|[\s),;:"'\]]|\.(?:\s|$))/g;

/** Every path the item names, deduplicated, in order of appearance. */
export function extractPaths(item: Pick<ChecklistItem, 'text' | 'codeSpans' | 'links'>): PathRef[] {
  const found = new Map<string, PathRef>();
  const add = (ref: PathRef | undefined) => {
    if (!ref) return;
    const known = found.get(ref.path);
    if (!known || (ref.lines && !known.lines)) found.set(ref.path, ref);
  };
  for (const span of item.codeSpans) add(spanPath(span, rangeAfter(item.text, span)));
  for (const link of item.links) add(linkPath(link));
  for (const match of item.text.matchAll(BUILD_FILE_IN_PROSE)) {
    if (!item.codeSpans.some((span) => span.includes(match[1] as string)))
      add(pathRef(match[1] as string, undefined));
  }
  for (const match of item.text.matchAll(TEXT_PATH)) {
    const token = match[1] as string;
    if (item.codeSpans.some((span) => span.includes(token))) continue;
    const ref = pathRef(token, rangeAfter(item.text, token), { requireCodeExtension: true });
    add(ref);
  }
  return [...found.values()];
}

/**
 * Paths the item cites in its nested plain bullets ("- see `infra/variables.tf`"), the same way
 * as in its own text, without those the item itself names.
 */
export function citedPaths(
  item: Pick<ChecklistItem, 'text' | 'codeSpans' | 'links' | 'details' | 'detailCodeSpans' | 'detailLinks'>,
): PathRef[] {
  const own = new Set(extractPaths(item).map((ref) => ref.path));
  const cited = extractPaths({
    text: item.details.join('\n'),
    codeSpans: item.detailCodeSpans,
    links: item.detailLinks,
  });
  return cited.filter((ref) => !own.has(ref.path));
}

function spanPath(span: string, lines: PathRef['lines']): PathRef | undefined {
  const colon = COLON_RANGE.exec(span.trim());
  if (colon && /[./]/.test(colon[1] as string)) {
    const from = Number(colon[2]);
    return pathRef(colon[1] as string, { from, to: colon[3] ? Number(colon[3]) : from });
  }
  return pathRef(span, lines);
}

function linkPath(link: string): PathRef | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(link) || link.startsWith('#') || link.startsWith('/')) return undefined;
  const [target = ''] = link.split(/[?#]/);
  let decoded: string;
  try {
    decoded = decodeURIComponent(target);
  } catch {
    return undefined;
  }
  if (!decoded || decoded.startsWith('../')) return undefined;
  const clean = decoded.replace(/^\.\//, '');
  const folder = clean.endsWith('/');
  const path = clean.replace(/\/+$/, '');
  if (!path || !SAFE_PATH.test(path) || NEVER_COMMITTED.test(path)) return undefined;
  return withLines({ path, folder, bare: false }, fragmentLines(link));
}

/** GitHub's line anchors: `script.sh#L70`, `app.ts#L10-L20`. */
function fragmentLines(link: string): PathRef['lines'] {
  const anchor = /#L(\d+)(?:-L?(\d+))?$/.exec(link);
  if (!anchor) return undefined;
  const from = Number(anchor[1]);
  return { from, to: anchor[2] ? Number(anchor[2]) : from };
}

function pathRef(
  raw: string,
  lines: PathRef['lines'],
  options: { requireCodeExtension?: boolean } = {},
): PathRef | undefined {
  const text = raw.trim().replace(/^\.\//, '');
  if (!text || text.length > 200 || text.startsWith('../') || !SAFE_PATH.test(text)) return undefined;
  if (text.startsWith('@') || MIME_PREFIX.test(text) || FRAMEWORK_NAMES.test(text)) return undefined;
  const folder = text.endsWith('/');
  const path = text.replace(/\/+$/, '');
  if (NEVER_COMMITTED.test(path)) return undefined;
  const name = path.slice(path.lastIndexOf('/') + 1);
  const extension = extensionOf(name);
  if (extension && RUNTIME_EXTENSIONS.has(extension)) return undefined;
  const hasFolder = path.includes('/');
  if (folder)
    return hasFolder || !options.requireCodeExtension
      ? withLines({ path, folder, bare: false }, lines)
      : undefined;
  if (extension && FILE_EXTENSIONS.has(extension)) {
    if (options.requireCodeExtension && !hasFolder && /^[A-Z]/.test(name)) return undefined;
    return withLines({ path, folder: false, bare: !hasFolder }, lines);
  }
  if (
    !options.requireCodeExtension &&
    /^(Dockerfile|Makefile|Justfile|Procfile|Caddyfile|Jenkinsfile|Gemfile)$/.test(name)
  ) {
    return withLines({ path, folder: false, bare: !hasFolder }, lines);
  }
  if (hasFolder && !extension && KNOWN_DIRS.has(path.split('/')[0] as string)) {
    return { path, folder: true, bare: false };
  }
  return undefined;
}

function withLines(ref: PathRef, lines: PathRef['lines']): PathRef {
  return lines && !ref.folder ? { ...ref, lines } : ref;
}

function extensionOf(name: string): string | undefined {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : undefined;
}

/** `routes.ts` lines 271-278: a range written right after the path in the item text. */
function rangeAfter(text: string, token: string): PathRef['lines'] {
  const at = text.indexOf(token);
  if (at < 0) return undefined;
  const range = LINE_RANGE.exec(text.slice(at + token.length, at + token.length + 40));
  if (!range) return undefined;
  const from = Number(range[1]);
  const to = Number(range[2]);
  return from <= to ? { from, to } : undefined;
}
