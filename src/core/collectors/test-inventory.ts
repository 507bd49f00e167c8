// Test suites by kind. Kind comes from where a file lives and how it is named (the
// conventions each ecosystem's runner uses), framework from manifests and config files.
// Content is read only where the path cannot tell: load scripts (k6 imports), Rust unit
// tests inside source files, Playwright's testDir.

import type { Collector, RepoView } from '../evidence.js';
import { NOT_THIS_PROJECT } from '../formats/folders.js';
import { lineOf } from '../formats/lines.js';
import { parsePackageJson } from '../formats/package-json.js';
import { folderOf, joinPath } from '../formats/paths.js';

export type TestKind = 'unit' | 'integration' | 'e2e' | 'load';

export interface TestFile {
  path: string;
  kind: TestKind;
  /** Framework that runs it, when the repository says so. */
  framework?: string;
}

export interface DetectedFramework {
  name: string;
  /** Where the repository declares it (dependency, config file). */
  path: string;
  line?: number;
  excerpt?: string;
}

export interface TestInventory {
  frameworks: DetectedFramework[];
  files: TestFile[];
}

/** Frameworks that drive a browser or an app from outside: their presence makes end-to-end tests plausible. */
export const E2E_FRAMEWORKS = new Set([
  'Playwright',
  'Cypress',
  'Puppeteer',
  'WebdriverIO',
  'Selenium',
  'TestCafe',
  'Nightwatch',
  'Detox',
]);
export const LOAD_FRAMEWORKS = new Set(['k6', 'Artillery', 'Locust', 'JMeter', 'Gatling']);

const NPM_FRAMEWORKS: Record<string, string> = {
  vitest: 'Vitest',
  jest: 'Jest',
  'ts-jest': 'Jest',
  mocha: 'Mocha',
  jasmine: 'Jasmine',
  ava: 'AVA',
  '@playwright/test': 'Playwright',
  playwright: 'Playwright',
  cypress: 'Cypress',
  puppeteer: 'Puppeteer',
  webdriverio: 'WebdriverIO',
  '@wdio/cli': 'WebdriverIO',
  'selenium-webdriver': 'Selenium',
  testcafe: 'TestCafe',
  nightwatch: 'Nightwatch',
  detox: 'Detox',
  artillery: 'Artillery',
  '@types/k6': 'k6',
};
/** JS runners in the order a package that lists several most likely runs unit tests with. */
const JS_UNIT_RUNNERS = ['Vitest', 'Jest', 'Mocha', 'Jasmine', 'AVA', 'node:test'];

const CONFIG_FILES: [RegExp, string][] = [
  [/(^|\/)vitest\.(config|workspace)\.[cm]?[jt]s$/, 'Vitest'],
  [/(^|\/)jest\.config\.([cm]?[jt]s|json)$/, 'Jest'],
  [/(^|\/)playwright\.config\.[cm]?[jt]s$/, 'Playwright'],
  [/(^|\/)cypress\.(config\.[cm]?[jt]s|json)$/, 'Cypress'],
  [/(^|\/)\.mocharc\.(js|cjs|json|jsonc|ya?ml)$/, 'Mocha'],
  [/(^|\/)wdio\.conf\.[cm]?[jt]s$/, 'WebdriverIO'],
  [/(^|\/)(pytest\.ini|conftest\.py)$/, 'pytest'],
  [/(^|\/)phpunit\.xml(\.dist)?$/, 'PHPUnit'],
  [/(^|\/)\.rspec$/, 'RSpec'],
];

/** Manifests whose text names a framework: [file, pattern in the text, framework]. */
const MANIFEST_MENTIONS: [RegExp, RegExp, string][] = [
  [
    /(^|\/)(pyproject\.toml|setup\.cfg|tox\.ini)$/,
    /^\s*\[(tool\.pytest[^\]]*|tool:pytest|pytest)\]/m,
    'pytest',
  ],
  [/(^|\/)(requirements[^/]*\.txt|pyproject\.toml|setup\.py|Pipfile)$/, /^\s*["']?pytest\b/m, 'pytest'],
  [/(^|\/)(requirements[^/]*\.txt|pyproject\.toml|Pipfile)$/, /^\s*["']?locust\b/m, 'Locust'],
  [/(^|\/)(pom\.xml|build\.gradle(\.kts)?)$/, /junit/i, 'JUnit'],
  [/(^|\/)(pom\.xml|build\.gradle(\.kts)?)$/, /testng/i, 'TestNG'],
  [/(^|\/)(pom\.xml|build\.gradle(\.kts)?)$/, /gatling/i, 'Gatling'],
  [/(^|\/)Gemfile$/, /^\s*gem\s+["']rspec/m, 'RSpec'],
  [/(^|\/)composer\.json$/, /"phpunit\/phpunit"/, 'PHPUnit'],
];

const CODE = /\.[cm]?[jt]sx?$/;
const JS_TEST = /\.(test|spec)\.[cm]?[jt]sx?$/;
const TEST_ROOT = /(^|\/)(tests?|__tests__|spec)\//;
const E2E_SEGMENT = /(^|\/)(e2e|e2e[-_]tests?|tests?[-_]e2e|end[-_]?to[-_]?end|end2end)\//i;
const E2E_NAME = /\.(e2e|e2e-spec)\.[cm]?[jt]sx?$|\.cy\.[cm]?[jt]sx?$/;
/** End-to-end tests named so in languages whose tests are not under an e2e/ folder (`checkout_e2e_test.go`). */
const OTHER_E2E_NAME =
  /_e2e_test\.go$|(^|\/)(?:test_e2e[^/]*|e2e_test[^/]*)\.py$|E2E(?:Tests?|IT|Spec)\.(?:java|kt|cs)$|_e2e_spec\.rb$|(^|\/)[^/]*\.E2E(?:Tests?)?\//i;
const INTEGRATION_SEGMENT = /(^|\/)(integration|integration[-_]tests?|integrationTests?|it)\//;
const INTEGRATION_NAME =
  /\.(integration|int)\.(test|spec)\.[cm]?[jt]sx?$|_integration_test\.go$|(^|\/)(test_integration[^/]*|integration_test[^/]*)\.py$|IT\.(java|kt)$/;
const LOAD_SEGMENT =
  /(^|\/)(load|load[-_]?tests?|loadtests?|perf|performance|stress|soak|k6|artillery|locust)\//i;
const UNIT_SEGMENT = /(^|\/)unit\//i;

/** Source files read to find k6 imports or Rust unit tests; bounds work on huge repositories. */
const MAX_CONTENT_READS = 400;

export const testInventory: Collector<TestInventory> = {
  id: 'test-inventory',
  async collect(repo: RepoView): Promise<TestInventory> {
    const files = repo.files.filter((path) => !NOT_THIS_PROJECT.test(path));
    const frameworks = await detectFrameworks(repo, files);
    const context = await contextOf(repo, files, frameworks);
    const tests: TestFile[] = [];
    let reads = 0;
    for (const path of files) {
      let found = classify(path, context);
      if (!found && needsContent(path) && reads < MAX_CONTENT_READS) {
        reads++;
        found = classifyByContent(path, await repo.read(path));
      }
      if (found) tests.push({ path, ...found });
    }
    return { frameworks, files: tests };
  },
};

async function detectFrameworks(repo: RepoView, files: readonly string[]): Promise<DetectedFramework[]> {
  const found: DetectedFramework[] = [];
  const add = (name: string, path: string, text?: string, index?: number) => {
    if (found.some((other) => other.name === name && other.path === path)) return;
    if (text === undefined || index === undefined) {
      found.push({ name, path });
      return;
    }
    const line = lineOf(text, index);
    found.push({ name, path, line, excerpt: (text.split('\n')[line - 1] ?? '').trim().slice(0, 120) });
  };
  for (const path of files) {
    for (const [pattern, name] of CONFIG_FILES) if (pattern.test(path)) add(name, path);
    if (/(^|\/)locustfile[^/]*\.py$/.test(path)) add('Locust', path);
    if (path.endsWith('.jmx')) add('JMeter', path);
    if (/_test\.go$/.test(path)) add('go test', path);
    if (/(^|\/)test\/.*_test\.exs$/.test(path)) add('ExUnit', path);
    if (path.endsWith('package.json')) {
      const text = await repo.read(path);
      if (text !== null) npmFrameworks(path, text, add);
    }
    for (const [file, mention, name] of MANIFEST_MENTIONS) {
      if (!file.test(path)) continue;
      const text = await repo.read(path);
      const match = text === null ? null : mention.exec(text);
      if (text !== null && match) add(name, path, text, match.index);
    }
  }
  return found;
}

function npmFrameworks(
  path: string,
  text: string,
  add: (name: string, path: string, text: string, index: number) => void,
) {
  const parsed = parsePackageJson(text);
  if ('problem' in parsed) return;
  const record = parsed.manifest;
  for (const field of ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies']) {
    const deps = record[field];
    if (typeof deps !== 'object' || deps === null) continue;
    for (const name of Object.keys(deps)) {
      const framework = NPM_FRAMEWORKS[name];
      if (framework) add(framework, path, text, Math.max(0, text.indexOf(`"${name}"`)));
    }
  }
  const scripts = typeof record.scripts === 'object' && record.scripts !== null ? record.scripts : {};
  for (const command of Object.values(scripts)) {
    if (typeof command !== 'string') continue;
    const index = Math.max(0, text.indexOf(JSON.stringify(command).slice(1, -1)));
    if (/\bnode\b[^&|;]*--test\b/.test(command)) add('node:test', path, text, index);
    if (/\bk6\s+run\b/.test(command)) add('k6', path, text, index);
    if (/\bartillery\s+run\b/.test(command)) add('Artillery', path, text, index);
  }
}

interface Context {
  /** Frameworks declared by each package folder ('' for the root). */
  packages: Map<string, Set<string>>;
  /** Folders Playwright runs tests from. */
  playwrightDirs: string[];
  /** pytest when the repository declares it; otherwise Python tests may be unittest or pytest. */
  pythonRunner: string | undefined;
  /** Crate folders (holding Cargo.toml): their `tests/` are integration tests. */
  crates: string[];
  frameworks: Set<string>;
}

async function contextOf(
  repo: RepoView,
  files: readonly string[],
  frameworks: DetectedFramework[],
): Promise<Context> {
  const packages = new Map<string, Set<string>>();
  for (const framework of frameworks) {
    const folder = folderOf(framework.path);
    const set = packages.get(folder) ?? new Set<string>();
    set.add(framework.name);
    packages.set(folder, set);
  }
  const playwrightDirs: string[] = [];
  for (const path of files) {
    if (!/(^|\/)playwright\.config\.[cm]?[jt]s$/.test(path)) continue;
    const folder = folderOf(path);
    const testDir = /\btestDir\s*:\s*['"`]([^'"`]+)['"`]/.exec((await repo.read(path)) ?? '')?.[1];
    if (testDir) playwrightDirs.push(joinPath(folder, testDir));
    else if (!JS_UNIT_RUNNERS.some((runner) => packages.get(folder)?.has(runner)))
      playwrightDirs.push(folder);
  }
  const names = new Set(frameworks.map((framework) => framework.name));
  return {
    packages,
    playwrightDirs,
    pythonRunner: names.has('pytest') ? 'pytest' : undefined,
    crates: files.filter((path) => /(^|\/)Cargo\.toml$/.test(path)).map(folderOf),
    frameworks: names,
  };
}

function within(path: string, folder: string): boolean {
  return folder === '' || path.startsWith(`${folder}/`);
}

/** Frameworks of the nearest package and the root (monorepos hoist test tools to the root). */
function frameworksFor(path: string, context: Context): Set<string> {
  const names = new Set(context.packages.get('') ?? []);
  let folder = folderOf(path);
  while (folder) {
    const own = context.packages.get(folder);
    if (own) {
      for (const name of own) names.add(name);
      break;
    }
    folder = folderOf(folder);
  }
  return names;
}

function jsRunner(path: string, context: Context): string | undefined {
  const names = frameworksFor(path, context);
  return JS_UNIT_RUNNERS.find((runner) => names.has(runner));
}

function jsE2eRunner(path: string, context: Context): string | undefined {
  const names = frameworksFor(path, context);
  const drivers = [...names].filter((name) => E2E_FRAMEWORKS.has(name));
  return drivers.length === 1 ? drivers[0] : undefined;
}

type Classified = Omit<TestFile, 'path'>;

function classify(path: string, context: Context): Classified | undefined {
  const named = (kind: TestKind, framework: string | undefined): Classified =>
    framework ? { kind, framework } : { kind };
  if (/(^|\/)locustfile[^/]*\.py$/.test(path)) return { kind: 'load', framework: 'Locust' };
  if (path.endsWith('.jmx')) return { kind: 'load', framework: 'JMeter' };
  if (/(^|\/)gatling\/.*\.(scala|java|kt)$|Simulation\.scala$/.test(path))
    return { kind: 'load', framework: 'Gatling' };

  if (CODE.test(path)) {
    if (/(^|\/)cypress\/(e2e|integration)\//.test(path) || /\.cy\.[cm]?[jt]sx?$/.test(path)) {
      return { kind: /(^|\/)component\//.test(path) ? 'unit' : 'e2e', framework: 'Cypress' };
    }
    if (JS_TEST.test(path) && context.playwrightDirs.some((folder) => within(path, folder))) {
      return { kind: 'e2e', framework: 'Playwright' };
    }
    const isTest = JS_TEST.test(path) || E2E_NAME.test(path) || /(^|\/)__tests__\//.test(path);
    const underTests = TEST_ROOT.test(path) || E2E_SEGMENT.test(path);
    if (E2E_NAME.test(path) || (E2E_SEGMENT.test(path) && (isTest || underTests))) {
      return named('e2e', jsE2eRunner(path, context) ?? jsRunner(path, context));
    }
    if (INTEGRATION_NAME.test(path) || (INTEGRATION_SEGMENT.test(path) && (isTest || TEST_ROOT.test(path)))) {
      return named('integration', jsRunner(path, context));
    }
    if (isTest) return named('unit', jsRunner(path, context));
    return undefined;
  }

  const language = otherLanguageTest(path, context);
  if (!language) return undefined;
  if (E2E_SEGMENT.test(path) || OTHER_E2E_NAME.test(path)) return { ...language, kind: 'e2e' };
  if (INTEGRATION_NAME.test(path) || INTEGRATION_SEGMENT.test(path))
    return { ...language, kind: 'integration' };
  if (UNIT_SEGMENT.test(path)) return { ...language, kind: 'unit' };
  return language;
}

/** .NET test projects are folders named after what they test: Shop.Tests, Shop.IntegrationTests. */
const DOTNET_TEST_PROJECT = /(?:^|\/)([^/]*Tests?)\/(?:.*\/)?[^/]+\.(?:cs|fs|vb)$/;

function otherLanguageTest(path: string, context: Context): Classified | undefined {
  const dotnet = DOTNET_TEST_PROJECT.exec(path)?.[1];
  if (dotnet) {
    if (/Integration/i.test(dotnet)) return { kind: 'integration', framework: 'dotnet test' };
    if (/Playwright/i.test(dotnet)) return { kind: 'e2e', framework: 'Playwright' };
    if (/E2E|EndToEnd|Acceptance/i.test(dotnet)) return { kind: 'e2e', framework: 'dotnet test' };
    return { kind: 'unit', framework: 'dotnet test' };
  }
  if (/_test\.go$/.test(path)) return { kind: 'unit', framework: 'go test' };
  if (/_test\.exs$/.test(path)) return { kind: 'unit', framework: 'ExUnit' };
  if (/(^|\/)(test_[^/]*|[^/]*_test|tests)\.py$/.test(path)) {
    return context.pythonRunner ? { kind: 'unit', framework: context.pythonRunner } : { kind: 'unit' };
  }
  if (
    /(^|\/)src\/(test|it|integrationTest)\/(java|kotlin|scala)\/.*(Test|Tests|IT|TestCase|Spec)\.(java|kt|scala)$/.test(
      path,
    )
  ) {
    const framework = context.frameworks.has('JUnit')
      ? 'JUnit'
      : context.frameworks.has('TestNG')
        ? 'TestNG'
        : undefined;
    const kind: TestKind = /\/src\/(it|integrationTest)\/|^src\/(it|integrationTest)\//.test(path)
      ? 'integration'
      : 'unit';
    return framework ? { kind, framework } : { kind };
  }
  if (/_spec\.rb$/.test(path)) return { kind: 'unit', framework: 'RSpec' };
  if (/(^|\/)test\/.*_test\.rb$/.test(path)) return { kind: 'unit', framework: 'Minitest' };
  if (/(^|\/)tests?\/.*Test\.php$/.test(path)) return { kind: 'unit', framework: 'PHPUnit' };
  if (
    path.endsWith('.rs') &&
    context.crates.some((crate) => path.startsWith(crate ? `${crate}/tests/` : 'tests/'))
  ) {
    return { kind: 'integration', framework: 'cargo test' };
  }
  return undefined;
}

/** Files whose kind only their content can tell. */
function needsContent(path: string): boolean {
  if (/\.rs$/.test(path)) return /(^|\/)src\//.test(path);
  if (CODE.test(path) || /\.py$/.test(path))
    return LOAD_SEGMENT.test(path) || /(^|\/)[^/]*k6[^/]*$/i.test(path);
  if (/\.ya?ml$/.test(path)) return LOAD_SEGMENT.test(path) || /(^|\/)artillery[^/]*$/i.test(path);
  return false;
}

function classifyByContent(path: string, text: string | null): Classified | undefined {
  if (text === null) return undefined;
  if (path.endsWith('.rs'))
    return /#\[cfg\(test\)\]/.test(text) ? { kind: 'unit', framework: 'cargo test' } : undefined;
  if (/\bfrom\s+['"]k6(\/[\w/-]+)?['"]|require\(\s*['"]k6(\/[\w/-]+)?['"]\s*\)/.test(text)) {
    return { kind: 'load', framework: 'k6' };
  }
  if (/^\s*from\s+locust\s+import\b|^\s*import\s+locust\b/m.test(text))
    return { kind: 'load', framework: 'Locust' };
  if (/\.ya?ml$/.test(path) && /^config:\s*$/m.test(text) && /^scenarios:\s*$/m.test(text)) {
    return { kind: 'load', framework: 'Artillery' };
  }
  return undefined;
}

export interface TestFolder {
  folder: string;
  count: number;
}

/** Folders holding the given test files with their counts, largest first, for messages and evidence. */
export function testFolders(files: readonly TestFile[]): TestFolder[] {
  const counts = new Map<string, number>();
  for (const file of files) {
    const folder = folderOf(file.path) || '.';
    counts.set(folder, (counts.get(folder) ?? 0) + 1);
  }
  return [...counts]
    .map(([folder, count]) => ({ folder, count }))
    .sort((a, b) => b.count - a.count || (a.folder < b.folder ? -1 : 1));
}
