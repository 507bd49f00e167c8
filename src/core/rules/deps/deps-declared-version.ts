import { type DeclaredVersion, declaredVersionsCollector } from '../../collectors/declared-versions.js';
import { inScope, isNonProductionPath } from '../../evidence.js';
import type { Rule } from '../../rule.js';

export interface VersionClaim {
  /** The component as the item names it ("testify", "Cilium eBPF", "Go"). */
  name: string;
  /** Numeric parts of the version the item names. */
  version: number[];
  written: string;
  /** "14+": any later version holds; otherwise a later release of the same major version does. */
  orLater: boolean;
}

/**
 * The whole item is "<name> <version>", with at most a parenthetical: "testify v1.9.0",
 * "Go 1.25.3", "PostgreSQL 14+", "OTLP v1.38.0 (latest)", or with why it is needed ("Redis 6.2+ for
 * stream support"). Anything more ("with read replicas") claims something else.
 */
const ITEM =
  /^([A-Za-z][\w.+#]*(?:[ -][A-Za-z][\w.+#]*){0,2})\s+(v?)(\d+(?:\.\d+){0,2})(\+)?\s*(?:\([^()]*\)|（[^（）]*）)?\s*(?:for\s+[A-Za-z][\w.-]*(?:\s+[A-Za-z][\w.-]*){0,2})?\s*$/;
const MAX_ITEM = 100;
/** Names of stages and ranks, not of software ("Phase 2", "Priority 1"). */
const NOT_SOFTWARE =
  /^(?:phase|step|stage|level|tier|sprint|week|day|month|year|version|release|milestone|section|chapter|part|iteration|round|option|priority|wave|epic|story|task|item|rule|point|score|grade|rating|top|page|gate|lane|slot|batch|sample|case|scenario|test|v|p|q|h|x)$/i;
/** What items call runtimes and images, as the repository names them. */
const ALIASES: Record<string, string> = {
  golang: 'go',
  nodejs: 'node',
  postgresql: 'postgres',
  pg: 'postgres',
  mongodb: 'mongo',
  elasticsearch: 'elasticsearch',
};
/** Module path segments too generic to stand for a component named in an item. */
const GENERIC_SEGMENT =
  /^(?:api|apis|client|clients|core|common|http|https|grpc|sdk|lib|libs|pkg|internal|util|utils|server|v\d+|exporters?|contrib|github\.com|gitlab\.com|golang\.org|google\.golang\.org)$/;

export const depsDeclaredVersion: Rule<VersionClaim> = {
  id: 'deps.declared-version',
  title:
    'A component the item names at a version is declared at that version (or a later one of the same line)',
  why: 'A checklist that pins "testify v1.9.0" or "PostgreSQL 14+" tells readers what the system runs on; when the repository declares something else, upgrades and incident notes go wrong.',
  fix: 'Update the dependency, runtime or image to the version the item names, or correct the checklist.',
  recognises:
    'Items that are only a component and a version ("testify v1.9.0", "Go 1.25.3", "PostgreSQL 14+", with at most a parenthetical), ' +
    'looked up in go.mod, package.json, requirements files, runtime version files and container image tags. Only a declaration ' +
    'at that version or later passes; anything else is left undecided.',
  needs: [declaredVersionsCollector],
  match(item) {
    const text = item.text
      .replace(/[*_`✅]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    // "<name> <version>" is short; the pattern backtracks on long runs of name characters.
    if (text.length > MAX_ITEM) return [];
    const found = ITEM.exec(text);
    if (!found) return [];
    const name = (found[1] as string).trim();
    if (NOT_SOFTWARE.test(name.split(/[ -]/)[0] as string)) return [];
    const written = found[3] as string;
    const orLater = found[4] === '+';
    // "OWASP Top 10", "Node 20": a bare number is as often a rank or a count; a version says v, a dot or +.
    if (!found[2] && !written.includes('.') && !orLater) return [];
    return [{ name, version: written.split('.').map(Number), written, orLater }];
  },
  evaluate(claim, ctx) {
    const all = ctx
      .get(declaredVersionsCollector)
      .versions.filter(
        (entry) =>
          names(entry).has(normalise(claim.name)) &&
          (!isNonProductionPath(entry.path) || (ctx.scope !== '' && inScope(entry.path, ctx.scope))),
      );
    const scoped = all.filter((entry) => inScope(entry.path, ctx.scope));
    const declared = scoped.length ? scoped : all;
    const wanted = `${claim.name} ${claim.written}${claim.orLater ? '+' : ''}`;
    if (!declared.length)
      return {
        verdict: 'unknown',
        message: `no declaration of ${claim.name} found (looked in go.mod, package.json, requirements files, runtime version files and image tags); it may be named differently or installed elsewhere`,
        evidence: [],
      };
    // Servers share names with their client libraries (the `redis` package and the redis image): when
    // the checklist's own folder declares only the client, the image that runs the server still speaks.
    const holding =
      declared.find((entry) => holds(claim, numbers(entry.version))) ??
      all.find((entry) => entry.kind === 'image' && holds(claim, numbers(entry.version)));
    if (holding)
      return {
        verdict: 'pass',
        message: `${wanted}: ${holding.name} ${holding.version} at ${holding.path}:${holding.line}`,
        evidence: [{ path: holding.path, line: holding.line, excerpt: `${holding.name} ${holding.version}` }],
      };
    const first = declared[0] as DeclaredVersion;
    return {
      verdict: 'unknown',
      message: `${first.name} is declared at ${first.version} (${first.path}:${first.line}), not ${wanted}; the item may describe another part of the system or an older state`,
      evidence: declared.slice(0, 3).map((entry) => ({ path: entry.path, line: entry.line })),
    };
  },
  examples: {
    match: [
      'testify v1.9.0',
      'Go 1.25.3',
      'PostgreSQL 14+',
      'OTLP v1.38.0 (latest)',
      'Redis 6.2+ for stream consumer groups',
    ],
    noMatch: [
      'Phase 2',
      'OWASP Top 10',
      'Priority 1 (critical)',
      'Upgrade Node to 20 and remove the polyfills',
      'PostgreSQL 14+ with gen_random_uuid() support',
      'JWT Token Manager (v5.2.1)',
      'PostgreSQL 14+ with read replicas for reporting',
    ],
    verdicts: [
      {
        files: { 'go.mod': 'module app\n\ngo 1.26\n\nrequire github.com/stretchr/testify v1.11.1\n' },
        item: 'testify v1.9.0',
        verdict: 'pass',
      },
      {
        files: { 'docker-compose.yml': 'services:\n  db:\n    image: postgres:16-alpine\n' },
        item: 'PostgreSQL 14+',
        verdict: 'pass',
      },
      {
        files: { 'go.mod': 'module app\n\ngo 1.26\n\nrequire github.com/stretchr/testify v1.11.1\n' },
        item: 'Wire v0.6.0',
        verdict: 'unknown',
      },
    ],
  },
};

function normalise(name: string): string {
  const plain = name
    .toLowerCase()
    .replace(/\.js$/, 'js')
    .replace(/[^a-z0-9]/g, '');
  return ALIASES[plain] ?? plain;
}

/** The names an item could use for a declaration: the package, its last path segments, the image. */
function names(entry: DeclaredVersion): Set<string> {
  const segments = entry.name
    .toLowerCase()
    .split('/')
    .filter((segment) => !/^v\d+$/.test(segment));
  const last = segments[segments.length - 1] ?? '';
  const found = new Set([normalise(entry.name), normalise(last)]);
  if (segments.length >= 2) found.add(normalise(`${segments[segments.length - 2]}${last}`));
  if (entry.kind === 'dependency')
    for (const segment of segments)
      if (segment.length >= 4 && !GENERIC_SEGMENT.test(segment)) found.add(normalise(segment));
  found.delete('');
  return found;
}

function numbers(version: string): number[] {
  const digits = /\d+(?:\.\d+)*/.exec(version)?.[0];
  return digits ? digits.split('.').map(Number) : [];
}

function holds(claim: VersionClaim, declared: number[]): boolean {
  if (!declared.length) return false;
  if (!claim.orLater && declared[0] !== claim.version[0]) return false;
  for (let i = 0; i < claim.version.length; i++) {
    const have = declared[i] ?? 0;
    const want = claim.version[i] ?? 0;
    if (have !== want) return have > want;
  }
  return true;
}
