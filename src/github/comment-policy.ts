import type { Report } from '../core/types.js';

/**
 * `comment: auto` posts a new sticky comment only when there is something to say: a failed
 * gate, a change against the base, or (without a base) items that are unbacked or unmet.
 * An existing comment is always updated so it never shows a stale verdict.
 */
export function worthPosting(report: Report): boolean {
  if (!report.gate.passed) return true;
  if (report.diff) return Object.values(report.diff.entries).some((entries) => entries.length > 0);
  return report.summary.unbacked + report.summary.unmet > 0;
}
