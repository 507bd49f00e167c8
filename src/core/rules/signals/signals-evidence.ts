// The signals family's shared judgement. Signals provided by libraries: wired in (imported,
// called, configured) passes; declared in a manifest but never imported fails only a claim that it
// is wired in; absent fails only a claim that names the library, with the manifests as evidence.
// Project documents: a file in scope (or at the root) passes; absence fails, saying where.

import {
  APPLIED_SIGNALS,
  type Application,
  type CodeSignals,
  codeSignalsCollector,
  LIBRARIES,
  type SignalHit,
  type SignalId,
  WIRING_LANGUAGES,
} from '../../collectors/code-signals.js';
import type { DocFile } from '../../collectors/project-docs.js';
import { inScope } from '../../evidence.js';
import { extractCommands } from '../../extract/commands.js';
import { extractPaths } from '../../extract/paths.js';
import { scanKind } from '../../formats/source-files.js';
import type { EvalContext } from '../../rule.js';
import type { ChecklistItem, EvidenceRef, Finding } from '../../types.js';

/** One claim of an item: its own text, or one nested plain bullet under a bold parent. */
export interface SignalClaim {
  claim: string;
}

/** Work done in production or by people, which the repository cannot show. */
const OPERATIONAL =
  /\b(installed|in production|tested|testing|working|started|responding|fine[- ]tun\w*|verified|verify|accessible|reviewed|signed[- ]off|applied|executed|active|(?:is|are) operational|watch|being collected|hosted|linked in)\b/i;
/** Wording that claims the thing is wired into the code, not merely chosen. */
const WIRED_CLAIM =
  /\b(wired|configured|integrated|initiali[sz]ed|enabled|set ?up|hooked|instrumented|in place|implemented|registered)\b/i;

/**
 * The first claim line of the item (its text, then nested plain bullets) that `accept` matches and
 * `reject` does not. One check per rule and item: sub-bullets of the same signal say the same thing.
 */
export function matchClaim(item: ChecklistItem, accept: RegExp, reject?: RegExp): SignalClaim[] {
  for (const line of [item.text, ...item.details]) {
    if (accept.test(line) && !OPERATIONAL.test(line) && !reject?.test(line)) return [{ claim: line }];
  }
  return [];
}

/** "Rate limiting documentation": the subject is the document; signals.topic-documented judges it. */
const ABOUT_DOCUMENTATION = /\b(?:documentation|documented)\b/i;

/** matchClaim for behaviour in the code (middleware, logging, tracing): a claim about its documentation is not one. */
export function matchBehaviourClaim(item: ChecklistItem, accept: RegExp, reject?: RegExp): SignalClaim[] {
  return matchClaim(item, accept, reject).filter((claim) => !ABOUT_DOCUMENTATION.test(claim.claim));
}

/** Items naming a path or a command are about that file or script: the references rules own them. */
export function namesFileOrCommand(item: ChecklistItem): boolean {
  return extractPaths(item).length > 0 || extractCommands(item).length > 0;
}

export function at(location: { path: string; line?: number }): string {
  return location.line ? `${location.path}:${location.line}` : location.path;
}

export function ref(location: { path: string; line?: number; excerpt?: string }): EvidenceRef {
  const evidence: EvidenceRef = { path: location.path };
  if (location.line) evidence.line = location.line;
  if (location.excerpt) evidence.excerpt = location.excerpt;
  return evidence;
}

/** Manifests speak for their folder; the root manifest also speaks for every subfolder. */
function manifestApplies(path: string, scope: string): boolean {
  return inScope(path, scope) || !path.includes('/');
}

export function wiredInScope(signals: CodeSignals, signal: SignalId, scope: string): SignalHit[] {
  return signals.wired.filter(
    (hit) => hit.signal === signal && !hit.test && hit.how !== 'default' && inScope(hit.path, scope),
  );
}

export function sourcesInScope(signals: CodeSignals, scope: string): number {
  // Asked once per claim with the checklist's scope: counted once per revision and scope.
  let counts = SOURCES_IN_SCOPE.get(signals);
  if (!counts) {
    counts = new Map();
    SOURCES_IN_SCOPE.set(signals, counts);
  }
  let count = counts.get(scope);
  if (count === undefined) {
    count = signals.scanned.filter(
      (file) =>
        inScope(file.path, scope) && file.languages.some((language) => SOURCE_LANGUAGES.includes(language)),
    ).length;
    counts.set(scope, count);
  }
  return count;
}
const SOURCE_LANGUAGES: readonly string[] = ['javascript', 'python', 'go', 'elixir', 'jvm', 'rust', 'ruby'];
const SOURCES_IN_SCOPE = new WeakMap<CodeSignals, Map<string, number>>();

/** Catalogue libraries of this signal the claim names ("with Sentry"). */
export function librariesNamed(signal: SignalId, claim: string): string[] {
  return mentionsIn(signal, claim).map((spec) => spec.library);
}

function mentionsIn(signal: SignalId, claim: string) {
  return LIBRARIES.filter((spec) => spec.signal === signal && spec.mention?.test(claim));
}

/** The words of the claim that name libraries ("Prometheus", "Sentry"), for messages. */
function namedWords(signal: SignalId, claim: string): string {
  const words = mentionsIn(signal, claim).map((spec) => spec.mention?.exec(claim)?.[0] ?? spec.library);
  return [...new Set(words)].join('/');
}

export function librariesOf(signal: SignalId): string {
  return shortList(LIBRARIES.filter((spec) => spec.signal === signal).map((spec) => spec.library));
}

function shortList(names: readonly string[], limit = 6): string {
  const unique = [...new Set(names)];
  return unique.length > limit ? `${unique.slice(0, limit).join(', ')}, …` : unique.join(', ');
}

export interface SignalJudgement {
  signal: SignalId;
  /** What the signal is called in messages: "error tracking". */
  what: string;
  /** Whether a claim with nothing in the repository is a fail (default) or only unknown. */
  failWhenAbsent?: (claim: string, named: string[]) => boolean;
  /** Whether a claim naming routes ("admin endpoints", "every route") needs the signal applied to them. */
  routeScoped?: boolean;
}

/** Evidence that the signal works: a configuration, a call, or an application of an imported library. */
export interface Working {
  library: string;
  path: string;
  line?: number;
  excerpt: string;
  message: string;
  /** Where it applies; absent when the code does not say (a header set in a handler, a Java import). */
  application?: Application;
  /** Proxy and framework configuration (nginx `limit_req`, Django settings) applies to every request. */
  appWide: boolean;
  /** An import alone (`require('@sentry/node')`), rather than a call, configuration or application. */
  importOnly?: boolean;
}

/** An import in a language whose application sites are read: alone, installed but not shown applied. */
function needsApplication(hit: SignalHit): boolean {
  if (hit.how !== 'import' || !APPLIED_SIGNALS.has(hit.signal)) return false;
  const language = scanKind(hit.path)?.language;
  return language !== undefined && WIRING_LANGUAGES.has(language as never);
}

function applicationMessage(application: Application): string {
  const where = application.route
    ? ` to ${application.route}`
    : application.reach === 'app'
      ? ''
      : ` to a ${application.reach}`;
  const via = application.via
    ? ` as ${application.via.name} (built at ${application.via.path}:${application.via.line})`
    : '';
  return `${application.library} applied${where} at ${at(application)}${via}`;
}

/** What shows the signal working in scope, and the imports that show only installation. */
export function workingEvidence(
  signals: CodeSignals,
  signal: SignalId,
  scope: string,
): { working: Working[]; importedOnly: SignalHit[] } {
  const wired = wiredInScope(signals, signal, scope);
  const importedOnly = wired.filter(needsApplication);
  const working: Working[] = wired
    .filter((hit) => !needsApplication(hit))
    .map((hit) => ({
      library: hit.library,
      path: hit.path,
      line: hit.line,
      excerpt: hit.excerpt,
      message: wiredMessage(hit),
      appWide: hit.how === 'config' || hit.how === 'file',
      importOnly: hit.how === 'import',
    }));
  if (APPLIED_SIGNALS.has(signal)) {
    for (const application of signals.applied) {
      if (application.signal !== signal || application.test || !inScope(application.path, scope)) continue;
      working.push({
        library: application.library,
        path: application.path,
        line: application.line,
        excerpt: application.excerpt,
        message: applicationMessage(application),
        application,
        appWide: false,
      });
    }
  }
  // Applications first: they say the most about where the signal works. One entry per line.
  working.sort((a, b) => Number(Boolean(b.application)) - Number(Boolean(a.application)));
  const seen = new Set<string>();
  const unique = working.filter((hit) => {
    const key = `${hit.path}:${hit.line}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { working: unique, importedOnly };
}

/** Manifests that install a language's packages, so an import of an undeclared one says something. */
const MANIFESTS_OF: [RegExp, RegExp][] = [
  [/\.[cm]?[jt]sx?$/, /(^|\/)package\.json$/],
  [/\.py$/, /(^|\/)(?:requirements[\w.-]*\.(?:txt|in)|pyproject\.toml|Pipfile|setup\.(?:py|cfg))$/],
  [/\.rb$/, /(^|\/)(?:Gemfile|[\w.-]+\.gemspec)$/],
];

/**
 * An import of a library the project's manifests do not declare, where the language has a
 * manifest: an application import (`how: 'import'`) only; calls and configuration say more.
 */
function importsUndeclared(
  hit: Working,
  declared: CodeSignals['declared'],
  signal: SignalId,
  ctx: EvalContext,
): boolean {
  if (!hit.importOnly) return false;
  const manifest = MANIFESTS_OF.find(([source]) => source.test(hit.path))?.[1];
  if (!manifest || !ctx.files.some((path) => manifest.test(path))) return false;
  return !declared.some((dep) => dep.signal === signal && dep.library === hit.library);
}

function covered(scope: RouteScope, working: Working): boolean {
  return working.appWide || (working.application !== undefined && scope.covers(working.application));
}

function more(hits: readonly unknown[]): string {
  return hits.length > 1 ? ` (and ${hits.length - 1} more)` : '';
}

function wiredMessage(hit: SignalHit): string {
  const verb = hit.how === 'import' ? 'imported' : hit.how === 'file' ? 'found' : 'configured';
  return `${hit.library} ${verb} at ${at(hit)}`;
}

export function judgeSignal(options: SignalJudgement, claim: SignalClaim, ctx: EvalContext): Finding {
  const signals = ctx.get(codeSignalsCollector);
  const { signal, what } = options;
  const named = librariesNamed(signal, claim.claim);
  const { working, importedOnly } = workingEvidence(signals, signal, ctx.scope);
  const mentions = mentionsIn(signal, claim.claim).map((spec) => spec.mention as RegExp);
  // "Prometheus" names a family: the Actuator prometheus endpoint and PromEx both answer it.
  const isNamed = (library: string) =>
    named.includes(library) || mentions.some((mention) => mention.test(library));
  const workingNamed = named.length ? working.filter((hit) => isNamed(hit.library)) : working;
  const routeScope = options.routeScoped ? routeScopeOf(claim.claim) : undefined;
  if (workingNamed.length && routeScope) {
    const inRoutes = workingNamed.filter((hit) => covered(routeScope, hit));
    if (!inRoutes.length) {
      const first = workingNamed[0] as Working;
      const reach = first.application
        ? `it is applied only as found: ${first.message}${more(workingNamed)}`
        : `${first.message}${more(workingNamed)}, but where it applies is not read from this code`;
      return {
        verdict: 'unknown',
        message: `the item is about ${routeScope.shown}; no ${what} shown applied to them: ${reach}`,
        evidence: workingNamed.slice(0, 3).map(ref),
      };
    }
    const first = inRoutes[0] as Working;
    return {
      verdict: 'pass',
      message: `${what} for ${routeScope.shown}: ${first.message}${more(inRoutes)}`,
      evidence: inRoutes.slice(0, 3).map(ref),
    };
  }
  const undeclared = workingNamed.filter((hit) => importsUndeclared(hit, signals.declared, signal, ctx));
  if (workingNamed.length && undeclared.length === workingNamed.length) {
    // `require('@sentry/node')` with no manifest naming it: nothing installs the package, so the
    // code cannot be running (often a class nothing instantiates, kept from a template).
    const first = undeclared[0] as Working;
    return {
      verdict: 'unknown',
      message: `${first.library} is imported at ${at(first)}${more(undeclared)}, but no dependency manifest of the project declares it, so nothing installs it`,
      evidence: undeclared.slice(0, 3).map(ref),
    };
  }
  if (workingNamed.length) {
    const first = workingNamed[0] as Working;
    return {
      verdict: 'pass',
      message: `${what}: ${first.message}${more(workingNamed)}`,
      evidence: workingNamed.slice(0, 3).map(ref),
    };
  }
  const installed = named.length ? importedOnly.filter((hit) => isNamed(hit.library)) : importedOnly;
  if (installed.length) {
    const first = installed[0] as SignalHit;
    return {
      verdict: 'unknown',
      message: `${first.library} is imported at ${at(first)}${more(installed)} but never applied: no app.use/register/add_middleware/Use of it, or of a name built from it, in code that is not a comment`,
      evidence: installed.slice(0, 3).map(ref),
    };
  }
  if (working.length) {
    const first = working[0] as Working;
    return {
      verdict: 'unknown',
      message: `the item names ${namedWords(signal, claim.claim)}, but the ${what} wired in is ${first.message}`,
      evidence: [ref(first)],
    };
  }
  const declared = signals.declared.filter(
    (dep) =>
      dep.signal === signal &&
      manifestApplies(dep.path, ctx.scope) &&
      (!named.length || isNamed(dep.library)),
  );
  const sources = sourcesInScope(signals, ctx.scope);
  if (declared.length) {
    const first = declared[0] as (typeof declared)[number];
    const fact = `${first.name} is declared at ${at(first)} but never imported in ${sources} source files${ctx.scope ? ` in ${ctx.scope}/` : ''}`;
    // Bundler requires every gem of the Gemfile and Railties configure some on their own: a gem
    // whose constant no file names may still be at work.
    return WIRED_CLAIM.test(claim.claim) && first.ecosystem !== 'gem'
      ? { verdict: 'fail', message: `${fact}: declared, not wired in`, evidence: [ref(first)] }
      : {
          verdict: 'unknown',
          message: `${fact}; it may be loaded another way (a --require flag, an agent)`,
          evidence: [ref(first)],
        };
  }
  const fallback = signals.wired.find(
    (hit) => hit.signal === signal && hit.how === 'default' && inScope(hit.path, ctx.scope),
  );
  if (fallback) {
    return {
      verdict: 'unknown',
      message: `no ${what} in code, but ${fallback.library} (${at(fallback)}) may provide it`,
      evidence: [ref(fallback)],
    };
  }
  const hint = signals.hints.find(
    (hit) => hit.signal === signal && !hit.test && inScope(hit.path, ctx.scope),
  );
  if (hint) {
    return {
      verdict: 'unknown',
      message: `no known ${what} library, but ${at(hint)} looks like a home-grown one: "${hint.excerpt.slice(0, 80)}"`,
      evidence: [ref(hint)],
    };
  }
  const where = ctx.scope ? ` in ${ctx.scope}/` : '';
  if (sources === 0) {
    return {
      verdict: 'unknown',
      message: `no Node, Python, Go, Elixir, JVM, Rust or Ruby source files${where}, so ${what} cannot be checked in code`,
      evidence: [],
    };
  }
  // A Gemfile speaks only for the libraries the catalogue knows as gems: one not listed may be
  // in it under a name this tool does not know.
  const gemsKnown = named.some((library) =>
    LIBRARIES.some((spec) => spec.library === library && spec.gem?.length),
  );
  const manifests = signals.manifests.filter(
    (m) => manifestApplies(m.path, ctx.scope) && (m.ecosystem !== 'gem' || gemsKnown),
  );
  const looked = `no ${named.length ? namedWords(signal, claim.claim) : what} imported or declared in ${sources} source files and ${manifests.length} manifests${where} (looked for ${named.length ? shortList(named) : librariesOf(signal)})`;
  // Not finding a known library is no evidence against a claim: the feature can be written by
  // hand, or in a language the scan does not read. Only a claim that names a library, with the
  // manifests that would have to declare it in hand, is contradicted by its absence.
  const fails =
    named.length > 0 &&
    manifests.length > 0 &&
    (options.failWhenAbsent ? options.failWhenAbsent(claim.claim, named) : true);
  return fails
    ? { verdict: 'fail', message: looked, evidence: manifests.slice(0, 3).map((m) => ({ path: m.path })) }
    : {
        verdict: 'unknown',
        message: `${looked}; hand-written ${what}, or ${what} outside the code, cannot be ruled out`,
        evidence: [],
      };
}

// ---- project documents: a file in scope (or at the root) passes; absence fails, saying where ----

/** Documents in the checklist's folder first, then at the repository root. */
export function docsFor<T extends DocFile>(files: readonly T[], ctx: EvalContext): T[] {
  const scoped = files.filter((file) => inScope(file.path, ctx.scope));
  if (scoped.length || !ctx.scope) return scoped;
  return files.filter((file) => !file.path.includes('/') || /^(?:\.github|docs?)\//.test(file.path));
}

export function docFound(what: string, files: readonly DocFile[]): Finding {
  const first = files[0] as DocFile;
  const where = first.excerpt ? `${at(first)} ("${first.excerpt.slice(0, 60)}")` : at(first);
  return {
    verdict: 'pass',
    message: `${what} at ${where}${files.length > 1 ? ` and ${files.length - 1} more` : ''}`,
    evidence: files.slice(0, 3).map(ref),
  };
}

export function docMissing(what: string, looked: string, ctx: EvalContext): Finding {
  return {
    verdict: 'fail',
    message: `no ${what}${ctx.scope ? ` in ${ctx.scope}/ or at the root` : ''} (looked for ${looked})`,
    evidence: [],
  };
}

/** A link to a wiki or hosted page: the document may exist outside the repository. */
export function linksElsewhere(links: readonly string[]): string | undefined {
  return links.find((link) => /^https?:\/\//i.test(link));
}

// The routes a behaviour claim is about: "admin endpoint has rate limiting" is about the admin
// routes, "rate limiting on all endpoints" about every request. A limiter applied to the login
// route proves neither.

export interface RouteScope {
  /** How the item names the routes, for messages ("admin", "every route"). */
  shown: string;
  /** Whether an application covers the scope. */
  covers: (application: Application) => boolean;
  /** For named routes: whether a route or its file is one of them. */
  names?: RegExp;
}

/** Route words an item may name, each with what a route or file must contain to be one of them. */
const NAMED: { word: RegExp; route: RegExp; shown: string }[] = [
  { word: /\badmin\b/i, route: /admin/i, shown: 'admin' },
  { word: /\b(?:log[- ]?in|sign[- ]?in)\b/i, route: /log-?in|sign-?in/i, shown: 'login' },
  { word: /\b(?:sign[- ]?up|registration)\b/i, route: /sign-?up|regist/i, shown: 'signup' },
  { word: /\botp\b/i, route: /otp/i, shown: 'OTP' },
  {
    word: /\b(?:password[- ]reset|forgot[- ]password|reset[- ]password)\b/i,
    route: /password|reset|forgot/i,
    shown: 'password reset',
  },
  { word: /\bauth(?:entication)?\b/i, route: /auth|log-?in|sign-?in/i, shown: 'authentication' },
  { word: /\buploads?\b/i, route: /upload/i, shown: 'upload' },
  { word: /\bwebhooks?\b/i, route: /webhook/i, shown: 'webhook' },
  { word: /\b(?:payments?|checkout)\b/i, route: /payment|checkout|billing/i, shown: 'payment' },
  { word: /\bgraphql\b/i, route: /graphql/i, shown: 'GraphQL' },
];

const EVERY =
  /\b(?:all|every|each)\s+(?:api\s+|public\s+)?(?:endpoints?|routes?|requests?)\b|\bglobal(?:ly)?\b|\b(?:api|app|application)[- ]wide\b|\bon\s+(?:the\s+)?(?:entire\s+|whole\s+)?api\b/i;

/** Whole-app application: no route argument on the app itself, or a prefix that is the whole API. */
function everywhere(application: Application): boolean {
  if (application.reach === 'app') return !application.route;
  return application.reach === 'router' && /^\/api(?:\/v\d+)?\/?\*?$/i.test(application.route ?? '');
}

/** The routes the claim limits itself to, or undefined when it names none. */
export function routeScopeOf(claim: string): RouteScope | undefined {
  const named = NAMED.find((entry) => entry.word.test(claim));
  if (named) {
    return {
      shown: `the ${named.shown} routes`,
      names: named.route,
      covers: (application) =>
        everywhere(application) ||
        [
          application.route,
          ...(application.routes ?? []),
          application.reach === 'app' ? '' : application.path,
        ]
          .filter(Boolean)
          .some((text) => named.route.test(text as string)),
    };
  }
  if (EVERY.test(claim)) return { shown: 'every route', covers: everywhere };
  return undefined;
}
