// Which files a source scan reads, and as what: code by language, configuration that reads
// variables (Spring, Compose, Dockerfiles, Prisma) and shell scripts. Shared by the collectors
// that scan source text (env reads, code signals, HTTP routes), so they agree on what was scanned.

import type { RepoView } from '../evidence.js';
import { VENDORED_OR_GENERATED } from './folders.js';

export type SourceKind = 'code' | 'config' | 'script';

const LANGUAGE_BY_EXTENSION: Record<string, string> = {
  ts: 'javascript',
  tsx: 'javascript',
  mts: 'javascript',
  cts: 'javascript',
  js: 'javascript',
  jsx: 'javascript',
  mjs: 'javascript',
  cjs: 'javascript',
  vue: 'javascript',
  svelte: 'javascript',
  astro: 'javascript',
  py: 'python',
  go: 'go',
  ex: 'elixir',
  exs: 'elixir',
  rs: 'rust',
  java: 'jvm',
  kt: 'jvm',
  kts: 'jvm',
  groovy: 'jvm',
  scala: 'jvm',
  rb: 'ruby',
  php: 'php',
  cs: 'csharp',
};
const MINIFIED = /\.min\.(js|mjs|cjs|css)$|\.d\.ts$|\.bundle\.js$/;
/** Tests, fixtures and test data: files that exercise the project rather than make it up. */
const TEST_PATH =
  /(^|\/)(tests?|__tests__|__mocks__|spec|e2e|fixtures?|testdata)\/|[._-](test|spec)\.\w+$|_test\.(go|exs)$|(^|\/)test_[^/]+\.py$|Tests?\.(java|kt|cs)$/;

export function isTestPath(path: string): boolean {
  return TEST_PATH.test(path);
}

/** Lines longer than this are generated or minified code: not read, and a JavaScript file holding one is skipped. */
export const MAX_SOURCE_LINE = 5000;

/** The kind of file a path is for scanning, or undefined when it is not scanned. */
export function scanKind(path: string): { language: string; kind: SourceKind } | undefined {
  if (VENDORED_OR_GENERATED.test(path) || MINIFIED.test(path)) return undefined;
  const name = path.slice(path.lastIndexOf('/') + 1);
  const extension = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1).toLowerCase() : '';
  const language = LANGUAGE_BY_EXTENSION[extension];
  if (language) return { language, kind: 'code' };
  if (/^application([-.][\w-]+)?\.(ya?ml|properties)$/.test(name))
    return { language: 'spring-config', kind: 'config' };
  if (/^(docker-)?compose([-.][\w-]+)?\.ya?ml$/.test(name)) return { language: 'compose', kind: 'config' };
  if (/^Dockerfile([-.][\w-]+)?$|\.dockerfile$/i.test(name))
    return { language: 'dockerfile', kind: 'config' };
  if (extension === 'prisma') return { language: 'prisma', kind: 'config' };
  if (extension === 'sh' || extension === 'bash') return { language: 'shell', kind: 'script' };
  return undefined;
}

/** Tracked files a source scan reads, with their kind. The view already leaves out what the configuration excludes. */
export function filesToScan(
  repo: RepoView,
): { path: string; target: { language: string; kind: SourceKind } }[] {
  const scanned = [];
  for (const path of repo.files) {
    const target = repo.perPath('scan-kind', path, () => scanKind(path));
    if (target) scanned.push({ path, target });
  }
  return scanned;
}
