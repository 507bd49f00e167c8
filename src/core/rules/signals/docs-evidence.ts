// Judgement shared by the project-documents rules: a file in scope (or at the root) passes;
// its absence fails, saying where the rule looked.

import type { DocFile } from '../../collectors/project-docs.js';
import { inScope } from '../../evidence.js';
import type { EvalContext } from '../../rule.js';
import type { Finding } from '../../types.js';
import { at, ref } from './signal-evidence.js';

/** Documents in the checklist's folder first, then at the repository root. */
export function docsFor<T extends DocFile>(files: readonly T[], ctx: EvalContext): T[] {
  const scoped = files.filter((file) => inScope(file.path, ctx.scope));
  if (scoped.length || !ctx.scope) return scoped;
  return files.filter((file) => !file.path.includes('/') || /^(?:\.github|docs?)\//.test(file.path));
}

export function docFound(what: string, files: readonly DocFile[]): Finding {
  const first = files[0] as DocFile;
  const where = first.excerpt ? `${at(first)} ("${first.excerpt.slice(0, 60)}")` : at(first);
  return {
    verdict: 'pass',
    message: `${what} at ${where}${files.length > 1 ? ` and ${files.length - 1} more` : ''}`,
    evidence: files.slice(0, 3).map(ref),
  };
}

export function docMissing(what: string, looked: string, ctx: EvalContext): Finding {
  return {
    verdict: 'fail',
    message: `no ${what}${ctx.scope ? ` in ${ctx.scope}/ or at the root` : ''} (looked for ${looked})`,
    evidence: [],
  };
}

/** A link to a wiki or hosted page: the document may exist outside the repository. */
export function linksElsewhere(links: readonly string[]): string | undefined {
  return links.find((link) => /^https?:\/\//i.test(link));
}
