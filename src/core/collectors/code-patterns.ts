// Where the project's own files (code and configuration, never documentation) name the
// engineering patterns of the catalogue, and how: a definition (`class CircuitBreaker`), a use
// (a call, decorator or instantiation: `SimpleCircuitBreaker.new(`, `@retry(`), or a mere
// mention (a comment, an import, a docstring, a variable). One scan per file, remembered per blob.
// A use inside the body of a definition of the same pattern (a class raising its own error) is
// counted as a mention, so a class nothing else instantiates does not count as the pattern applied.

import type { Collector, RepoView } from '../evidence.js';
import { anyLiteral } from '../formats/any-literal.js';
import {
  isCiDefinition,
  isScannedForTechnologies,
  isSourceFile,
  roleOf,
  type TraceRole,
} from '../formats/project-files.js';
import { isTestPath } from '../formats/source-files.js';
import { CODE_PATTERNS, type CodePattern } from './code-patterns/catalogue.js';
import { technologyTracesCollector } from './technology-traces.js';

export type { CodePattern } from './code-patterns/catalogue.js';
export { CODE_PATTERNS } from './code-patterns/catalogue.js';

/** `d`: defines the identifier; `u`: uses it (call, decorator, instantiation, configuration); `o`: any other mention. */
export type OccurrenceKind = 'd' | 'u' | 'o';

/** One occurrence in one file: pattern id, kind, line, the identifier (lowercase) it sits in. */
export type Occurrence = [string, OccurrenceKind, number, string];

export interface PatternOccurrence {
  path: string;
  line: number;
  kind: OccurrenceKind;
  /** The identifier the fragment sits in, lowercase (`simplecircuitbreaker`). */
  token: string;
  role: TraceRole;
  /** Catalogued components (technology ids) the same file uses: what the pattern is applied to. */
  components: readonly string[];
}

export interface CodePatternFacts {
  /** Per pattern id: its occurrences, in path order (at most a few per file and kind). */
  occurrences: Map<string, PatternOccurrence[]>;
  /** Files scanned, so an absence can say how many were searched. */
  scanned: number;
}

/** Per fragment: the patterns it is a use of, and those it is only a trace of. */
const FRAGMENTS = new Map<string, { uses: CodePattern[]; traces: CodePattern[] }>();
for (const pattern of CODE_PATTERNS) {
  for (const fragment of pattern.uses) entry(fragment).uses.push(pattern);
  for (const fragment of pattern.traces)
    if (!pattern.uses.includes(fragment)) entry(fragment).traces.push(pattern);
}
function entry(fragment: string) {
  const found = FRAGMENTS.get(fragment) ?? { uses: [], traces: [] };
  FRAGMENTS.set(fragment, found);
  return found;
}
const ANY_FRAGMENT = anyLiteral(FRAGMENTS.keys(), 'gi');

const COMMENT = /^\s*(?:\/\/|#(?!\[)|\/\*|\*|--|;|<!--|%|"""|''')/;
const IMPORT =
  /^\s*(?:import\b|from\s+\S+\s+import\b|export\s+(?:\{|\*)|require(?:_relative)?\b|using\b|use\s+[\w\\:]+|#include\b|@import\b|package\b|alias\s)|\brequire\s*\(/;
const IDENTIFIER_CHAR = /[\w$]/;
/** After the identifier: a call, a generic call, or a constructor or invocation method. */
const CALL_AFTER =
  /^\s*(?:<[^<>()]*>\s*)?\(|^(?:\.|::)(?:new|call|execute|run|wrap|fire|invoke|decorate|protect|with\w*)\b/;
/** Before the identifier: a decorator or annotation, or `new`. */
const CALL_BEFORE = /(?:@|\bnew\s+)[\w$.]*$/;
/** Ruby: a block (`with_retries do`). */
const RUBY_BLOCK_AFTER = /^\s+do\b|^\s*\{\s*\|/;
/** Ruby: a call without parentheses at the start of a line (`has_paper_trail`, `retry`), not a hash key or assignment. */
const RUBY_BARE_CALL_AFTER = /^(?:\s*$|\s+(?!=|do\b)[\w:'"@([])/;

const MODIFIERS =
  '(?:(?:public|private|protected|static|final|abstract|synchronized|override|async|virtual|internal|open|suspend|export|default|pub(?:\\([\\w ]+\\))?)\\s+)';

const DEFINITIONS = new Map<string, RegExp[]>();

/** Whether `line` defines `token` (a class, function, method or type of that name). */
function definesToken(line: string, token: string): boolean {
  let patterns = DEFINITIONS.get(token);
  if (!patterns) {
    patterns = definitionsOf(token);
    DEFINITIONS.set(token, patterns);
  }
  return patterns.some((pattern) => pattern.test(line));
}

function definitionsOf(token: string): RegExp[] {
  const name = token.replace(/[$@.-]/g, '\\$&');
  return [
    // class X, def x, func (r *T) X, fn x, defmodule A.X, type X struct, function* x
    `\\b(?:class|interface|struct|enum|trait|module|record|object|type|def|defp|defmodule|func|function\\*?|fn|fun|sub)\\s+(?:self\\.|\\([^)]*\\)\\s*)?(?:[\\w$]+(?:\\.|::))*${name}\\b`,
    // const x = (…) => / function / async
    `\\b(?:const|let|var)\\s+${name}\\s*(?::[^=]+)?=\\s*(?:async\\b\\s*)?(?:function\\b|\\(|[\\w$]+\\s*=>)`,
    // public Foo retryCall(int n) {   (Java, C#, Kotlin with modifiers)
    `^\\s*${MODIFIERS}+[\\w<>\\[\\],.?\\s]*?\\b${name}\\s*\\(`,
    // x(a, b) {   (method shorthand in JavaScript and TypeScript classes)
    `^\\s*(?:${MODIFIERS}|get\\s+|set\\s+)*${name}\\s*(?:<[^>]*>)?\\s*\\([^)]*\\)\\s*(?::[^{]*)?\\{\\s*$`,
  ].map((pattern) => new RegExp(pattern, 'i'));
}

function kindOf(
  line: string,
  start: number,
  end: number,
  token: string,
  isUse: boolean,
  pattern: CodePattern,
  ruby: boolean,
): OccurrenceKind {
  if (!isUse || COMMENT.test(line) || IMPORT.test(line)) return 'o';
  if (definesToken(line, token)) return 'd';
  if (pattern.configUse || pattern.useWhen?.test(line)) return 'u';
  const after = line.slice(end);
  const before = line.slice(0, start);
  if (CALL_AFTER.test(after) || CALL_BEFORE.test(before)) return 'u';
  // A constant (`CIRCUIT_BREAKER_THRESHOLD`) at the start of a line is a value, not a call.
  const method = /^[a-z_]/.test(line.charAt(start));
  if (
    ruby &&
    (RUBY_BLOCK_AFTER.test(after) || (method && /^\s*$/.test(before) && RUBY_BARE_CALL_AFTER.test(after)))
  )
    return 'u';
  return 'o';
}

/** Most occurrences kept per file, pattern and kind: enough to show and to check definitions. */
const KEPT_PER_KIND = 8;

/** Every occurrence in one file, at most a few per pattern and kind. */
export function patternsIn(text: string, path = ''): Occurrence[] {
  ANY_FRAGMENT.lastIndex = 0;
  if (!ANY_FRAGMENT.test(text)) return [];
  const ruby = path.endsWith('.rb');
  const lines = text.split('\n');
  const found: { id: string; kind: OccurrenceKind; index: number; token: string }[] = [];
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] as string;
    ANY_FRAGMENT.lastIndex = 0;
    for (let match = ANY_FRAGMENT.exec(line); match; match = ANY_FRAGMENT.exec(line)) {
      let start = match.index;
      let end = start + match[0].length;
      while (start > 0 && IDENTIFIER_CHAR.test(line.charAt(start - 1))) start--;
      while (end < line.length && IDENTIFIER_CHAR.test(line.charAt(end))) end++;
      ANY_FRAGMENT.lastIndex = Math.max(ANY_FRAGMENT.lastIndex, end);
      const token = line.slice(start, end).toLowerCase();
      const owners = FRAGMENTS.get(match[0].toLowerCase());
      if (!owners) continue;
      for (const [patterns, isUse] of [
        [owners.uses, true],
        [owners.traces, false],
      ] as const) {
        for (const pattern of patterns) {
          if (pattern.ignore?.test(line) || pattern.notToken?.test(token)) continue;
          found.push({
            id: pattern.id,
            kind: kindOf(line, start, end, token, isUse, pattern, ruby),
            index,
            token,
          });
        }
      }
    }
  }
  // A definition talking to itself (a class raising its own error, a retry helper calling
  // itself) is not the pattern applied: uses inside a definition's body count as mentions.
  const bodies = found
    .filter((occurrence) => occurrence.kind === 'd')
    .map((definition) => ({
      id: definition.id,
      from: definition.index,
      to: bodyEnd(lines, definition.index),
    }));
  const out: Occurrence[] = [];
  const kept = new Map<string, number>();
  for (const occurrence of found) {
    const inside = bodies.some(
      (body) => body.id === occurrence.id && occurrence.index >= body.from && occurrence.index <= body.to,
    );
    const kind = occurrence.kind === 'u' && inside ? 'o' : occurrence.kind;
    const key = `${occurrence.id}\0${kind}`;
    const count = kept.get(key) ?? 0;
    if (count >= KEPT_PER_KIND) continue;
    kept.set(key, count + 1);
    out.push([occurrence.id, kind, occurrence.index + 1, occurrence.token]);
  }
  return out;
}

/**
 * The last line (0-based) of the definition starting at `from`: the line before the next one
 * indented no deeper, or that line itself when it closes the block (`}`, `end`). Indentation is
 * how every language here is written in practice, braces or not.
 */
function bodyEnd(lines: readonly string[], from: number): number {
  const depth = indentOf(lines[from] as string);
  for (let index = from + 1; index < lines.length; index++) {
    const line = lines[index] as string;
    if (!line.trim()) continue;
    if (indentOf(line) > depth) continue;
    return /^\s*(?:[}\])]|end\b)/.test(line) ? index : index - 1;
  }
  return lines.length - 1;
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

/**
 * Code and configuration, without CI definitions or anything else under `.github/` (they run
 * checks on the project, not its behaviour) and without the recorded responses and fixture data
 * under test folders (other people's prose, not the project's code).
 */
function isScanned(path: string): boolean {
  return (
    isScannedForTechnologies(path) &&
    !isCiDefinition(path) &&
    !/(^|\/)\.github\//.test(path) &&
    (!isTestPath(path) || isSourceFile(path))
  );
}

export const codePatternsCollector: Collector<CodePatternFacts> = {
  id: 'code-patterns',
  needs: [technologyTracesCollector],
  async collect(repo: RepoView, _config, facts): Promise<CodePatternFacts> {
    // What each file uses, from the component scan: a pattern applies to the components its file uses.
    const componentsByPath = new Map<string, Set<string>>();
    for (const [id, traces] of facts.get(technologyTracesCollector).traces)
      for (const trace of traces) {
        if (!trace.strict) continue;
        const components = componentsByPath.get(trace.path) ?? new Set();
        componentsByPath.set(trace.path, components.add(id));
      }
    const paths = repo.files.filter(isScanned);
    const perFile = await repo.perFiles('code-patterns', paths, (text, index) =>
      patternsIn(text, paths[index]),
    );
    const occurrences = new Map<string, PatternOccurrence[]>();
    let scanned = 0;
    perFile.forEach((found, index) => {
      if (!found) return;
      scanned += 1;
      const path = paths[index] as string;
      const role = roleOf(path);
      const components = [...(componentsByPath.get(path) ?? [])];
      for (const [id, kind, line, token] of found) {
        const list = occurrences.get(id) ?? [];
        list.push({ path, line, kind, token, role, components });
        occurrences.set(id, list);
      }
    });
    return { occurrences, scanned };
  },
};
