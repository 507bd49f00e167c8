import { testInventory } from '../../collectors/test-inventory.js';
import type { Rule } from '../../rule.js';
import { judgeSuite, type SuiteClaim, suiteClaims } from './tests-evidence.js';

export const testsE2e: Rule<SuiteClaim> = {
  id: 'tests.e2e',
  title: 'End-to-end tests exist',
  why: 'End-to-end tests exercise the product the way users do, through the UI or public API of a running build.',
  fix: 'Add end-to-end tests with the framework the item names (e.g. Playwright specs under its testDir, cypress/e2e).',
  recognises:
    'Items that claim end-to-end tests ("E2E tests (Playwright)", "End-to-end tests passing"); a named ' +
    'framework must be the one in use.',
  needs: [testInventory],
  match: (item) => suiteClaims(item, 'e2e'),
  bound: () => [{ kind: 'e2e', outcome: false, specific: false, loose: false }],
  evaluate: (claim, ctx) => judgeSuite(claim, ctx),
  examples: {
    match: [
      'E2E tests (Playwright)',
      'E2E tests passing',
      'End-to-end tests with Cypress',
      'Unit/E2E test suites green',
      'E2E 测试',
    ],
    noMatch: [
      'E2E encryption enabled',
      'End-to-end encryption for messages',
      'Message sending flow tested',
      'Mobile responsiveness tested',
      'Integration tests',
    ],
    verdicts: [
      {
        files: {
          'package.json': '{ "devDependencies": { "@playwright/test": "^1.48.0" } }\n',
          'e2e/checkout.spec.ts':
            'import { test, expect } from "@playwright/test";\ntest("checkout", async ({ page }) => { await page.goto("/"); await expect(page).toHaveTitle(/Shop/); });\n',
        },
        item: 'E2E tests (Playwright)',
        verdict: 'pass',
      },
      { files: { 'src/app.ts': 'export {};\n' }, item: 'E2E tests (Playwright)', verdict: 'fail' },
    ],
  },
};
