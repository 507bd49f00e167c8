// `::error`/`::warning` workflow commands on the checklist lines, so problems show in the log and
// on the PR's files view even when the token cannot create a check run. The runner shows only
// the first 10 of each per step, so gate failures go first, and the log is capped.

import * as core from '@actions/core';
import { plainInline } from '../core/render/sanitize.js';
import type { Report } from '../core/types.js';

const MAX_LOGGED = 50;

interface Problem {
  level: 'error' | 'warning';
  title: string;
  message: string;
  path: string;
  line: number;
}

export function logItemProblems(report: Report, prefix: string): void {
  const problems = problemsOf(report);
  for (const problem of problems.slice(0, MAX_LOGGED)) {
    const log = problem.level === 'error' ? core.error : core.warning;
    log(plainInline(problem.message), {
      title: problem.title,
      file: `${prefix}${problem.path}`,
      startLine: problem.line,
    });
  }
  if (problems.length > MAX_LOGGED) {
    core.info(
      `readiness: logged the first ${MAX_LOGGED} of ${problems.length} problems; the job summary lists all`,
    );
  }
}

function problemsOf(report: Report): Problem[] {
  const failing = new Set(report.gate.failures.map((failure) => `${failure.path}\0${failure.id}`));
  const problems: Problem[] = report.gate.failures.map((failure) => ({
    level: 'error',
    title: 'readiness gate',
    message: failure.reason,
    path: failure.path,
    line: failure.line,
  }));
  for (const checklist of report.checklists) {
    for (const item of checklist.items) {
      if (item.status !== 'unbacked' && item.status !== 'unmet') continue;
      if (failing.has(`${checklist.path}\0${item.id}`)) continue;
      const failed = item.checks.find((check) => check.verdict === 'fail');
      problems.push({
        level: 'warning',
        title: `readiness: ${item.status}`,
        message: `${item.text}${failed ? ` (${failed.message})` : ''}`,
        path: checklist.path,
        line: item.line,
      });
    }
  }
  return problems;
}
