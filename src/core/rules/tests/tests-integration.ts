import { testInventory } from '../../collectors/test-inventory.js';
import type { Rule } from '../../rule.js';
import { judgeSuite, type SuiteClaim, suiteClaims } from './tests-evidence.js';

export const testsIntegration: Rule<SuiteClaim> = {
  id: 'tests.integration',
  title: 'Integration tests exist',
  why: 'Integration tests catch what unit tests cannot: wiring, databases, queues and real HTTP between parts.',
  fix:
    'Add integration tests where the runner finds them and a reader can tell them apart (an integration/ folder, ' +
    '*.integration.test.ts, *_integration_test.go, *IT.java, Rust tests/).',
  recognises: 'Items that claim integration tests ("Integration tests", "Integration tests passing").',
  needs: [testInventory],
  match: (item) => suiteClaims(item, 'integration'),
  bound: () => [{ kind: 'integration', outcome: false, specific: false, loose: false }],
  evaluate: (claim, ctx) => judgeSuite(claim, ctx),
  examples: {
    match: [
      'Integration tests',
      'Integration tests passing',
      '**Integration Tests** - End-to-end flow testing',
      'Unit + integration test suites run in CI',
      '集成测试',
    ],
    noMatch: [
      'Stripe integration configured',
      'Continuous integration pipeline green',
      'Slack integration tested',
      'QA Team: Integration testing completed',
      'All endpoints tested',
    ],
    verdicts: [
      {
        files: {
          'tests/integration/orders.test.ts':
            'import { it } from "vitest";\nit("creates an order against the database", async () => {});\n',
          'package.json': '{ "devDependencies": { "vitest": "^3.0.0" } }\n',
        },
        item: 'Integration tests',
        verdict: 'pass',
      },
      { files: { 'src/app.ts': 'export {};\n' }, item: 'Integration tests', verdict: 'fail' },
    ],
  },
};
