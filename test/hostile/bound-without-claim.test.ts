// Found by fuzzing: an item bound to a rule with `<!-- readiness: id -->` whose text states no
// claim that rule can read used to end in "rule failed on this item (Cannot read properties of
// undefined …); please report it" for 22 rules. It must say what is missing instead.

import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/core/config.js';
import { evaluateRevision } from '../../src/core/engine.js';
import { RULES } from '../../src/core/rules/index.js';
import { MemoryRepo } from '../support/memory-repo.js';

const SMALL_REPO = {
  Dockerfile: 'FROM node:20\nUSER node\n',
  'docker-compose.yml': 'services:\n  web:\n    build: .\n',
  'package.json': '{"scripts":{"test":"vitest"}}',
  Makefile: 'deploy:\n\ttrue\n',
  '.github/workflows/ci.yml':
    'on: pull_request\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm test\n',
  'k8s/deployment.yaml':
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: a\nspec:\n  template:\n    spec:\n      containers:\n        - name: a\n          image: a\n',
};

describe('an item bound to a rule without a claim in its text', () => {
  for (const [label, files] of [
    ['an empty repository', {}],
    ['a small repository', SMALL_REPO],
  ] as const) {
    it(`never reports a rule failure, over ${label}`, async () => {
      const checklist = RULES.map((rule) => `- [x] Reviewed by the team <!-- readiness: ${rule.id} -->`).join(
        '\n',
      );
      const result = await evaluateRevision(new MemoryRepo({ ...files, 'READINESS.md': checklist }), {
        config: DEFAULT_CONFIG,
      });
      const checks = result.checklists.flatMap((list) => list.items.flatMap((item) => item.checks));
      expect(checks.length).toBeGreaterThanOrEqual(RULES.length);
      expect(checks.filter((check) => check.message.startsWith('rule failed'))).toEqual([]);
      const unclaimed = checks.find((check) => check.rule === 'docker.non-root');
      expect(unclaimed?.verdict).toBe('unknown');
      expect(unclaimed?.message).toContain('states nothing that rule can check');
    });
  }
});
