// Where a middleware library is applied, not only imported: `app.use(helmet())`, Fastify
// `register(cors)`, `router.post('/login', loginLimiter, …)`, `app.add_middleware(CORSMiddleware)`,
// `CORS(app)`, `@limiter.limit(...)`, `r.Use(httprate.LimitByIP(...))`, Rack `use Rack::Attack`
// and Rails `config.middleware.use Rack::Cors`. One file at a time (the
// result is memoised per file); names defined in one file and applied in another
// (`export const loginLimiter = rateLimit(...)` used in a routes file) are linked afterwards by
// `linkApplications`. Lines given here have their comments blanked already.

import { LIBRARIES, type ScanLanguage, type SignalId } from './catalogue.js';

/** Claims about request handling: installed is not applied, so an import alone decides nothing. */
export const APPLIED_SIGNALS: ReadonlySet<SignalId> = new Set<SignalId>([
  'cors',
  'rate-limiting',
  'security-headers',
  'input-validation',
  'metrics',
  'compression',
  'https-redirect',
]);

/** Languages whose application sites are read; in others an import still stands for use. */
export const WIRING_LANGUAGES: ReadonlySet<ScanLanguage> = new Set<ScanLanguage>([
  'javascript',
  'python',
  'go',
  'elixir',
  'ruby',
]);

export type Reach = 'app' | 'router' | 'route';

export interface Application {
  signal: SignalId;
  library: string;
  path: string;
  line: number;
  excerpt: string;
  /** `app`: every request; `router`: a router, group or prefix; `route`: one route. */
  reach: Reach;
  /** The prefix or route the application is limited to, when the code says. */
  route?: string;
  /** Routes the applying router declares in the same file (for `router.use(limiter)`). */
  routes?: string[];
  /** The name applied when it is not the library's own binding (`loginLimiter`), with where it is defined. */
  via?: { name: string; path: string; line: number };
}

/** A name built from a library (`const loginLimiter = rateLimit(...)`) that its own file never applies. */
export interface PendingName {
  signal: SignalId;
  library: string;
  name: string;
  path: string;
  line: number;
}

/** An application call whose arguments use names imported from elsewhere. */
export interface Site {
  path: string;
  line: number;
  excerpt: string;
  reach: Reach;
  route?: string;
  routes?: string[];
  names: string[];
}

export interface FileWiring {
  applied: Application[];
  pending: PendingName[];
  sites: Site[];
}

export interface ImportHit {
  signal: SignalId;
  library: string;
  /** 1-based line of the import. */
  line: number;
}

const MAX_ARGS = 1500;
const MAX_SITES = 150;
/** Receivers, not middleware: never taken for a name built from a library. */
const NOT_DERIVED = new Set([
  'app',
  'application',
  'router',
  'server',
  'fastify',
  'api',
  'e',
  'r',
  'mux',
  'api_router',
]);
const IDENT = /[A-Za-z_$][\w$]*/g;
const KEYWORDS = new Set([
  'async',
  'await',
  'function',
  'return',
  'new',
  'true',
  'false',
  'null',
  'undefined',
  'const',
  'let',
  'var',
  'this',
  'req',
  'res',
  'next',
  'None',
  'True',
  'False',
  'self',
  'func',
  'nil',
  'string',
]);

/** Local names an import line binds (`rateLimit`, `{ cors as c }`, `from slowapi import Limiter`, Go `httprate`). */
export function importedNames(lines: readonly string[], index: number, language: ScanLanguage): string[] {
  const line = lines[index] ?? '';
  if (language === 'javascript') return jsImportNames(lines, index);
  if (language === 'python') return pythonImportNames(lines, index);
  if (language === 'go') {
    const match = /^\s*(?:import\s+)?(?:([\w.]+)\s+)?"([^"]+)"/.exec(line);
    if (!match) return [];
    if (match[1] && match[1] !== '_' && match[1] !== '.') return [match[1]];
    const segments = (match[2] as string).split('/').filter((segment) => !/^v\d+$/.test(segment));
    const last = (segments.at(-1) ?? '')
      .replace(/^go-/, '')
      .replace(/[.-]v?\d+$/, '')
      .replace(/-/g, '');
    return last ? [last] : [];
  }
  if (language === 'elixir') {
    // `plug CORSPlug`, `use PlugAttack`, `alias Foo.Bar`, or a call `Hammer.check_rate(`.
    const module =
      /\b(?:use|plug|alias|import|require)\s+([A-Z][\w.]*)/.exec(line)?.[1] ??
      /\b([A-Z][\w.]*)\.[a-z_]\w*[\s(]/.exec(line)?.[1];
    return module ? moduleNames(module) : [];
  }
  if (language === 'ruby') return rubyConstants(line);
  return [];
}

/** Catalogue constants a Ruby line names (`Rack::Attack`): what stands for the gem in code. */
function rubyConstants(line: string): string[] {
  const names: string[] = [];
  for (const spec of LIBRARIES) {
    for (const constant of spec.ruby ?? []) {
      const at = line.indexOf(constant);
      if (at < 0 || /[\w:]/.test(line[at - 1] ?? '') || /\w/.test(line[at + constant.length] ?? '')) continue;
      if (!names.includes(constant)) names.push(constant);
    }
  }
  return names;
}

function jsImportNames(lines: readonly string[], index: number): string[] {
  let statement = lines[index] ?? '';
  // `import {\n  a,\n  b,\n} from 'x'`: the names are on the lines above the one naming the module.
  if (/^\s*\}/.test(statement) || (/\bfrom\s*['"]/.test(statement) && !/\bimport\b/.test(statement))) {
    for (let i = index - 1; i >= Math.max(0, index - 40); i--) {
      statement = `${lines[i]} ${statement}`;
      if (/\bimport\b|\b(?:const|let|var)\b/.test(lines[i] ?? '')) break;
    }
  }
  const names: string[] = [];
  const esm = /\bimport\s+(?:type\s+)?(?:([\w$]+)\s*,?\s*)?(?:\*\s*as\s+([\w$]+)|\{([^}]*)\})?\s*from\b/.exec(
    statement,
  );
  if (esm) {
    if (esm[1]) names.push(esm[1]);
    if (esm[2]) names.push(esm[2]);
    if (esm[3]) names.push(...namedList(esm[3], /\s+as\s+/));
  }
  const required = /\b(?:const|let|var)\s+([\w$]+)\s*=\s*(?:await\s+)?(?:require|import)\(/.exec(statement);
  if (required?.[1]) names.push(required[1]);
  const destructured = /\b(?:const|let|var)\s+\{([^}]*)\}\s*=\s*(?:await\s+)?(?:require|import)\(/.exec(
    statement,
  );
  if (destructured?.[1]) names.push(...namedList(destructured[1], /\s*:\s*/));
  return names;
}

/** An Elixir module by its full name and, as `alias` lets code write it, its last segment. */
function moduleNames(module: string): string[] {
  const last = module.split('.').at(-1) as string;
  return last === module ? [module] : [module, last];
}

function namedList(list: string, alias: RegExp): string[] {
  return list
    .split(',')
    .map((part) =>
      (
        part
          .trim()
          .replace(/^type\s+/, '')
          .split(alias)
          .at(-1) ?? ''
      )
        .trim()
        .replace(/\s*=.*$/, ''),
    )
    .filter((name) => /^[\w$]+$/.test(name));
}

function pythonImportNames(lines: readonly string[], index: number): string[] {
  const line = lines[index] ?? '';
  const from = /^\s*from\s+[\w.]+\s+import\s+(.*)$/.exec(line);
  if (from) {
    let list = from[1] as string;
    if (list.trim().startsWith('(') && !list.includes(')')) {
      for (let i = index + 1; i < Math.min(lines.length, index + 40); i++) {
        list += ` ${lines[i]}`;
        if ((lines[i] ?? '').includes(')')) break;
      }
    }
    return namedList(list.replace(/[()\\]/g, ' '), /\s+as\s+/);
  }
  const plain = /^\s*import\s+(.*)$/.exec(line);
  if (!plain) return [];
  return (plain[1] as string).split(',').flatMap((part) => {
    const [module, alias] = part.trim().split(/\s+as\s+/);
    const name = alias ?? module?.split('.')[0];
    return name && /^\w+$/.test(name) ? [name] : [];
  });
}

/** The top-level declaration each line belongs to (`export const corsOptions = …`, `def setup_cors(app):`). */
function enclosingDeclarations(lines: readonly string[], language: ScanLanguage): (string | undefined)[] {
  const start =
    language === 'javascript'
      ? /^(?:export\s+(?:default\s+)?)?(?:async\s+)?(?:function\s*\*?\s*([\w$]+)|(?:const|let|var|class)\s+([\w$]+))/
      : language === 'python'
        ? /^(?:async\s+)?(?:def|class)\s+(\w+)|^(\w+)\s*(?::[^=]+)?=(?!=)/
        : language === 'elixir'
          ? /^defmodule\s+([\w.]+)/
          : /^func\s+(?:\([^)]*\)\s*)?(\w+)|^(?:var|const)\s+(\w+)/;
  let current: string | undefined;
  return lines.map((line) => {
    if (/^\S/.test(line)) {
      const match = start.exec(line);
      current = match ? (match[1] ?? match[2]) : /^[})\]]/.test(line) ? current : undefined;
    }
    return current;
  });
}

/** Where a call's argument list closes: the text between its parentheses, at most MAX_ARGS long. */
function argumentsAt(text: string, open: number): string {
  let depth = 0;
  let quote = '';
  const end = Math.min(text.length, open + MAX_ARGS);
  for (let i = open; i < end; i++) {
    const c = text[i] as string;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'" || c === '`') quote = c;
    else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      depth--;
      if (depth === 0) return text.slice(open + 1, i);
    }
  }
  return text.slice(open + 1, end);
}

interface RawSite {
  index: number;
  args: string;
  reach: Reach;
  route?: string;
  /** Names the call applies besides those in its arguments (`limiter` in `limiter.init_app(app)`). */
  extra?: string[];
  receiver?: string;
}

const FIRST_STRING = /^\s*(?:r|f)?['"`]([^'"`]*)['"`]/;

/** A leading path argument narrows the application; `*` and `/*` do not. */
function leadingRoute(args: string): string | undefined {
  const route = FIRST_STRING.exec(args)?.[1];
  return route?.startsWith('/') && !/^\/?\*$/.test(route) ? route : undefined;
}

/** Matches of `pattern` in `text`, skipped at once when the text holds none of the literals every match needs. */
function scan(
  text: string,
  literals: readonly string[],
  pattern: RegExp,
): IterableIterator<RegExpMatchArray> | [] {
  return literals.some((literal) => text.includes(literal)) ? text.matchAll(pattern) : [];
}

function jsSites(text: string): RawSite[] {
  const sites: RawSite[] = [];
  // `app.use(x)`, and chained `express()\n  .use(x)`.
  for (const match of scan(
    text,
    ['.use(', '.register('],
    /(?:\b([\w$]+(?:\.[\w$]+)*)|^[ \t]*)\.(use|register)\(/gm,
  )) {
    const open = (match.index as number) + match[0].length - 1;
    const args = argumentsAt(text, open);
    const route =
      match[2] === 'use' ? leadingRoute(args) : /\bprefix\s*:\s*['"`](\/[^'"`]*)['"`]/.exec(args)?.[1];
    sites.push({
      index: match.index as number,
      args,
      reach: route ? 'router' : 'app',
      route,
      receiver: match[1],
    });
  }
  for (const match of scan(
    text,
    ['.get(', '.post(', '.put(', '.patch(', '.delete(', '.all(', '.options(', '.head('],
    /\b[\w$]+\.(?:get|post|put|patch|delete|all|options|head)\(\s*(?=['"`])/g,
  )) {
    const open = text.indexOf('(', match.index as number);
    const args = argumentsAt(text, open);
    sites.push({ index: match.index as number, args, reach: 'route', route: leadingRoute(args) });
  }
  // NestJS guards and throttling decorators; `{ provide: APP_GUARD, useClass: ThrottlerGuard }`.
  for (const match of scan(
    text,
    ['@UseGuards(', '@Throttle(', '@UsePipes('],
    /@(?:UseGuards|Throttle|UsePipes)\(/g,
  )) {
    const open = (match.index as number) + match[0].length - 1;
    const name = match[0].slice(1, -1);
    sites.push({
      index: match.index as number,
      args: argumentsAt(text, open),
      reach: 'router',
      extra: [name],
    });
  }
  for (const match of scan(
    text,
    ['APP_'],
    /\bprovide\s*:\s*APP_(?:GUARD|PIPE)\s*,\s*useClass\s*:\s*([\w$]+)/g,
  ))
    sites.push({ index: match.index as number, args: match[1] as string, reach: 'app' });
  // Schemas applied to input: `userSchema.parse(req.body)`, `validate(dto)`.
  for (const match of scan(
    text,
    ['arse', 'alidate'],
    /\b([\w$]+)(?:\.[\w$]+)*\.(?:parse|safeParse|parseAsync|safeParseAsync|validate|validateAsync|validateSync)\(|\b(validate|validateOrReject|validateSync)\(/g,
  ))
    sites.push({
      index: match.index as number,
      args: '',
      reach: 'route',
      extra: [(match[1] ?? match[2]) as string],
    });
  // `useGlobalPipes(new ValidationPipe())`, `configureSecurity(app)`: a function handed the app.
  for (const match of scan(
    text,
    ['useGlobal', '(app', '(server', '(fastify', '( app'],
    /\buseGlobal(?:Pipes|Guards)\(|\b([\w$]+)\(\s*(?:app|server|fastify)\s*[,)]/g,
  )) {
    const open = text.indexOf('(', match.index as number);
    sites.push({
      index: match.index as number,
      args: argumentsAt(text, open),
      reach: 'app',
      extra: match[1] ? [match[1]] : undefined,
    });
  }
  return sites;
}

function pythonSites(text: string): RawSite[] {
  const sites: RawSite[] = [];
  for (const match of text.matchAll(/\.add_middleware\(|\bMiddleware\(/g)) {
    const open = text.indexOf('(', match.index as number);
    sites.push({ index: match.index as number, args: argumentsAt(text, open), reach: 'app' });
  }
  for (const match of text.matchAll(/\b(\w+)\.init_app\(/g)) {
    const open = (match.index as number) + match[0].length - 1;
    sites.push({
      index: match.index as number,
      args: argumentsAt(text, open),
      reach: 'app',
      extra: [match[1] as string],
    });
  }
  // Flask extensions bound to the app in their constructor: `CORS(app)`, `Limiter(key, app=app)`, `setup_cors(app)`.
  for (const match of text.matchAll(/\b([A-Za-z_]\w*)\(/g)) {
    const open = (match.index as number) + match[0].length - 1;
    if (
      !/^\(\s*(?:app|application|flask_app|server)\s*[,)]|\bapp\s*=\s*\w/.test(text.slice(open, open + 200))
    )
      continue;
    const args = argumentsAt(text, open);
    if (/^\s*(?:app|application|flask_app|server)\s*(?:[,)]|$)|\bapp\s*=\s*\w/.test(args))
      sites.push({ index: match.index as number, args: '', reach: 'app', extra: [match[1] as string] });
  }
  // Decorators on a view: `@limiter.limit("5/minute")`, `@ratelimit(key="ip")`, with the view's route.
  for (const match of text.matchAll(/^[ \t]*@([\w.]+)/gm)) {
    const name = (match[1] as string).split('.')[0] as string;
    if (/^(?:app|router|bp|blueprint|api)$/.test(name)) continue;
    const around = text.slice(Math.max(0, (match.index as number) - 300), (match.index as number) + 300);
    const route = /@\w+\.(?:route|get|post|put|patch|delete|api_route)\(\s*['"](\/[^'"]*)['"]/.exec(
      around,
    )?.[1];
    sites.push({ index: match.index as number, args: '', reach: 'route', route, extra: [name] });
  }
  for (const match of text.matchAll(/\bDepends\(/g)) {
    const open = (match.index as number) + match[0].length - 1;
    sites.push({ index: match.index as number, args: argumentsAt(text, open), reach: 'route' });
  }
  return sites;
}

/** Phoenix and Plug: `plug X` in the endpoint reaches every request, in a router pipeline its scopes. */
function elixirSites(text: string, path: string): RawSite[] {
  const sites: RawSite[] = [];
  for (const match of scan(text, ['plug'], /^[ \t]*plug\s+([A-Z][\w.]*)/gm)) {
    sites.push({
      index: match.index as number,
      args: '',
      reach: /(^|\/)endpoint\.ex$/.test(path) ? 'app' : 'router',
      extra: moduleNames(match[1] as string),
    });
  }
  return sites;
}

/**
 * Rack middleware stacks: `use Rack::Attack` (Sinatra, config.ru, Grape) and Rails
 * `config.middleware.use|insert_before 0, Rack::Cors` reach every request of the app.
 */
function rubySites(text: string): RawSite[] {
  const sites: RawSite[] = [];
  for (const match of scan(
    text,
    ['use', 'insert'],
    /^[ \t]*(?:[\w.]*middleware\.)?(?:use|insert_before|insert_after|insert)\b[ \t(]+([^\n]*)/gm,
  )) {
    const constants = (match[1] as string).match(/(?<![\w:])[A-Z]\w*(?:::[A-Z]\w*)*/g) ?? [];
    if (constants.length)
      sites.push({ index: match.index as number, args: '', reach: 'app', extra: constants.slice(0, 3) });
  }
  return sites;
}

function goSites(text: string): RawSite[] {
  const sites: RawSite[] = [];
  for (const match of text.matchAll(/\b([\w.]+)\.Use\(/g)) {
    const open = (match.index as number) + match[0].length - 1;
    sites.push({
      index: match.index as number,
      args: argumentsAt(text, open),
      reach: 'app',
      receiver: match[1],
    });
  }
  for (const match of text.matchAll(
    /\b[\w.]+\.(?:GET|POST|PUT|PATCH|DELETE|Any|Handle|HandleFunc|Get|Post|Put|Patch|Delete|Group|Route|With)\(/g,
  )) {
    const open = (match.index as number) + match[0].length - 1;
    const args = argumentsAt(text, open);
    const route = leadingRoute(args.replace(/^\s*"[A-Z]+ /, '"'));
    sites.push({
      index: match.index as number,
      args,
      reach: /\.(?:Group|Route)\($/.test(match[0]) ? 'router' : 'route',
      route,
    });
  }
  for (const match of text.matchAll(/\bListenAndServe(?:TLS)?\(|\bHandler\s*:\s*|\.Handler\(/g)) {
    const start = match.index as number;
    const lineStart = text.lastIndexOf('\n', start) + 1;
    const lineEnd = text.indexOf('\n', start);
    sites.push({
      index: start,
      args: text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd),
      reach: 'app',
    });
  }
  return sites;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function lineAt(starts: readonly number[], index: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((starts[mid] as number) <= index) low = mid;
    else high = mid - 1;
  }
  return low + 1;
}

function identifiers(text: string): string[] {
  return [...new Set(text.match(IDENT) ?? [])].filter((name) => !KEYWORDS.has(name));
}

/** Routers declared in the file and the routes each declares (`const admin = Router()`, `admin.get('/x')`). */
function routersOf(text: string, language: ScanLanguage): Map<string, { prefix?: string; routes: string[] }> {
  const routers = new Map<string, { prefix?: string; routes: string[] }>();
  const declare =
    language === 'javascript'
      ? /\b([\w$]+)\s*=\s*(?:express\.)?Router\(/g
      : language === 'python'
        ? /\b(\w+)\s*=\s*(?:APIRouter|Blueprint)\(([^)]*)/g
        : /\b(\w+)\s*:?=\s*[\w.]+\.(?:Group|Route)\(\s*"([^"]*)"/g;
  for (const match of text.matchAll(declare)) {
    const name = (match[1] ?? match[2]) as string;
    const prefix =
      language === 'python'
        ? /prefix\s*=\s*['"]([^'"]*)['"]/.exec(match[2] ?? '')?.[1]
        : language === 'go'
          ? match[2]
          : undefined;
    routers.set(name, { prefix, routes: [] });
  }
  for (const [name, router] of routers) {
    const escaped = name.replace(/\$/g, '\\$');
    const route = new RegExp(
      `\\b${escaped}\\.(?:get|post|put|patch|delete|all|route|GET|POST|PUT|PATCH|DELETE)\\(\\s*['"\`](\\/[^'"\`]*)`,
      'g',
    );
    for (const match of text.matchAll(route))
      if (router.routes.length < 30) router.routes.push(match[1] as string);
  }
  return routers;
}

/**
 * Applications of the libraries `imports` brings into this file, names built from them that the
 * file leaves unapplied, and application calls using imported names (for linking across files).
 */
export function findWiring(
  path: string,
  lines: readonly string[],
  language: ScanLanguage,
  imports: readonly ImportHit[],
): FileWiring {
  const out: FileWiring = { applied: [], pending: [], sites: [] };
  if (!WIRING_LANGUAGES.has(language)) return out;
  const text = lines.join('\n');
  const raw =
    language === 'javascript'
      ? jsSites(text)
      : language === 'python'
        ? pythonSites(text)
        : language === 'elixir'
          ? elixirSites(text, path)
          : language === 'ruby'
            ? rubySites(text)
            : goSites(text);
  if (!raw.length && !imports.length) return out;
  const starts = lineStarts(text);
  const routers = routersOf(text, language);
  // Elixir's "imports" include calls (`Hammer.check_rate(`) whose enclosing module is what gets plugged.
  // Ruby's "imports" are the constants themselves, often on the `use` line that applies them.
  const importLines = new Set(
    language === 'elixir' || language === 'ruby' ? [] : imports.map((hit) => hit.line - 1),
  );
  const allImported = new Set<string>();
  // Names the file imports at all (any module): only those can carry another file's middleware in.
  // Go names another package's middleware by its exported (capitalised) name instead.
  if (raw.length && language !== 'go' && language !== 'elixir' && language !== 'ruby') {
    lines.forEach((line, index) => {
      if (/^\s*(?:import\b|from\s+[\w.]+\s+import\b|\}\s*from\s*["'])|\brequire\(/.test(line))
        for (const name of importedNames(lines, index, language)) allImported.add(name);
    });
  }
  const enclosing = imports.length && language !== 'ruby' ? enclosingDeclarations(lines, language) : [];
  // Names standing for each imported library: its bindings, then what is built from them, twice over.
  const known = new Map<string, { hit: ImportHit; line: number }>();
  const bindings = new Set<string>();
  for (const hit of imports) {
    for (const name of importedNames(lines, hit.line - 1, language)) {
      known.set(name, { hit, line: hit.line });
      bindings.add(name);
    }
  }
  // Variables assigned inside a function (`const ip = ipKeyGenerator(req)`) may be applied in that
  // function, but nothing else can import them and they stand for nothing beyond their line.
  const locals = new Set<string>();
  const firstUse = new Map<ImportHit, number>();
  for (let round = 0; round < 2 && known.size; round++) {
    const seeds = [...known.keys()].filter((name) => !locals.has(name));
    // A name used as an object key (`ip: req.ip`) is not a use of the variable.
    const pattern = new RegExp(
      `(?<![\\w$.])(${seeds.map((n) => n.replace(/[$.]/g, '\\$&')).join('|')})\\b(?!\\s*:(?![:=]))`,
    );
    lines.forEach((line, index) => {
      if (importLines.has(index)) return;
      const match = pattern.exec(line);
      if (!match) return;
      const source = known.get(match[1] as string) as { hit: ImportHit; line: number };
      if (!firstUse.has(source.hit)) firstUse.set(source.hit, index + 1);
      const assigned =
        /^\s*(?:export\s+)?(?:const|let|var)\s+([\w$]+)\s*=|^\s*([\w$]+)\s*:?=(?!=)|^\s*(?:self\.)?(\w+)\s*=(?!=)/.exec(
          line,
        );
      const variable = assigned?.[1] ?? assigned?.[2] ?? assigned?.[3];
      const within = enclosing[index];
      // An Elixir module is plugged by its full name or, once aliased, by its last segment.
      const names = language === 'elixir' && within ? moduleNames(within) : [within];
      for (const name of [variable, ...names]) {
        if (!name || known.has(name) || KEYWORDS.has(name) || NOT_DERIVED.has(name)) continue;
        known.set(name, { hit: source.hit, line: index + 1 });
        if (name === variable && /^\s/.test(line)) locals.add(name);
      }
    });
  }
  const appliedNames = new Set<string>();
  for (const site of raw.slice(0, 400)) {
    const line = lineAt(starts, site.index);
    const names = [...(site.extra ?? []), ...identifiers(site.args)];
    const router = site.receiver ? routers.get(site.receiver.split('.')[0] as string) : undefined;
    let { reach, route } = site;
    const routes = router?.routes.length ? router.routes.slice(0, 30) : undefined;
    if (router && reach === 'app') {
      reach = 'router';
      route = router.prefix;
    }
    const excerpt = (lines[line - 1] ?? '').trim().slice(0, 160);
    const local = names.filter((name) => known.has(name));
    for (const name of local) {
      const { hit, line: defined } = known.get(name) as { hit: ImportHit; line: number };
      appliedNames.add(name);
      if (out.applied.some((a) => a.line === line && a.library === hit.library)) continue;
      const application: Application = {
        signal: hit.signal,
        library: hit.library,
        path,
        line,
        excerpt,
        reach,
      };
      if (route) application.route = route;
      if (routes) application.routes = routes;
      if (defined !== hit.line || !importedNames(lines, hit.line - 1, language).includes(name))
        application.via = { name, path, line: defined };
      out.applied.push(application);
    }
    const foreign = names.filter(
      (name) =>
        !known.has(name) &&
        (language === 'go' || language === 'elixir' || language === 'ruby'
          ? /^[A-Z]/.test(name)
          : allImported.has(name)),
    );
    if (foreign.length && out.sites.length < MAX_SITES) {
      const entry: Site = { path, line, excerpt, reach, names: foreign.slice(0, 20) };
      if (route) entry.route = route;
      if (routes) entry.routes = routes;
      out.sites.push(entry);
    }
  }
  // Python and Go validate by declaring models and tags the framework applies (pydantic
  // models in FastAPI signatures, binding tags): used beyond the import is applied.
  for (const hit of imports) {
    const line = firstUse.get(hit);
    if (hit.signal !== 'input-validation' || language === 'javascript' || !line) continue;
    if (out.applied.some((a) => a.library === hit.library)) continue;
    const excerpt = (lines[line - 1] ?? '').trim().slice(0, 160);
    out.applied.push({ signal: hit.signal, library: hit.library, path, line, excerpt, reach: 'app' });
  }
  // Built here, applied elsewhere (or nowhere): kept for linking, one per name.
  for (const [name, { hit, line }] of known) {
    if (appliedNames.has(name) || bindings.has(name) || locals.has(name)) continue;
    if (out.pending.length < MAX_SITES)
      out.pending.push({ signal: hit.signal, library: hit.library, name, path, line });
  }
  return out;
}

/**
 * Spring: a servlet filter declared as a bean (`@Component class X implements Filter`,
 * `extends OncePerRequestFilter`) is applied to every request by the framework. Paths the filter
 * tests (`path.startsWith("/api/auth/login")`) narrow it to those routes.
 */
export function springFilterApplications(
  path: string,
  lines: readonly string[],
  imports: readonly ImportHit[],
): Application[] {
  if (!imports.length) return [];
  const text = lines.join('\n');
  if (!/@Component\b/.test(text)) return [];
  const index = lines.findIndex((line) =>
    /\bclass\s+\w+\s+(?:extends\s+(?:OncePerRequestFilter|GenericFilterBean)|implements\s+(?:[\w.]+\s*,\s*)*(?:jakarta\.servlet\.|javax\.servlet\.)?Filter)\b/.test(
      line,
    ),
  );
  if (index < 0) return [];
  const routes = [...text.matchAll(/"(\/[\w/.{}*-]*)"/g)].map((match) => match[1] as string).slice(0, 30);
  const excerpt = (lines[index] ?? '').trim().slice(0, 160);
  const seen = new Set<string>();
  return imports.flatMap((hit) => {
    if (seen.has(hit.library)) return [];
    seen.add(hit.library);
    const application: Application = {
      signal: hit.signal,
      library: hit.library,
      path,
      line: index + 1,
      excerpt,
      reach: routes.length ? 'router' : 'app',
    };
    if (routes.length) application.routes = routes;
    return [application];
  });
}

/** Applications of names built in one file and applied in another (Go: the same package, by name). */
export function linkApplications(pending: readonly PendingName[], sites: readonly Site[]): Application[] {
  const byName = new Map<string, PendingName[]>();
  for (const name of pending) byName.set(name.name, [...(byName.get(name.name) ?? []), name]);
  const linked: Application[] = [];
  for (const site of sites) {
    for (const name of site.names) {
      for (const origin of byName.get(name) ?? []) {
        if (origin.path === site.path) continue;
        if (linked.some((a) => a.path === site.path && a.line === site.line && a.library === origin.library))
          continue;
        const application: Application = {
          signal: origin.signal,
          library: origin.library,
          path: site.path,
          line: site.line,
          excerpt: site.excerpt,
          reach: site.reach,
          via: { name, path: origin.path, line: origin.line },
        };
        if (site.route) application.route = site.route;
        if (site.routes) application.routes = site.routes;
        linked.push(application);
      }
    }
  }
  return linked;
}
