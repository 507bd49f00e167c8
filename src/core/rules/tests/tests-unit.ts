import { testInventory } from '../../collectors/test-inventory.js';
import type { Rule } from '../../rule.js';
import { judgeSuite, type SuiteClaim, suiteClaims } from './tests-evidence.js';

export const testsUnit: Rule<SuiteClaim> = {
  id: 'tests.unit',
  title: 'Unit tests exist',
  why: 'Unit tests are the first line of defence against regressions; a ticked box without any is false comfort.',
  fix: 'Add unit tests next to the code (*.test.ts, *_test.go, tests/test_*.py ...) with the framework the item names.',
  recognises:
    'Items that claim unit tests ("Unit tests (Vitest)", "Unit tests passing"), with the framework when named.',
  needs: [testInventory],
  match: (item) => suiteClaims(item, 'unit'),
  bound: () => [{ kind: 'unit', outcome: false, specific: false, loose: false }],
  evaluate: (claim, ctx) => judgeSuite(claim, ctx),
  examples: {
    match: [
      'Unit tests (Vitest)',
      'Unit tests passing',
      '**Unit Tests** - Framework setup complete, need tests for:',
      'Unit and integration tests written with pytest',
      'Jest unit tests for all services',
    ],
    noMatch: [
      'Unit of work pattern applied to repositories',
      'Unit conversion tested',
      'Integration tests',
      'Penetration testing',
      'Test message sent to verify bot permissions',
      'QA Team: Unit testing completed',
    ],
    verdicts: [
      {
        files: {
          'package.json': '{ "devDependencies": { "vitest": "^3.0.0" } }\n',
          'src/sum.test.ts':
            'import { expect, it } from "vitest";\nimport { sum } from "./sum";\nit("adds", () => expect(sum(1, 2)).toBe(3));\n',
          'src/sum.ts': 'export const sum = (a: number, b: number) => a + b;\n',
        },
        item: 'Unit tests (Vitest)',
        verdict: 'pass',
      },
      {
        files: { 'src/sum.ts': 'export const sum = (a: number, b: number) => a + b;\n' },
        item: 'Unit tests (Vitest)',
        verdict: 'fail',
      },
    ],
  },
};
