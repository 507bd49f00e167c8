import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES } from '../../src/core/repo.js';
import { ApiRepoReader } from '../../src/github/api-repo-reader.js';
import { BlobCache } from '../../src/github/blob-cache.js';
import { FakeGit } from '../app/fake-git.js';
import { GitHubApiStub } from '../support/github-api-stub.js';
import { testClient } from '../support/github-client.js';

const repo = { owner: 'octo-org', repo: 'shop' };

describe('ApiRepoReader', () => {
  let stub: GitHubApiStub;
  let git: FakeGit;

  beforeAll(async () => {
    stub = await GitHubApiStub.start();
  });
  afterAll(() => stub.close());
  beforeEach(() => {
    stub.reset();
    git = new FakeGit(50);
    git.install(stub);
  });

  const reader = (
    sha: string,
    cache = new BlobCache(),
    extra: Partial<ConstructorParameters<typeof ApiRepoReader>[0]> = {},
  ) => new ApiRepoReader({ client: testClient(stub.url), repo, sha, cache, ...extra });

  it('lists the tree with one call and fetches a blob only when it is read', async () => {
    const sha = git.commit({ 'README.md': '# shop\n', 'src/app.ts': 'export {};\n', 'src/deep/x.ts': 'x\n' });
    const head = reader(sha);
    expect(await head.listFiles()).toEqual(['README.md', 'src/app.ts', 'src/deep/x.ts']);
    expect(stub.requests.map((request) => request.operationId)).toEqual(['git/get-tree']);
    expect(stub.requests[0]?.query).toEqual({ recursive: '1' });
    expect(await head.readFile('src/app.ts')).toBe('export {};\n');
    expect(await head.readFile('src/app.ts')).toBe('export {};\n');
    expect(stub.requestsFor('git/get-blob')).toHaveLength(1);
    stub.assertNoProblems();
  });

  it('answers null for a path outside the tree without asking the API', async () => {
    const head = reader(git.commit({ 'package.json': '{}' }));
    await head.listFiles();
    const before = stub.requests.length;
    expect(await head.readFile('coverage/coverage-summary.json')).toBeNull();
    expect(stub.requests.length).toBe(before);
    expect(head.skipped()).toEqual([]);
  });

  it('shares blobs between revisions through the cache, by blob SHA', async () => {
    const cache = new BlobCache();
    const base = git.commit({ Dockerfile: 'FROM node:20\n', 'README.md': 'old\n' });
    const head = git.commit({ Dockerfile: 'FROM node:20\n', 'README.md': 'new\n' });
    await reader(base, cache).readFile('Dockerfile');
    const headReader = reader(head, cache);
    expect(await headReader.readFile('Dockerfile')).toBe('FROM node:20\n');
    expect(await headReader.readFile('README.md')).toBe('new\n');
    expect(stub.requestsFor('git/get-blob')).toHaveLength(2);
  });

  it('skips symlinks, binaries and oversized files with a reason, never fetching the large one', async () => {
    const big = Buffer.alloc(MAX_FILE_BYTES + 1, 'a');
    const head = reader(
      git.commit({
        'link.md': { symlink: '../../etc/passwd' },
        'logo.png': Buffer.from([137, 80, 0, 1]),
        'dump.sql': big,
      }),
    );
    expect(await head.listFiles()).toEqual(['dump.sql', 'logo.png']);
    expect(await head.readFile('link.md')).toBeNull();
    expect(await head.readFile('dump.sql')).toBeNull();
    expect(await head.readFile('logo.png')).toBeNull();
    expect(head.skipped()).toEqual([
      { path: 'link.md', reason: 'symlink (not followed)' },
      { path: 'dump.sql', reason: `larger than ${MAX_FILE_BYTES} bytes (${MAX_FILE_BYTES + 1})` },
      { path: 'logo.png', reason: 'binary file' },
    ]);
    expect(stub.requestsFor('git/get-blob').map((request) => request.params.file_sha)).toEqual([
      git.blobSha(Buffer.from([137, 80, 0, 1])),
    ]);
  });

  it('walks a truncated tree folder by folder, recursing only into folders still truncated', async () => {
    const files: Record<string, string> = { 'READINESS.md': '- [x] thing\n' };
    for (let index = 0; index < 30; index++) files[`small/${index}.txt`] = `s${index}`;
    for (let index = 0; index < 60; index++) files[`big/part${index % 2}/${index}.txt`] = `b${index}`;
    const head = reader(git.commit(files));
    const listed = await head.listFiles();
    expect(listed).toHaveLength(91);
    expect(listed).toContain('big/part1/59.txt');
    // root recursive (truncated), root listing, small (fits), big (truncated), big listing, part0, part1.
    expect(stub.requestsFor('git/get-tree')).toHaveLength(7);
    stub.assertNoProblems();
  });

  it('reports folders past the walk limit as skipped instead of pretending they are empty', async () => {
    const files: Record<string, string> = {};
    for (let index = 0; index < 60; index++) files[`f${index % 3}/${index}.txt`] = String(index);
    const head = reader(git.commit(files), new BlobCache(), { maxTreeRequests: 3 });
    expect(await head.listFiles()).toHaveLength(20);
    expect(head.skipped().map((skip) => skip.path)).toEqual(['f1/', 'f2/']);
  });

  it('stops fetching blobs past the per-revision budget and says why', async () => {
    const head = reader(git.commit({ 'a.txt': 'a', 'b.txt': 'b' }), new BlobCache(), { maxBlobRequests: 1 });
    expect(await head.readFile('a.txt')).toBe('a');
    expect(await head.readFile('b.txt')).toBeNull();
    expect(head.skipped()).toEqual([
      { path: 'b.txt', reason: 'not fetched: this revision already needed 1 blob requests (API budget)' },
    ]);
  });

  it('remembers an API failure so a degraded read cannot pass for a missing file', async () => {
    const head = reader(git.commit({ 'a.txt': 'a' }));
    await head.listFiles();
    stub.failNext('git/get-blob', { status: 500, body: { message: 'boom' } }, 10);
    await expect(head.readFile('a.txt')).rejects.toMatchObject({ status: 500 });
    expect(() => head.assertComplete()).toThrow();
  });
});

describe('BlobCache', () => {
  it('evicts the least recently used entries past its byte bound', () => {
    const cache = new BlobCache(2000);
    cache.set('a', { text: 'x'.repeat(300) });
    cache.set('b', { text: 'y'.repeat(300) });
    cache.get('a');
    cache.set('c', { text: 'z'.repeat(300) });
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toEqual({ text: 'x'.repeat(300) });
    expect(cache.get('c')).toBeDefined();
    expect(cache.usedBytes).toBeLessThanOrEqual(2000);
  });

  it('does not keep an entry larger than the whole cache', () => {
    const cache = new BlobCache(100);
    cache.set('a', { text: 'x'.repeat(1000) });
    expect(cache.size).toBe(0);
  });
});
