// Tools that tests are written with, beyond the runner: container fixtures, mock generators,
// HTTP stubs, data factories, contract and BDD tools. Each is declared as a dependency and then
// imported by test code, so the repository shows whether it is used; and since every one of them
// is a package, its name absent from every manifest and code file shows it is not.

export interface TestTool {
  id: string;
  /** Name shown in messages. */
  name: string;
  /** How an item names it. */
  mention: RegExp;
  /**
   * Where a file names it: its package names and import paths. Broad on purpose: a stray match
   * only makes the verdict `unknown`; a missing one would make it a false alarm.
   */
  trace: RegExp;
  /** Files that are themselves the tool in use (Gherkin `.feature` files, FactoryBot factories). */
  files?: RegExp;
  /**
   * For file-based tools: the runners that execute those files. The files count as tests only
   * when one of these is declared; otherwise they may be documentation.
   */
  runners?: RegExp;
  /**
   * The practice can be carried out from outside the repository (a SaaS, a cloud console): an
   * item that claims it was done is not contradicted by the repository lacking the tool.
   */
  external?: boolean;
  /** Its name is also an ordinary word (a plant, an animal): the item must speak of tests too. */
  ordinaryWord?: boolean;
}

const BDD_RUNNERS =
  /cucumber|reqnroll|specflow|godog|behave|pytest-bdd|playwright-bdd|karate|serenity|lettuce|turnip|gauge|behat/i;

export const TEST_TOOLS: readonly TestTool[] = [
  {
    id: 'testcontainers',
    name: 'Testcontainers',
    mention: /\btest-?containers\b/i,
    trace: /testcontainers/i,
  },
  {
    id: 'gomock',
    name: 'gomock',
    mention: /\bgo-?mock\b|\bmockgen\b/i,
    trace: /\bgomock\b|\bmockgen\b|golang\/mock|go\.uber\.org\/mock/i,
  },
  { id: 'mockery', name: 'mockery', mention: /\bmockery\b/i, trace: /mockery/i, ordinaryWord: true },
  { id: 'testify', name: 'testify', mention: /\btestify\b/i, trace: /testify/i, ordinaryWord: true },
  { id: 'ginkgo', name: 'Ginkgo', mention: /\bGinkgo\b/i, trace: /ginkgo/i, ordinaryWord: true },
  { id: 'webmock', name: 'WebMock', mention: /\bWebMock\b/i, trace: /webmock/i },
  {
    id: 'factory-bot',
    name: 'FactoryBot',
    mention: /\bFactory\s?Bot\b|\bfactory_bot\b|\bFactory\s?Girl\b|\bfactory_girl\b/i,
    trace: /factory_?bot|factory_?girl/i,
    files: /(^|\/)(spec|test)\/factories\/[^/]+\.rb$/,
  },
  { id: 'factory-boy', name: 'factory_boy', mention: /\bfactory[_ ]boy\b/i, trace: /factory[_-]boy/i },
  { id: 'capybara', name: 'Capybara', mention: /\bCapybara\b/i, trace: /capybara/i, ordinaryWord: true },
  {
    id: 'pact',
    name: 'Pact',
    mention: /\bPact(?:flow)?\b/i,
    // "pact" alone, as package prefixes spell it (pact-python, @pact-foundation/pact, au.com.dius.pact):
    // never inside another word such as "compact" or "impact".
    trace: /(?<![a-z])pact(?![a-z])|pactnet|pactflow/i,
  },
  { id: 'wiremock', name: 'WireMock', mention: /\bWireMock\b/i, trace: /wiremock/i },
  { id: 'mockito', name: 'Mockito', mention: /\bMockito\b/i, trace: /mockito/i },
  { id: 'moq', name: 'Moq', mention: /\bMoq\b/, trace: /(?<![a-z])moq(?![a-z])/i },
  { id: 'nsubstitute', name: 'NSubstitute', mention: /\bNSubstitute\b/i, trace: /nsubstitute/i },
  {
    id: 'msw',
    name: 'Mock Service Worker',
    mention: /\bMSW\b|\bMock Service Worker\b/i,
    trace: /(?<![a-z])msw(?![a-z])/i,
  },
  { id: 'nock', name: 'nock', mention: /\bnock\b/i, trace: /(?<![a-z])nock(?![a-z])/i, ordinaryWord: true },
  { id: 'supertest', name: 'SuperTest', mention: /\bsuper-?test\b/i, trace: /supertest/i },
  {
    id: 'testing-library',
    name: 'Testing Library',
    mention: /\bTesting Library\b|@testing-library\b/i,
    trace: /@testing-library\/|testing-library/i,
  },
  { id: 'fast-check', name: 'fast-check', mention: /\bfast-check\b/i, trace: /fast-check/i },
  {
    id: 'gherkin',
    name: 'Gherkin feature files',
    mention: /\bGherkin\b/i,
    trace: /gherkin|\.feature\b/i,
    files: /\.feature$/,
    runners: BDD_RUNNERS,
  },
  { id: 'cucumber', name: 'Cucumber', mention: /\bCucumber\b/i, trace: /cucumber/i, ordinaryWord: true },
  { id: 'reqnroll', name: 'Reqnroll', mention: /\bReqnroll\b/i, trace: /reqnroll/i },
  { id: 'specflow', name: 'SpecFlow', mention: /\bSpecFlow\b/i, trace: /specflow/i },
  {
    id: 'chaos',
    name: 'chaos-engineering tooling',
    mention: /\bchaos\s+(?:engineering|testing|tests?|experiments?)\b|混沌工程|混沌测试/i,
    // Any "chaos" in the project's files keeps the verdict open; the rest are the usual tools.
    trace: /chaos|litmus|gremlin|toxiproxy|pumba|kube-monkey|powerfulseal|aws_fis|fault[-_]?injection/i,
    external: true,
  },
  { id: 'godog', name: 'godog', mention: /\bgodog\b/i, trace: /godog/i },
];
