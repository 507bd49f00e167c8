import { type RedisDirective, redisDirectivesCollector } from '../../collectors/redis-directives.js';
import { inScope, isNonProductionPath } from '../../evidence.js';
import type { Rule } from '../../rule.js';
import type { ChecklistItem, EvidenceRef, Finding } from '../../types.js';

/** Plain data: an eviction policy (one of those named) or persistence (AOF, RDB snapshots, or either). */
export type DirectiveClaim =
  | { kind: 'eviction'; policies: string[]; instance: boolean }
  | { kind: 'persistence'; aof: boolean; rdb: boolean; instance: boolean };

/** "for the queue Redis", "on the cache": one of several instances, which another may contradict. */
const INSTANCE = /\b(?:for|on|in)\s+(?:the\s+)?(?!durability\b)[a-z]/i;

const EVICTION_POLICIES =
  /\b(noeviction|allkeys-lru|allkeys-lfu|allkeys-random|volatile-lru|volatile-lfu|volatile-random|volatile-ttl)\b/gi;
const NOT_CLAIMED = /\b(?:disabl\w*|off|no|not|without|turn\w* off)\b/i;

function directiveClaims(item: ChecklistItem): DirectiveClaim[] {
  const text = item.text.replace(/[*_`]/g, ' ');
  if (/\bmaxmemory[- ]policy\b/i.test(text)) {
    const policies = [
      ...new Set((text.match(EVICTION_POLICIES) ?? []).map((policy) => policy.toLowerCase())),
    ];
    return policies.length ? [{ kind: 'eviction', policies, instance: INSTANCE.test(text) }] : [];
  }
  // "AOF enabled", "RDB or AOF persistence": Redis persistence, named by its two mechanisms.
  const aof = /\bAOF\b|\bappendonly\b/i.test(text);
  const rdb = /\bRDB\b/.test(text);
  if (!aof && !rdb) return [];
  if (NOT_CLAIMED.test(text.replace(/\b(?:or|and)\b/gi, ' '))) return [];
  return [{ kind: 'persistence', aof, rdb, instance: INSTANCE.test(text) }];
}

function describe(claim: DirectiveClaim): string {
  if (claim.kind === 'eviction') return `maxmemory-policy ${claim.policies.join(' or ')}`;
  return [claim.rdb && 'RDB snapshots', claim.aof && 'AOF'].filter(Boolean).join(' or ');
}

/** Whether one directive setting satisfies the claim. */
function satisfies(claim: DirectiveClaim, directive: RedisDirective): boolean {
  if (claim.kind === 'eviction')
    return directive.name === 'maxmemory-policy' && claim.policies.includes(directive.value);
  if (claim.aof && directive.name === 'appendonly' && directive.value === 'yes') return true;
  return claim.rdb && directive.name === 'save' && /^\d+\s+\d+$/.test(directive.value);
}

/** Whether a setting contradicts it: set, but to something else. */
function contradicts(claim: DirectiveClaim, directive: RedisDirective): boolean {
  if (claim.kind === 'eviction')
    return directive.name === 'maxmemory-policy' && !claim.policies.includes(directive.value);
  // Only a claim of AOF alone is contradicted by `appendonly no`: RDB snapshots are on by default.
  return claim.aof && !claim.rdb && directive.name === 'appendonly' && directive.value === 'no';
}

export const techRedisDirective: Rule<DirectiveClaim> = {
  id: 'tech.redis-directive',
  title: 'Redis is configured with the eviction policy or persistence the item names',
  why: 'An eviction policy that drops queue keys, or a cache that loses everything on restart, breaks what the application assumes of Redis.',
  fix: 'Set the directive in the Redis configuration the project deploys (redis.conf, its ConfigMap, or `redis-server --maxmemory-policy noeviction --appendonly yes`).',
  recognises:
    'Items that name a Redis eviction policy ("maxmemory-policy allkeys-lru") or persistence ("AOF enabled", "RDB or AOF persistence"); ' +
    'a Redis managed outside the repository cannot be judged, so finding no setting is unknown.',
  needs: [redisDirectivesCollector],
  match: directiveClaims,
  evaluate(claim, ctx): Finding {
    const counts = (path: string) =>
      !isNonProductionPath(path) || (ctx.scope !== '' && inScope(path, ctx.scope));
    const settings = ctx.get(redisDirectivesCollector).filter((directive) => counts(directive.path));
    const holding = settings.find((directive) => satisfies(claim, directive));
    if (holding) {
      return {
        verdict: 'pass',
        message: `${describe(claim)}: ${holding.name} ${holding.value} at ${at(holding)}`,
        evidence: [ref(holding)],
      };
    }
    const against = settings.filter((directive) => contradicts(claim, directive));
    if (against.length && !claim.instance) {
      return {
        verdict: 'fail',
        message: `the Redis configuration sets ${against
          .slice(0, 2)
          .map((directive) => `${directive.name} ${directive.value} (${at(directive)})`)
          .join(', ')}, not ${describe(claim)}`,
        evidence: against.slice(0, 3).map(ref),
      };
    }
    return {
      verdict: 'unknown',
      message: `no Redis configuration in the project sets ${describe(claim)}; a Redis run with its defaults or managed elsewhere cannot be judged here`,
      evidence: [],
    };
  },
  examples: {
    match: [
      'maxmemory-policy set to noeviction',
      'Persistence: RDB or AOF enabled',
      'AOF enabled for the queue Redis',
    ],
    noMatch: [
      'Redis eviction tuned',
      'AOF disabled for the cache instance',
      'Set maxmemory-policy appropriately',
    ],
    verdicts: [
      {
        files: {
          'k8s/redis.yaml':
            'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: redis\ndata:\n  redis.conf: |\n    appendonly yes\n    maxmemory-policy allkeys-lru\n',
        },
        item: 'maxmemory-policy set to noeviction or allkeys-lru',
        verdict: 'pass',
      },
      {
        files: {
          'docker-compose.yml':
            'services:\n  redis:\n    image: redis:7\n    command: redis-server --maxmemory-policy allkeys-lru\n',
        },
        item: 'maxmemory-policy set to noeviction',
        verdict: 'fail',
      },
      {
        // One instance among several: the one found may be another (the cache, not the queue).
        files: {
          'docker-compose.yml':
            'services:\n  redis:\n    image: redis:7\n    command: redis-server --maxmemory-policy allkeys-lru\n',
        },
        item: 'maxmemory-policy noeviction for the queue Redis',
        verdict: 'unknown',
      },
      {
        // Compose runs Redis with its defaults: what a managed production Redis uses is not here.
        files: { 'docker-compose.yml': 'services:\n  redis:\n    image: redis:7\n' },
        item: 'AOF enabled for the queue Redis',
        verdict: 'unknown',
      },
    ],
  },
};

function at(directive: RedisDirective): string {
  return `${directive.path}:${directive.line}`;
}

function ref(directive: RedisDirective): EvidenceRef {
  return { path: directive.path, line: directive.line, excerpt: `${directive.name} ${directive.value}` };
}
