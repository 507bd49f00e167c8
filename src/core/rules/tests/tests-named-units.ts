import { isTestCodePath, normaliseName, testReferencesCollector } from '../../collectors/test-references.js';
import { inScope, isNonProductionPath } from '../../evidence.js';
import type { Rule } from '../../rule.js';
import type { ChecklistItem, EvidenceRef } from '../../types.js';

export interface NamedUnitsClaim {
  /** Class-like names the item says are (to be) tested: AuthService, OrderController. */
  names: string[];
  /** "More tests for ...", "full coverage of ...": beyond whether any test exists. */
  extent: boolean;
}

const TESTS_WORD = /\b(?:unit\s+|integration\s+|service\s+|controller\s+)?(?:tests?|specs?|testing)\b/i;
/** The names follow the tests: "Tests for AuthService", "Add service tests (AuthService, PointService)". */
const LISTED = /\b(?:tests?|specs?|testing)\b\s*(?:\(([^()]+)\)|(?:for|of|covering)\s+(.+))/i;
const TYPE_NAME = /\b[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+\b/g;
/** Tools and products written in CamelCase, not the project's classes. */
const NOT_A_CLASS =
  /^(?:JavaScript|TypeScript|GitHub|GitLab|PostgreSQL|MySQL|MongoDB|GraphQL|OpenAPI|AsyncAPI|WebMock|FactoryBot|TestNG|JUnit|PHPUnit|ExUnit|MockMvc|WebTestClient|SpringBoot|SpringBootTest|TestContainers|Testcontainers|WireMock|NUnit|XUnit|CircleCI|SonarQube|SonarCloud|DynamoDB|CloudWatch|OAuth|WebSocket|WebSockets|NodeJs|NextJs|FastAPI|RabbitMQ|BullMQ|ElasticSearch|OpenSearch|OpenTelemetry|LaunchDarkly|PagerDuty|CockroachDB|ClickHouse|TimescaleDB|SQLite|McAfee|YouTube|LinkedIn|PayPal|iOS|MacOS)$/;
const EXTENT =
  /\b(?:more|additional|all|every|full|complete|comprehensive|increas\w*|coverage|edge cases?)\b/i;
const SOURCE = /\.(?:[cm]?[jt]sx?|py|go|rb|ex|exs|java|kt|scala|cs|php|rs|swift|dart)$/i;

function namedUnitsClaims(item: ChecklistItem): NamedUnitsClaim[] {
  if (item.signOff || !TESTS_WORD.test(item.text)) return [];
  const listed = LISTED.exec(item.text);
  const where = listed ? (listed[1] ?? listed[2] ?? '') : '';
  const names = [...new Set(where.match(TYPE_NAME) ?? [])].filter((name) => !NOT_A_CLASS.test(name));
  if (!names.length || names.length > 8) return [];
  return [{ names, extent: EXTENT.test(item.text) }];
}

/** A source file named after the class: AuthService.java, auth_service.py, auth-service.ts. */
function sourceOf(name: string, files: readonly string[], scope: string): string | undefined {
  const wanted = normaliseName(name);
  const candidates = files.filter((path) => {
    if (!SOURCE.test(path) || isTestCodePath(path) || isNonProductionPath(path)) return false;
    const base = path.slice(path.lastIndexOf('/') + 1).replace(/\.[^.]+$/, '');
    return normaliseName(base.replace(/\./g, '')) === wanted;
  });
  return candidates.find((path) => inScope(path, scope)) ?? candidates[0];
}

export const testsNamedUnits: Rule<NamedUnitsClaim> = {
  id: 'tests.named-units',
  title: 'The classes an item names have tests',
  why: 'A checklist that lists the services under test sends reviewers past code no test exercises.',
  fix: 'Add a test for each class the item names (AuthServiceTest, test_point_service.py, point-service.test.ts), or correct the list.',
  recognises:
    'Items that claim tests for named classes ("Tests for AuthService and PointService", "Add service tests (AuthService, PointService)"). ' +
    'A class whose source file exists and that no test file mentions is untested; a name with no source file of its own is undecided.',
  needs: [testReferencesCollector],
  match: namedUnitsClaims,
  evaluate(claim, ctx) {
    const { mentioned, testFiles } = ctx.get(testReferencesCollector);
    const tested: EvidenceRef[] = [];
    const untested: { name: string; source: string }[] = [];
    const unknown: string[] = [];
    for (const name of claim.names) {
      const test = mentioned.get(normaliseName(name));
      if (test) {
        tested.push({ path: test, excerpt: name });
        continue;
      }
      const source = sourceOf(name, ctx.files, ctx.scope);
      if (source) untested.push({ name, source });
      else unknown.push(name);
    }
    if (untested.length) {
      return {
        verdict: 'fail',
        message: `${untested.map((entry) => `${entry.name} (${entry.source})`).join(', ')} ${untested.length > 1 ? 'are' : 'is'} mentioned by none of the ${testFiles} test files${tested.length ? `; ${tested.map((ref) => ref.excerpt).join(', ')} ${tested.length > 1 ? 'are' : 'is'} tested` : ''}`,
        evidence: untested.map((entry) => ({ path: entry.source })),
      };
    }
    if (unknown.length) {
      return {
        verdict: 'unknown',
        message: `no source file is named after ${unknown.join(', ')}, so whether ${unknown.length > 1 ? 'they are' : 'it is'} tested cannot be told from test file contents`,
        evidence: tested,
      };
    }
    const found = `tests mention ${tested.map((ref) => `${ref.excerpt} (${ref.path})`).join(', ')}`;
    if (claim.extent) {
      return { verdict: 'unknown', message: `${found}; how thoroughly needs a reviewer`, evidence: tested };
    }
    return { verdict: 'pass', message: found, evidence: tested };
  },
  examples: {
    match: [
      'Tests for AuthService and PointService',
      'Add service tests (AuthService, BillingService)',
      'Unit tests for OrderController',
    ],
    noMatch: [
      'Integration tests with MockMvc',
      'Unit tests for the auth service',
      'AuthService handles token refresh',
      'Tests (JUnit, TestNG)',
    ],
    verdicts: [
      {
        files: {
          'src/main/java/shop/AuthService.java': 'package shop;\npublic class AuthService {}\n',
          'src/test/java/shop/AuthServiceTest.java':
            'package shop;\nclass AuthServiceTest { AuthService service = new AuthService(); }\n',
        },
        item: 'Unit tests for AuthService',
        verdict: 'pass',
      },
      {
        files: {
          'src/main/java/shop/AuthService.java': 'package shop;\npublic class AuthService {}\n',
          'src/main/java/shop/PointService.java': 'package shop;\npublic class PointService {}\n',
          'src/test/java/shop/AuthServiceTest.java':
            'package shop;\nclass AuthServiceTest { AuthService service = new AuthService(); }\n',
        },
        item: 'Add service tests (AuthService, PointService)',
        verdict: 'fail',
      },
      {
        // Tests that import the module by its file name and use an instance in camelCase.
        files: {
          'src/services/user-service.ts':
            'export class UserService {}\nexport const userService = new UserService();\n',
          'src/services/user-service.test.ts':
            "import { userService } from './user-service';\nit('works', () => userService);\n",
          'package.json': '{ "devDependencies": { "vitest": "^3.0.0" } }\n',
        },
        item: 'Tests for UserService',
        verdict: 'pass',
      },
      {
        // No class of that name: the item may use another name for it.
        files: {
          'src/main/java/shop/EventRegistrationService.java':
            'package shop;\npublic class EventRegistrationService {}\n',
        },
        item: 'Tests for RegistrationService',
        verdict: 'unknown',
      },
    ],
  },
};
