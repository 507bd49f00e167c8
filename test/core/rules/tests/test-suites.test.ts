// tests.unit, tests.integration, tests.e2e and tests.load share their judging (test-suite.ts).

import { describe, expect, it } from 'vitest';
import { testsE2e } from '../../../../src/core/rules/tests/tests-e2e.js';
import { testsIntegration } from '../../../../src/core/rules/tests/tests-integration.js';
import { testsLoad } from '../../../../src/core/rules/tests/tests-load.js';
import { testsUnit } from '../../../../src/core/rules/tests/tests-unit.js';
import { itemFrom, judgeOne, matches } from '../../../support/rule-harness.js';

const WEB_APP = {
  'package.json':
    '{\n  "devDependencies": {\n    "@playwright/test": "^1.44.0",\n    "vitest": "^1.6.0"\n  }\n}\n',
  'playwright.config.ts':
    "import { defineConfig } from '@playwright/test';\nexport default defineConfig({ testDir: './e2e' });\n",
  'e2e/login.spec.ts': "import { test } from '@playwright/test';\n",
  'e2e/checkout.spec.ts': "import { test } from '@playwright/test';\n",
  'src/sum.test.ts': "import { it } from 'vitest';\n",
  'src/api/routes.test.ts': "import { it } from 'vitest';\n",
};

describe('tests.unit', () => {
  it('reads the framework and the kind of claim', () => {
    expect(testsUnit.match(itemFrom('Unit tests (Vitest)'))).toEqual([
      { kind: 'unit', framework: 'Vitest', outcome: false, specific: false, loose: false },
    ]);
    expect(testsUnit.match(itemFrom('Unit tests passing'))[0]).toMatchObject({ outcome: true });
  });

  it('passes with the named framework', async () => {
    const finding = await judgeOne(testsUnit, WEB_APP, 'Unit tests (Vitest)');
    expect(finding).toEqual({
      verdict: 'pass',
      message: '2 unit test files (Vitest) in src (1), src/api (1)',
      evidence: [
        { path: 'src', excerpt: '1 test files' },
        { path: 'src/api', excerpt: '1 test files' },
      ],
    });
  });

  it('fails when the tests use another framework', async () => {
    const files = {
      'package.json': '{"devDependencies": {"jest": "29"}}',
      'src/a.test.js': '',
      'src/b.test.js': '',
    };
    const finding = await judgeOne(testsUnit, files, 'Unit tests (Vitest)');
    expect(finding).toMatchObject({
      verdict: 'fail',
      message: '2 unit test files (Jest) in src (2), none run by Vitest',
    });
  });

  it('fails when there are no unit tests at all', async () => {
    const finding = await judgeOne(testsUnit, { 'src/index.ts': 'export {};' }, 'Unit tests');
    expect(finding.verdict).toBe('fail');
    expect(finding.message).toMatch(/^no unit tests in the repository: no files matching \*\.test\.\*/);
    expect(finding.evidence).toEqual([{ path: '.' }]);
  });

  it('is unknown when the item claims the tests pass', async () => {
    const finding = await judgeOne(testsUnit, WEB_APP, 'Unit tests passing');
    expect(finding).toMatchObject({
      verdict: 'unknown',
      message: expect.stringContaining('whether they pass'),
    });
  });

  it('looks inside the checklist folder first', async () => {
    const files = { 'services/api/go.mod': 'module api', 'services/web/src/a.test.ts': '' };
    const finding = await judgeOne(testsUnit, files, 'Unit tests', {
      checklistPath: 'services/api/READINESS.md',
    });
    expect(finding).toMatchObject({
      verdict: 'unknown',
      message: expect.stringContaining('no unit tests inside services/api'),
    });
  });
});

describe('tests.integration', () => {
  it('passes with an integration folder', async () => {
    const files = {
      'go.mod': 'module a',
      'internal/store/store_test.go': '',
      'test/integration/db_test.go': '',
    };
    const finding = await judgeOne(testsIntegration, files, 'Integration tests');
    expect(finding).toMatchObject({
      verdict: 'pass',
      message: '1 integration test file (go test) in test/integration (1)',
    });
  });

  it('is unknown when only unnamed tests exist', async () => {
    const finding = await judgeOne(testsIntegration, WEB_APP, 'Integration tests');
    expect(finding).toMatchObject({
      verdict: 'unknown',
      message: expect.stringContaining('found 2 e2e, 2 unit'),
    });
  });

  it('fails when the repository has no tests', async () => {
    const finding = await judgeOne(testsIntegration, { 'README.md': '# app' }, 'Integration tests');
    expect(finding.verdict).toBe('fail');
  });
});

describe('tests.e2e', () => {
  it('passes with Playwright specs under its testDir', async () => {
    const finding = await judgeOne(testsE2e, WEB_APP, 'E2E tests (Playwright)');
    expect(finding).toMatchObject({ verdict: 'pass', message: '2 e2e test files (Playwright) in e2e (2)' });
  });

  it('fails when Cypress is what the repository uses', async () => {
    const files = { 'package.json': '{"devDependencies": {"cypress": "13"}}', 'cypress/e2e/home.cy.ts': '' };
    const finding = await judgeOne(testsE2e, files, 'E2E tests (Playwright)');
    expect(finding).toMatchObject({
      verdict: 'fail',
      message: '1 e2e test file (Cypress) in cypress/e2e (1), none run by Playwright',
    });
  });

  it('fails when there is no e2e framework and no e2e folder', async () => {
    const files = { 'package.json': '{"devDependencies": {"vitest": "1"}}', 'src/a.test.ts': '' };
    const finding = await judgeOne(testsE2e, files, 'E2E tests');
    expect(finding).toMatchObject({
      verdict: 'fail',
      message: expect.stringMatching(/^no e2e tests in the repository \(found 1 unit\)/),
    });
  });

  it('is unknown when Playwright is declared but no spec was recognised', async () => {
    const files = { 'package.json': '{\n  "devDependencies": {\n    "@playwright/test": "1"\n  }\n}\n' };
    const finding = await judgeOne(testsE2e, files, 'E2E tests (Playwright)');
    expect(finding).toMatchObject({
      verdict: 'unknown',
      message: expect.stringContaining('Playwright is declared at package.json:3'),
    });
  });
});

describe('tests.load', () => {
  const K6 = {
    'load/checkout.js': "import http from 'k6/http';\nexport default function () { http.get(__ENV.URL); }\n",
  };

  it('passes with a k6 script', async () => {
    const finding = await judgeOne(testsLoad, K6, 'Load testing with k6');
    expect(finding).toMatchObject({ verdict: 'pass', message: '1 load test file (k6) in load (1)' });
  });

  it('fails when the named tool is absent', async () => {
    const finding = await judgeOne(testsLoad, { 'src/index.ts': '' }, 'Load testing with k6');
    expect(finding).toMatchObject({
      verdict: 'fail',
      message: expect.stringMatching(/^no k6 load tests in the repository/),
    });
  });

  it('is unknown for completed load testing with no scripts (it may have run elsewhere)', async () => {
    const finding = await judgeOne(testsLoad, { 'src/index.ts': '' }, 'Load testing completed');
    expect(finding.verdict).toBe('unknown');
  });

  it('is unknown for user counts a script cannot confirm', async () => {
    const finding = await judgeOne(testsLoad, K6, 'Load testing (100 concurrent users)');
    expect(finding).toMatchObject({
      verdict: 'unknown',
      message: expect.stringContaining('needs a reviewer'),
    });
  });
});

describe('suite claims about CI', () => {
  it('judges "unit tests run on pull requests" by the test files, leaving CI to the ci rules', async () => {
    const files = {
      'package.json': '{"devDependencies":{"vitest":"^2.0.0"}}',
      'test/a.test.ts': 'it("a", () => {})',
    };
    const finding = await judgeOne(testsUnit, files, 'Unit tests (Vitest) run on pull requests');
    expect(finding.verdict).toBe('pass');
  });
});

describe('end-to-end tests outside JavaScript, and suites named in Chinese', () => {
  it('recognises e2e tests by name in Go, Python and Java', async () => {
    for (const path of [
      'internal/checkout/checkout_e2e_test.go',
      'tests/test_e2e_orders.py',
      'src/test/java/app/OrderE2ETest.java',
    ]) {
      const files = { [path]: 'x\n', 'go.mod': 'module app\n' };
      expect((await judgeOne(testsE2e, files, 'E2E tests')).verdict, path).toBe('pass');
    }
  });

  it('reads "集成测试" and "E2E 测试" as suite claims, but not a claim about their automation', async () => {
    const files = { 'go.mod': 'module app\n', 'test/integration/api_test.go': 'package integration\n' };
    expect((await judgeOne(testsIntegration, files, '集成测试')).verdict).toBe('pass');
    expect((await judgeOne(testsE2e, files, 'E2E 测试')).verdict).toBe('fail');
    expect(matches(testsLoad, '负载测试自动化')).toBe(false);
    expect(matches(testsUnit, '单元测试 (go test)')).toBe(true);
  });
});
