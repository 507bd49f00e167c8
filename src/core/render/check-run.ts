// The `readiness` check run: a title with the counts, the Markdown report as summary, the
// gate as conclusion, and an annotation on each checklist line that needs attention, in
// the shape of the Checks API `output` (annotations are sent in batches of 50 by the publisher).

import type { GateFailure, ItemResult, Report, Status } from '../types.js';
import { countsLine, itemsWithStatus, STATUS_LABEL, STATUS_MEANING, VERDICT_MARK } from './format.js';
import { type MarkdownOptions, renderMarkdown } from './markdown.js';
import { annotationMessage, annotationTitle, plainInline } from './sanitize.js';

export type AnnotationLevel = 'failure' | 'warning' | 'notice';

export interface CheckRunAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: AnnotationLevel;
  title: string;
  message: string;
}

export interface CheckRunOutput {
  title: string;
  summary: string;
  conclusion: 'success' | 'failure' | 'neutral';
  annotations: CheckRunAnnotation[];
}

export type CheckRunOptions = Pick<MarkdownOptions, 'link' | 'overflowNote' | 'title'>;

/** The Checks API limit for `output.summary`. */
export const CHECK_RUN_SUMMARY_MAX = 65_535;

const ANNOTATED: Partial<Record<Status, AnnotationLevel>> = {
  unbacked: 'failure',
  unmet: 'warning',
  inconclusive: 'notice',
};

export function renderCheckRun(report: Report, options: CheckRunOptions = {}): CheckRunOutput {
  return {
    title: report.summary.items === 0 ? 'no checklist items found' : countsLine(report.summary),
    summary: renderMarkdown(report, { ...options, maxLength: CHECK_RUN_SUMMARY_MAX }),
    conclusion:
      report.summary.items === 0 && report.gate.passed
        ? 'neutral'
        : report.gate.passed
          ? 'success'
          : 'failure',
    annotations: annotations(report),
  };
}

function annotations(report: Report): CheckRunAnnotation[] {
  const failures = new Map(
    report.gate.failures.map((failure) => [failureKey(failure.path, failure.id), failure]),
  );
  const out: CheckRunAnnotation[] = [];
  for (const [status, level] of Object.entries(ANNOTATED) as [Status, AnnotationLevel][]) {
    for (const { path, item } of itemsWithStatus(report, status)) {
      const key = failureKey(path, item.id);
      const failure = failures.get(key);
      failures.delete(key);
      out.push(itemAnnotation(path, item, failure ? 'failure' : level, failure));
    }
  }
  // Gate failures on items that are not themselves annotated (an unticked manual item on a release branch).
  for (const failure of failures.values()) {
    out.push({
      path: failure.path,
      start_line: failure.line,
      end_line: failure.line,
      annotation_level: 'failure',
      title: annotationTitle(`readiness gate: ${failure.id}`),
      message: annotationMessage(`Gate failed: ${plainInline(failure.reason)}`),
    });
  }
  return out;
}

function failureKey(path: string, id: string): string {
  return `${path}\u0000${id}`;
}

function itemAnnotation(
  path: string,
  item: ItemResult,
  level: AnnotationLevel,
  failure?: GateFailure,
): CheckRunAnnotation {
  const lines = item.checks.map((check) => {
    const evidence = check.evidence.map((ref) =>
      ref.line === undefined ? ref.path : `${ref.path}:${ref.line}`,
    );
    const where = evidence.length ? ` (evidence: ${plainInline(evidence.join(', '), 1000)})` : '';
    return `${VERDICT_MARK[check.verdict]} ${plainInline(check.rule, 80)}: ${plainInline(check.message)}${where}`;
  });
  if (failure) lines.push(`Gate failed: ${plainInline(failure.reason)}`);
  return {
    path,
    start_line: item.line,
    end_line: item.line,
    annotation_level: level,
    title: annotationTitle(`${STATUS_LABEL[item.status]}: ${item.text}`),
    message: annotationMessage([`${STATUS_MEANING[item.status]}.`, ...lines].join('\n')),
  };
}
