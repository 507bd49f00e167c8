import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ScanLanguage } from '../../../src/core/collectors/code-signals/catalogue.js';
import { detectorsFor } from '../../../src/core/collectors/code-signals/detectors.js';
import { ENV_PATTERNS } from '../../../src/core/collectors/env-reads.js';
import { LiteralGate, requiredLiterals } from '../../../src/core/formats/required-literals.js';

const LANGUAGES: ScanLanguage[] = [
  'javascript',
  'python',
  'go',
  'elixir',
  'jvm',
  'rust',
  'spring-config',
  'nginx',
  'yaml',
  'json',
  'shell',
  'logging-config',
  'systemd',
  'container',
  'elixir-config',
  'django-settings',
];

/** Every pattern a literal gate stands in front of, named for failure messages. */
function gatedPatterns(): { name: string; pattern: RegExp }[] {
  const out: { name: string; pattern: RegExp }[] = [];
  for (const language of LANGUAGES) {
    const set = detectorsFor(language);
    for (const d of set.detectors) out.push({ name: `${language} ${d.library}`, pattern: d.pattern });
    for (const h of set.hints) out.push({ name: `${language} hint ${h.signal}`, pattern: h.pattern });
    for (const p of [...set.stringBuiltSql, ...set.openCors])
      out.push({ name: `${language} sql/cors`, pattern: p });
  }
  for (const [language, patterns] of Object.entries(ENV_PATTERNS))
    for (const pattern of patterns) out.push({ name: `env-reads ${language}`, pattern });
  return out;
}

function* textFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === '.git') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* textFiles(path);
    else if (statSync(path).size < 512 * 1024) yield readFileSync(path, 'utf8');
  }
}

/** Lines of real code and configuration: the eval corpus, the example, and this project's sources. */
const CORPUS_LINES = [
  ...new Set(
    ['test/eval/corpus', 'examples', 'src', 'templates'].flatMap((dir) =>
      [...textFiles(dir)].flatMap((text) => text.split(/\r\n|\r|\n/)),
    ),
  ),
];

function holdsOne(line: string, literals: readonly string[]): boolean {
  const lower = line.toLowerCase();
  return literals.some((literal) => lower.includes(literal));
}

describe('requiredLiterals', () => {
  it('names what a match must contain, lowercased', () => {
    expect(requiredLiterals(/process\.env\.([A-Z_]+)/)).toEqual(['process.env.']);
    expect(requiredLiterals(/\bSIGTERM\b/)).toEqual(['sigterm']);
    expect(requiredLiterals(/[Mm]etrics?/)).toEqual(['metric']);
    // The longest required piece wins over a short one.
    expect(requiredLiterals(/['"](?:prom-client|@opentelemetry\/[^'"]+)['"]/)).toEqual([
      '@opentelemetry/',
      'prom-client',
    ]);
    // Zero-width look-arounds are not part of the match.
    expect(requiredLiterals(/(?<!\$)\$([A-Z_]+)/)).toEqual(['$']);
  });

  it('gives up rather than guess', () => {
    expect(requiredLiterals(/\w+\(/)).toEqual(['(']);
    expect(requiredLiterals(/a|\w+/)).toBeUndefined();
    expect(requiredLiterals(/(x)?\1/)).toBeUndefined();
    expect(requiredLiterals(/[^a]bc/)).toEqual(['bc']);
    expect(requiredLiterals(/(?:abc)*/)).toBeUndefined();
    expect(requiredLiterals(/sk/iu)).toBeUndefined(); // ſ and K (Kelvin) fold to s and k
    expect(requiredLiterals(/é/)).toBeUndefined();
  });

  it('never misses a line the pattern matches, over the corpus', () => {
    const patterns = gatedPatterns();
    expect(patterns.length).toBeGreaterThan(100);
    let checked = 0;
    for (const { name, pattern } of patterns) {
      const literals = requiredLiterals(pattern);
      if (!literals) continue;
      const plain = new RegExp(pattern.source, pattern.flags.replace('g', ''));
      for (const line of CORPUS_LINES) {
        if (plain.test(line)) {
          checked++;
          expect(holdsOne(line, literals), `${name} ${pattern} on ${JSON.stringify(line)}`).toBe(true);
        }
      }
    }
    expect(checked).toBeGreaterThan(50);
  });

  it('never misses a string generated to match the pattern', () => {
    let generated = 0;
    for (const { name, pattern } of gatedPatterns()) {
      const literals = requiredLiterals(pattern);
      if (!literals) continue;
      let arbitrary: fc.Arbitrary<string>;
      try {
        arbitrary = fc.stringMatching(new RegExp(pattern.source, pattern.flags.replace(/[gim]/g, '')));
      } catch {
        continue; // a feature fast-check cannot generate from (look-behind); the corpus covers it
      }
      const plain = new RegExp(pattern.source, pattern.flags.replace('g', ''));
      fc.assert(
        fc.property(arbitrary, (text) => {
          // stringMatching may span lines; the scanners test one line at a time.
          if (/[\r\n]/.test(text) || !plain.test(text)) return;
          generated++;
          expect(holdsOne(text, literals), `${name} ${pattern} on ${JSON.stringify(text)}`).toBe(true);
        }),
        { numRuns: 40, seed: 7 },
      );
    }
    expect(generated).toBeGreaterThan(1000);
  });
});

describe('LiteralGate', () => {
  it('returns the lines holding a literal, whatever the line ends', () => {
    const gate = new LiteralGate([/Sentry\.init\(/, /\bpino\b/]);
    const text = 'a\r\nconst log = Pino();\rb\nSentry.init({})\n\nsentry.init(';
    const lines = text.split(/\r\n|\r|\n/);
    expect([...(gate.candidateLines(text, text.toLowerCase(), lines) ?? [])]).toEqual([1, 3, 5]);
  });

  it('keeps line numbers right when lowercasing changes the length', () => {
    const gate = new LiteralGate([/pino/]);
    const text = 'İİİ\npino';
    const lines = text.split('\n');
    expect([...(gate.candidateLines(text, text.toLowerCase(), lines) ?? [])]).toEqual([1]);
  });

  it('sends every line when one pattern requires nothing', () => {
    const gate = new LiteralGate([/pino/, /\w+/]);
    expect(gate.candidateLines('x', 'x', ['x'])).toBeUndefined();
    expect(gate.mayMatch('anything')).toBe(true);
  });

  it('passes every line a set of catalogue patterns matches', () => {
    for (const language of LANGUAGES) {
      const set = detectorsFor(language);
      const patterns = [
        ...set.detectors.map((d) => d.pattern),
        ...set.hints.map((h) => h.pattern),
        ...set.stringBuiltSql,
        ...set.openCors,
      ];
      const text = CORPUS_LINES.join('\n');
      const wanted = set.gate.candidateLines(text, text.toLowerCase(), CORPUS_LINES);
      if (!wanted) continue;
      CORPUS_LINES.forEach((line, index) => {
        if (patterns.some((p) => new RegExp(p.source, p.flags.replace('g', '')).test(line)))
          expect(wanted.has(index), `${language}: ${line}`).toBe(true);
      });
    }
  });
});
