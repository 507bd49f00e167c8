// Reports are hand-written copies of each tool's real output structure (no coverage tool
// is installed here), trimmed to a file or two.

import { describe, expect, it } from 'vitest';
import {
  type CoverageReports,
  chooseReport,
  coverageReports,
  parseCoverageReport,
} from '../../../src/core/collectors/coverage-reports.js';
import { type Config, DEFAULT_CONFIG } from '../../../src/core/config.js';
import { collectEvidence, createRepoView } from '../../../src/core/evidence.js';
import { MemoryRepo } from '../../support/memory-repo.js';

const ISTANBUL_SUMMARY = `{"total": {"lines":{"total":250,"covered":160,"skipped":0,"pct":64},"statements":{"total":270,"covered":170,"skipped":0,"pct":62.96},"functions":{"total":40,"covered":30,"skipped":0,"pct":75},"branches":{"total":80,"covered":40,"skipped":0,"pct":50},"branchesTrue":{"total":0,"covered":0,"skipped":0,"pct":100}}
,"/home/ci/app/src/index.ts": {"lines":{"total":250,"covered":160,"skipped":0,"pct":64},"functions":{"total":40,"covered":30,"skipped":0,"pct":75},"statements":{"total":270,"covered":170,"skipped":0,"pct":62.96},"branches":{"total":80,"covered":40,"skipped":0,"pct":50}}
}
`;

const ISTANBUL_FINAL = JSON.stringify({
  '/home/ci/app/src/sum.js': {
    path: '/home/ci/app/src/sum.js',
    statementMap: {
      '0': { start: { line: 1, column: 0 }, end: { line: 1, column: 20 } },
      '1': { start: { line: 2, column: 2 }, end: { line: 2, column: 14 } },
      '2': { start: { line: 2, column: 15 }, end: { line: 2, column: 30 } },
      '3': { start: { line: 4, column: 2 }, end: { line: 4, column: 12 } },
    },
    fnMap: { '0': { name: 'sum', decl: { start: { line: 1, column: 9 }, end: { line: 1, column: 12 } } } },
    branchMap: { '0': { type: 'if', locations: [] } },
    s: { '0': 1, '1': 1, '2': 0, '3': 0 },
    f: { '0': 1 },
    b: { '0': [1, 0] },
  },
});

const LCOV = `TN:
SF:src/sum.ts
FN:1,sum
FNDA:3,sum
FNF:1
FNH:1
DA:1,3
DA:2,3
DA:4,0
LF:3
LH:2
BRDA:2,0,0,3
BRDA:2,0,1,0
BRF:2
BRH:1
end_of_record
TN:
SF:src/div.ts
DA:1,1
LF:1
LH:1
end_of_record
`;

const COBERTURA = `<?xml version="1.0" ?>
<!DOCTYPE coverage SYSTEM "http://cobertura.sourceforge.net/xml/coverage-04.dtd">
<coverage version="7.4.0" timestamp="1700000000000" lines-valid="200" lines-covered="150" line-rate="0.75" branches-covered="30" branches-valid="60" branch-rate="0.5" complexity="0">
\t<sources><source>/home/ci/app</source></sources>
\t<packages>
\t\t<package name="app" line-rate="0.75" branch-rate="0.5" complexity="0">
\t\t\t<classes/>
\t\t</package>
\t</packages>
</coverage>
`;

const CLOVER = `<?xml version="1.0" encoding="UTF-8"?>
<coverage generated="1700000000000" clover="3.2.0">
  <project timestamp="1700000000000" name="All files">
    <metrics statements="100" coveredstatements="91" conditionals="10" coveredconditionals="5" methods="20" coveredmethods="18" elements="130" coveredelements="114" complexity="0" loc="100" ncloc="100" packages="1" files="1" classes="1"/>
    <file name="sum.js" path="/home/ci/app/sum.js">
      <metrics statements="100" coveredstatements="91" conditionals="10" coveredconditionals="5" methods="20" coveredmethods="18"/>
      <line num="1" count="1" type="stmt"/>
    </file>
  </project>
</coverage>
`;

const JACOCO = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><!DOCTYPE report PUBLIC "-//JACOCO//DTD Report 1.1//EN" "report.dtd"><report name="app"><sessioninfo id="ci" start="1" dump="2"/><package name="com/acme"><class name="com/acme/Sum" sourcefilename="Sum.java"><counter type="LINE" missed="1" covered="9"/></class><counter type="INSTRUCTION" missed="10" covered="90"/><counter type="LINE" missed="1" covered="9"/></package><counter type="INSTRUCTION" missed="40" covered="160"/><counter type="BRANCH" missed="5" covered="15"/><counter type="LINE" missed="12" covered="48"/><counter type="METHOD" missed="2" covered="8"/></report>`;

const GO_PROFILE = `mode: set
example.com/app/sum.go:3.24,5.2 1 1
example.com/app/sum.go:7.24,9.2 3 0
example.com/app/sum.go:7.24,9.2 3 1
example.com/app/div.go:3.24,5.2 4 0
`;

const COVERAGE_PY_JSON = `{"meta": {"format": 2, "version": "7.4.0", "timestamp": "2024-01-01T00:00:00", "branch_coverage": true, "show_contexts": false},
 "files": {},
 "totals": {"covered_lines": 81, "num_statements": 90, "percent_covered": 88.0, "percent_covered_display": "88", "missing_lines": 9, "excluded_lines": 0, "num_branches": 10, "num_partial_branches": 1, "covered_branches": 7, "missing_branches": 3}}
`;

async function collect(
  files: Record<string, string>,
  untracked: string[] = [],
  config: Config = DEFAULT_CONFIG,
): Promise<CoverageReports> {
  return collectEvidence(
    coverageReports,
    await createRepoView(new MemoryRepo(files, 'test', untracked)),
    config,
  );
}

describe('parseCoverageReport', () => {
  it('reads istanbul summary totals', () => {
    const report = parseCoverageReport('coverage/coverage-summary.json', ISTANBUL_SUMMARY);
    expect(report).toMatchObject({
      format: 'istanbul-summary',
      line: 1,
      metrics: { lines: { covered: 160, total: 250, pct: 64 } },
    });
  });

  it('recomputes istanbul coverage-final the way istanbul does', () => {
    const report = parseCoverageReport('coverage/coverage-final.json', ISTANBUL_FINAL);
    expect(report).toMatchObject({
      format: 'istanbul-final',
      metrics: {
        lines: { covered: 2, total: 3 },
        statements: { covered: 2, total: 4 },
        branches: { covered: 1, total: 2 },
        functions: { covered: 1, total: 1 },
      },
    });
  });

  it('sums LCOV records', () => {
    expect(parseCoverageReport('lcov.info', LCOV)).toMatchObject({
      format: 'lcov',
      metrics: { lines: { covered: 3, total: 4, pct: 75 }, branches: { covered: 1, total: 2 } },
    });
  });

  it('reads Cobertura counts from the root element', () => {
    expect(parseCoverageReport('coverage.xml', COBERTURA)).toMatchObject({
      format: 'cobertura',
      line: 3,
      metrics: { lines: { covered: 150, total: 200, pct: 75 }, branches: { covered: 30, total: 60 } },
    });
  });

  it('falls back to the Cobertura line-rate when counts are missing', () => {
    const report = parseCoverageReport(
      'coverage.xml',
      '<coverage line-rate="0.5" branch-rate="0"></coverage>',
    );
    expect(report).toMatchObject({ metrics: { lines: { pct: 50, fromRate: true } } });
  });

  it('reads Clover project metrics, not file metrics', () => {
    expect(parseCoverageReport('clover.xml', CLOVER)).toMatchObject({
      format: 'clover',
      line: 4,
      metrics: { statements: { covered: 91, total: 100 }, branches: { covered: 5, total: 10 } },
    });
  });

  it('reads the report-level JaCoCo counters', () => {
    expect(parseCoverageReport('target/site/jacoco/jacoco.xml', JACOCO)).toMatchObject({
      format: 'jacoco',
      metrics: { lines: { covered: 48, total: 60, pct: 80 }, branches: { covered: 15, total: 20 } },
    });
  });

  it('counts each Go block once, covered when any run hit it', () => {
    expect(parseCoverageReport('coverage.out', GO_PROFILE)).toMatchObject({
      format: 'go-cover',
      metrics: { statements: { covered: 4, total: 8, pct: 50 } },
    });
  });

  it('reads coverage.py JSON totals', () => {
    expect(parseCoverageReport('coverage.json', COVERAGE_PY_JSON)).toMatchObject({
      format: 'coverage-py-json',
      line: 3,
      metrics: { lines: { covered: 81, total: 90, pct: 90 }, branches: { covered: 7, total: 10 } },
    });
  });

  it('records malformed and foreign files instead of throwing', () => {
    expect(parseCoverageReport('coverage.json', '{"total": ')).toHaveProperty('reason');
    expect(parseCoverageReport('coverage.json', '{"name": "not coverage"}')).toHaveProperty('reason');
    expect(parseCoverageReport('coverage.xml', '<html></html>')).toHaveProperty('reason');
    expect(parseCoverageReport('coverage.out', 'hello')).toHaveProperty('reason');
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    expect(parseCoverageReport('coverage.json', deep)).toHaveProperty('reason');
  });
});

describe('coverage-reports collector', () => {
  it('probes untracked conventional paths of each project folder', async () => {
    const result = await collect(
      {
        'package.json': '{}',
        'services/api/package.json': '{}',
        'services/api/coverage/lcov.info': LCOV,
        'coverage/coverage-summary.json': ISTANBUL_SUMMARY,
      },
      ['services/api/coverage/lcov.info', 'coverage/coverage-summary.json'],
    );
    expect(result.reports.map((report) => [report.path, report.origin])).toEqual([
      ['coverage/coverage-summary.json', 'generated'],
      ['services/api/coverage/lcov.info', 'generated'],
    ]);
  });

  it('reads configured paths and globs, and says when a configured report is missing', async () => {
    const config = {
      ...DEFAULT_CONFIG,
      coverage: { paths: ['reports/*.xml', 'missing/lcov.info'], threshold: 75 },
    };
    const result = await collect({ 'reports/unit.xml': COBERTURA }, [], config);
    expect(result.reports).toMatchObject([
      { path: 'reports/unit.xml', origin: 'config', format: 'cobertura' },
    ]);
    expect(result.unreadable).toEqual([
      { path: 'missing/lcov.info', reason: 'configured report not found or not readable' },
    ]);
    expect(result.defaultThreshold).toBe(75);
  });

  it('ignores reports inside test fixtures and vendored folders', async () => {
    const result = await collect({
      'test/fixtures/coverage/lcov.info': LCOV,
      'node_modules/x/coverage/coverage-summary.json': ISTANBUL_SUMMARY,
    });
    expect(result.reports).toEqual([]);
  });
});

describe('chooseReport', () => {
  const report = (
    path: string,
    format: 'lcov' | 'istanbul-summary',
    origin: 'generated' | 'config' = 'generated',
  ) => ({
    path,
    format,
    origin,
    metrics: {},
  });

  it('prefers the report of the checklist folder', () => {
    const chosen = chooseReport(
      [
        report('coverage/coverage-summary.json', 'istanbul-summary'),
        report('services/api/coverage/lcov.info', 'lcov'),
      ],
      'services/api',
    );
    expect(chosen?.report.path).toBe('services/api/coverage/lcov.info');
    expect(chosen?.reason).toBe('preferred over 1 other report');
  });

  it('prefers the root project, then the summary over other formats', () => {
    const chosen = chooseReport(
      [
        report('packages/a/coverage/coverage-summary.json', 'istanbul-summary'),
        report('coverage/lcov.info', 'lcov'),
        report('coverage/coverage-summary.json', 'istanbul-summary'),
      ],
      '',
    );
    expect(chosen?.report.path).toBe('coverage/coverage-summary.json');
  });

  it('puts configured reports first', () => {
    const chosen = chooseReport(
      [
        report('coverage/coverage-summary.json', 'istanbul-summary'),
        report('out/lcov.info', 'lcov', 'config'),
      ],
      '',
    );
    expect(chosen).toMatchObject({
      report: { path: 'out/lcov.info' },
      reason: 'configured in coverage.paths',
    });
  });
});
