// The structure is kept by a test, not by convention (issue #15). Imports are read from the
// source text of every file under src/ and resolved to files:
// - src/core is pure: nothing from the edges (cli, action, app, github, adapters, checkout, config) and no
//   Node built-ins, so it runs the same under the CLI, the Action and the App.
// - rules read collected evidence: from src/core/collectors they import only a collector's own
//   module (`collectors/<kind>.ts`: the collector and its evidence types), never the files in a
//   collector's folder, which are how it parses.
// - collectors do not borrow each other's code: from another collector's own module a collector
//   imports only types and the collector object it lists in `needs` (the facts it builds on);
//   shared parsing lives in src/core/formats.
// - src/core/formats (YAML, paths, folders, lines) is shared below the collectors: it imports
//   no collector and no rule.
// - no import cycles anywhere in src (as `npx madge --circular --extensions ts src` checks).

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const EDGES = ['cli', 'action', 'app', 'github', 'adapters', 'checkout', 'config'];
const BUILTINS = new Set(builtinModules);

interface Import {
  from: string;
  /** A repository-relative file for a relative import, else the bare specifier. */
  to: string;
  typeOnly: boolean;
  /** Names imported as values (not `type`), when the import lists them in braces. */
  values: string[];
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') ? [relative(ROOT, path).split('\\').join('/')] : [];
  });
}

const IMPORT = /(?:^|\n)\s*(import|export)\s+(type\s+)?(?:([^'";]*?)\sfrom\s+)?['"]([^'"]+)['"]/g;
const DYNAMIC = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

function importsOf(file: string): Import[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const found: Import[] = [];
  const add = (specifier: string, typeOnly: boolean, clause = '') => {
    const to = specifier.startsWith('.')
      ? relative(ROOT, resolve(ROOT, dirname(file), specifier))
          .split('\\')
          .join('/')
          .replace(/\.js$/, '.ts')
      : specifier;
    const braces = /\{([^}]*)\}/.exec(clause)?.[1];
    const values = typeOnly
      ? []
      : braces === undefined
        ? clause.trim()
          ? [clause.trim()]
          : []
        : braces
            .split(',')
            .map((name) => name.trim())
            .filter((name) => name && !name.startsWith('type '));
    found.push({ from: file, to, typeOnly, values });
  };
  for (const match of text.matchAll(IMPORT)) add(match[4] ?? '', Boolean(match[2]), match[3]);
  for (const match of text.matchAll(DYNAMIC)) add(match[1] ?? '', false);
  return found;
}

const files = sourceFiles(join(ROOT, 'src'));
const imports = files.flatMap(importsOf);

function collectorOf(file: string): string | undefined {
  const match = /^src\/core\/collectors\/([^/.]+)(?:\.ts|\/)/.exec(file);
  return match?.[1];
}

describe('import boundaries', () => {
  it('reads the imports of every source file', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(imports.some((entry) => entry.to === 'src/core/engine.ts')).toBe(true);
  });

  it('keeps src/core free of the edges and of Node built-ins', () => {
    const offending = imports
      .filter((entry) => entry.from.startsWith('src/core/'))
      .filter(
        (entry) =>
          entry.to.startsWith('node:') ||
          BUILTINS.has(entry.to) ||
          EDGES.some((edge) => entry.to.startsWith(`src/${edge}/`)),
      )
      .map((entry) => `${entry.from} -> ${entry.to}`);
    expect(offending).toEqual([]);
  });

  it("lets rules import only collectors' own modules, not their internals", () => {
    const offending = imports
      .filter((entry) => entry.from.startsWith('src/core/rules/'))
      .filter((entry) => /^src\/core\/collectors\/[^/]+\//.test(entry.to))
      .map((entry) => `${entry.from} -> ${entry.to}`);
    expect(offending).toEqual([]);
  });

  it('lets a collector take from another collector only its facts: types and the collector it needs', () => {
    const offending = imports
      .filter((entry) => {
        const from = collectorOf(entry.from);
        const to = collectorOf(entry.to);
        return from !== undefined && to !== undefined && from !== to;
      })
      .filter(
        (entry) =>
          /^src\/core\/collectors\/[^/]+\//.test(entry.to) ||
          entry.values.some((name) => !/^\w+Collector$/.test(name)),
      )
      .map((entry) => `${entry.from} -> ${entry.to} (${entry.values.join(', ') || 'types'})`);
    expect(offending).toEqual([]);
  });

  it('keeps src/core/formats below the collectors and rules', () => {
    const offending = imports
      .filter((entry) => entry.from.startsWith('src/core/formats/'))
      .filter((entry) => /^src\/core\/(collectors|rules)\//.test(entry.to))
      .map((entry) => `${entry.from} -> ${entry.to}`);
    expect(offending).toEqual([]);
  });

  it('has no import cycle', () => {
    const graph = new Map<string, string[]>();
    for (const entry of imports)
      if (entry.to.startsWith('src/')) graph.set(entry.from, [...(graph.get(entry.from) ?? []), entry.to]);
    const state = new Map<string, 'open' | 'done'>();
    const cycles: string[] = [];
    const visit = (file: string, trail: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        cycles.push([...trail.slice(trail.indexOf(file)), file].join(' -> '));
        return;
      }
      state.set(file, 'open');
      for (const next of graph.get(file) ?? []) visit(next, [...trail, file]);
      state.set(file, 'done');
    };
    for (const file of files) visit(file, []);
    expect(cycles).toEqual([]);
  });
});

describe('rule folders', () => {
  const folders = readdirSync(join(ROOT, 'src/core/rules')).filter((name) =>
    statSync(join(ROOT, 'src/core/rules', name)).isDirectory(),
  );

  it('hold the rules whose id starts with the folder name, named after the id', () => {
    const misplaced: string[] = [];
    for (const folder of folders) {
      for (const name of readdirSync(join(ROOT, 'src/core/rules', folder))) {
        const text = readFileSync(join(ROOT, 'src/core/rules', folder, name), 'utf8');
        for (const [, id] of text.matchAll(/^\s+id: '([^']+)',$/gm)) {
          const expected = `${(id as string).replace('.', '-')}.ts`;
          if (!(id as string).startsWith(`${folder}.`) || name !== expected)
            misplaced.push(`${folder}/${name}: ${id}`);
        }
      }
    }
    expect(folders.length).toBeGreaterThan(10);
    expect(misplaced).toEqual([]);
  });

  it('have an index and at most one helper file, named after the family', () => {
    const strays: string[] = [];
    for (const folder of folders) {
      for (const name of readdirSync(join(ROOT, 'src/core/rules', folder))) {
        const text = readFileSync(join(ROOT, 'src/core/rules', folder, name), 'utf8');
        const isRule = /^\s+id: '[^']+',$/m.test(text);
        if (!isRule && name !== 'index.ts' && name !== `${folder}-evidence.ts`)
          strays.push(`${folder}/${name}`);
      }
    }
    expect(strays).toEqual([]);
  });
});
