// Every regular expression the engine uses: regex literals read from the source of
// src/core/** with the TypeScript parser (module-private ones included), plus RegExp values
// reachable from each module's exports (patterns built with `new RegExp`, pattern tables).

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';

export interface HarvestedRegex {
  /** Where it was found: `src/core/x.ts:12` or `src/core/x.ts export NAME`. */
  origin: string;
  regex: RegExp;
}

const CORE = resolve('src/core');

export function coreSourceFiles(dir = CORE): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return coreSourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

export function regexLiterals(): HarvestedRegex[] {
  const found: HarvestedRegex[] = [];
  for (const file of coreSourceFiles()) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = node.getText(source);
        const close = text.lastIndexOf('/');
        const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
        found.push({
          origin: `${relative(resolve('.'), file)}:${line}`,
          regex: new RegExp(text.slice(1, close), text.slice(close + 1)),
        });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

export async function exportedRegexes(): Promise<HarvestedRegex[]> {
  const found: HarvestedRegex[] = [];
  const seen = new Set<unknown>();
  const walk = (value: unknown, origin: string, depth: number): void => {
    if (value instanceof RegExp) {
      if (!seen.has(value)) found.push({ origin, regex: value });
      seen.add(value);
      return;
    }
    if (depth > 4 || value === null || typeof value !== 'object' || seen.has(value)) return;
    seen.add(value);
    const entries = Array.isArray(value) ? value.entries() : Object.entries(value as object);
    for (const [key, child] of entries) walk(child, `${origin}.${String(key)}`, depth + 1);
  };
  for (const file of coreSourceFiles()) {
    const module = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(module))
      walk(value, `${relative(resolve('.'), file)} export ${name}`, 0);
  }
  return found;
}
