import { type CoverageThreshold, coverageConfig } from '../../collectors/coverage-config.js';
import {
  type CoverageMetric,
  type CoverageMetricName,
  type CoverageReport,
  chooseReport,
  coverageReports,
  FORMAT_LABEL,
} from '../../collectors/coverage-reports.js';
import { inScope } from '../../evidence.js';
import { claimText, type EvalContext, type Rule } from '../../rule.js';
import type { EvidenceRef, Finding } from '../../types.js';
import {
  type CoverageTarget,
  coverageTargets,
  formatPercent,
  speaksOfTestCoverage,
} from './coverage-evidence.js';

/** No number in the item: the threshold comes from the readiness config or the repository's own. */
type Params = CoverageTarget | { threshold?: undefined };

const THRESHOLDS_MET =
  /\bcoverage\s+(thresholds?|targets?|goals?|gates?)\s+(are\s+|is\s+)?(met|reached|achieved|satisfied|pass(ed|ing)?|green)\b|\bmeets?\s+(the\s+)?coverage\s+(thresholds?|targets?)\b/i;
/** Items about setting a threshold up rather than reaching it: coverage.threshold-configured checks those. */
const ABOUT_CONFIGURATION =
  /\b(enforc\w*|configur\w*|set\s+(up|to|at)|fail[\s_-]?under|gates?\s+(in|on)\s+ci)\b/i;

export const coverageAboveThreshold: Rule<Params> = {
  id: 'coverage.above-threshold',
  title: 'Test coverage reaches the stated threshold',
  why: 'A coverage number in a checklist is only true for the code as it is now; a report shows whether it still holds.',
  fix:
    'Add tests until the report reaches the threshold, or correct the number in the checklist. Run the tests ' +
    'with coverage before this check (or list the report in coverage.paths in .github/readiness.yml).',
  recognises:
    'Items about test or code coverage that name a percentage ("> 70%", "at least 80 percent", "80%+ line ' +
    'coverage") or say coverage thresholds are met.',
  needs: [coverageReports, coverageConfig],
  match(item) {
    const text = claimText(item);
    if (!speaksOfTestCoverage(text)) return [];
    if (THRESHOLDS_MET.test(text)) return [{}];
    if (ABOUT_CONFIGURATION.test(text)) return [];
    return coverageTargets(text);
  },
  bound: () => [{}],
  evaluate(params, ctx) {
    const collected = ctx.get(coverageReports);
    const choice = chooseReport(collected.reports, ctx.scope);
    if (!choice) return noReport(collected.configuredPaths, collected.unreadable);
    const targets = targetsFor(params, collected.defaultThreshold, ctx);
    if (!targets.length) {
      return {
        verdict: 'unknown',
        message:
          'the item names no coverage percentage and none is configured; write it in the item ("≥ 80% line ' +
          'coverage") or set coverage.threshold in .github/readiness.yml',
        evidence: [reportEvidence(choice.report)],
      };
    }
    const source = `${choice.report.path} (${FORMAT_LABEL[choice.report.format]}, ${describeOrigin(choice.report)}; ${choice.reason})`;
    const results = targets.map((target) => compare(target, choice.report));
    const failed = results.filter((result) => result.verdict === 'fail');
    const undecided = results.filter((result) => result.verdict === 'unknown');
    const decisive = failed.length ? failed : undecided.length ? undecided : results;
    return {
      verdict: failed.length ? 'fail' : undecided.length ? 'unknown' : 'pass',
      message: `${decisive.map((result) => result.text).join('; ')} in ${source}`,
      evidence: [reportEvidence(choice.report), ...targets.flatMap((target) => target.evidence)],
    };
  },
  examples: {
    match: [
      'Add unit tests for core flows (30% coverage minimum)',
      '**Test Coverage**: > 70%',
      'Coverage thresholds met',
      'Code coverage at least 80 percent',
      '80%+ line coverage',
      'Coverage: 70% minimum',
      '>= 80% line coverage, 70% branch coverage',
    ],
    noMatch: [
      'Test coverage thresholds',
      'Coverage threshold of 80% enforced in CI',
      'API documentation coverage 90%',
      'Monitoring coverage for all services',
      'Unit tests (Vitest)',
      'Address testing coverage and API documentation',
      '99.9% uptime SLA',
    ],
    verdicts: [
      {
        files: {
          'coverage/coverage-summary.json':
            '{ "total": { "lines": { "total": 100, "covered": 82, "pct": 82 }, "statements": { "pct": 82 }, "functions": { "pct": 80 }, "branches": { "pct": 75 } } }\n',
        },
        item: '**Test Coverage**: > 70%',
        verdict: 'pass',
      },
      { files: { 'src/app.ts': 'export {};\n' }, item: '**Test Coverage**: > 70%', verdict: 'unknown' },
    ],
  },
};

interface Target {
  threshold: number;
  strict: boolean;
  metric: CoverageMetricName;
  /** Where the threshold comes from when the item does not name it. */
  from?: string;
  evidence: EvidenceRef[];
}

function targetsFor(params: Params, defaultThreshold: number | undefined, ctx: EvalContext): Target[] {
  if (params.threshold !== undefined) {
    return [
      { threshold: params.threshold, strict: params.strict, metric: params.metric ?? 'lines', evidence: [] },
    ];
  }
  if (defaultThreshold !== undefined) {
    return [
      {
        threshold: defaultThreshold,
        strict: false,
        metric: 'lines',
        from: 'coverage.threshold in .github/readiness.yml',
        evidence: [],
      },
    ];
  }
  const thresholds = ctx.get(coverageConfig).thresholds;
  const inside = thresholds.filter((threshold) => inScope(threshold.path, ctx.scope));
  return (inside.length ? inside : thresholds).map((threshold: CoverageThreshold) => ({
    threshold: threshold.value,
    strict: false,
    metric: threshold.metric === 'total' ? 'lines' : threshold.metric,
    from: `${threshold.tool} threshold at ${threshold.path}:${threshold.line}`,
    evidence: [{ path: threshold.path, line: threshold.line, excerpt: threshold.excerpt }],
  }));
}

interface Comparison {
  verdict: Finding['verdict'];
  text: string;
}

function compare(target: Target, report: CoverageReport): Comparison {
  const wanted = formatPercent(target.threshold);
  const from = target.from ? ` (${target.from})` : '';
  const found = measured(report, target.metric);
  if (!found) {
    return {
      verdict: 'unknown',
      text: `report has no ${singular(target.metric)} coverage to compare with ${wanted}${from}`,
    };
  }
  const { name, value } = found;
  const ok = target.strict ? value.pct > target.threshold : value.pct >= target.threshold;
  const actual = formatPercent(Math.floor(value.pct * 10) / 10);
  const counts = value.fromRate ? '' : ` (${value.covered}/${value.total})`;
  const relation = ok ? (target.strict ? '>' : '≥') : target.strict ? '≤' : '<';
  return {
    verdict: ok ? 'pass' : 'fail',
    text: `${singular(name)} coverage ${actual}${counts} ${relation} ${wanted}${from}`,
  };
}

/** Go profiles and Clover count statements, not lines: the closest measure stands in, and says so. */
function measured(
  report: CoverageReport,
  metric: CoverageMetricName,
): { name: CoverageMetricName; value: CoverageMetric } | undefined {
  const exact = report.metrics[metric];
  if (exact) return { name: metric, value: exact };
  const statements = report.metrics.statements;
  return metric === 'lines' && statements ? { name: 'statements', value: statements } : undefined;
}

function singular(metric: CoverageMetricName): string {
  return { lines: 'line', branches: 'branch', statements: 'statement', functions: 'function' }[metric];
}

function describeOrigin(report: CoverageReport): string {
  if (report.origin === 'tracked') return 'committed, may be stale';
  return report.origin === 'config' ? 'configured' : 'generated';
}

function reportEvidence(report: CoverageReport): EvidenceRef {
  const lines = report.metrics.lines ?? report.metrics.statements;
  const excerpt = lines && !lines.fromRate ? `${lines.covered}/${lines.total} covered` : undefined;
  return {
    path: report.path,
    ...(report.line === undefined ? {} : { line: report.line }),
    ...(excerpt ? { excerpt } : {}),
  };
}

function noReport(
  configured: readonly string[],
  unreadable: readonly { path: string; reason: string }[],
): Finding {
  const problems = unreadable.map((entry) => `${entry.path}: ${entry.reason}`);
  const where = configured.length
    ? `the configured coverage.paths (${configured.join(', ')})`
    : 'coverage/coverage-summary.json, lcov.info, coverage.xml, clover.xml, jacoco.xml, coverage.out, coverage.json';
  return {
    verdict: 'unknown',
    message:
      `no coverage report found (looked for ${where}${problems.length ? `; ${problems.join('; ')}` : ''}); ` +
      'run the tests with coverage before this check or set coverage.paths in .github/readiness.yml',
    evidence: unreadable.map((entry) => ({ path: entry.path })),
  };
}
