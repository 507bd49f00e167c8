// Where the project's own files (manifests, code, tests, configuration; never documentation or
// lockfiles) name the test tools of the catalogue, and which files are the tool in use
// (`.feature` files, FactoryBot factories). One scan per file, remembered per blob.

import type { Collector, RepoView } from '../evidence.js';
import { NOT_THIS_PROJECT } from '../formats/folders.js';
import { isScannedForTechnologies, roleOf, type TraceRole } from '../formats/project-files.js';
import { TEST_TOOLS } from './test-tools/catalogue.js';

export type { TestTool } from './test-tools/catalogue.js';
export { TEST_TOOLS } from './test-tools/catalogue.js';

export interface ToolTrace {
  path: string;
  line: number;
  role: TraceRole;
  /**
   * On a line that is not a comment and, in go.mod, not an `// indirect` requirement (another
   * module's dependency, not the project's).
   */
  strict: boolean;
}

export interface TestToolTraces {
  /** Per tool id: the first line naming it in each file, and the first strict one. */
  traces: Map<string, ToolTrace[]>;
  /** Per tool id with `files`: the files that are the tool in use. */
  files: Map<string, string[]>;
  /** Files scanned, so an absence can say how many were searched. */
  scanned: number;
  /** Dependency manifests seen, the evidence an absence points at. */
  manifests: string[];
}

const COMMENT = /^\s*(?:\/\/(?!go:generate)|#|\/\*|\*|--|;|<!--|%)/;
const INDIRECT = /\/\/\s*indirect\b/;
/** What the scan looks for: each tool's name, and for file-based tools their runners (`<id>.runner`). */
const SOUGHT: [string, RegExp][] = [
  ...TEST_TOOLS.map((tool): [string, RegExp] => [tool.id, tool.trace]),
  ...TEST_TOOLS.flatMap((tool): [string, RegExp][] =>
    tool.runners ? [[runnerId(tool.id), tool.runners]] : [],
  ),
];
const ANY = new RegExp(SOUGHT.map(([, pattern]) => `(?:${pattern.source})`).join('|'), 'i');

/** The trace id under which a file-based tool's runners are recorded. */
export function runnerId(toolId: string): string {
  return `${toolId}.runner`;
}

/** Per tool id: [line, strict] of the first line naming it, and of the first strict one. */
export function testToolsIn(text: string, path = ''): [string, number, boolean][] {
  if (!ANY.test(text)) return [];
  const goMod = /(^|\/)go\.mod$/.test(path);
  const found = new Map<string, { line: number; strict?: number }>();
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] as string;
    if (!ANY.test(line)) continue;
    const strict = !COMMENT.test(line) && !(goMod && INDIRECT.test(line));
    for (const [id, pattern] of SOUGHT) {
      if (!pattern.test(line)) continue;
      const seen = found.get(id);
      if (!seen) found.set(id, strict ? { line: index + 1, strict: index + 1 } : { line: index + 1 });
      else if (strict && seen.strict === undefined) seen.strict = index + 1;
    }
  }
  const out: [string, number, boolean][] = [];
  for (const [id, seen] of found) {
    out.push([id, seen.line, seen.strict === seen.line]);
    if (seen.strict !== undefined && seen.strict !== seen.line) out.push([id, seen.strict, true]);
  }
  return out;
}

export const testToolsCollector: Collector<TestToolTraces> = {
  id: 'test-tools',
  async collect(repo: RepoView): Promise<TestToolTraces> {
    const paths = repo.files.filter((path) => isScannedForTechnologies(path) && !NOT_THIS_PROJECT.test(path));
    const perFile = await repo.perFiles('test-tools', paths, (text, index) =>
      testToolsIn(text, paths[index] as string),
    );
    const traces = new Map<string, ToolTrace[]>();
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
    const files = new Map<string, string[]>();
    for (const tool of TEST_TOOLS) {
      const pattern = tool.files;
      if (!pattern) continue;
      files.set(
        tool.id,
        repo.files.filter((path) => pattern.test(path) && !NOT_THIS_PROJECT.test(path)),
      );
    }
    return { traces, files, scanned, manifests };
  },
};
