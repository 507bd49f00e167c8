// Turns the catalogue into per-language detectors. Two prefilters keep most lines from ever
// meeting a pattern: a literal gate derived from the patterns (a line can match only if it holds
// one of their required strings) and one combined RegExp per language for the lines that pass.

import { LiteralGate } from '../../formats/required-literals.js';
import {
  DETECTORS,
  type Detector,
  HINTS,
  LIBRARIES,
  type LibrarySpec,
  OPEN_CORS,
  type ScanLanguage,
  type SignalId,
  type SourceLanguage,
  STRING_BUILT_SQL,
} from './catalogue.js';

export interface LanguageDetectors {
  /** Lines holding none of the patterns' required literals cannot match any of them. */
  gate: LiteralGate;
  prefilter: RegExp;
  detectors: (Omit<Detector, 'how'> & { how: Detector['how'] | 'import' })[];
  hints: { signal: SignalId; pattern: RegExp }[];
  stringBuiltSql: RegExp[];
  openCors: RegExp[];
}

const SOURCE_LANGUAGES: readonly SourceLanguage[] = [
  'javascript',
  'python',
  'go',
  'elixir',
  'jvm',
  'rust',
  'ruby',
];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function alternation(names: readonly string[], star: string): string {
  return names
    .map((name) => (name.endsWith('*') ? `${escapeRegExp(name.slice(0, -1))}${star}` : escapeRegExp(name)))
    .join('|');
}

/** How code in one language imports or calls a catalogue library, or undefined when it cannot. */
function importPattern(spec: LibrarySpec, language: SourceLanguage): RegExp | undefined {
  switch (language) {
    case 'javascript':
      return spec.npm?.length
        ? new RegExp(
            `(?:\\bfrom\\s*|\\brequire\\(\\s*|\\bimport\\(\\s*|^\\s*import\\s+)['"](?:${alternation(spec.npm, `[^'"]+`)})(?:/[^'"]*)?['"]`,
          )
        : undefined;
    case 'python': {
      const modules =
        spec.pyModules ?? (spec.pypi ?? []).map((name) => name.toLowerCase().replace(/-/g, '_'));
      const names = modules.filter((name) => /^[\w.*]+$/.test(name));
      if (!names.length) return undefined;
      const alt = alternation(names, '\\w*');
      return new RegExp(`^\\s*(?:from\\s+(?:${alt})(?:\\.[\\w.]+)?\\s+import\\b|import\\s+(?:${alt})\\b)`);
    }
    case 'go':
      return spec.go?.length ? new RegExp(`"(?:${alternation(spec.go, '')})(?:/[^"]*)?"`) : undefined;
    case 'elixir': {
      const parts: string[] = [];
      if (spec.elixir?.length) {
        const alt = alternation(spec.elixir, '');
        parts.push(
          `\\b(?:use|plug|alias|import|require)\\s+(?:${alt})\\b`,
          `\\b(?:${alt})\\.[a-z_]\\w*[\\s(]`,
        );
      }
      if (spec.hex?.length) parts.push(`^\\s*config\\s+:(?:${alternation(spec.hex, '\\w*')})\\b`);
      return parts.length ? new RegExp(parts.join('|')) : undefined;
    }
    case 'jvm':
      return spec.jvm?.length
        ? new RegExp(`^\\s*import\\s+(?:static\\s+)?(?:${alternation(spec.jvm, '')})\\.`)
        : undefined;
    case 'rust': {
      const crates = (spec.cargo ?? []).map((name) => name.replace(/-/g, '_'));
      return crates.length ? new RegExp(`\\b(?:${alternation(crates, '')})::`) : undefined;
    }
    case 'ruby':
      // Bundler loads gems for the whole app: code uses one by naming its constant (`use Rack::Attack`).
      return spec.ruby?.length
        ? new RegExp(
            // Used as code: a call, a nested constant, or an argument (`use X`, `use X, opts`, `X do`);
            // not a word in a message string ("Sentry is not configured").
            `(?<![\\w:'"])(?:${alternation(spec.ruby, '')})(?=\\.[a-z_]|::[A-Z]|\\s*(?:$|,|\\bdo\\b|\\{|\\)))`,
          )
        : undefined;
  }
}

const cache = new Map<ScanLanguage, LanguageDetectors>();

export function detectorsFor(language: ScanLanguage): LanguageDetectors {
  const known = cache.get(language);
  if (known) return known;
  const detectors: LanguageDetectors['detectors'] = DETECTORS.filter((d) => d.languages.includes(language));
  if ((SOURCE_LANGUAGES as readonly string[]).includes(language)) {
    for (const spec of LIBRARIES) {
      const pattern = importPattern(spec, language as SourceLanguage);
      if (pattern)
        detectors.push({
          signal: spec.signal,
          library: spec.library,
          languages: [language],
          pattern,
          how: 'import',
        });
    }
  }
  const hints = (SOURCE_LANGUAGES as readonly string[]).includes(language) ? HINTS : [];
  const stringBuiltSql = STRING_BUILT_SQL.filter((s) => s.languages.includes(language)).map((s) => s.pattern);
  const openCors = OPEN_CORS.filter((s) => s.languages.includes(language)).map((s) => s.pattern);
  const all = [
    ...detectors.map((d) => d.pattern),
    ...hints.map((h) => h.pattern),
    ...stringBuiltSql,
    ...openCors,
  ];
  // Case-insensitive patterns keep their meaning only if the prefilter is case-insensitive too.
  const prefilter = all.length
    ? new RegExp(
        all.map((pattern) => `(?:${pattern.source})`).join('|'),
        all.some((p) => p.flags.includes('i')) ? 'im' : 'm',
      )
    : /(?!)/;
  const result = { gate: new LiteralGate(all), prefilter, detectors, hints, stringBuiltSql, openCors };
  cache.set(language, result);
  return result;
}
