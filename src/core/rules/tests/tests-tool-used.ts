import {
  runnerId,
  TEST_TOOLS,
  type TestTool,
  type ToolTrace,
  testToolsCollector,
} from '../../collectors/test-tools.js';
import { inScope, isNonProductionPath } from '../../evidence.js';
import type { Rule } from '../../rule.js';
import type { ChecklistItem, EvidenceRef, Finding } from '../../types.js';

export interface ToolClaim {
  tool: TestTool;
  /** The item claims a result (passing, 0 failures), which the files cannot show. */
  outcome: boolean;
  /** The item claims an extent (more, all, coverage), which a reviewer decides. */
  extent: boolean;
}

/** Wording that says the tool is taken out, compared, or only weighed. */
const NOT_USED =
  /\b(?:no|not|without|remov\w*|replac\w*|migrat\w*|drop\w*|deprecat\w*|instead|avoid\w*|vs|versus|evaluat\w*|consider\w*|investigat\w*|alternatives?|if (?:needed|applicable))\b|不使用|移除|替换|弃用/i;
/** Running a service around the tool (a Pact broker, a licence): not something the tests show. */
const OPERATED =
  /\b(?:deploy\w*|hosted|broker|server|accounts?|licen[cs]\w*|train\w*|workshops?|dashboards?|upgrad\w*)\b/i;
const TEST_WORDS = /test|spec|mock|stub|fake|fixture|\bBDD\b|scenario|测试/i;
const OUTCOME =
  /\b(?:pass(?:es|ing|ed)?|green|\d+\s+failures?|no failures|succeed\w*|successful\w*)\b|\b\d+\s+examples\b/i;
/** Done rather than set up: "chaos experiments run quarterly", "chaos testing performed". */
const DONE =
  /\b(?:perform\w*|conduct\w*|complet\w*|done|run|ran|execut\w*|carried out|held|quarterly|monthly|regularly)\b/i;
const EXTENT =
  /\b(?:more|additional|all|every|each|full|complete|comprehensive|increas\w*|coverage|covering|extend\w*)\b|所有|完整/i;
const STOP = new Set(
  'a an the and or with via for of in on to is are be as by from into its it this that all each per at our we your use using used'.split(
    ' ',
  ),
);
/** Beyond this many words of its own, the tool is a detail of another claim. */
const MAX_OTHER_WORDS = 8;

function toolClaims(item: ChecklistItem): ToolClaim[] {
  if (item.signOff) return [];
  const text = item.text;
  if (NOT_USED.test(text) || OPERATED.test(text)) return [];
  const named = TEST_TOOLS.filter(
    (tool) =>
      tool.mention.test(text) && (!tool.ordinaryWord || TEST_WORDS.test(text.replace(tool.mention, ' '))),
  );
  if (!named.length || named.length > 3) return [];
  let rest = text;
  for (const tool of named)
    rest = rest.replace(new RegExp(tool.mention.source, `${tool.mention.flags}g`), ' ');
  const words = (rest.toLowerCase().match(/[a-z][a-z-]*/g) ?? []).filter((word) => !STOP.has(word));
  if (words.length > MAX_OTHER_WORDS) return [];
  return named.map((tool) => ({ tool, outcome: OUTCOME.test(text), extent: EXTENT.test(text) }));
}

export const testsToolUsed: Rule<ToolClaim> = {
  id: 'tests.tool-used',
  title:
    'A named test tool (Testcontainers, gomock, WebMock, FactoryBot, Pact, Gherkin...) is used by the tests',
  why: 'A checklist that credits the tests with containers, contract checks or HTTP stubs they do not have overstates what the suite protects against.',
  fix: 'Declare the tool as a (test) dependency and use it from the tests, or correct the checklist.',
  recognises:
    'Items whose subject is a catalogued test tool ("Testcontainers for integration tests", "WebMock for API testing", ' +
    '"Contract tests (Pact)", "BDD/Gherkin (Reqnroll)"); not items about removing or comparing it, or running a broker for it.',
  needs: [testToolsCollector],
  match: toolClaims,
  evaluate(claim, ctx, item) {
    const evidence = ctx.get(testToolsCollector);
    const { tool } = claim;
    const traces = evidence.traces.get(tool.id) ?? [];
    const ownFiles = evidence.files.get(tool.id) ?? [];
    const strict = traces.filter((trace) => trace.strict);
    if (!strict.length && !ownFiles.length) {
      if (tool.external && (claim.outcome || DONE.test(item.text))) {
        return undecided(
          `no ${tool.name} in the repository, but the item says it was carried out, which can be done from outside it`,
          [],
        );
      }
      return absent(tool, traces, evidence.scanned, evidence.manifests);
    }

    const counts = (path: string) =>
      !isNonProductionPath(path) || (ctx.scope !== '' && inScope(path, ctx.scope));
    const production = strict.filter((trace) => counts(trace.path));
    const declared = first(
      production.filter((trace) => trace.role === 'manifest'),
      ctx.scope,
    );
    const files = ownFiles.filter(counts);
    let found: string | undefined;
    let refs: EvidenceRef[] = [];
    if (tool.runners) {
      // Feature files are tests only when a runner executes them.
      const runners = (evidence.traces.get(runnerId(tool.id)) ?? []).filter(
        (trace) => trace.strict && trace.role === 'manifest' && counts(trace.path),
      );
      const runner = first(runners, ctx.scope);
      if (files.length && runner) {
        found = `${files.length} ${tool.name.toLowerCase()} (${shown(files)}), run by the dependency at ${at(runner)}`;
        refs = [{ path: files[0] as string }, ref(runner)];
      } else if (files.length) {
        return undecided(
          `${files.length} ${tool.name.toLowerCase()} (${shown(files)}) but no runner declared`,
          [{ path: files[0] as string }],
        );
      }
    } else {
      const used = first(
        production.filter((trace) => trace.role === 'test' || trace.role === 'code'),
        ctx.scope,
      );
      const usedPath = used ? at(used) : files[0];
      if (declared && usedPath) {
        found = `${tool.name}: dependency declared at ${at(declared)}, used at ${usedPath}`;
        refs = [ref(declared), used ? ref(used) : { path: usedPath }];
      }
    }
    if (found) {
      if (claim.outcome)
        return undecided(`${found}; whether the tests pass is known only from a test run`, refs);
      if (claim.extent) return undecided(`${found}; how far the tests go needs a reviewer`, refs);
      return { verdict: 'pass', message: found, evidence: refs };
    }
    const seen = production[0] ?? strict[0] ?? (traces[0] as ToolTrace | undefined);
    const place = seen ? at(seen) : (ownFiles[0] as string);
    const why = production.length
      ? declared
        ? 'no test or code file uses it'
        : 'no manifest declares it'
      : 'only outside the project (archived or example copies)';
    return undecided(
      `${tool.name} is named at ${place}, but ${why}, so whether the tests use it is unclear`,
      [seen ? ref(seen) : { path: place }],
    );
  },
  examples: {
    match: [
      'Testcontainers for integration tests',
      'gomock (optional)',
      'WebMock for API testing',
      'FactoryBot for test data',
      'Add contract tests (Pact)',
      'BDD/Gherkin (Reqnroll)',
      'Mock HTTP calls with MSW',
      'Capybara feature specs',
      'Chaos engineering',
    ],
    noMatch: [
      'Remove mockery in favour of gomock',
      'Pact broker deployed',
      'Compact the event log nightly',
      'Cucumber and tomato prices imported',
      'Capybara photos on the landing page',
      'Unit tests (Vitest)',
      'Testify before the audit committee about the incident and describe how the team responded to the outage in full detail',
    ],
    verdicts: [
      {
        // Chaos experiments can be run from a SaaS or a cloud console: done is not contradicted.
        files: { 'go.mod': 'module example.com/shop\n', 'main.go': 'package main\n' },
        item: 'Chaos testing performed before launch',
        verdict: 'unknown',
      },
      {
        files: { 'go.mod': 'module example.com/shop\n', 'main.go': 'package main\n' },
        item: 'Chaos engineering',
        verdict: 'fail',
      },
      {
        files: {
          Gemfile: 'group :test do\n  gem "rspec"\n  gem "webmock"\nend\n',
          'spec/spec_helper.rb': 'require "webmock/rspec"\nWebMock.disable_net_connect!\n',
        },
        item: 'WebMock for API testing',
        verdict: 'pass',
      },
      {
        files: {
          'go.mod': 'module example.com/shop\n\nrequire github.com/stretchr/testify v1.9.0\n',
          'store/store_test.go':
            'package store\n\n// a mock generator such as gomock could replace these fakes\n',
        },
        item: 'gomock',
        verdict: 'fail',
      },
      {
        // Declared but never imported by a test: installed is not used.
        files: {
          'go.mod':
            'module example.com/shop\n\nrequire github.com/testcontainers/testcontainers-go v0.33.0\n',
          'store/store_test.go': 'package store\n',
        },
        item: 'Testcontainers for integration tests',
        verdict: 'unknown',
      },
      {
        // Feature files with no declared runner may be documentation, not tests.
        files: {
          'features/checkout.feature': 'Feature: Checkout\n  Scenario: pay\n    Given a cart\n',
          'package.json': '{ "devDependencies": { "jest": "^29.0.0" } }\n',
        },
        item: 'BDD scenarios in Gherkin',
        verdict: 'unknown',
      },
      {
        files: {
          'features/checkout.feature': 'Feature: Checkout\n  Scenario: pay\n    Given a cart\n',
          'package.json': '{ "devDependencies": { "@cucumber/cucumber": "^10.0.0" } }\n',
        },
        item: 'BDD scenarios in Gherkin',
        verdict: 'pass',
      },
    ],
  },
};

/** The first trace in the checklist's folder, else the first anywhere. */
function first(traces: readonly ToolTrace[], scope: string): ToolTrace | undefined {
  return traces.find((trace) => inScope(trace.path, scope)) ?? traces[0];
}

function absent(
  tool: TestTool,
  traces: readonly ToolTrace[],
  scanned: number,
  manifests: readonly string[],
): Finding {
  if (!scanned) {
    return {
      verdict: 'unknown',
      message: `no code or manifest files to look for ${tool.name} in`,
      evidence: [],
    };
  }
  // The project's own manifests first, the root's before nested ones: what a reader checks first.
  const ordered = [...manifests].sort(
    (a, b) =>
      Number(isNonProductionPath(a)) - Number(isNonProductionPath(b)) ||
      a.split('/').length - b.split('/').length,
  );
  const where = ordered.length ? `; dependencies are declared in ${ordered.slice(0, 3).join(', ')}` : '';
  const only = traces.length
    ? ` (only named in comments or as another module's indirect dependency: ${traces.slice(0, 2).map(at).join(', ')})`
    : '';
  return {
    verdict: 'fail',
    message: `no use of ${tool.name} in the ${scanned} manifest, code and configuration files${tool.files ? ' and no files of its own' : ''}${only}; documentation not counted${where}`,
    evidence: (ordered.length ? ordered.slice(0, 3) : ['.']).map((path) => ({ path })),
  };
}

function undecided(message: string, evidence: EvidenceRef[]): Finding {
  return { verdict: 'unknown', message, evidence };
}

function shown(paths: readonly string[]): string {
  return paths.length > 2 ? `${paths.slice(0, 2).join(', ')}...` : paths.join(', ');
}

function at(trace: ToolTrace): string {
  return `${trace.path}:${trace.line}`;
}

function ref(trace: ToolTrace): EvidenceRef {
  return { path: trace.path, line: trace.line };
}
