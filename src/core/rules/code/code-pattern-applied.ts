import {
  CODE_PATTERNS,
  type CodePattern,
  codePatternsCollector,
  type PatternOccurrence,
} from '../../collectors/code-patterns.js';
import { TECHNOLOGIES, type Technology } from '../../collectors/technology-traces.js';
import { firstForScope } from '../../evidence.js';
import type { Rule } from '../../rule.js';
import type { ChecklistItem, EvidenceRef, Finding } from '../../types.js';
import { namesCodeOrVariable, wordsBesides } from '../claim-words.js';

export interface PatternClaim {
  pattern: CodePattern;
  /**
   * `bare`: the item names the pattern and nothing the code would have to show besides it
   * ("Circuit breaker implemented", "Retry with exponential backoff"); `qualified`: it says more
   * ("Audit log of admin actions"), which one call site cannot show.
   */
  shape: 'bare' | 'qualified';
  /** The rest of the claim, for messages. */
  rest: string;
  /**
   * Catalogued components the item applies the pattern to ("Connection pooling for Redis"): a
   * use counts only in a file that uses one of them. tech.component-integrated judges whether
   * the component is there at all.
   */
  components: readonly Technology[];
}

/** Wording that says the pattern is not (yet) wanted, is being taken out, or is only weighed. */
const NOT_CLAIMED =
  /\b(?:no|not|without|remov\w*|replac\w*|drop\w*|deprecat\w*|instead|avoid\w*|optional|alternatives?|vs|versus|evaluat\w*|consider\w*|investigat\w*|if (?:needed|used|using|applicable|any|required|necessary))\b/i;
/** Words that say the pattern is there and how it is usually described, nothing more. */
const BARE = new Set(
  (
    'implemented implementation implement implementing in place added add enabled enable configured configure configuration config ' +
    'support supported handling logic mechanism mechanisms pattern patterns strategy strategies policy policies ' +
    'automatic automatically automated exponential backoff back off jitter max maximum limit limits external dependencies ' +
    'dependency services service calls call requests request api apis clients client http outbound upstream third party ' +
    'layer used use using basic simple proper properly set up setup log logs logging trail trails events records ' +
    'queue queues exchange exchanges topic topics locking lock locks concurrency control rotation rotate rotated ' +
    'warming warm cache caches caching deduplication dedup coalescing single flight breaker breakers circuit retry retries ' +
    'retrying audit optimistic dead letter dlq authentication auth tokens token based hashing hashed protection'
  ).split(' '),
);
/** About running, testing or watching the pattern (or a run of it: "cache warming completed") rather than having it in the code. */
const ELSEWHERE =
  /^(?:complet\w*|perform\w*|execut\w*|rotat\w*|secrets?|keys?|deploy\w*|releas\w*|pipelines?|ci|builds?|test\w*|monitor\w*|alert\w*|dashboards?|metrics?|status|review\w*|document\w*|runbooks?|train\w*|tun\w*|verif\w*|validat\w*|database|db|sql|migrations?|infrastructure|terraform|kubernetes|k8s)$/;
/** A variable listed in a sample env file is documented, not applied. */
const ENV_SAMPLE = /(^|\/)\.env(?:\.[\w-]+)?$|\.env\.(?:example|sample|template|dist)$/i;
/** Beyond this many words of its own, the pattern is a detail of another claim. */
const MAX_OTHER_WORDS = 4;

export const codePatternApplied: Rule<PatternClaim> = {
  id: 'code.pattern-applied',
  title:
    'An engineering pattern the checklist names (circuit breaker, retries, audit log...) is applied in the code',
  why: 'Resilience and accountability patterns listed as done but absent from the code are found missing during the outage or the audit they were meant for.',
  fix: 'Apply the pattern where the application makes the calls it protects (or records the actions it audits), or correct the checklist.',
  recognises:
    'Items whose subject is a catalogued pattern (circuit breaker, retries/backoff, audit log, cache warming, request ' +
    'deduplication, optimistic locking, log rotation, dead-letter queue), alone or with a few words; not items about ' +
    'monitoring, testing or deploying it, removing it or weighing it. Passes only on a call, decorator, instantiation ' +
    '(or, for configuration-driven patterns, a configuration line) in production code, outside the file that defines ' +
    'what is called; fails only when nothing outside documentation names it.',
  needs: [codePatternsCollector],
  match: patternClaims,
  evaluate(claim, ctx) {
    const facts = ctx.get(codePatternsCollector);
    const { pattern } = claim;
    const occurrences = facts.occurrences.get(pattern.id) ?? [];
    if (!occurrences.length) return absent(pattern, facts.scanned);
    const applies = (occurrence: PatternOccurrence) =>
      occurrence.role === 'code' ||
      (pattern.configUse === true && occurrence.role === 'config' && !ENV_SAMPLE.test(occurrence.path));
    const onComponent = (occurrence: PatternOccurrence) =>
      !claim.components.length ||
      claim.components.some((component) => occurrence.components.includes(component.id));
    const use = firstForScope(
      occurrences,
      ctx.scope,
      (occurrence) => occurrence.kind === 'u' && applies(occurrence) && onComponent(occurrence),
    );
    if (use) {
      const definition = occurrences.find(
        (occurrence) => occurrence.kind === 'd' && occurrence.token === use.token,
      );
      const found = `${capitalised(pattern.name)} is applied at ${at(use)}${definition ? ` (defined at ${at(definition)})` : ''}`;
      const evidence = definition ? [ref(use), ref(definition)] : [ref(use)];
      if (claim.shape === 'bare') return { verdict: 'pass', message: found, evidence };
      return {
        verdict: 'unknown',
        message: `${found}; the rest of the claim ("${claim.rest}") is not something one call site can show`,
        evidence,
      };
    }
    const elsewhere = claim.components.length
      ? firstForScope(occurrences, ctx.scope, (occurrence) => occurrence.kind === 'u' && applies(occurrence))
      : undefined;
    if (elsewhere) {
      return {
        verdict: 'unknown',
        message: `${capitalised(pattern.name)} is applied at ${at(elsewhere)}, but not in a file that uses ${claim.components.map((component) => component.name).join(' or ')}`,
        evidence: [ref(elsewhere)],
      };
    }
    const definition = firstForScope(
      occurrences,
      ctx.scope,
      (occurrence) => occurrence.kind === 'd' && applies(occurrence),
    );
    if (definition) {
      return {
        verdict: 'unknown',
        message: `${capitalised(pattern.name)} is defined at ${at(definition)}, but nothing outside its own body calls it, so whether it is applied is unclear`,
        evidence: [ref(definition)],
      };
    }
    const seen = firstForScope(occurrences, ctx.scope) ?? (occurrences[0] as PatternOccurrence);
    return {
      verdict: 'unknown',
      message: `${capitalised(pattern.name)} is only mentioned (${describe(seen)} at ${at(seen)}${occurrences.length > 1 ? ` and ${occurrences.length - 1} more places` : ''}), never applied in application code`,
      evidence: occurrences.slice(0, 3).map(ref),
    };
  },
  examples: {
    match: [
      'Circuit breaker implemented',
      'Retry with exponential backoff',
      'Exponential backoff for API requests',
      'Audit logging',
      'Cache warming strategies',
      'API request deduplication',
      'Optimistic locking',
      'Log rotation',
      'Dead-letter queue for failed messages',
      'Connection pooling for Redis',
      'Redis caching with retry logic',
      '熔断',
      'JWT authentication',
      'Passwords hashed with bcrypt',
      'CSRF protection',
    ],
    noMatch: [
      'Circuit breaker status monitoring',
      'Cache warming completed',
      'Retry failed deployments from the Actions tab',
      'npm audit passes',
      'Security audit completed',
      'No retries on non-idempotent requests',
      'Consider adding a circuit breaker',
      'Alerts on dead-letter queue depth',
      'Set `RETRY_LIMIT` in production',
      'JWT secret rotated every 90 days',
      'Password policy reviewed by security',
      'Log rotation configured on the production hosts by the platform team and checked in the quarterly review',
    ],
    verdicts: [
      {
        files: {
          'src/breaker.ts':
            'export class CircuitBreaker {\n  constructor(private limit: number) {}\n  fire<T>(call: () => Promise<T>) { return call(); }\n}\n',
          'src/client.ts':
            "import { CircuitBreaker } from './breaker';\nconst breaker = new CircuitBreaker(5);\nexport const get = (url: string) => breaker.fire(() => fetch(url));\n",
        },
        item: 'Circuit breaker implemented',
        verdict: 'pass',
      },
      {
        // Defined but never instantiated: a class is not the pattern applied.
        files: {
          'app/utils/resilience.py':
            'class CircuitBreaker:\n    def __init__(self, limit):\n        self.limit = limit\n\n    def call(self, fn):\n        if self.open:\n            raise CircuitBreakerOpen()\n        return fn()\n\n\nclass CircuitBreakerOpen(Exception):\n    pass\n',
          'app/main.py': 'from app.utils.resilience import CircuitBreaker\n\nprint("ready")\n',
        },
        item: 'Circuit breaker implemented',
        verdict: 'unknown',
      },
      {
        files: {
          'lib/client.rb':
            'class Client\n  def fetch(path)\n    with_retries do\n      http.get(path)\n    end\n  end\nend\n',
          'lib/retrying.rb':
            'module Retrying\n  def with_retries\n    attempts = 0\n    begin\n      yield\n    rescue StandardError\n      attempts += 1\n      retry if attempts < 3\n    end\n  end\nend\n',
        },
        item: 'Retry mechanism',
        verdict: 'pass',
      },
      {
        files: {
          'src/server.js': "const express = require('express');\nconst app = express();\napp.listen(3000);\n",
          'package.json': '{ "dependencies": { "express": "^4.19.0" } }\n',
        },
        item: 'Audit logging',
        verdict: 'fail',
      },
      {
        // A comment is not code: mentioned, not applied.
        files: {
          'src/server.js':
            "const express = require('express');\n// TODO: audit log every admin action\nconst app = express();\napp.listen(3000);\n",
        },
        item: 'Audit logging',
        verdict: 'unknown',
      },
      {
        files: {
          'settings.py':
            "LOGGING = {\n    'handlers': {\n        'file': {\n            'class': 'logging.handlers.RotatingFileHandler',\n            'maxBytes': 5242880,\n        },\n    },\n}\n",
        },
        item: 'Log rotation',
        verdict: 'pass',
      },
      {
        files: {
          'src/auth.ts':
            "import jwt from 'jsonwebtoken';\nexport const check = (token: string) => jwt.verify(token, process.env.JWT_SECRET as string);\n",
        },
        item: 'JWT authentication',
        verdict: 'pass',
      },
      {
        // Switched off is not protection.
        files: {
          'src/main/java/app/SecurityConfig.java':
            'class SecurityConfig {\n  SecurityFilterChain chain(HttpSecurity http) throws Exception {\n    return http.csrf(csrf -> csrf.disable()).build();\n  }\n}\n',
        },
        item: 'CSRF protection',
        verdict: 'unknown',
      },
      {
        // Go: the breaker is built in the constructor of another type in the same file.
        files: {
          'internal/engine/engine.go':
            'package engine\n\ntype Engine struct {\n\tbreaker *CircuitBreaker\n}\n\nfunc NewEngine() *Engine {\n\treturn &Engine{breaker: NewCircuitBreaker(3)}\n}\n\ntype CircuitBreaker struct {\n\tlimit int\n}\n\nfunc NewCircuitBreaker(limit int) *CircuitBreaker {\n\treturn &CircuitBreaker{limit: limit}\n}\n',
        },
        item: 'Circuit breaker implemented',
        verdict: 'pass',
      },
      {
        files: {
          'src/client.py':
            'import time\n\nBASE_DELAY = 0.5\n\n\ndef fetch(call, retries=3):\n    for attempt in range(retries):\n        try:\n            return call()\n        except IOError:\n            time.sleep(BASE_DELAY * 2 ** attempt)\n',
        },
        item: 'Exponential backoff',
        verdict: 'unknown',
      },
      {
        files: {
          'src/client.py':
            'import time\n\nBACKOFF_BASE = 0.5\n\n\ndef fetch(call, retries=3):\n    for attempt in range(retries):\n        try:\n            return call()\n        except IOError:\n            time.sleep(BACKOFF_BASE * 2 ** attempt)\n',
        },
        item: 'Exponential backoff',
        verdict: 'pass',
      },
      {
        // Dependency audits in CI are not an audit log of what users did.
        files: {
          '.github/workflows/ci.yml':
            'on: push\njobs:\n  audit:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm audit --audit-level=high\n',
          'src/server.js': "const app = require('express')();\napp.listen(3000);\n",
        },
        item: 'Audit trail',
        verdict: 'fail',
      },
      {
        // A pool of WebSocket connections is not a database connection pool; ORMs pool by
        // default, so finding no pool settings proves nothing either.
        files: {
          'src/speech.ts': 'export const POOL = { poolSize: 50 };\n',
          'src/db.ts':
            "import { PrismaClient } from '@prisma/client';\nexport const db = new PrismaClient();\n",
        },
        item: 'Database connection pooling',
        verdict: 'unknown',
      },
      {
        files: {
          'config/settings.py':
            "DATABASES = {'default': {'ENGINE': 'django.db.backends.postgresql', 'CONN_MAX_AGE': 600}}\n",
        },
        item: 'Database connection pooling',
        verdict: 'pass',
      },
      {
        // The pool is there, but for the database, not for Redis.
        files: {
          'package.json': '{ "dependencies": { "ioredis": "^5.4.0", "pg": "^8.11.0" } }\n',
          'src/db.ts':
            "import { Pool } from 'pg';\nexport const db = new Pool({ max: 20, connection_pool: true });\n",
          'src/cache.ts':
            "import Redis from 'ioredis';\nexport const cache = new Redis(process.env.REDIS_URL);\n",
        },
        item: 'Connection pooling for Redis',
        verdict: 'unknown',
      },
      {
        files: {
          'app/cache.py':
            'import redis\nfrom app.retrying import retry\n\nclient = redis.Redis()\n\n\n@retry(attempts=3)\ndef get(key):\n    return client.get(key)\n',
        },
        item: 'Redis caching with retry logic',
        verdict: 'pass',
      },
    ],
  },
};

function patternClaims(item: ChecklistItem): PatternClaim[] {
  const text = item.text;
  if (NOT_CLAIMED.test(text) || namesCodeOrVariable(item)) return [];
  const named = CODE_PATTERNS.filter((pattern) => pattern.mention.test(text));
  if (!named.length || named.length > 2) return [];
  const components = TECHNOLOGIES.filter((technology) => technology.mention.test(text));
  const words = wordsBesides(
    text,
    [...components.map((technology) => technology.mention), ...named.map((pattern) => pattern.mention)],
    true,
  );
  const other = words.filter((word) => !BARE.has(word));
  if (other.length > MAX_OTHER_WORDS || other.some((word) => ELSEWHERE.test(word))) return [];
  const shape = other.length ? 'qualified' : 'bare';
  return named.map((pattern) => ({ pattern, shape, rest: other.join(' '), components }));
}

function absent(pattern: CodePattern, scanned: number): Finding {
  if (pattern.absenceDecides === false) {
    return {
      verdict: 'unknown',
      message: `no configuration of ${pattern.name} found, but frameworks commonly provide it by default, so its absence proves nothing`,
      evidence: [],
    };
  }
  if (!scanned) {
    return {
      verdict: 'unknown',
      message: `no code or configuration files to look for ${pattern.name} in`,
      evidence: [],
    };
  }
  const looked = [...new Set([...pattern.uses, ...pattern.traces])];
  return {
    verdict: 'fail',
    message: `no trace of ${pattern.name} in the ${scanned} code and configuration files (looked for ${looked.slice(0, 8).join(', ')}${looked.length > 8 ? '...' : ''} in identifiers and settings; documentation not counted)`,
    evidence: [{ path: '.' }],
  };
}

function describe(occurrence: PatternOccurrence): string {
  if (occurrence.role === 'test') return 'in a test';
  if (occurrence.kind === 'd') return 'a definition';
  return occurrence.role === 'code' ? 'a comment, import or name' : 'in configuration';
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function at(occurrence: PatternOccurrence): string {
  return `${occurrence.path}:${occurrence.line}`;
}

function ref(occurrence: PatternOccurrence): EvidenceRef {
  return { path: occurrence.path, line: occurrence.line };
}
