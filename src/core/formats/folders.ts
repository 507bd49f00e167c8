// The one rule for folders that hold someone else's code or a build's output: dependencies,
// vendored copies, generated files and git internals. Each collector picks the groups that are
// not evidence about its subject (a Dockerfile under `build/` may still be the project's own), so
// the names live here once and a pattern says which groups it skips.

import { escapeRegExp } from './any-literal.js';

/** Dependencies and vendored copies: another project's code. */
export const DEPENDENCY_FOLDERS = [
  'node_modules',
  'vendor',
  'third_party',
  'bower_components',
  'deps',
  '.venv',
  'venv',
  'site-packages',
] as const;

/** Build output and caches, regenerated from the sources. */
export const GENERATED_FOLDERS = [
  'dist',
  'build',
  'out',
  '.next',
  '.nuxt',
  '.svelte-kit',
  'target',
  'coverage',
  '_build',
  '__pycache__',
] as const;

/** Version-control internals, never part of the project's files. */
export const VCS_FOLDERS = ['.git'] as const;

/**
 * A pattern matching a path inside any folder named in `names` (at any depth), for the skip lists
 * of collectors: `inFolders(['node_modules', '.git']).test('a/node_modules/b.js')`.
 */
export function inFolders(names: readonly string[], flags = ''): RegExp {
  const escaped = names.map(escapeRegExp);
  return new RegExp(`(?:^|\\/)(?:${escaped.join('|')})\\/`, flags);
}

/** Every dependency, generated and git folder: where checklists, docs and code are not the project's. */
export const VENDORED_OR_GENERATED = inFolders([...DEPENDENCY_FOLDERS, ...GENERATED_FOLDERS, ...VCS_FOLDERS]);

/** Where coverage reports and test setups describe something else: vendored code and test fixtures. */
export const NOT_THIS_PROJECT = inFolders(
  ['node_modules', 'vendor', '.git', 'fixtures', 'fixture', '__fixtures__', 'testdata'],
  'i',
);
