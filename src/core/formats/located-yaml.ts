// YAML documents as plain trees that remember the 1-based line of every node, so each fact a
// collector draws from them (Kubernetes objects, Helm values) can point at its line. Parsing is
// bounded: aliases are capped (an alias bomb becomes a parse error, not a hang) and so is the
// number of nodes per file.

import { isAlias, isMap, isScalar, isSeq, LineCounter, type Node } from 'yaml';
import { MAX_ALIASES, parseYamlStream } from './yaml.js';

export type LocatedNode = LocatedMap | LocatedSeq | LocatedScalar;

export interface LocatedMap {
  kind: 'map';
  line: number;
  entries: Map<string, { keyLine: number; value: LocatedNode }>;
}

export interface LocatedSeq {
  kind: 'seq';
  line: number;
  items: LocatedNode[];
}

export interface LocatedScalar {
  kind: 'scalar';
  line: number;
  value: unknown;
}

export interface LocatedDocument {
  /** 1-based line where the document's content starts. */
  line: number;
  root: LocatedNode | null;
}

export type ParseOutcome =
  | { ok: true; documents: LocatedDocument[] }
  | { ok: false; error: string; line?: number };

/** Nodes a single file may hold; real manifests stay far below. */
export const MAX_NODES = 100_000;
export const MAX_DOCUMENTS = 1_000;

class LimitError extends Error {}

export function parseLocated(text: string): ParseOutcome {
  const lineCounter = new LineCounter();
  let parsed: ReturnType<typeof parseYamlStream>;
  try {
    parsed = parseYamlStream(text, { lineCounter, prettyErrors: false, strict: false });
  } catch (error) {
    return { ok: false, error: describe(error) };
  }
  const docs = Array.isArray(parsed) ? parsed : [];
  if (docs.length > MAX_DOCUMENTS) return { ok: false, error: `more than ${MAX_DOCUMENTS} YAML documents` };
  const budget = { nodes: 0, aliases: 0 };
  const documents: LocatedDocument[] = [];
  for (const doc of docs) {
    const problem = doc.errors[0];
    if (problem) {
      const line = problem.linePos?.[0].line ?? lineCounter.linePos(problem.pos[0]).line;
      return { ok: false, error: problem.message.split('\n')[0] ?? 'invalid YAML', line };
    }
    const lineOf = (node: { range?: [number, number, number] | null }): number =>
      node.range ? lineCounter.linePos(node.range[0]).line : 0;
    const convert = (node: unknown, depth: number): LocatedNode | null => {
      if (++budget.nodes > MAX_NODES) throw new LimitError(`more than ${MAX_NODES} YAML nodes`);
      if (depth > 64) throw new LimitError('YAML nested deeper than 64 levels');
      if (isAlias(node)) {
        if (++budget.aliases > MAX_ALIASES.manifest)
          throw new LimitError(`more than ${MAX_ALIASES.manifest} YAML aliases`);
        return convert(node.resolve(doc), depth + 1);
      }
      if (isMap(node)) {
        const entries = new Map<string, { keyLine: number; value: LocatedNode }>();
        for (const pair of node.items) {
          const key = isScalar(pair.key) ? String(pair.key.value) : null;
          if (key === null) continue;
          const value = convert(pair.value, depth + 1) ?? {
            kind: 'scalar' as const,
            line: lineOf(pair.key as Node),
            value: null,
          };
          entries.set(key, { keyLine: lineOf(pair.key as Node), value });
        }
        return { kind: 'map', line: lineOf(node), entries };
      }
      if (isSeq(node)) {
        const items: LocatedNode[] = [];
        for (const item of node.items) {
          const converted = convert(item, depth + 1);
          if (converted) items.push(converted);
        }
        return { kind: 'seq', line: lineOf(node), items };
      }
      if (isScalar(node)) return { kind: 'scalar', line: lineOf(node), value: node.value };
      return null;
    };
    try {
      const root = convert(doc.contents, 0);
      documents.push({ line: root?.line ?? lineOf(doc), root });
    } catch (error) {
      if (error instanceof LimitError) return { ok: false, error: error.message };
      return { ok: false, error: describe(error) };
    }
  }
  return { ok: true, documents };
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.message.split('\n')[0] ?? 'invalid YAML') : 'invalid YAML';
}

// Small readers that never throw, whatever shape the YAML has.

export function child(node: LocatedNode | null | undefined, key: string): LocatedNode | undefined {
  return node?.kind === 'map' ? node.entries.get(key)?.value : undefined;
}

export function keyLine(node: LocatedNode | null | undefined, key: string): number | undefined {
  return node?.kind === 'map' ? node.entries.get(key)?.keyLine : undefined;
}

export function path(node: LocatedNode | null | undefined, ...keys: string[]): LocatedNode | undefined {
  let current: LocatedNode | undefined = node ?? undefined;
  for (const key of keys) current = child(current, key);
  return current;
}

export function scalar(node: LocatedNode | undefined): unknown {
  return node?.kind === 'scalar' ? node.value : undefined;
}

export function text(node: LocatedNode | undefined): string | undefined {
  const value = scalar(node);
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

export function items(node: LocatedNode | undefined): LocatedNode[] {
  return node?.kind === 'seq' ? node.items : [];
}

export function keys(node: LocatedNode | undefined): string[] {
  return node?.kind === 'map' ? [...node.entries.keys()] : [];
}

/** Plain JavaScript value of a located node (for values.yaml look-ups and comparisons). */
export function plain(node: LocatedNode | undefined): unknown {
  if (!node) return undefined;
  if (node.kind === 'scalar') return node.value;
  if (node.kind === 'seq') return node.items.map(plain);
  return Object.fromEntries([...node.entries].map(([key, entry]) => [key, plain(entry.value)]));
}
