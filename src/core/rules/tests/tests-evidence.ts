// Shared by tests.unit, tests.integration, tests.e2e and tests.load: what an item claims
// about a test suite and how the inventory answers it. Each rule file keeps its own
// metadata and examples; only the judging is common.

import {
  E2E_FRAMEWORKS,
  LOAD_FRAMEWORKS,
  type TestFile,
  type TestKind,
  testFolders,
  testInventory,
} from '../../collectors/test-inventory.js';
import { inScope } from '../../evidence.js';
import { claimText, type EvalContext } from '../../rule.js';
import type { ChecklistItem, EvidenceRef, Finding } from '../../types.js';

export interface SuiteClaim {
  kind: TestKind;
  /** Framework the item names for this kind ("E2E tests (Playwright)"). */
  framework?: string;
  /** The item claims a result (passing, completed), which a file listing cannot show. */
  outcome: boolean;
  /** The item claims tests of something in particular ("for core flows", "500+ concurrent users"). */
  specific: boolean;
  /** "Performance" or "stress" testing: may be done outside the repository, so absence proves nothing. */
  loose: boolean;
}

const KIND_WORD = '(?:unit|integration|e2e|end[\\s-]to[\\s-]end|load|performance|stress)';
const SUITE = new RegExp(
  `\\b(${KIND_WORD}(?:\\s*(?:,|and|&|/|\\+|or)\\s*${KIND_WORD})*)[\\s-]+(?:tests?|testing|specs?|suites?)\\b`,
  'gi',
);
/**
 * The same claim in Chinese ("集成测试", "E2E 测试", "单元测试"): the kind word directly before
 * 测试 ("test"). Only when nothing else in the item is Chinese: "负载测试自动化" (load tests
 * automated) claims CI, not files.
 */
const CJK_SUITE = /(单元|集成|端到端|e2e|负载|压力|性能)\s*(?:测试|測試)/gi;
const CJK_KINDS: Record<string, string> = {
  单元: 'unit',
  集成: 'integration',
  端到端: 'e2e',
  e2e: 'e2e',
  负载: 'load',
  压力: 'stress',
  性能: 'performance',
};
const CJK = /[\u3400-\u9fff]/;
// "run on pull requests" is a claim about CI (the ci rules judge it), not about results.
const OUTCOME =
  /\b(pass(es|ing|ed)?|green|completed?|done|performed|conducted|executed|successful(ly)?|succeed(s|ed)?)\b/i;
const SPECIFIC =
  /\b(need|needs|add|write|more|increase|missing)\b|\b(tests?|testing)\s+(for|of|on|covering)\b|\d+\+?\s*(concurrent|users|rps|requests|connections|vus)\b/i;
/** "QA Team: Integration testing completed" is a person's sign-off, not a repository fact. */
const PERSON_PREFIX = /^[\w\s&/-]{0,40}\b(team|lead|owner|manager|engineer|qa)\s*:/i;

const FRAMEWORK_NAMES: [RegExp, string][] = [
  [/\bvitest\b/i, 'Vitest'],
  [/\bjest\b/i, 'Jest'],
  [/\bmocha\b/i, 'Mocha'],
  [/\bjasmine\b/i, 'Jasmine'],
  [/\bplaywright\b/i, 'Playwright'],
  [/\bcypress\b/i, 'Cypress'],
  [/\bpuppeteer\b/i, 'Puppeteer'],
  [/\bselenium\b/i, 'Selenium'],
  [/\bwebdriver\s?io\b/i, 'WebdriverIO'],
  [/\btestcafe\b/i, 'TestCafe'],
  [/\bpytest\b/i, 'pytest'],
  [/\bgo test\b/i, 'go test'],
  [/\bex_?unit\b/i, 'ExUnit'],
  [/\bjunit\b/i, 'JUnit'],
  [/\btestng\b/i, 'TestNG'],
  [/\brspec\b/i, 'RSpec'],
  [/\bphpunit\b/i, 'PHPUnit'],
  [/\bcargo test\b/i, 'cargo test'],
  [/\bk6\b/i, 'k6'],
  [/\bartillery\b/i, 'Artillery'],
  [/\blocust\b/i, 'Locust'],
  [/\bj[mM]eter\b/i, 'JMeter'],
  [/\bgatling\b/i, 'Gatling'],
];

function fitsKind(framework: string, kind: TestKind): boolean {
  if (kind === 'e2e') return E2E_FRAMEWORKS.has(framework);
  if (kind === 'load') return LOAD_FRAMEWORKS.has(framework);
  return !E2E_FRAMEWORKS.has(framework) && !LOAD_FRAMEWORKS.has(framework);
}

function kindOf(word: string): { kind: TestKind; loose: boolean } | undefined {
  const lower = word.toLowerCase();
  if (lower === 'unit' || lower === 'integration' || lower === 'load') return { kind: lower, loose: false };
  if (lower === 'e2e' || /^end/.test(lower)) return { kind: 'e2e', loose: false };
  return { kind: 'load', loose: true };
}

/** The suite claims an item makes about one kind of test. */
export function suiteClaims(item: ChecklistItem, kind: TestKind): SuiteClaim[] {
  if (item.signOff) return [];
  const text = claimText(item);
  if (PERSON_PREFIX.test(item.text)) return [];
  let found: { kind: TestKind; loose: boolean } | undefined;
  for (const match of text.matchAll(SUITE)) {
    for (const word of (match[1] as string).split(/\s*(?:,|\band\b|&|\/|\+|\bor\b)\s*/i)) {
      const claimed = word ? kindOf(word.trim()) : undefined;
      if (claimed?.kind === kind && (!found || found.loose)) found = claimed;
    }
  }
  if (!found && !CJK.test(text.replace(CJK_SUITE, ''))) {
    for (const match of text.matchAll(CJK_SUITE)) {
      const word = CJK_KINDS[(match[1] as string).toLowerCase()];
      const claimed = word ? kindOf(word) : undefined;
      if (claimed?.kind === kind && (!found || found.loose)) found = claimed;
    }
  }
  if (!found) return [];
  const framework = FRAMEWORK_NAMES.find(([name, label]) => name.test(text) && fitsKind(label, kind))?.[1];
  const claim: SuiteClaim = {
    kind,
    outcome: OUTCOME.test(text),
    specific: SPECIFIC.test(text),
    loose: found.loose,
  };
  if (framework) claim.framework = framework;
  return [claim];
}

const LOOKED_FOR: Record<TestKind, string> = {
  unit: '*.test.*, *.spec.*, __tests__/, *_test.go, test_*.py, *_test.exs, src/test/java, *_spec.rb, #[cfg(test)]',
  integration:
    'integration/ folders, *.integration.test.*, *_integration_test.go, *IT.java, src/it, Rust tests/',
  e2e: 'e2e/ folders, *.e2e.*, *.e2e-spec.*, Playwright testDir, cypress/e2e, *.cy.*',
  load: 'k6 scripts, locustfile.py, Artillery YAML, *.jmx, Gatling simulations',
};

const SHOWN = 3;

function describeFiles(files: readonly TestFile[], kind: TestKind): string {
  const folders = testFolders(files);
  const where = folders
    .slice(0, SHOWN)
    .map((entry) => `${entry.folder} (${entry.count})`)
    .join(', ');
  const more = folders.length > SHOWN ? ` and ${folders.length - SHOWN} more folders` : '';
  const frameworks = [...new Set(files.map((file) => file.framework).filter(Boolean))];
  const by = frameworks.length ? ` (${frameworks.join(', ')})` : '';
  return `${files.length} ${kind} test file${files.length > 1 ? 's' : ''}${by} in ${where}${more}`;
}

function folderEvidence(files: readonly TestFile[]): EvidenceRef[] {
  return testFolders(files)
    .slice(0, SHOWN)
    .map((entry) => ({ path: entry.folder, excerpt: `${entry.count} test files` }));
}

/** Judges one suite claim against the test inventory. */
export function judgeSuite(claim: SuiteClaim, ctx: EvalContext): Finding {
  const inventory = ctx.get(testInventory);
  const place = ctx.scope || 'the repository';
  const all = inventory.files.filter((file) => inScope(file.path, ctx.scope));
  const ofKind = all.filter((file) => file.kind === claim.kind);
  if (!ofKind.length && ctx.scope) {
    const elsewhere = inventory.files.filter((file) => file.kind === claim.kind);
    if (elsewhere.length) {
      return {
        verdict: 'unknown',
        message: `no ${claim.kind} tests inside ${ctx.scope}, but ${describeFiles(elsewhere, claim.kind)}; cannot tell whether they test ${ctx.scope}`,
        evidence: folderEvidence(elsewhere),
      };
    }
  }
  const declared = inventory.frameworks.filter(
    (framework) => inScope(framework.path, ctx.scope) || !framework.path.includes('/'),
  );

  if (claim.framework) {
    const named = ofKind.filter((file) => file.framework === claim.framework);
    if (named.length) return found(claim, named);
    const others = ofKind.filter((file) => file.framework && file.framework !== claim.framework);
    if (ofKind.length && others.length === ofKind.length) {
      return {
        verdict: 'fail',
        message: `${describeFiles(ofKind, claim.kind)}, none run by ${claim.framework}`,
        evidence: folderEvidence(ofKind),
      };
    }
    const declaration = declared.find((framework) => framework.name === claim.framework);
    if (declaration || ofKind.length) {
      const seen = declaration
        ? `${claim.framework} is declared at ${declaration.path}${declaration.line ? `:${declaration.line}` : ''}`
        : '';
      return {
        verdict: 'unknown',
        message: ofKind.length
          ? `${describeFiles(ofKind, claim.kind)} but their framework is not declared; cannot confirm ${claim.framework}`
          : `${seen} but no ${claim.kind} test files were recognised (looked for ${LOOKED_FOR[claim.kind]})`,
        evidence: declaration
          ? [{ path: declaration.path, ...(declaration.line ? { line: declaration.line } : {}) }]
          : folderEvidence(ofKind),
      };
    }
    return missing(
      claim,
      `no ${claim.framework} ${claim.kind} tests in ${place}: no ${claim.framework} dependency or config and`,
      ctx,
    );
  }

  if (ofKind.length) return found(claim, ofKind);
  return judgeMissing(
    claim,
    ctx,
    all,
    declared.map((framework) => framework.name),
    place,
  );
}

function judgeMissing(
  claim: SuiteClaim,
  ctx: EvalContext,
  all: readonly TestFile[],
  declared: readonly string[],
  place: string,
): Finding {
  const others = all.length ? ` (found ${describeCounts(all)})` : '';
  const undecided = (why: string): Finding => ({
    verdict: 'unknown',
    message: `no ${claim.kind} test files recognised in ${place}${others}; ${why}`,
    evidence: folderEvidence(all),
  });
  if (claim.kind === 'integration' && all.length) {
    return undecided('cannot tell whether some of them are integration tests');
  }
  if (claim.kind === 'e2e') {
    const drivers = declared.filter((name) => E2E_FRAMEWORKS.has(name));
    if (drivers.length)
      return undecided(`${drivers.join(', ')} is declared, so end-to-end tests may live elsewhere`);
  }
  if (claim.kind === 'load' && (claim.loose || claim.outcome)) {
    return undecided('load or performance testing may have been done with tools outside the repository');
  }
  return missing(claim, `no ${claim.kind} tests in ${place}${others}:`, ctx);
}

function describeCounts(files: readonly TestFile[]): string {
  const counts = new Map<TestKind, number>();
  for (const file of files) counts.set(file.kind, (counts.get(file.kind) ?? 0) + 1);
  return [...counts].map(([kind, count]) => `${count} ${kind}`).join(', ');
}

function found(claim: SuiteClaim, files: readonly TestFile[]): Finding {
  const summary = describeFiles(files, claim.kind);
  const evidence = folderEvidence(files);
  if (claim.outcome) {
    return {
      verdict: 'unknown',
      message: `${summary}; whether they pass is known only from a test run, not the repository`,
      evidence,
    };
  }
  if (claim.specific) {
    return {
      verdict: 'unknown',
      message: `${summary}; whether they cover what the item names needs a reviewer`,
      evidence,
    };
  }
  return { verdict: 'pass', message: summary, evidence };
}

function missing(claim: SuiteClaim, prefix: string, ctx: EvalContext): Finding {
  return {
    verdict: 'fail',
    message: `${prefix} no files matching ${LOOKED_FOR[claim.kind]}`,
    evidence: [{ path: ctx.scope || '.' }],
  };
}
