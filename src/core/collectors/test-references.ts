// Which compound names (AuthService, authService, auth_service, auth-service) the project's test
// files mention, in their text or their file names, normalised to one spelling (`authservice`).
// An item that claims tests for named classes is answered by whether any test mentions them.

import type { Collector, RepoView } from '../evidence.js';
import { NOT_THIS_PROJECT } from '../formats/folders.js';
import { isTestPath } from '../formats/source-files.js';

export interface TestReferences {
  /** Normalised names (lowercase, no `-`/`_`) mentioned by at least one test file, with the first file. */
  mentioned: Map<string, string>;
  /** Test files read. */
  testFiles: number;
}

const CODE = /\.(?:[cm]?[jt]sx?|py|go|rb|ex|exs|java|kt|scala|cs|php|rs|swift|dart)$/i;
/** Names of two or more parts in any casing: AuthService, authService, auth_service, auth-service. */
const COMPOUND = /[A-Za-z][a-z0-9]*(?:(?:[-_]?[A-Z]|[-_][a-z])[a-z0-9]*)+/g;
const MAX_NAMES_PER_FILE = 2000;

export function normaliseName(name: string): string {
  return name.replace(/[-_]/g, '').toLowerCase();
}

export function typeNamesIn(text: string): string[] {
  const names = new Set<string>();
  for (const match of text.matchAll(COMPOUND)) {
    names.add(normaliseName(match[0]));
    if (names.size >= MAX_NAMES_PER_FILE) break;
  }
  return [...names];
}

export function isTestCodePath(path: string): boolean {
  return CODE.test(path) && isTestPath(path) && !NOT_THIS_PROJECT.test(path);
}

export const testReferencesCollector: Collector<TestReferences> = {
  id: 'test-references',
  async collect(repo: RepoView): Promise<TestReferences> {
    const paths = repo.files.filter(isTestCodePath);
    const perFile = await repo.perFiles('test-references', paths, typeNamesIn);
    const mentioned = new Map<string, string>();
    perFile.forEach((names, index) => {
      const path = paths[index] as string;
      const own = typeNamesIn(path.slice(path.lastIndexOf('/') + 1));
      for (const name of [...own, ...(names ?? [])]) if (!mentioned.has(name)) mentioned.set(name, path);
    });
    return { mentioned, testFiles: paths.length };
  },
};
