// The one safe way to read YAML from a scanned repository (or a config file), with every limit
// in one place. The yaml parser is quadratic on some very long lines (a 100 KB run of `"` takes
// seconds), so YAML with such a line is recorded as unparsable instead of parsed; real manifests,
// workflows and compose files never come close to this length. Aliases are capped per kind of
// file: enough for real anchors, far too few for a "billion laughs" file.

import {
  type Document,
  type DocumentOptions,
  LineCounter,
  type ParseOptions,
  parseAllDocuments,
  parseDocument,
  type SchemaOptions,
} from 'yaml';

export const MAX_YAML_LINE = 10_000;

/** Aliases a file of each kind may expand. */
export const MAX_ALIASES = {
  /** `.github/readiness.yml`. */
  config: 50,
  /** CI workflows and other one-document CI and repository files. */
  workflow: 50,
  /** Compose files, which lean on anchors for shared service settings. */
  compose: 100,
  /** Kubernetes and Helm manifests, and the YAML env documentation is read from. */
  manifest: 10,
} as const;

/** A file that could not be parsed, and why, for the report to name. */
export interface UnparsableFile {
  path: string;
  error: string;
}

/** Throws (into the caller's own error handling) when a line is longer than MAX_YAML_LINE. */
export function assertYamlLinesBounded(text: string): void {
  let start = 0;
  while (start < text.length) {
    const end = text.indexOf('\n', start);
    const stop = end < 0 ? text.length : end;
    if (stop - start > MAX_YAML_LINE) {
      throw new Error(`a line is longer than ${MAX_YAML_LINE} characters; not parsed as YAML`);
    }
    start = stop + 1;
  }
}

type StreamOptions = ParseOptions & DocumentOptions & SchemaOptions;

/**
 * Every document of a YAML stream, parsed leniently (duplicate keys allowed, the parser silent;
 * errors stay on each document for the caller to report). Throws when a line is too long.
 */
export function parseYamlStream(
  text: string,
  options: StreamOptions = {},
): ReturnType<typeof parseAllDocuments> {
  assertYamlLinesBounded(text);
  return parseAllDocuments(text, { uniqueKeys: false, logLevel: 'error', ...options });
}

export interface LoadedYaml {
  value: unknown;
  doc: Document;
  lineOf(path: readonly (string | number)[]): number | undefined;
  lineAt(offset: number): number;
}

/** Parses one YAML document defensively: errors and alias bombs become `{ error }`. */
export function loadYaml(text: string): LoadedYaml | { error: string } {
  try {
    assertYamlLinesBounded(text);
    const lineCounter = new LineCounter();
    const doc = parseDocument(text, {
      lineCounter,
      uniqueKeys: false,
      logLevel: 'error',
      prettyErrors: false,
    });
    const problem = doc.errors[0];
    if (problem) return { error: oneLine(problem.message) };
    const value = doc.toJS({ maxAliasCount: MAX_ALIASES.workflow });
    return {
      value,
      doc,
      lineAt: (offset) => lineCounter.linePos(offset).line,
      lineOf(path) {
        const node = doc.getIn(path, true) as { range?: [number, number, number] } | undefined;
        const offset = node?.range?.[0];
        return offset === undefined ? undefined : lineCounter.linePos(offset).line;
      },
    };
  } catch (error) {
    return { error: oneLine(error instanceof Error ? error.message : String(error)) };
  }
}

function oneLine(message: string): string {
  const first = message.split('\n')[0] ?? message;
  return first.length > 200 ? `${first.slice(0, 197)}...` : first;
}
