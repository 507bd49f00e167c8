import { CODE_PATTERNS } from '../../collectors/code-patterns.js';
import { isComposePath } from '../../collectors/compose.js';
import { paasPlatformOf } from '../../collectors/paas.js';
import {
  TECHNOLOGIES,
  type Technology,
  type Trace,
  technologyTracesCollector,
} from '../../collectors/technology-traces.js';
import { firstForScope } from '../../evidence.js';
import type { Rule } from '../../rule.js';
import type { ChecklistItem, EvidenceRef, Finding } from '../../types.js';
import { namesCodeOrVariable, wordsBesides } from '../claim-words.js';
import { depsDeclaredVersion } from '../deps/deps-declared-version.js';

export interface ComponentClaim {
  technology: Technology;
  /**
   * `bare`: the item names the component and how it is used ("Redis caching", "MQTT client");
   * `qualified`: it claims more about it ("Redis with connection pooling"), which a dependency
   * and an import cannot show; `operational`: it is about running it (backups, monitoring).
   */
  shape: 'bare' | 'qualified' | 'operational';
  /** The rest of the claim, for messages. */
  rest: string;
}

/** Wording that says the component is (being) taken out, compared, or only maybe used. */
const NOT_USED =
  /\b(?:no|not|without|remov\w*|replac\w*|migrat\w*|drop\w*|deprecat\w*|instead|avoid\w*|optional|alternatives?|vs|versus|evaluat\w*|consider\w*|investigat\w*|if (?:needed|used|using|applicable|any))\b/i;
/** How a component is used: naming these says nothing beyond "the project uses it". */
const BARE = new Set(
  (
    'integration integrated integrate support supported supports client clients configured configuration config setup set up ' +
    'implemented implementation implement used use uses using usage enabled enable added add connected connection connections ' +
    'layer adapter adapters based messaging message messages broker brokers queue queues queueing cache caching cached store ' +
    'storage database databases db pub sub pubsub streams stream server service services driver sdk library lib ready done api ' +
    'backend persistence persistent data access repository repositories orm search indexing index jobs job worker workers ' +
    'background tasks task processing events event in place logic mechanism mechanisms pattern patterns strategy strategies'
  ).split(' '),
);
/** Running the component rather than using it: decided where it is operated, not in the code. */
const OPERATIONAL =
  /^(?:provision\w*|accounts?|hosted|managed|cloud|cluster\w*|backups?|backed|restor\w*|rotat\w*|passwords?|credentials?|monitor\w*|alert\w*|dashboards?|test\w*|benchmark\w*|load|upgrad\w*|patch\w*|tun\w*|scal\w*|replica\w*|failover|ha|availability|eviction|memory|tls|ssl|encrypt\w*|auth\w*|secur\w*|firewall|network\w*|vpc|acl|sizing|capacity|performance|production|prod|staging|persisted|installed|install|running|accessible|reachable|available|started|deployed|healthy|up)$/;
/** Beyond this many words of its own, the component is a detail of another claim. */
const MAX_OTHER_WORDS = 6;

export const techComponentIntegrated: Rule<ComponentClaim> = {
  id: 'tech.component-integrated',
  title: 'A named component (Redis, Kafka, PostgreSQL, Vault...) is integrated in the code',
  why: 'A checklist that lists a cache, broker or datastore the code never talks to describes an architecture that does not exist; the gap shows up as an outage or a failed audit.',
  fix: 'Declare the client library and use it where the application is wired, or correct the checklist.',
  recognises:
    'Items whose subject is a catalogued component (datastores, caches, brokers, GraphQL, gRPC, Vault, OPA, Keycloak) ' +
    'and how it is used ("Redis caching", "MQTT client", "OPA integration"); not items about operating it, ' +
    'removing it or comparing it.',
  needs: [technologyTracesCollector],
  match: componentClaims,
  evaluate(claim, ctx) {
    const evidence = ctx.get(technologyTracesCollector);
    const { technology } = claim;
    const traces = evidence.traces.get(technology.id) ?? [];
    if (!traces.length) return absent(claim, evidence.scanned, evidence.manifests);
    const declared = firstForScope(traces, ctx.scope, (trace) => trace.role === 'manifest' && trace.strict);
    const used = firstForScope(traces, ctx.scope, (trace) => trace.role === 'code' && trace.strict);
    if (declared && used) {
      const found = `${technology.name}: dependency declared at ${at(declared)}, used at ${at(used)}`;
      const refs = [ref(declared), ref(used)];
      if (claim.shape === 'bare') return { verdict: 'pass', message: found, evidence: refs };
      return {
        verdict: 'unknown',
        message: `${found}; the rest of the claim ("${claim.rest}") is not something a dependency and an import can show`,
        evidence: refs,
      };
    }
    const seen = firstForScope(traces, ctx.scope) ?? (traces[0] as Trace);
    const missing = declared
      ? 'no use in application code'
      : used
        ? 'no declared dependency'
        : 'no declared dependency or use in code';
    return {
      verdict: 'unknown',
      message: `${technology.name} is mentioned at ${at(seen)}${traces.length > 1 ? ` and ${traces.length - 1} more places` : ''}, but there is ${missing}, so whether it is integrated is unclear`,
      evidence: traces.slice(0, 3).map(ref),
    };
  },
  examples: {
    match: [
      'Redis',
      'MQTT',
      'OPA integration',
      'Kafka messaging',
      'Token blacklist (Redis) for logout',
      'Redis caching with connection pooling',
    ],
    noMatch: [
      'Migrate from MongoDB to PostgreSQL',
      'Redis (optional)',
      'PostgreSQL 16+ installed',
      'Redis configured and accessible',
      'NATS configured (if using)',
      'Vault secrets rotated',
      'Store the database password in a vault',
      'Use the GraphQL playground to explore the schema, then write a query for each page of the admin dashboard',
      'Backups of the PostgreSQL cluster tested',
      '`DATABASE_URL` - PostgreSQL connection string',
      'REDIS_URL points at the Redis instance',
      'Redis service configured in render.yaml',
      'PostgreSQL declared in docker-compose.prod.yml',
      'Redis 6.2+ for stream consumer groups',
    ],
    verdicts: [
      {
        files: {
          'package.json': '{ "dependencies": { "ioredis": "^5.4.0" } }\n',
          'src/cache.ts':
            "import Redis from 'ioredis';\nexport const cache = new Redis(process.env.REDIS_URL);\n",
        },
        item: 'Redis caching',
        verdict: 'pass',
      },
      {
        files: {
          'package.json': '{ "dependencies": { "express": "^4.19.0" } }\n',
          'README.md': 'Uses Kafka.\n',
        },
        item: 'Kafka messaging',
        verdict: 'fail',
      },
      {
        files: { 'docker-compose.yml': 'services:\n  cache:\n    image: redis:7\n', 'app.py': 'print(1)\n' },
        item: 'Redis',
        verdict: 'unknown',
      },
    ],
  },
};

function componentClaims(item: ChecklistItem): ComponentClaim[] {
  const text = item.text;
  // "Redis 6.2+ for stream support": the subject is the version, which deps.declared-version judges.
  if (depsDeclaredVersion.match(item).length) return [];
  // "`DATABASE_URL` - PostgreSQL connection string": the subject is the variable or file the
  // item names (other rules judge it); the component only describes it.
  if (NOT_USED.test(text) || namesCodeOrVariable(item)) return [];
  // "Redis service configured in render.yaml": the subject is the deployment file; the PaaS and
  // Compose rules judge what it declares.
  if (namesDeploymentFile(text)) return [];
  const named = TECHNOLOGIES.filter((technology) => technology.mention.test(text));
  if (!named.length || named.length > 3) return [];
  // "Redis caching with connection pooling": the pattern is judged by code.pattern-applied;
  // what is left for this rule is whether Redis is integrated at all.
  const words = wordsBesides(text, [
    ...named.map((technology) => technology.mention),
    ...CODE_PATTERNS.map((pattern) => pattern.mention),
  ]);
  const other = words.filter((word) => !BARE.has(word));
  if (other.length > MAX_OTHER_WORDS) return [];
  if (other.some((word) => OPERATIONAL.test(word))) {
    // "Vault secrets rotated": about running it; with nothing in the code to hold on to, only a
    // claim that is also about the code (`bare`/`qualified`) can be contradicted.
    return [];
  }
  const shape = other.length ? 'qualified' : 'bare';
  return named.map((technology) => ({ technology, shape, rest: other.join(' ') }));
}

function namesDeploymentFile(text: string): boolean {
  return (text.match(/[\w./-]+\.(?:ya?ml|toml|json)\b|\bProcfile\b/g) ?? []).some(
    (word) => paasPlatformOf(word) !== undefined || isComposePath(word),
  );
}

function absent(claim: ComponentClaim, scanned: number, manifests: readonly string[]): Finding {
  const { technology } = claim;
  if (!scanned) {
    return {
      verdict: 'unknown',
      message: `no code or configuration files to look for ${technology.name} in`,
      evidence: [],
    };
  }
  const where = manifests.length ? `; dependencies are declared in ${manifests.slice(0, 3).join(', ')}` : '';
  return {
    verdict: 'fail',
    message: `no trace of ${technology.name} in the ${scanned} code, manifest and configuration files (looked for ${technology.traces.slice(0, 6).join(', ')}${technology.traces.length > 6 ? '...' : ''}; documentation not counted)${where}`,
    evidence: (manifests.length ? manifests.slice(0, 3) : ['.']).map((path) => ({ path })),
  };
}

function at(trace: Trace): string {
  return `${trace.path}:${trace.line}`;
}

function ref(trace: Trace): EvidenceRef {
  return { path: trace.path, line: trace.line };
}
