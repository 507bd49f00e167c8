// Where the project's own files (code, manifests, configuration; never documentation) mention
// the components of the technology catalogue. One scan per file, remembered per blob. The rule
// that reads this decides two things: whether a component is absent (no trace at all), and
// whether it is integrated (a declared dependency and a use in application code).

import type { Collector, RepoView } from '../evidence.js';
import { anyLiteral } from '../formats/any-literal.js';
import { lineOf } from '../formats/lines.js';
import { isScannedForTechnologies, roleOf, type TraceRole } from '../formats/project-files.js';
import { TECHNOLOGIES } from './technology-traces/catalogue.js';

export type { TraceRole } from '../formats/project-files.js';
export { isScannedForTechnologies, roleOf } from '../formats/project-files.js';
export type { Technology } from './technology-traces/catalogue.js';
export { TECHNOLOGIES } from './technology-traces/catalogue.js';

export interface Trace {
  path: string;
  line: number;
  role: TraceRole;
  /** The name stands alone (`go-redis`, `import redis`), on a line that is not a comment. */
  strict: boolean;
}

export interface TechnologyTraces {
  /** Per technology id: its traces, at most two per file (the first, and the first strict one). */
  traces: Map<string, Trace[]>;
  /** Files scanned, so an absence can say how many were searched. */
  scanned: number;
  /** Dependency manifests seen, the evidence an absence points at. */
  manifests: string[];
}

const COMMENT = /^\s*(?:\/\/|#|\/\*|\*|--|;|<!--|%)/;

const OWNER = new Map<string, string>();
for (const technology of TECHNOLOGIES) for (const trace of technology.traces) OWNER.set(trace, technology.id);
// Case-insensitive on the text as it is: lowercasing every file first costs as much as the search.
const ANY_TRACE = anyLiteral(OWNER.keys(), 'gi');

/** Per technology id: the first line mentioning it and the first strict one, in one file. */
export function tracesIn(text: string): [string, number, boolean][] {
  const found = new Map<string, { line: number; strict?: number }>();
  ANY_TRACE.lastIndex = 0;
  for (let match = ANY_TRACE.exec(text); match; match = ANY_TRACE.exec(text)) {
    const id = OWNER.get(match[0].toLowerCase()) as string;
    const seen = found.get(id);
    if (seen?.strict !== undefined) continue;
    const strict =
      standsAlone(text, match.index, match[0].length) && !COMMENT.test(lineText(text, match.index));
    // Line numbers cost a scan from the top: only for the first trace and the first strict one.
    if (seen && !strict) continue;
    const line = lineOf(text, match.index);
    if (!seen) found.set(id, strict ? { line, strict: line } : { line });
    else seen.strict = line;
  }
  const out: [string, number, boolean][] = [];
  for (const [id, seen] of found) {
    out.push([id, seen.line, seen.strict === seen.line]);
    if (seen.strict !== undefined && seen.strict !== seen.line) out.push([id, seen.strict, true]);
  }
  return out;
}

const WORD_CHAR = /[A-Za-z0-9]/;

function standsAlone(text: string, at: number, length: number): boolean {
  return !WORD_CHAR.test(text.charAt(at - 1)) && !WORD_CHAR.test(text.charAt(at + length));
}

function lineText(text: string, at: number): string {
  const start = text.lastIndexOf('\n', at - 1) + 1;
  const end = text.indexOf('\n', at);
  return text.slice(start, end < 0 ? text.length : end);
}

export const technologyTracesCollector: Collector<TechnologyTraces> = {
  id: 'technology-traces',
  async collect(repo: RepoView): Promise<TechnologyTraces> {
    const paths = repo.files.filter(isScannedForTechnologies);
    const perFile = await repo.perFiles('technology-traces', paths, tracesIn);
    const traces = new Map<string, Trace[]>();
    const manifests: string[] = [];
    let scanned = 0;
    perFile.forEach((found, index) => {
      if (!found) return;
      scanned += 1;
      const path = paths[index] as string;
      const role = roleOf(path);
      if (role === 'manifest') manifests.push(path);
      for (const [id, line, strict] of found) {
        const list = traces.get(id) ?? [];
        list.push({ path, line, role, strict });
        traces.set(id, list);
      }
    });
    return { traces, scanned, manifests };
  },
};
