import { describe, expect, it } from 'vitest';
import { tracesIn } from '../../../../src/core/collectors/technology-traces.js';
import { techComponentIntegrated } from '../../../../src/core/rules/tech/tech-component-integrated.js';
import { judgeOne, matches } from '../../../support/rule-harness.js';

const GO_MOD = `module example.com/shop

go 1.22

require (
\tgithub.com/go-chi/chi/v5 v5.0.12
\tgithub.com/redis/go-redis/v9 v9.5.1
)
`;
const CACHE = `package cache

import (
\t"context"

\t"github.com/redis/go-redis/v9"
)

func New(addr string) *redis.Client { return redis.NewClient(&redis.Options{Addr: addr}) }
`;
const SERVICE = {
  'go.mod': GO_MOD,
  'internal/cache/client.go': CACHE,
  'README.md': '# Shop\n\nUses Vault and Kafka.\n',
};

describe('tech.component-integrated', () => {
  it('passes when the client is declared and used, pointing at both lines', async () => {
    const finding = await judgeOne(techComponentIntegrated, SERVICE, 'Redis');
    expect(finding).toMatchObject({
      verdict: 'pass',
      evidence: [
        { path: 'go.mod', line: 7 },
        { path: 'internal/cache/client.go', line: 6 },
      ],
    });
  });

  it('fails when no code, manifest or configuration file names it (documentation does not count)', async () => {
    const vault = await judgeOne(techComponentIntegrated, SERVICE, 'Vault');
    expect(vault).toMatchObject({ verdict: 'fail', evidence: [{ path: 'go.mod' }] });
    expect(vault.message).toContain(
      'no trace of HashiCorp Vault in the 2 code, manifest and configuration files',
    );
    const opa = await judgeOne(techComponentIntegrated, SERVICE, 'OPA integration (to do)', {
      checked: false,
    });
    expect(opa.verdict).toBe('fail');
    const blacklist = await judgeOne(techComponentIntegrated, SERVICE, 'Token blacklist (Kafka) for logout');
    expect(blacklist.verdict).toBe('fail');
  });

  it('is unknown when it is only mentioned: in a comment, a compose service, or code without a dependency', async () => {
    const commented = {
      'go.mod': 'module example.com/shop\n\ngo 1.22\n',
      'main.go': 'package main\n\n// TODO: cache sessions in redis\nfunc main() {}\n',
    };
    expect((await judgeOne(techComponentIntegrated, commented, 'Redis caching')).verdict).toBe('unknown');
    const compose = {
      'docker-compose.yml': 'services:\n  cache:\n    image: redis:7\n',
      'app.py': 'print(1)\n',
    };
    const service = await judgeOne(techComponentIntegrated, compose, 'Redis');
    expect(service).toMatchObject({
      verdict: 'unknown',
      evidence: [{ path: 'docker-compose.yml', line: 3 }],
    });
    expect(service.message).toContain('no declared dependency');
    const resolverOnly = {
      'go.mod': 'module example.com/shop\n\ngo 1.22\n',
      'internal/graphql/resolver.go': 'package graphql\n\ntype Resolver struct{}\n',
    };
    expect((await judgeOne(techComponentIntegrated, resolverOnly, 'GraphQL')).verdict).toBe('unknown');
  });

  it('a claim about more than its use is unknown even when integrated', async () => {
    const finding = await judgeOne(techComponentIntegrated, SERVICE, 'Redis caching with sharding');
    expect(finding).toMatchObject({
      verdict: 'unknown',
      evidence: [{ path: 'go.mod' }, { path: 'internal/cache/client.go' }],
    });
    expect(finding.message).toContain('"sharding"');
    // A catalogued pattern is code.pattern-applied's to judge; Redis itself is integrated.
    expect(
      (await judgeOne(techComponentIntegrated, SERVICE, 'Redis caching with connection pooling')).verdict,
    ).toBe('pass');
    // "working" is an outcome, not a use: the code shows the client, not that it works.
    expect((await judgeOne(techComponentIntegrated, SERVICE, 'Redis working')).verdict).toBe('unknown');
  });

  it('leaves claims about operating, removing or comparing a component alone', () => {
    for (const text of [
      'Redis backups tested',
      'Migrate away from MongoDB',
      'Vault secrets rotated',
      'Redis (optional)',
    ])
      expect(matches(techComponentIntegrated, text), text).toBe(false);
  });

  it('a name inside another word or on a comment line is a trace, not a use', () => {
    expect(tracesIn('import Redis from "ioredis";\n')).toEqual([['redis', 1, true]]);
    expect(tracesIn('# uses redis\nx = 1\n')).toEqual([['redis', 1, false]]);
    expect(tracesIn('const predisposed = 1;\nimport redis\n')).toEqual([
      ['redis', 1, false],
      ['redis', 2, true],
    ]);
  });

  it('an env sample, CI job or archived copy names a component without showing the application uses it', async () => {
    const sample = {
      'pyproject.toml': '[project]\nname = "shop"\ndependencies = ["redis>=5"]\n',
      '.env.example': 'REDIS_URL=redis://localhost:6379/0\n',
      '.github/workflows/ci.yml': 'services:\n  redis:\n    image: redis:7\n',
      'examples/worker/app.py': 'import redis\n',
      'app/main.py': 'print("hello")\n',
    };
    const finding = await judgeOne(techComponentIntegrated, sample, 'Redis');
    expect(finding.verdict).toBe('unknown');
    expect(finding.message).toContain('no use in application code');
    const used = await judgeOne(
      techComponentIntegrated,
      { ...sample, 'app/cache.py': 'import redis\n' },
      'Redis',
    );
    expect(used).toMatchObject({
      verdict: 'pass',
      evidence: [
        { path: 'pyproject.toml', line: 3 },
        { path: 'app/cache.py', line: 1 },
      ],
    });
  });
});
