// Arbitrary Markdown for fuzzing: documents assembled from the fragments checklists are made
// of (task items at any depth, headings, fences, HTML, quotes, annotations), and mutations of
// real task-item lines taken from the seed checklists.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';

export const SEEDS_DIR = resolve('../shared/seeds');

/** Every task-item line of the seed checklists; empty when ../shared/seeds is absent. */
export function seedItemLines(): string[] {
  if (!existsSync(SEEDS_DIR)) return [];
  return readdirSync(SEEDS_DIR)
    .filter((name) => name.endsWith('.txt'))
    .flatMap((name) => readFileSync(join(SEEDS_DIR, name), 'utf8').split(/\r?\n/))
    .filter((line) => /^\s*(?:[-*+]|\d+[.)])\s+\[[ xX]\]/.test(line));
}

const words = fc.constantFrom(
  'Dockerfile',
  'runs as non-root',
  '`npm run test:e2e`',
  'coverage > 80%',
  '/health',
  'HEALTHCHECK',
  '.env.example',
  'k8s/deployment.yaml',
  '`DATABASE_URL`',
  '[runbook](docs/runbook.md)',
  '**bold**',
  '_em_',
  '@org/team',
  '<img src=x onerror=alert(1)>',
  '<!-- readiness: docker.non-root -->',
  '<!-- readiness: manual optional -->',
  'Sign-off: ____',
  'CodeQL',
  'make deploy',
  'ðŸš€ mojibake',
  '\u0000',
  '\uFEFF',
  '\\',
  '`',
  '[',
  ']',
  '(',
  '|',
);

const inlineText = fc.oneof(
  { weight: 3, arbitrary: fc.array(words, { maxLength: 6 }).map((parts) => parts.join(' ')) },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
);

const marker = fc.constantFrom('-', '*', '+', '1.', '2)', '10.');
const box = fc.constantFrom('[ ]', '[x]', '[X]', '[]', '[  ]', '[-]', '[x ]');

const taskItem = fc
  .tuple(fc.nat({ max: 12 }), marker, box, inlineText)
  .map(([indent, bullet, mark, text]) => `${' '.repeat(indent)}${bullet} ${mark} ${text}`);

const fragment = fc.oneof(
  { weight: 6, arbitrary: taskItem },
  {
    weight: 2,
    arbitrary: fc.tuple(fc.integer({ min: 1, max: 7 }), inlineText).map(([n, t]) => `${'#'.repeat(n)} ${t}`),
  },
  { weight: 1, arbitrary: inlineText.map((t) => `${t}\n${'='.repeat(3)}`) },
  { weight: 1, arbitrary: fc.constantFrom('```', '~~~', '```yaml', '    indented code', '````') },
  {
    weight: 1,
    arbitrary: fc.constantFrom('<details>', '</details>', '<summary>x</summary>', '<!--', '-->', '<div>'),
  },
  { weight: 1, arbitrary: taskItem.map((item) => `> ${item}`) },
  { weight: 1, arbitrary: fc.constantFrom('| a | b |', '|---|---|', '---', '***', '', '   ', '\t- [x] tab') },
  { weight: 2, arbitrary: inlineText },
);

const newline = fc.constantFrom('\n', '\n', '\n', '\r\n', '\r');

/** A Markdown document of up to `maxLines` fragments with mixed line endings. */
export function markdownDocument(maxLines = 40): fc.Arbitrary<string> {
  return fc
    .array(fc.tuple(fragment, newline), { maxLength: maxLines })
    .map((parts) => parts.map(([line, end]) => line + end).join(''));
}

/** A seed task-item line with random edits: inserted text, cuts, re-indentation, repeats. */
export function mutatedSeedLine(seedLines: readonly string[]): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.constantFrom(...seedLines),
      fc.nat(),
      fc.oneof(fc.string({ maxLength: 8 }), words),
      fc.constantFrom('insert', 'cut', 'indent', 'repeat', 'quote', 'keep'),
    )
    .map(([line, at, inserted, edit]) => {
      const position = at % (line.length + 1);
      switch (edit) {
        case 'insert':
          return line.slice(0, position) + inserted + line.slice(position);
        case 'cut':
          return line.slice(0, position);
        case 'indent':
          return ' '.repeat(position % 9) + line.trimStart();
        case 'repeat':
          return `${line}\n${'  '.repeat(position % 4)}${line}`;
        case 'quote':
          return `> ${line}`;
        default:
          return line;
      }
    });
}

export function seedDocument(seedLines: readonly string[]): fc.Arbitrary<string> {
  return fc
    .array(
      fc.oneof({ weight: 4, arbitrary: mutatedSeedLine(seedLines) }, { weight: 1, arbitrary: fragment }),
      {
        minLength: 1,
        maxLength: 30,
      },
    )
    .map((lines) => lines.join('\n'));
}
