// HTTP routes declared in code, the web frameworks in use, and prefix mounts (best effort), in one
// pass per source file. Frameworks: Express/Fastify/Koa/Hono, NestJS, Next.js file routes, Go
// net/http/gin/echo/chi/mux, Flask, FastAPI, Django, Plug/Phoenix, Spring, Sinatra and Rails
// (route helpers only: Ruby routes are read in part, so their absence proves nothing).

import type { Collector, RepoView } from '../evidence.js';
import { canonicalRoute } from '../extract/routes.js';
import { withoutComments } from '../formats/comments.js';
import { folderOf } from '../formats/paths.js';
import { filesToScan, isTestPath, MAX_SOURCE_LINE } from '../formats/source-files.js';
import { actuatorRoutes } from './http-routes/spring-actuator.js';

export interface CodeLocation {
  path: string;
  line: number;
  excerpt: string;
}

export interface RouteDeclaration extends CodeLocation {
  /** Upper-case method; undefined for any-method routes and mounts of handlers. */
  method?: string;
  /** Full path as far as the file itself tells (router prefixes in the same file applied). */
  route: string;
  /** canonicalRoute(route). */
  canonical: string;
  /** Variable the route is declared on (`router` in `router.get(...)`), for resolving mounts. */
  owner?: string;
  /** NestJS controller class the route belongs to (served only when a module lists it). */
  controller?: string;
  /** Ruby method whose body declares the route (`def health_routes`): served only once something calls it. */
  definedIn?: string;
}

export interface Mount extends CodeLocation {
  prefix: string;
  /** Identifier mounted (`apiRouter` in `app.use('/api', apiRouter)`). */
  target: string;
}

export interface HttpRoutes {
  routes: RouteDeclaration[];
  mounts: Mount[];
  /** Import bindings per file: local name → module specifier. */
  imports: Map<string, Map<string, string>>;
  /** Global prefixes (`app.setGlobalPrefix('api')`). */
  globalPrefixes: (CodeLocation & { prefix: string })[];
  /** `partial`: the framework declares routes in ways not read here (Rails `resources`), so a route not found may still exist. */
  frameworks: (CodeLocation & { name: string; partial?: boolean })[];
  /** Libraries that serve routes without a route declaration in code (metrics exporters, actuator). */
  implicit: (CodeLocation & { name: string; serves: RegExp })[];
  /** Quoted strings in code that look like routes, by canonical form (`'/metrics'` in an options object). */
  literals: Map<string, CodeLocation>;
  /** Routers declared (`const router = Router()`, `router = APIRouter()`, `bp = Blueprint(...)`): served only when mounted. */
  routers: (CodeLocation & { name: string })[];
  /** Modules each file imports: relative specifiers (JavaScript) and dotted module names (Python). */
  fileImports: Map<string, string[]>;
  /** NestJS controller classes some module lists in `controllers: [...]`. */
  nestListed: Set<string>;
  /** Ruby methods called as a statement of their own (`health_routes`), by name: what makes a route in a method reachable. */
  rubyCalls: Map<string, CodeLocation>;
}

const FRAMEWORKS: { name: string; language: string; pattern: RegExp; partial?: boolean }[] = [
  { name: 'Express', language: 'javascript', pattern: /(?:from\s+|require\(\s*)['"]express['"]/ },
  { name: 'Fastify', language: 'javascript', pattern: /(?:from\s+|require\(\s*)['"]fastify['"]/ },
  {
    name: 'Koa',
    language: 'javascript',
    pattern: /(?:from\s+|require\(\s*)['"](?:koa|@koa\/router|koa-router)['"]/,
  },
  { name: 'Hono', language: 'javascript', pattern: /(?:from\s+|require\(\s*)['"]hono['"]/ },
  { name: 'NestJS', language: 'javascript', pattern: /from\s+['"]@nestjs\/(?:common|core)['"]/ },
  { name: 'Next.js', language: 'javascript', pattern: /from\s+['"]next\/server['"]|NextApiRequest/ },
  { name: 'Go net/http', language: 'go', pattern: /"net\/http"/ },
  { name: 'Gin', language: 'go', pattern: /"github\.com\/gin-gonic\/gin"/ },
  { name: 'Echo', language: 'go', pattern: /"github\.com\/labstack\/echo/ },
  { name: 'chi', language: 'go', pattern: /"github\.com\/go-chi\/chi/ },
  { name: 'Fiber', language: 'go', pattern: /"github\.com\/gofiber\/fiber/ },
  { name: 'Flask', language: 'python', pattern: /^\s*(?:from\s+flask\s+import|import\s+flask)\b/ },
  { name: 'FastAPI', language: 'python', pattern: /^\s*from\s+fastapi\s+import\b/ },
  { name: 'Django', language: 'python', pattern: /^\s*from\s+django\.urls\s+import\b/ },
  { name: 'Plug', language: 'elixir', pattern: /\buse\s+(?:Plug\.Router|Phoenix\.Router)\b/ },
  { name: 'Spring', language: 'jvm', pattern: /@(?:RestController|Controller)\b|@SpringBootApplication\b/ },
  {
    name: 'Sinatra',
    language: 'ruby',
    pattern: /\brequire\s*\(?\s*["']sinatra(?:\/base)?["']|<\s*Sinatra::(?:Base|Application)\b/,
    partial: true,
  },
  { name: 'Rails', language: 'ruby', pattern: /\.routes\.draw\b/, partial: true },
];
const IMPLICIT: { name: string; pattern: RegExp; serves: RegExp }[] = [
  { name: 'express-prom-bundle', pattern: /['"]express-prom-bundle['"]/, serves: /^\/metrics$/ },
  { name: 'fastify-metrics', pattern: /['"]fastify-metrics['"]/, serves: /^\/metrics$/ },
  { name: 'PromEx', pattern: /\bPromEx\.Plug\b/, serves: /^\/metrics$/ },
  { name: 'Prometheus.PlugExporter', pattern: /\bPrometheus\.PlugExporter\b/, serves: /^\/metrics$/ },
  { name: 'prometheus-fastapi-instrumentator', pattern: /\bInstrumentator\(/, serves: /^\/metrics$/ },
  { name: 'django-prometheus', pattern: /django_prometheus/, serves: /^\/metrics$/ },
  { name: 'Spring Boot Actuator', pattern: /@SpringBootApplication\b/, serves: /^\/actuator(\/|$)/ },
  { name: 'terminus', pattern: /['"]@godaddy\/terminus['"]/, serves: /health|ready|live/ },
  {
    name: 'Prometheus::Middleware::Exporter',
    pattern: /\bPrometheus::Middleware::Exporter\b/,
    serves: /^\/metrics$/,
  },
];

const Q = `['"\`]`;
const JS_ROUTE = new RegExp(
  `\\b(\\w+)\\.(get|post|put|patch|delete|all|head|options)\\(\\s*${Q}(\\/[^'"\`]*)${Q}`,
  'gi',
);
const JS_MOUNT = new RegExp(
  `\\b\\w+\\.(?:use|route)\\(\\s*${Q}(\\/[^'"\`]*)${Q}\\s*,\\s*(?:[\\w.]+\\([^)]*\\)\\s*,\\s*)*([\\w.]+)`,
  'g',
);
/** `app.use(router)`: a router mounted at the root. */
const JS_BARE_MOUNT = /\b\w+\.use\(\s*([\w.]+)\s*\)/g;
const JS_ROUTER =
  /\b(?:const|let|var)\s+(\w+)\s*=\s*(?:express\.)?Router\(|\b(?:const|let|var)\s+(\w+)\s*=\s*new\s+(?:Koa)?Router\(/;
const JS_MODULE_SPEC = /(?:\bfrom\s*|\brequire\(\s*|\bimport\(\s*|^\s*import\s+)['"](\.[^'"]+)['"]/g;
const PY_ROUTER = /^\s*(\w+)\s*=\s*(?:APIRouter|Blueprint)\(/;
const PY_FROM_IMPORT = /^\s*from\s+([\w.]+)\s+import\s+\(?([\w\s,]+)/;
const PY_IMPORT = /^\s*import\s+([\w.]+)/;
const PY_BARE_INCLUDE = /\.(?:include_router|register_blueprint)\(\s*([\w.]+?)(?:\.router)?\s*[,)]/g;
const NEST_LISTED = /\bcontrollers\s*:\s*\[([^\]]*)\]/g;
const JS_REGISTER = new RegExp(
  `\\.register\\(\\s*(\\w+)\\s*,\\s*\\{[^}]*prefix\\s*:\\s*${Q}(\\/[^'"\`]*)${Q}`,
  'g',
);
const JS_URL = new RegExp(`\\burl\\s*:\\s*${Q}(\\/[^'"\`]*)${Q}`, 'g');
const NEST_CONTROLLER = new RegExp(`@Controller\\(\\s*(?:${Q}([^'"\`]*)${Q})?`);
const NEST_ROUTE = new RegExp(
  `@(Get|Post|Put|Patch|Delete|All|Head)\\(\\s*(?:${Q}([^'"\`]*)${Q})?\\s*\\)`,
  'g',
);
const GLOBAL_PREFIX = new RegExp(`setGlobalPrefix\\(\\s*${Q}([^'"\`]+)${Q}`);
const IMPORT =
  /import\s+(?:(\w+)|\*\s+as\s+(\w+)|\{([^}]*)\})\s+from\s+['"]([^'"]+)['"]|(?:const|let|var)\s+(\w+)\s*=\s*require\(\s*['"]([^'"]+)['"]/g;
const GO_HANDLE = /\.(?:HandleFunc|Handle)\(\s*"((?:[A-Z]+\s+)?\/[^"]*)"/g;
const GO_ROUTE =
  /\b(\w+)\.(GET|POST|PUT|PATCH|DELETE|Get|Post|Put|Patch|Delete|Any|Head|Options)\(\s*"(\/[^"]*)"/g;
const GO_GROUP = /\b(\w+)\s*:?=\s*(\w+)\.(?:Group|Route)\(\s*"(\/[^"]*)"/;
const PY_ROUTE = /@(\w+)\.(route|get|post|put|patch|delete|api_route)\(\s*['"](\/[^'"]*)['"]/g;
const PY_ROUTER_PREFIX = /(\w+)\s*=\s*(?:APIRouter|Blueprint)\([^)]*?(?:url_)?prefix\s*=\s*['"]([^'"]*)['"]/;
const PY_INCLUDE =
  /\.(?:include_router|register_blueprint)\(\s*([\w.]+?)(?:\.router)?\s*,[^)]*?(?:url_)?prefix\s*=\s*['"]([^'"]*)['"]/g;
const DJANGO_PATH = /\b(?:re_)?path\(\s*r?['"]\^?([^'"$]*)\$?['"]\s*,\s*(include\()?/g;
const ELIXIR_ROUTE = /^\s*(get|post|put|patch|delete|head|options|forward|match\s+:\w+,)\s*\(?\s*"(\/[^"]*)"/;
const ELIXIR_SCOPE = /^\s*scope\s*\(?\s*"(\/[^"]*)".*\bdo\s*$/;
const SPRING_MAPPING =
  /@(Get|Post|Put|Patch|Delete|Request)Mapping\(\s*(?:(?:value|path)\s*=\s*)?\{?\s*"([^"]*)"/;
const SPRING_BARE_MAPPING = /@(Get|Post|Put|Patch|Delete)Mapping\s*(?:\(\s*\))?\s*$/;
/** Sinatra `get "/health" do` and Rails `get "up" => "rails/health#show"`, `get "/x", to: "a#b"`. */
const RUBY_ROUTE = /^\s*(get|post|put|patch|delete|options|head|match)\s*\(?\s*["']([^"'\s]*)["']\s*(.*)$/;
/** Sinatra `namespace "/api" do`, Rails `namespace :api do`, `scope "/v1" do`, `scope path: "/v1" do`. */
const RUBY_SCOPE =
  /^\s*(?:namespace\s*\(?\s*(?:["'](\/?[^"']*)["']|:(\w+))|scope\s*\(?\s*(?:path:\s*)?["'](\/?[^"']*)["'])[^#]*\bdo\b/;
const RUBY_DEF = /^\s*def\s+(?:self\.)?([a-z_]\w*[!?]?)/;
/** A method called as a statement of its own: `health_routes`, `register_routes(app)`. */
const RUBY_CALL = /^\s*([a-z_]\w*[!?]?)\s*(?:\(.*\))?\s*$/;
const RUBY_NOT_CALLS = new Set([
  'end',
  'else',
  'begin',
  'ensure',
  'rescue',
  'private',
  'protected',
  'public',
  'retry',
  'return',
  'next',
  'break',
  'redo',
  'super',
  'yield',
  'then',
]);
const ROUTE_LITERAL = /['"`](\/[a-z][\w.-]*(?:\/[\w.:{}-]+)*)['"`]/g;
/**
 * Whatever a route, mount, framework import or route-serving library needs to appear, per
 * language. A file this does not match declares no route, so its lines are never visited.
 */
const MAY_DECLARE: Record<string, RegExp> = {
  javascript:
    /['"`]\/|@(?:Get|Post|Put|Patch|Delete|All|Head|Controller)\(|setGlobalPrefix|express|fastify|koa|hono|@nestjs|next\/server|NextApiRequest|terminus/,
  go: /"\/|"[A-Z]+ \/|net\/http|gin-gonic|labstack|go-chi|gofiber/,
  python: /['"]\/|\b(?:re_)?path\(|\burl\(|flask|fastapi|django|Instrumentator|APIRouter|Blueprint/,
  elixir: /"\/|Plug|Phoenix|PromEx|Prometheus/,
  ruby: /["']\/|sinatra|Sinatra|routes\.draw|Prometheus::Middleware|\bdef\s/,
  jvm: /"\/|Mapping|@RestController|@Controller|@SpringBootApplication/,
};
const NEXT_APP_ROUTE = /(?:^|\/)app\/(.*?)\/?route\.(?:ts|js|tsx|jsx|mjs)$/;
const NEXT_PAGES_API = /(?:^|\/)pages\/(api(?:\/.*?)?)(?:\/index)?\.(?:ts|js|tsx|jsx|mjs)$/;
/** File-based pages: Next.js app/<route>/page.tsx and pages/<route>.tsx, SvelteKit routes/<route>/+page.svelte, Nuxt pages/<route>.vue. */
const PAGE_FILES: readonly [RegExp, string][] = [
  [/(?:^|\/)app\/(.*?)\/?page\.(?:tsx|jsx|ts|js)$/, 'Next.js'],
  [/(?:^|\/)pages\/(?!api\/)((?:[^/_][^/]*\/)*?)(?:index|([^/_][^/]*?))\.(?:tsx|jsx)$/, 'Next.js'],
  [/(?:^|\/)src\/routes\/(.*?)\/?\+page\.svelte$/, 'SvelteKit'],
  [/(?:^|\/)pages\/((?:[^/_][^/]*\/)*?)(?:index|([^/_][^/]*?))\.vue$/, 'Nuxt'],
];
/** A `pages/` folder is a router only in a project of that framework, known by its config file. */
const FRAMEWORK_CONFIG: Record<string, RegExp> = {
  'Next.js': /(?:^|\/)next\.config\.(?:js|mjs|cjs|ts)$/,
  SvelteKit: /(?:^|\/)svelte\.config\.(?:js|mjs|ts)$/,
  Nuxt: /(?:^|\/)nuxt\.config\.(?:js|mjs|ts)$/,
};

export const httpRoutesCollector: Collector<HttpRoutes> = {
  id: 'http-routes',
  async collect(repo: RepoView): Promise<HttpRoutes> {
    const out = emptyRoutes();
    const code = filesToScan(repo).filter(({ target }) => target.kind === 'code');
    // Scanned into a fresh result per file, kept so a PR's base reuses it for unchanged files.
    const found = await repo.perFiles(
      'http-routes',
      code.map(({ path }) => path),
      (text, index) => {
        const { path, target } = code[index] as (typeof code)[number];
        const file = emptyRoutes();
        scanFile(path, text, target.language, file);
        return isEmpty(file) ? NO_ROUTES : file;
      },
    );
    const configs = Object.entries(FRAMEWORK_CONFIG).flatMap(([framework, pattern]) =>
      repo.files.filter((file) => pattern.test(file)).map((file) => ({ framework, folder: folderOf(file) })),
    );
    code.forEach(({ path }, index) => {
      nextFileRoute(path, out);
      pageFileRoute(path, out, configs);
      const file = found[index];
      if (file) merge(out, file);
    });
    out.routes.push(...(await actuatorRoutes(repo)));
    return out;
  },
};

function emptyRoutes(): HttpRoutes {
  return {
    routes: [],
    mounts: [],
    imports: new Map(),
    globalPrefixes: [],
    frameworks: [],
    implicit: [],
    literals: new Map(),
    routers: [],
    fileImports: new Map(),
    nestListed: new Set(),
    rubyCalls: new Map(),
  };
}

/** Shared by the many files that declare nothing, so a PR check's memo stays small. Never written to. */
const NO_ROUTES = emptyRoutes();

function isEmpty(file: HttpRoutes): boolean {
  return (
    !file.routes.length &&
    !file.mounts.length &&
    !file.imports.size &&
    !file.globalPrefixes.length &&
    !file.frameworks.length &&
    !file.implicit.length &&
    !file.literals.size &&
    !file.routers.length &&
    !file.fileImports.size &&
    !file.nestListed.size &&
    !file.rubyCalls.size
  );
}

/** Adds one file's findings; the first file to show a framework, provider or literal is the one named. */
function merge(out: HttpRoutes, file: HttpRoutes): void {
  out.routes.push(...file.routes);
  out.mounts.push(...file.mounts);
  out.globalPrefixes.push(...file.globalPrefixes);
  out.routers.push(...file.routers);
  for (const [path, specs] of file.fileImports) out.fileImports.set(path, specs);
  for (const name of file.nestListed) out.nestListed.add(name);
  for (const [name, at] of file.rubyCalls) if (!out.rubyCalls.has(name)) out.rubyCalls.set(name, at);
  for (const [path, bindings] of file.imports) out.imports.set(path, bindings);
  for (const framework of file.frameworks) {
    if (!out.frameworks.some((known) => known.name === framework.name)) out.frameworks.push(framework);
  }
  for (const provider of file.implicit) {
    if (!out.implicit.some((known) => known.name === provider.name)) out.implicit.push(provider);
  }
  for (const [canonical, at] of file.literals)
    if (!out.literals.has(canonical)) out.literals.set(canonical, at);
}

function pageFileRoute(
  path: string,
  out: HttpRoutes,
  configs: { framework: string; folder: string }[],
): void {
  for (const [pattern, framework] of PAGE_FILES) {
    const found = pattern.exec(path);
    if (!found) continue;
    // The page must sit in the project whose config names the framework (apps/web/next.config.mjs).
    const project = configs.find(
      (config) =>
        config.framework === framework && (config.folder === '' || path.startsWith(`${config.folder}/`)),
    );
    if (!project) continue;
    const raw = `${found[1] ?? ''}${found[2] ?? ''}`;
    const route = `/${raw
      .split('/')
      .filter((segment) => segment && !/^\(.*\)$/.test(segment) && !segment.startsWith('@'))
      .join('/')}`;
    out.routes.push({ route, canonical: canonicalRoute(route), path, line: 1, excerpt: path });
    if (!out.frameworks.some((known) => known.name === framework))
      out.frameworks.push({ name: framework, path, line: 1, excerpt: path });
    return;
  }
}

function nextFileRoute(path: string, out: HttpRoutes): void {
  const app = NEXT_APP_ROUTE.exec(path);
  const pages = app ? undefined : NEXT_PAGES_API.exec(path);
  const raw = app ? app[1] : pages?.[1];
  if (raw === undefined) return;
  // Route groups `(marketing)` and parallel routes `@modal` are not part of the URL.
  const route = `/${raw
    .split('/')
    .filter((segment) => segment && !/^\(.*\)$/.test(segment) && !segment.startsWith('@'))
    .join('/')}`;
  out.routes.push({ route, canonical: canonicalRoute(route), path, line: 1, excerpt: path });
  if (!out.frameworks.some((framework) => framework.name === 'Next.js')) {
    out.frameworks.push({ name: 'Next.js', path, line: 1, excerpt: path });
  }
}

interface FileState {
  path: string;
  language: string;
  prefixes: Map<string, string>;
  nestController?: string;
  /** Class name of the NestJS controller being read. */
  nestClass?: string;
  springClassPrefix?: string;
  seenClass: boolean;
  elixirScopes: { prefix: string; depth: number }[];
  elixirDepth: number;
  /** Ruby blocks read by indentation (RuboCop-shaped code): scopes and the method being defined. */
  rubyScopes: { prefix: string; indent: number }[];
  rubyDef?: { name: string; indent: number };
}

function scanFile(path: string, text: string, language: string, out: HttpRoutes): void {
  if (MAY_DECLARE[language] && !MAY_DECLARE[language].test(text)) return;
  const raw = text.split(/\r\n|\r|\n/);
  if (language === 'javascript' && raw.some((line) => line.length > MAX_SOURCE_LINE)) return;
  // A route or mount in a comment is not served: `// app.use('/api', router)`.
  const lines = withoutComments(raw, [language]);
  if (language === 'javascript' && text.includes('controllers')) {
    for (const match of lines.join('\n').matchAll(NEST_LISTED))
      for (const name of (match[1] as string).match(/\b[A-Z]\w*/g) ?? []) out.nestListed.add(name);
  }
  const state: FileState = {
    path,
    language,
    prefixes: new Map(),
    seenClass: false,
    elixirScopes: [],
    elixirDepth: 0,
    rubyScopes: [],
  };
  // Specs call routes (`get "/health"` in rack-test) without serving them.
  if (language === 'ruby' && isTestPath(path)) return;
  lines.forEach((line, index) => {
    if (line.length > MAX_SOURCE_LINE) return;
    const at: CodeLocation = { path, line: index + 1, excerpt: line.trim().slice(0, 160) };
    for (const framework of FRAMEWORKS) {
      if (
        framework.language === language &&
        framework.pattern.test(line) &&
        !out.frameworks.some((f) => f.name === framework.name)
      ) {
        out.frameworks.push({ name: framework.name, ...at, ...(framework.partial ? { partial: true } : {}) });
      }
    }
    for (const provider of IMPLICIT) {
      if (provider.pattern.test(line) && !out.implicit.some((known) => known.name === provider.name)) {
        out.implicit.push({ name: provider.name, serves: provider.serves, ...at });
      }
    }
    for (const match of line.matchAll(ROUTE_LITERAL)) {
      const canonical = canonicalRoute(match[1] as string);
      if (!out.literals.has(canonical)) out.literals.set(canonical, at);
    }
    if (language === 'javascript') scanJavaScript(withPathArgument(line, lines[index + 1]), at, state, out);
    else if (language === 'go') scanGo(line, at, state, out);
    else if (language === 'python') scanPython(withPathArgument(line, lines[index + 1]), at, state, out);
    else if (language === 'elixir') scanElixir(line, at, state, out);
    else if (language === 'jvm') scanSpring(line, at, state, out);
    else if (language === 'ruby') scanRuby(line, at, state, out);
  });
}

/**
 * A route call whose path argument a formatter moved to the next line (`@router.get(\n    "/ready",`,
 * `router.get(\n  '/x',`): read as one line. The next line alone matches no route pattern.
 */
function withPathArgument(line: string, next: string | undefined): string {
  if (next === undefined || !/\.(?:get|post|put|patch|delete|all|route|api_route)\(\s*$/i.test(line))
    return line;
  return /^\s*['"`]\//.test(next) ? `${line}${next.trim()}` : line;
}

function addRoute(out: HttpRoutes, at: CodeLocation, route: string, method?: string, owner?: string): void {
  const clean = route.startsWith('/') ? route : `/${route}`;
  const declaration: RouteDeclaration = { ...at, route: clean, canonical: canonicalRoute(clean) };
  if (method) declaration.method = method.toUpperCase();
  if (owner) declaration.owner = owner;
  out.routes.push(declaration);
}

function join(prefix: string | undefined, route: string): string {
  if (!prefix) return route;
  return `/${[prefix, route]
    .map((part) => part.replace(/^\/+|\/+$/g, ''))
    .filter(Boolean)
    .join('/')}`;
}

function scanJavaScript(line: string, at: CodeLocation, state: FileState, out: HttpRoutes): void {
  for (const match of line.matchAll(IMPORT)) {
    const spec = (match[4] ?? match[6]) as string;
    const names = match[3]
      ? match[3].split(',').map(
          (part) =>
            part
              .trim()
              .split(/\s+as\s+/)
              .at(-1) ?? '',
        )
      : [match[1] ?? match[2] ?? match[5]];
    const bindings = out.imports.get(state.path) ?? new Map<string, string>();
    out.imports.set(state.path, bindings);
    for (const name of names) if (name) bindings.set(name, spec);
  }
  for (const match of line.matchAll(JS_MODULE_SPEC)) {
    const specs = out.fileImports.get(state.path) ?? [];
    out.fileImports.set(state.path, specs);
    specs.push(match[1] as string);
  }
  const router = JS_ROUTER.exec(line);
  if (router) out.routers.push({ ...at, name: (router[1] ?? router[2]) as string });
  for (const match of line.matchAll(JS_ROUTE)) addRoute(out, at, match[3] as string, match[2], match[1]);
  for (const match of line.matchAll(JS_BARE_MOUNT))
    out.mounts.push({ ...at, prefix: '', target: match[1] as string });
  for (const match of line.matchAll(JS_MOUNT))
    out.mounts.push({ ...at, prefix: match[1] as string, target: match[2] as string });
  for (const match of line.matchAll(JS_REGISTER))
    out.mounts.push({ ...at, prefix: match[2] as string, target: match[1] as string });
  for (const match of line.matchAll(JS_URL)) addRoute(out, at, match[1] as string);
  const controller = NEST_CONTROLLER.exec(line);
  if (controller) state.nestController = controller[1] ?? '';
  const nestClass = state.nestController !== undefined ? /\bclass\s+(\w+)/.exec(line) : null;
  if (nestClass) state.nestClass = nestClass[1];
  for (const match of line.matchAll(NEST_ROUTE)) {
    addRoute(out, at, join(state.nestController, match[2] ?? ''), match[1]);
    const declared = out.routes.at(-1) as RouteDeclaration;
    if (state.nestClass) declared.controller = state.nestClass;
  }
  const global = GLOBAL_PREFIX.exec(line);
  if (global) out.globalPrefixes.push({ ...at, prefix: global[1] as string });
}

function scanGo(line: string, at: CodeLocation, state: FileState, out: HttpRoutes): void {
  const group = GO_GROUP.exec(line);
  if (group)
    state.prefixes.set(group[1] as string, join(state.prefixes.get(group[2] as string), group[3] as string));
  for (const match of line.matchAll(GO_HANDLE)) {
    const [method, route] = (match[1] as string).includes(' ')
      ? (match[1] as string).split(/\s+/)
      : [undefined, match[1]];
    addRoute(out, at, route as string, method);
  }
  for (const match of line.matchAll(GO_ROUTE)) {
    const method = (match[2] as string).toUpperCase();
    addRoute(
      out,
      at,
      join(state.prefixes.get(match[1] as string), match[3] as string),
      method === 'ANY' ? undefined : method,
    );
  }
}

function scanPython(line: string, at: CodeLocation, state: FileState, out: HttpRoutes): void {
  const from = PY_FROM_IMPORT.exec(line);
  const plain = from ? null : PY_IMPORT.exec(line);
  if (from || plain) {
    const specs = out.fileImports.get(state.path) ?? [];
    out.fileImports.set(state.path, specs);
    if (plain) specs.push(plain[1] as string);
    if (from) {
      specs.push(from[1] as string);
      for (const name of (from[2] as string).split(/[\s,]+/).filter(Boolean))
        specs.push(`${from[1]}.${name}`);
    }
  }
  const declared = PY_ROUTER.exec(line);
  if (declared) out.routers.push({ ...at, name: declared[1] as string });
  if (!/prefix\s*=/.test(line))
    for (const match of line.matchAll(PY_BARE_INCLUDE))
      out.mounts.push({ ...at, prefix: '', target: match[1] as string });
  const router = PY_ROUTER_PREFIX.exec(line);
  if (router) state.prefixes.set(router[1] as string, router[2] as string);
  for (const match of line.matchAll(PY_ROUTE)) {
    const kind = match[2] as string;
    const method = kind === 'route' || kind === 'api_route' ? undefined : kind;
    addRoute(out, at, join(state.prefixes.get(match[1] as string), match[3] as string), method, match[1]);
  }
  for (const match of line.matchAll(PY_INCLUDE))
    out.mounts.push({ ...at, prefix: match[2] as string, target: match[1] as string });
  if (/(^|\/)urls\.py$/.test(state.path)) {
    for (const match of line.matchAll(DJANGO_PATH)) {
      if (match[2]) out.mounts.push({ ...at, prefix: `/${match[1]}`, target: 'include' });
      else addRoute(out, at, match[1] as string);
    }
  }
}

function scanElixir(line: string, at: CodeLocation, state: FileState, out: HttpRoutes): void {
  const scope = ELIXIR_SCOPE.exec(line);
  const prefix = state.elixirScopes
    .map((s) => s.prefix)
    .reduce<string | undefined>((all, part) => join(all, part), undefined);
  const route = ELIXIR_ROUTE.exec(line);
  if (route) {
    const verb = (route[1] as string).split(/\s/)[0] as string;
    const method = verb === 'forward' || verb === 'match' ? undefined : verb;
    addRoute(out, at, join(prefix, route[2] as string), method);
  }
  if (/\bdo\s*$/.test(line)) {
    state.elixirDepth++;
    if (scope) state.elixirScopes.push({ prefix: scope[1] as string, depth: state.elixirDepth });
  } else if (/^\s*end\b/.test(line)) {
    if (state.elixirScopes.at(-1)?.depth === state.elixirDepth) state.elixirScopes.pop();
    state.elixirDepth = Math.max(0, state.elixirDepth - 1);
  }
}

function scanSpring(line: string, at: CodeLocation, state: FileState, out: HttpRoutes): void {
  if (/\b(class|interface)\s+\w+/.test(line)) state.seenClass = true;
  const mapping = SPRING_MAPPING.exec(line);
  if (mapping) {
    const kind = mapping[1] as string;
    if (!state.seenClass && kind === 'Request') state.springClassPrefix = mapping[2] as string;
    else
      addRoute(
        out,
        at,
        join(state.springClassPrefix, mapping[2] as string),
        kind === 'Request' ? undefined : kind,
      );
  } else if (SPRING_BARE_MAPPING.test(line) && state.seenClass) {
    addRoute(out, at, state.springClassPrefix ?? '/', (SPRING_BARE_MAPPING.exec(line) as RegExpExecArray)[1]);
  }
}

function scanRuby(line: string, at: CodeLocation, state: FileState, out: HttpRoutes): void {
  if (!line.trim()) return;
  const indent = (/^\s*/.exec(line) as RegExpExecArray)[0].length;
  // A line at or left of a block's opening line closes it (its `end`, or the next statement).
  while ((state.rubyScopes.at(-1)?.indent ?? -1) >= indent) state.rubyScopes.pop();
  if (state.rubyDef && state.rubyDef.indent >= indent) state.rubyDef = undefined;
  const def = RUBY_DEF.exec(line);
  if (def) {
    state.rubyDef = { name: def[1] as string, indent };
    return;
  }
  const call = RUBY_CALL.exec(line);
  if (call && !RUBY_NOT_CALLS.has(call[1] as string) && !out.rubyCalls.has(call[1] as string))
    out.rubyCalls.set(call[1] as string, at);
  const scope = RUBY_SCOPE.exec(line);
  if (scope) {
    state.rubyScopes.push({ prefix: (scope[1] ?? scope[2] ?? scope[3]) as string, indent });
    return;
  }
  const route = RUBY_ROUTE.exec(line);
  if (!route) return;
  const [, verb, path, rest] = route as unknown as [string, string, string, string];
  const routesFile = /(^|\/)config\/routes(?:\/[^/]+)?\.rb$/.test(state.path);
  // A Sinatra route has a block; in Rails' routes file a target (`to:`, `=>`) or nothing.
  if (routesFile ? /^\s*(?:do|\{)/.test(rest) && !path : !/\bdo\b(?:\s*\|[^|]*\|)?\s*$|\{/.test(rest)) return;
  if (!routesFile && !path.startsWith('/')) return;
  const prefix = state.rubyScopes
    .map((known) => known.prefix)
    .reduce<string | undefined>((all, part) => join(all, part), undefined);
  addRoute(out, at, join(prefix, path || '/'), verb === 'match' ? undefined : verb);
  const declared = out.routes.at(-1) as RouteDeclaration;
  if (state.rubyDef) declared.definedIn = state.rubyDef.name;
}
