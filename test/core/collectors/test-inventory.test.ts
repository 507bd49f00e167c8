import { describe, expect, it } from 'vitest';
import {
  type TestInventory,
  testFolders,
  testInventory,
} from '../../../src/core/collectors/test-inventory.js';
import { DEFAULT_CONFIG } from '../../../src/core/config.js';
import { collectEvidence, createRepoView } from '../../../src/core/evidence.js';
import { MemoryRepo } from '../../support/memory-repo.js';

async function inventory(files: Record<string, string>): Promise<TestInventory> {
  return collectEvidence(testInventory, await createRepoView(new MemoryRepo(files)), DEFAULT_CONFIG);
}

const kinds = (result: TestInventory) => result.files.map((file) => [file.path, file.kind, file.framework]);

describe('test-inventory collector', () => {
  it('sorts a TypeScript app into unit, integration and Playwright e2e', async () => {
    const result = await inventory({
      'package.json':
        '{\n  "devDependencies": {\n    "@playwright/test": "^1.44.0",\n    "vitest": "^1.6.0"\n  }\n}\n',
      'playwright.config.ts': "export default defineConfig({ testDir: './e2e', use: { baseURL } });",
      'e2e/login.spec.ts': "test('logs in', async ({ page }) => {});",
      'src/sum.test.ts': '',
      'test/integration/db.test.ts': '',
      'src/api.integration.test.ts': '',
      'src/integrations/slack.ts': '',
    });
    expect(kinds(result)).toEqual([
      ['e2e/login.spec.ts', 'e2e', 'Playwright'],
      ['src/api.integration.test.ts', 'integration', 'Vitest'],
      ['src/sum.test.ts', 'unit', 'Vitest'],
      ['test/integration/db.test.ts', 'integration', 'Vitest'],
    ]);
    expect(result.frameworks).toContainEqual({
      name: 'Vitest',
      path: 'package.json',
      line: 4,
      excerpt: '"vitest": "^1.6.0"',
    });
  });

  it('recognises Cypress, NestJS e2e specs and Jest', async () => {
    const result = await inventory({
      'package.json': '{"devDependencies": {"jest": "29", "cypress": "13"}}',
      'cypress/e2e/home.cy.ts': '',
      'test/app.e2e-spec.ts': '',
      'src/app.service.spec.ts': '',
    });
    expect(kinds(result)).toEqual([
      ['cypress/e2e/home.cy.ts', 'e2e', 'Cypress'],
      ['src/app.service.spec.ts', 'unit', 'Jest'],
      ['test/app.e2e-spec.ts', 'e2e', 'Cypress'],
    ]);
  });

  it('recognises Go, Python, Elixir, Java and Rust conventions', async () => {
    const result = await inventory({
      'go.mod': 'module example.com/app',
      'internal/sum_test.go': '',
      'internal/db_integration_test.go': '',
      'pyproject.toml': '[tool.pytest.ini_options]\naddopts = "-q"\n',
      'tests/test_api.py': '',
      'tests/integration/test_db.py': '',
      'test/app_web/page_test.exs': '',
      'pom.xml': '<dependency><artifactId>junit-jupiter</artifactId></dependency>',
      'src/test/java/com/acme/SumTest.java': '',
      'src/it/java/com/acme/DbIT.java': '',
      'Cargo.toml': '[package]\nname = "app"\n',
      'tests/cli.rs': '',
      'src/lib.rs': 'pub fn sum() {}\n#[cfg(test)]\nmod tests {}\n',
      'src/main.rs': 'fn main() {}\n',
    });
    expect(kinds(result)).toEqual([
      ['internal/db_integration_test.go', 'integration', 'go test'],
      ['internal/sum_test.go', 'unit', 'go test'],
      ['src/it/java/com/acme/DbIT.java', 'integration', 'JUnit'],
      ['src/lib.rs', 'unit', 'cargo test'],
      ['src/test/java/com/acme/SumTest.java', 'unit', 'JUnit'],
      ['test/app_web/page_test.exs', 'unit', 'ExUnit'],
      ['tests/cli.rs', 'integration', 'cargo test'],
      ['tests/integration/test_db.py', 'integration', 'pytest'],
      ['tests/test_api.py', 'unit', 'pytest'],
    ]);
  });

  it('recognises .NET test projects by their folder names', async () => {
    const result = await inventory({
      'test/Shop.UnitTests/CartTest.cs': '[Fact] public void Adds() {}\n',
      'test/Shop.IntegrationTests/HealthTest.cs': '[Fact] public void Up() {}\n',
      'test/Shop.PlaywrightTests/SmokeTest.cs': '[Fact] public void Loads() {}\n',
      'src/Shop/Program.cs': 'var app = WebApplication.Create();\n',
    });
    expect(kinds(result)).toEqual([
      ['test/Shop.IntegrationTests/HealthTest.cs', 'integration', 'dotnet test'],
      ['test/Shop.PlaywrightTests/SmokeTest.cs', 'e2e', 'Playwright'],
      ['test/Shop.UnitTests/CartTest.cs', 'unit', 'dotnet test'],
    ]);
  });

  it('finds load tests by content and by name', async () => {
    const result = await inventory({
      'load/checkout.js': "import http from 'k6/http';\nexport const options = { vus: 100 };\n",
      'load/helpers.js': 'export const base = 1;',
      'perf/locustfile.py': 'from locust import HttpUser\n',
      'perf/artillery.yml': 'config:\n  target: "http://localhost"\nscenarios:\n  - flow: []\n',
      'jmeter/plan.jmx': '<jmeterTestPlan/>',
    });
    expect(kinds(result)).toEqual([
      ['jmeter/plan.jmx', 'load', 'JMeter'],
      ['load/checkout.js', 'load', 'k6'],
      ['perf/artillery.yml', 'load', 'Artillery'],
      ['perf/locustfile.py', 'load', 'Locust'],
    ]);
  });

  it('does not count fixtures or malformed manifests', async () => {
    const result = await inventory({
      'package.json': '{ not json',
      'test/fixtures/sample.test.ts': '',
      'node_modules/lib/index.test.js': '',
    });
    expect(result).toEqual({ frameworks: [], files: [] });
  });
});

describe('testFolders', () => {
  it('counts files per folder, largest first', () => {
    expect(
      testFolders([
        { path: 'test/a.test.ts', kind: 'unit' },
        { path: 'test/b.test.ts', kind: 'unit' },
        { path: 'src/c.test.ts', kind: 'unit' },
        { path: 'd.test.ts', kind: 'unit' },
      ]),
    ).toEqual([
      { folder: 'test', count: 2 },
      { folder: '.', count: 1 },
      { folder: 'src', count: 1 },
    ]);
  });
});
