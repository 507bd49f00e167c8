// What an item says about test coverage: whether it speaks of test/code coverage at all,
// and the numbers it names ("> 70%", "at least 80 percent", "80%+ line coverage").

import type { CoverageThreshold } from '../../collectors/coverage-config.js';
import type { CoverageMetricName } from '../../collectors/coverage-reports.js';

export interface CoverageTarget {
  /** Percent, 0..100. */
  threshold: number;
  /** `>` rather than `>=`. */
  strict: boolean;
  /** Metric the item names; lines when it names none. */
  metric?: CoverageMetricName;
}

const COVERAGE = /\bcoverage\b/i;
/** Coverage of something other than code by tests. */
const OTHER_COVERAGE =
  /\b(doc(s|umentation)?|type|types|typescript|i18n|translation|insurance|network|cell(ular)?|wi-?fi|signal|geographic|monitoring|alert(ing)?|log(ging)?|trac(e|ing)|observability|on-?call|support|SLA)\s+coverage\b|\bcoverage\s+(of|for)\s+(docs?|documentation|alerts?|monitoring|logs?|on-?call)\b/i;
const PERCENT = /(\d{1,3}(?:\.\d+)?)\s*(%|percent\b|pct\b)(\s*\+|\s+or\s+(?:more|higher|above|better))?/gi;
const STRICT_BEFORE = /(>(?!=)|\bmore than|\babove|\bover|\bgreater than|\bexceeds?|\bhigher than)\s*$/i;
const METRIC_WORDS: [RegExp, CoverageMetricName][] = [
  [/\bbranch(es)?\b/i, 'branches'],
  [/\bstatements?\b/i, 'statements'],
  [/\bfunctions?\b/i, 'functions'],
  [/\blines?\b/i, 'lines'],
];

export function speaksOfTestCoverage(text: string): boolean {
  return COVERAGE.test(text) && !OTHER_COVERAGE.test(text);
}

/** Each percentage in a coverage item, with the metric named next to it. */
export function coverageTargets(text: string): CoverageTarget[] {
  if (!speaksOfTestCoverage(text)) return [];
  const targets: CoverageTarget[] = [];
  for (const match of text.matchAll(PERCENT)) {
    const threshold = Number(match[1]);
    if (threshold > 100) continue;
    const before = text.slice(Math.max(0, match.index - 30), match.index);
    const after = text.slice(match.index + match[0].length, match.index + match[0].length + 30);
    const near = `${before.split(/[,;]/).pop() ?? ''} ${after.split(/[,;]/)[0] ?? ''}`;
    const metric = METRIC_WORDS.find(([word]) => word.test(near))?.[1];
    const target: CoverageTarget = { threshold, strict: STRICT_BEFORE.test(before) };
    if (metric) target.metric = metric;
    targets.push(target);
  }
  return targets;
}

export function formatPercent(value: number): string {
  return `${Number.isInteger(value) ? value : value.toFixed(1)}%`;
}

export function describeThreshold(threshold: CoverageThreshold): string {
  const metric = threshold.metric === 'total' ? 'total' : threshold.metric;
  return `${threshold.tool} ${metric} ${formatPercent(threshold.value)} at ${threshold.path}:${threshold.line}`;
}
