// Dependencies declared in package manifests, with the line that declares them. Line-based
// and forgiving: a malformed manifest yields what could be read, never an exception.

import { LIBRARIES, type LibrarySpec } from './catalogue.js';

export type Ecosystem = 'npm' | 'pypi' | 'go' | 'hex' | 'maven' | 'cargo' | 'gem';

export interface ManifestLine {
  /** Package name as declared. */
  name: string;
  line: number;
  excerpt: string;
}

/** The ecosystem a manifest file belongs to, or undefined when the file is not a manifest. */
export function manifestEcosystem(path: string): Ecosystem | undefined {
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (name === 'package.json') return 'npm';
  if (/^requirements[\w.-]*\.(?:txt|in)$|^pyproject\.toml$|^Pipfile$|^setup\.(?:py|cfg)$/.test(name))
    return 'pypi';
  if (name === 'go.mod') return 'go';
  if (name === 'mix.exs') return 'hex';
  if (name === 'pom.xml' || /^build\.gradle(?:\.kts)?$/.test(name) || name === 'libs.versions.toml')
    return 'maven';
  if (name === 'Cargo.toml') return 'cargo';
  if (name === 'Gemfile' || /\.gemspec$/.test(name)) return 'gem';
  return undefined;
}

const LINE_PATTERNS: Record<Exclude<Ecosystem, 'npm'>, RegExp[]> = {
  pypi: [
    /^\s*([A-Za-z0-9][\w.-]*)\s*(?:\[[^\]]*\])?\s*(?:[=<>~!;]|$)/,
    /["']([A-Za-z0-9][\w.-]*)\s*(?:\[[^\]]*\])?\s*(?:[=<>~!;][^"']*)?["']/g,
  ],
  go: [/^\s*(?:require\s+)?([\w.-]+\.[\w.-]+\/[\w./-]+)\s+v\d/],
  hex: [/\{\s*:(\w+)\s*,/g],
  maven: [
    /<artifactId>\s*([\w.-]+)\s*<\/artifactId>/g,
    /["'][\w.-]+:([\w.-]+)(?::[^"']*)?["']/g,
    /\bmodule\s*=\s*"[\w.-]+:([\w.-]+)"/g,
  ],
  cargo: [
    /^\s*([A-Za-z0-9_-]+)\s*(?:=|\.workspace\s*=)/,
    /^\s*\[(?:dev-|build-)?dependencies\.([A-Za-z0-9_-]+)\]/,
  ],
  gem: [
    /^\s*gem\s*\(?\s*["']([\w.-]+)["']/,
    /\badd_(?:runtime_|development_)?dependency\s*\(?\s*["']([\w.-]+)["']/,
  ],
};

/** Every package name a manifest declares, with its line (1-based). */
export function declaredPackages(ecosystem: Ecosystem, text: string): ManifestLine[] {
  const lines = text.split(/\r\n|\r|\n/);
  if (ecosystem === 'npm') return npmPackages(text, lines);
  const found: ManifestLine[] = [];
  const inDependencies = cargoDependencySections(ecosystem, lines);
  lines.forEach((raw, index) => {
    const line = raw.replace(/(?:^|\s)#.*$/, '');
    if (!line.trim() || line.length > 2000 || !inDependencies(index)) return;
    for (const pattern of LINE_PATTERNS[ecosystem]) {
      const matches = pattern.global
        ? [...line.matchAll(pattern)]
        : [pattern.exec(line)].filter((m) => m !== null);
      for (const match of matches) {
        found.push({ name: match[1] as string, line: index + 1, excerpt: raw.trim().slice(0, 160) });
      }
    }
  });
  return found;
}

/** In Cargo.toml only `[*dependencies*]` sections declare packages; other manifests have no sections that matter. */
function cargoDependencySections(ecosystem: Ecosystem, lines: string[]): (index: number) => boolean {
  if (ecosystem !== 'cargo') return () => true;
  const inside: boolean[] = [];
  let current = false;
  for (const line of lines) {
    const header = /^\s*\[([^\]]+)\]/.exec(line);
    if (header)
      current = /dependencies/.test(header[1] as string) && !/dependencies\./.test(header[1] as string);
    inside.push(current || /^\s*\[(?:dev-|build-)?dependencies\./.test(line));
  }
  return (index) => inside[index] ?? false;
}

function npmPackages(text: string, lines: string[]): ManifestLine[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return [];
  }
  if (!parsed || typeof parsed !== 'object') return [];
  const names = new Set<string>();
  for (const field of ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies']) {
    const section = (parsed as Record<string, unknown>)[field];
    if (section && typeof section === 'object') for (const name of Object.keys(section)) names.add(name);
  }
  return [...names].map((name) => {
    const index = lines.findIndex((line) => line.includes(`"${name}"`));
    const line = index >= 0 ? index + 1 : 1;
    return { name, line, excerpt: excerptAround(lines[line - 1] ?? '', name) };
  });
}

/** Manifests like `{ "a": "1", "b": "2" }` on one line: show the declaring entry, not the whole line. */
function excerptAround(line: string, name: string): string {
  const trimmed = line.trim();
  if (trimmed.length <= 160) return trimmed;
  const start = trimmed.indexOf(`"${name}"`);
  return trimmed.slice(Math.max(0, start), start + 120);
}

/** Whether a declared name matches a catalogue name (`@sentry/*` and `opentelemetry-*` are prefixes). */
export function packageMatches(pattern: string, name: string): boolean {
  const wanted = normalise(pattern);
  const given = normalise(name);
  return wanted.endsWith('*') ? given.startsWith(wanted.slice(0, -1)) : wanted === given;
}

/** PEP 503-style: case and `_`/`-`/`.` differences do not make another package. */
function normalise(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

/** Catalogue entries a declared package provides. */
export function librariesFor(ecosystem: Ecosystem, name: string): LibrarySpec[] {
  return LIBRARIES.filter((spec) => {
    const names = spec[ecosystem];
    if (!names) return false;
    // A Go module provides its packages (`golang.org/x/time` provides `golang.org/x/time/rate`).
    if (ecosystem === 'go') {
      return names.some(
        (path) => name === path || name.startsWith(`${path}/`) || path.startsWith(`${name}/`),
      );
    }
    return names.some((pattern) => packageMatches(pattern, name));
  });
}
