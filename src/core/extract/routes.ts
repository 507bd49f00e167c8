// HTTP routes an item names: `/health`, `GET /api/health`, "Metrics endpoint (/api/metrics)",
// `curl http://localhost:4000/ready`. Slash commands (`/notifier status`) and file-system paths are not routes.

import type { ChecklistItem } from '../types.js';

export interface RouteRef {
  /** Upper-case method when the item names one. */
  method?: string;
  /** The path as written, without query or trailing slash. */
  path: string;
  /** Named as a page ("Privacy Policy page (/privacy)"): a client-side router may serve it. */
  page?: boolean;
}

const ROUTE_CONTEXT =
  /\b(endpoints?|routes?|api|https?|curl|GET|POST|PUT|PATCH|DELETE|expos(?:e|ed|es)|serv(?:e|ed|es)|respond(?:s|ing)?|returning|health|metrics|readiness|liveness|probes?|webhooks?)\b/i;
/** "Privacy Policy page (/privacy)": a web page's path, served by a file-based router or the client. */
const PAGE_CONTEXT = /\bpages?\b/i;
const ROUTE_PATH = /^\/[\w.~:{}[\]<>*@$-]*(?:\/[\w.~:{}[\]<>*@$-]*)*$/;
const METHOD_ROUTE = /\b(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\s+(\/[^\s`'")]*)/g;
const LOCAL_URL =
  /\bhttps?:\/\/(?:localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\]|host\.docker\.internal)(?::\d+)?(\/[^\s`'")]*)/g;
const TEXT_ROUTE = /(?:^|[\s(])(\/[a-z][\w.~:{}-]*(?:\/[\w.~:{}-]+)*\/?)(?=$|[\s),;])/g;
/** First segments of file-system paths, which look like routes but are not. */
const FILE_SYSTEM_ROOTS =
  /^\/(etc|var|usr|opt|tmp|home|root|dev|proc|sys|bin|sbin|app|srv|mnt|data|run|lib)(\/|$)/;
const STATIC_FILE = /\.(png|jpe?g|gif|svg|ico|css|js|map|txt|html?|woff2?)$/i;

export function extractRoutes(item: Pick<ChecklistItem, 'text' | 'codeSpans'>): RouteRef[] {
  if (!ROUTE_CONTEXT.test(item.text))
    return PAGE_CONTEXT.test(item.text) ? pageRoutes(item).map((path) => ({ path, page: true })) : [];
  // Chat-bot slash commands ("Test `/notifier status` command") look like routes.
  if (/\bcommands?\b/i.test(item.text) && !/\b(endpoints?|routes?|https?|curl|api)\b/i.test(item.text))
    return [];
  const found = new Map<string, RouteRef>();
  const add = (path: string, method?: string) => {
    const clean = cleanRoute(path);
    if (!clean) return;
    const key = `${method ?? ''} ${clean}`;
    if (found.has(key)) return;
    if (method) found.delete(` ${clean}`);
    else if ([...found.values()].some((ref) => ref.path === clean)) return;
    found.set(key, method ? { method, path: clean } : { path: clean });
  };
  for (const match of item.text.matchAll(METHOD_ROUTE)) add(match[2] as string, match[1]);
  for (const match of item.text.matchAll(LOCAL_URL)) add(match[1] as string);
  for (const span of item.codeSpans) if (ROUTE_PATH.test(span.trim())) add(span.trim());
  const prose = item.codeSpans.reduce((text, span) => text.replace(span, ' '), item.text);
  for (const match of prose.matchAll(TEXT_ROUTE)) add(match[1] as string);
  return [...found.values()];
}

function pageRoutes(item: Pick<ChecklistItem, 'text' | 'codeSpans'>): string[] {
  const found = new Set<string>();
  for (const span of item.codeSpans) if (ROUTE_PATH.test(span.trim())) found.add(span.trim());
  const prose = item.codeSpans.reduce((text, span) => text.replace(span, ' '), item.text);
  for (const match of prose.matchAll(TEXT_ROUTE)) found.add(match[1] as string);
  return [...found].flatMap((path) => cleanRoute(path) ?? []);
}

function cleanRoute(raw: string): string | undefined {
  const path = (raw.split(/[?#]/)[0] ?? '').replace(/[.,;:]+$/, '').replace(/(.)\/+$/, '$1');
  if (
    !ROUTE_PATH.test(path) ||
    path.includes('$') ||
    FILE_SYSTEM_ROOTS.test(path) ||
    STATIC_FILE.test(path)
  ) {
    return undefined;
  }
  return path;
}

/**
 * Canonical form for comparing a route named in a checklist with one declared in code: lower case,
 * no trailing slash, every parameter (`:id`, `{id}`, `[id]`, `<int:id>`, `*`) as `:`.
 */
export function canonicalRoute(path: string): string {
  const segments = path
    .toLowerCase()
    .split('/')
    .filter(Boolean)
    // `${version}` in a template-literal mount (`/api/${config.apiVersion}`) is a value only the
    // running process knows: it matches any segment, like a parameter.
    .map((segment) => (/^(:.*|\$?\{.*\}|\[.*\]|<.*>|\*.*)$/.test(segment) ? ':' : segment));
  return `/${segments.join('/')}`;
}

/**
 * Whether two canonical routes are the same, a parameter segment matching any segment. A
 * route made only of parameters (`/:id`) catches every path, which is no evidence that a
 * named endpoint such as `/ready` exists, so at least one literal segment must agree.
 */
export function sameRoute(a: string, b: string): boolean {
  const left = a.split('/');
  const right = b.split('/');
  if (left.length !== right.length) return false;
  let literals = 0;
  for (let i = 0; i < left.length; i++) {
    const [l, r] = [left[i], right[i]];
    if (l === r) {
      if (l && l !== ':') literals++;
    } else if (l !== ':' && r !== ':') return false;
  }
  return literals > 0 || a === b;
}
