// A PR check evaluates the head, then the base with the same FileMemo. The base must come out
// exactly as if it were evaluated alone, while reading only the files the change touched.

import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/core/config.js';
import { evaluateRevision } from '../../src/core/engine.js';
import { createRepoView } from '../../src/core/evidence.js';
import { decodeValue, encodeValue, FileMemo } from '../../src/core/memo.js';
import { MemoryRepo } from '../support/memory-repo.js';

/** A MemoryRepo that names contents like git does (when asked to) and counts what is read. */
class BlobRepo extends MemoryRepo {
  readonly reads: string[] = [];

  constructor(
    private readonly contents: Record<string, string | Uint8Array>,
    revision: string,
    private readonly withIds = true,
  ) {
    super(contents, revision);
  }

  override async readFile(path: string): Promise<string | null> {
    this.reads.push(path);
    return super.readFile(path);
  }

  contentId(path: string): string | undefined {
    const content = this.contents[path];
    if (!this.withIds || content === undefined) return undefined;
    return createHash('sha1').update(content).digest('hex');
  }
}

const CHECKLIST = `# Production readiness

- [x] \`DATABASE_URL\` documented in \`.env.example\`
- [x] \`REDIS_URL\` is read by the service
- [x] Health check endpoint at \`/healthz\`
- [x] No secrets committed to the repository
- [x] Metrics served at \`/metrics\`
- [ ] <!-- readiness: no.such-rule --> A note the planner raises
`;

const BASE: Record<string, string> = {
  'PRODUCTION_READINESS.md': CHECKLIST,
  '.env.example': 'DATABASE_URL=\nREDIS_URL=\n',
  'src/server.ts': [
    "import express from 'express';",
    'const app = express();',
    "app.get('/healthz', (_req, res) => res.send('ok'));",
    "app.get('/metrics', (_req, res) => res.send(''));",
    'const db = process.env.DATABASE_URL;',
    '',
  ].join('\n'),
  'src/cache.ts': 'export const redis = process.env.REDIS_URL;\n',
  'docs/ops.md': 'Set `DATABASE_URL` before starting.\n',
  ...Object.fromEntries(
    Array.from({ length: 30 }, (_, i) => [`src/lib/util${i}.ts`, `export const u${i} = ${i};\n`]),
  ),
};

/** The change: a route removed, a secret and an env read added, a file deleted, one added. */
const HEAD: Record<string, string> = {
  ...BASE,
  'src/server.ts': (BASE['src/server.ts'] as string).replace("app.get('/metrics'", "// app.get('/metrics'"),
  'src/cache.ts': `export const redis = process.env.REDIS_URL;\nconst key = 'AKIA${'Q'.repeat(16)}';\n`,
  'src/worker.ts': 'export const queue = process.env.QUEUE_URL;\n',
};
delete HEAD['docs/ops.md'];

const options = { config: DEFAULT_CONFIG };

describe('FileMemo across the revisions of one PR check', () => {
  it('gives the base the same result as evaluating it alone, reading only changed files', async () => {
    const alone = await evaluateRevision(new BlobRepo(BASE, 'base'), options);

    const memo = new FileMemo();
    const head = new BlobRepo(HEAD, 'head');
    await evaluateRevision(head, { ...options, memo });
    const base = new BlobRepo(BASE, 'base');
    const shared = await evaluateRevision(base, { ...options, memo });

    expect(shared).toEqual(alone);
    // The base differs from the head in exactly these files; nothing else is read again.
    expect([...new Set(base.reads)].sort()).toEqual(['docs/ops.md', 'src/cache.ts', 'src/server.ts']);
    expect(head.reads).toContain('src/lib/util7.ts');
    expect(head.reads).toContain('PRODUCTION_READINESS.md');
  });

  it('the head judged with a memo filled by another revision is unchanged too', async () => {
    const alone = await evaluateRevision(new BlobRepo(HEAD, 'head'), options);
    const memo = new FileMemo();
    await evaluateRevision(new BlobRepo(BASE, 'base'), { ...options, memo });
    expect(await evaluateRevision(new BlobRepo(HEAD, 'head'), { ...options, memo })).toEqual(alone);
  });

  it('falls back to comparing texts when the reader names no contents', async () => {
    const memo = new FileMemo();
    await evaluateRevision(new BlobRepo(HEAD, 'head', false), { ...options, memo });
    const base = new BlobRepo(BASE, 'base', false);
    const shared = await evaluateRevision(base, { ...options, memo });
    expect(shared).toEqual(await evaluateRevision(new BlobRepo(BASE, 'base', false), options));
    // Without ids every file has to be read to be recognised, but none is scanned again.
    expect(base.reads).toContain('src/lib/util7.ts');
  });

  it('replays the notes planning raised when a checklist is reused', async () => {
    const memo = new FileMemo();
    const first = await evaluateRevision(new BlobRepo(HEAD, 'head'), { ...options, memo });
    const second = await evaluateRevision(new BlobRepo(BASE, 'base'), { ...options, memo });
    const note = /no\.such-rule --> names no enabled rule/;
    expect(first.notes.some((line) => note.test(line))).toBe(true);
    expect(second.notes.some((line) => note.test(line))).toBe(true);
  });

  it('remembers an unreadable file by its id, so the other revision does not read it either', async () => {
    const memo = new FileMemo();
    const binary = Buffer.from('PK\u0000\u0003 not text');
    const first = await createRepoView(new BlobRepo({ 'a.bin': binary }, 'head'), [], memo);
    let computed = 0;
    expect(await first.perFile('test', 'a.bin', () => ++computed)).toBeNull();
    const otherRepo = new BlobRepo({ 'a.bin': binary }, 'base');
    const second = await createRepoView(otherRepo, [], memo);
    expect(await second.perFile('test', 'a.bin', () => ++computed)).toBeNull();
    expect(otherRepo.reads).toEqual([]);
    expect(computed).toBe(0);
  });
});

describe('FileMemo kept between runs', () => {
  it('keeps both revisions of a changed path, and hands back what a new memo is given', () => {
    const memo = new FileMemo(true);
    memo.remember('code-signals', 'src/a.js', 'head-blob', undefined, { wired: ['head'] });
    memo.remember('code-signals', 'src/a.js', 'base-blob', undefined, { wired: ['base'] });
    memo.remember('checklist', 'README.md', 'c1', undefined, new Map([['k', /x/g]]));
    expect(memo.find('code-signals', 'src/a.js', 'head-blob')?.value).toEqual({ wired: ['head'] });
    expect(memo.find('code-signals', 'src/a.js', 'base-blob')?.value).toEqual({ wired: ['base'] });
    const saved = [...memo.saved()];
    expect(saved.map((e) => `${e.kind} ${e.path} ${e.id}`)).toEqual([
      'checklist README.md c1',
      'code-signals src/a.js head-blob',
      'code-signals src/a.js base-blob',
    ]);
    const next = new FileMemo(true);
    next.attach({
      lookup: (kind, path, id) => saved.find((e) => e.kind === kind && e.path === path && e.id === id)?.value,
      all: () => saved,
    });
    expect(next.find('code-signals', 'src/a.js', 'head-blob')?.value).toEqual({ wired: ['head'] });
    expect(next.find('code-signals', 'src/a.js', 'base-blob')?.value).toEqual({ wired: ['base'] });
    expect(next.find('checklist', 'README.md', 'c1')?.value).toEqual(new Map([['k', /x/g]]));
    expect(next.computed).toBe(0);
    // What the run did not look up is written back all the same.
    expect([...next.saved()].map((e) => `${e.kind} ${e.path} ${e.id}`).sort()).toEqual(
      saved.map((e) => `${e.kind} ${e.path} ${e.id}`).sort(),
    );
  });
});

describe('encodeValue and decodeValue', () => {
  it('keep what JSON lacks, at any depth: Maps, Sets, RegExps and undefined array elements', () => {
    const value = {
      routes: [],
      imports: new Map<string, unknown>([
        ['a.ts', { names: new Set(['x', 'y']), at: [1, undefined, 3] }],
        ['b.ts', new Map([['inner', /^\/health$/gi]])],
      ]),
      list: [new Set([1]), undefined, { $map: 'a plain key that only looks like a marker', other: 1 }],
      nothing: undefined,
    };
    const back = decodeValue(encodeValue(value)) as typeof value;
    expect(back.imports).toBeInstanceOf(Map);
    expect((back.imports.get('a.ts') as { names: Set<string> }).names).toEqual(new Set(['x', 'y']));
    expect((back.imports.get('b.ts') as Map<string, RegExp>).get('inner')).toEqual(/^\/health$/gi);
    expect((back.imports.get('a.ts') as { at: unknown[] }).at).toEqual([1, undefined, 3]);
    expect(back.list[0]).toEqual(new Set([1]));
    expect(back.list[1]).toBeUndefined();
    expect(back.list[2]).toEqual({ $map: 'a plain key that only looks like a marker', other: 1 });
    expect('nothing' in back).toBe(false);
    expect(decodeValue(encodeValue(undefined))).toBeUndefined();
    expect(decodeValue(encodeValue({ plain: ['text with {"$map": in it'] }))).toEqual({
      plain: ['text with {"$map": in it'],
    });
  });
});
