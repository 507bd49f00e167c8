import { existsSync, mkdirSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { GitObjectReader } from '../../src/adapters/git-object-reader.js';
import { WorkTreeReader } from '../../src/adapters/work-tree-reader.js';
import { MAX_FILE_BYTES } from '../../src/core/repo.js';
import { TempGitRepo } from '../support/git-repo.js';

let repo: TempGitRepo;
afterEach(() => repo?.cleanup());

describe('WorkTreeReader', () => {
  it('names a file by its staged blob id once a read shows it unchanged since staging', async () => {
    repo = new TempGitRepo().write({ 'kept.txt': 'kept\n', 'edited.txt': 'committed\n', 'svc/a.txt': 'a\n' });
    const commit = repo.commit();
    repo.write({ 'edited.txt': 'edited, not staged\n' });
    const reader = new WorkTreeReader(repo.dir);
    await reader.readFile('edited.txt');
    expect(reader.contentId('edited.txt')).toBeUndefined(); // the index is loaded only on request
    await reader.gitIndex();
    expect(reader.contentId('kept.txt')).toBeUndefined(); // not read yet: nothing proves it
    await reader.readFile('kept.txt');
    expect(reader.contentId('kept.txt')).toBe(repo.git('rev-parse', `${commit}:kept.txt`));
    expect(reader.contentId('edited.txt')).toBeUndefined();
    // The same id the base's git objects give, so a PR's base can reuse the head's results.
    const base = await GitObjectReader.open(repo.dir, commit);
    try {
      await base.listFiles();
      expect(base.contentId('kept.txt')).toBe(reader.contentId('kept.txt'));
      expect(base.contentId('edited.txt')).not.toBe(repo.git('hash-object', 'edited.txt'));
    } finally {
      base.close();
    }
    const sub = new WorkTreeReader(join(repo.dir, 'svc'));
    await sub.gitIndex();
    await sub.readFile('a.txt');
    expect(sub.contentId('a.txt')).toBe(repo.git('rev-parse', `${commit}:svc/a.txt`));
  });

  it('names files whose paths hold spaces, tabs, newlines and non-ASCII letters', async () => {
    const odd = ['with space.txt', 'tab\there.txt', 'new\nline.txt', 'ünïcødé/ファイル.txt'];
    repo = new TempGitRepo().write(Object.fromEntries(odd.map((path) => [path, `${path}\n`])));
    const commit = repo.commit();
    const reader = new WorkTreeReader(repo.dir);
    await reader.gitIndex();
    for (const path of odd) {
      expect(await reader.readFile(path)).toBe(`${path}\n`);
      expect(reader.contentId(path), path).toBe(repo.git('rev-parse', `${commit}:${path}`));
    }
  });

  it("trusts no stat that is not older than the index (git's racy-clean rule)", async () => {
    repo = new TempGitRepo().write({ 'racy.txt': 'same size\n' });
    repo.commit();
    // The index written before the file's mtime: a change in that instant could hide.
    const index = join(repo.dir, '.git', 'index');
    const fileTime = statSync(join(repo.dir, 'racy.txt')).mtime;
    const earlier = new Date(fileTime.getTime() - 5000);
    utimesSync(index, earlier, earlier);
    const reader = new WorkTreeReader(repo.dir);
    await reader.gitIndex();
    await reader.readFile('racy.txt');
    expect(reader.contentId('racy.txt')).toBeUndefined();
  });

  it('names unread files by what git diff-files found unchanged, and never runs a filter the repository configures', async () => {
    repo = new TempGitRepo().write({ 'a.js': 'a\n', 'b.js': 'b\n', '.gitattributes': '*.js filter=shout\n' });
    repo.commit();
    const marker = join(repo.dir, '..', `${repo.dir.split('/').pop()}-filter-ran`);
    // Staged in the second it was written, a.js is compared by content: git would clean it with this.
    const index = join(repo.dir, '.git', 'index');
    const fileTime = statSync(join(repo.dir, 'a.js')).mtime;
    utimesSync(index, fileTime, fileTime);
    writeFileSync(join(repo.dir, 'b.js'), 'changed\n');
    const plain = new WorkTreeReader(repo.dir, true);
    await plain.gitIndex();
    // Git compared a.js's content (its stat alone cannot prove it): unchanged, so it is named.
    expect(plain.contentId('a.js')).toBe(repo.git('rev-parse', ':a.js'));
    expect(plain.contentId('b.js')).toBeUndefined();
    repo.git('config', 'filter.shout.clean', `touch ${marker}; cat`);
    const configured = new WorkTreeReader(repo.dir, true);
    await configured.gitIndex();
    expect(configured.contentId('b.js')).toBeUndefined();
    // Without git's answer, a.js's stat is not older than the index: not named, and not filtered.
    expect(configured.contentId('a.js')).toBeUndefined();
    expect(existsSync(marker)).toBe(false);
    rmSync(marker, { force: true });
  });

  it('lists tracked files only, relative to the folder asked for', async () => {
    repo = new TempGitRepo().write({
      'a.md': 'a',
      'svc/b.md': 'b',
      '.gitignore': 'ignored.txt\n',
      'ignored.txt': 'x',
    });
    repo.commit();
    repo.write({ 'untracked.md': 'u' });
    expect(await new WorkTreeReader(repo.dir).listFiles()).toEqual(['.gitignore', 'a.md', 'svc/b.md']);
    expect(await new WorkTreeReader(join(repo.dir, 'svc')).listFiles()).toEqual(['b.md']);
    // With the index read (a kept cache or a base), the list comes from it: the same paths.
    repo.write({ 'staged.md': 's', 'svc/c d.md': 'c' });
    repo.git('add', 'staged.md', 'svc/c d.md');
    for (const dir of [repo.dir, join(repo.dir, 'svc')]) {
      const fromIndex = new WorkTreeReader(dir, true);
      await fromIndex.gitIndex();
      expect(await fromIndex.listFiles(), dir).toEqual(await new WorkTreeReader(dir).listFiles());
    }
    // Untracked files are not listed, but can be read (generated coverage reports).
    expect(await new WorkTreeReader(repo.dir).readFile('untracked.md')).toBe('u');
  });

  it('never follows a symlink out of the repository and skips binary and oversized files with a reason', async () => {
    repo = new TempGitRepo().write({
      'in.txt': 'inside',
      'bin.md': Buffer.from([0x23, 0, 1, 2]),
      'big.md': 'x'.repeat(MAX_FILE_BYTES + 1),
    });
    symlinkSync('/etc/passwd', join(repo.dir, 'passwd.md'));
    symlinkSync('in.txt', join(repo.dir, 'ok-link.txt'));
    symlinkSync('loop-b', join(repo.dir, 'loop-a'));
    symlinkSync('loop-a', join(repo.dir, 'loop-b'));
    repo.commit();
    const reader = new WorkTreeReader(repo.dir);
    expect(await reader.readFile('passwd.md')).toBeNull();
    expect(await reader.readFile('ok-link.txt')).toBe('inside');
    expect(await reader.readFile('loop-a')).toBeNull();
    expect(await reader.readFile('bin.md')).toBeNull();
    expect(await reader.readFile('big.md')).toBeNull();
    expect(await reader.readFile('../outside')).toBeNull();
    const reasons = Object.fromEntries(reader.skipped().map((s) => [s.path, s.reason]));
    expect(reasons['passwd.md']).toMatch(/outside the repository/);
    expect(reasons['loop-a']).toMatch(/looping/);
    expect(reasons['bin.md']).toBe('binary file');
    expect(reasons['big.md']).toMatch(/larger than/);
  });

  it('never reads through a symlinked folder that leads outside the repository', async () => {
    repo = new TempGitRepo().write({ 'a.txt': 'a' });
    repo.commit();
    // An untracked folder link: reads by path (coverage reports are probed by path) must not follow it.
    symlinkSync('/etc', join(repo.dir, 'coverage'));
    const reader = new WorkTreeReader(repo.dir);
    expect(await reader.readFile('coverage/passwd')).toBeNull();
    expect(reader.skipped()).toEqual([
      { path: 'coverage/passwd', reason: 'inside a symlinked folder pointing outside the repository' },
    ]);
  });

  it('walks a plain folder when it is not a git work tree', async () => {
    repo = new TempGitRepo();
    const plain = join(repo.dir, 'plain');
    rmSync(join(repo.dir, '.git'), { recursive: true });
    mkdirSync(join(plain, 'node_modules/x'), { recursive: true });
    mkdirSync(join(plain, 'docs'), { recursive: true });
    writeFileSync(join(plain, 'docs/READINESS.md'), '- [ ] x');
    writeFileSync(join(plain, 'node_modules/x/README.md'), 'no');
    expect(await new WorkTreeReader(plain).listFiles()).toEqual(['docs/READINESS.md']);
  });
});

describe('GitObjectReader', () => {
  it('reads a past revision from git objects without touching the work tree', async () => {
    repo = new TempGitRepo().write({ 'a.txt': 'one', 'svc/b.txt': 'bee' });
    const first = repo.commit('first');
    repo.write({ 'a.txt': 'two' }).remove('svc/b.txt');
    repo.commit('second');
    const reader = await GitObjectReader.open(repo.dir, first);
    try {
      expect(reader.revision).toBe(first);
      expect(await reader.listFiles()).toEqual(['a.txt', 'svc/b.txt']);
      const [a, b, missing] = await Promise.all([
        reader.readFile('a.txt'),
        reader.readFile('svc/b.txt'),
        reader.readFile('nope'),
      ]);
      expect([a, b, missing]).toEqual(['one', 'bee', null]);
    } finally {
      reader.close();
    }
  });

  it('lists paths relative to a subfolder and skips symlinks and binaries', async () => {
    repo = new TempGitRepo().write({ 'svc/x.md': 'x', 'svc/bin': Buffer.from([0, 1]), 'root.md': 'r' });
    symlinkSync('/etc/passwd', join(repo.dir, 'svc/link'));
    const sha = repo.commit();
    const reader = await GitObjectReader.open(join(repo.dir, 'svc'), sha);
    try {
      expect(await reader.listFiles()).toEqual(['bin', 'x.md']);
      expect(await reader.readFile('bin')).toBeNull();
      expect(
        reader
          .skipped()
          .map((s) => s.reason)
          .sort(),
      ).toEqual(['binary file', 'symlink (not followed)']);
    } finally {
      reader.close();
    }
  });

  it('reads a file before the tree is listed as it would after: literal paths, no folders, no symlinks', async () => {
    repo = new TempGitRepo().write({
      'svc/.github/readiness.yml': 'x',
      'svc/.github/a*.yml': 'star',
      'svc/.github/ab.yml': 'ab',
      'svc/deep/er/f.txt': 'f',
      'svc/top.txt': 't',
    });
    symlinkSync('top.txt', join(repo.dir, 'svc/link'));
    const sha = repo.commit();
    const before = await GitObjectReader.open(join(repo.dir, 'svc'), sha);
    const after = await GitObjectReader.open(join(repo.dir, 'svc'), sha);
    try {
      await after.listFiles();
      for (const path of [
        '.github/readiness.yml',
        '.github/readiness.yaml',
        '.github/a*.yml',
        '.github/a?.yml',
        'deep/er/f.txt',
        'deep/er',
        'top.txt',
        'link',
        'svc/top.txt',
      ])
        expect(await before.readFile(path), path).toBe(await after.readFile(path));
      // Symlinks are named as skipped by the listing, not by a read that found one first.
      expect(before.skipped()).toEqual([]);
      await before.listFiles();
      expect(before.skipped()).toEqual(after.skipped());
    } finally {
      before.close();
      after.close();
    }
  });

  it('skips a blob larger than the limit by its size from cat-file, and keeps reading the next ones', async () => {
    const big = `${'y'.repeat(MAX_FILE_BYTES)}z`;
    repo = new TempGitRepo().write({
      'a.txt': 'one',
      'big.md': big,
      'c.txt': 'three',
      'd.md': 'x'.repeat(70000),
    });
    const sha = repo.commit();
    const reader = await GitObjectReader.open(repo.dir, sha);
    try {
      // Asked together: the big blob's bytes stream past between the small ones.
      const texts = await Promise.all(
        ['a.txt', 'big.md', 'c.txt', 'd.md', 'big.md', 'a.txt'].map((p) => reader.readFile(p)),
      );
      expect(texts).toEqual(['one', null, 'three', 'x'.repeat(70000), null, 'one']);
      expect(reader.skipped()).toEqual([
        { path: 'big.md', reason: `larger than ${MAX_FILE_BYTES} bytes (${MAX_FILE_BYTES + 1})` },
      ]);
    } finally {
      reader.close();
    }
  });

  it('explains how to fix an unknown base ref', async () => {
    repo = new TempGitRepo().write({ 'a.txt': 'a' });
    repo.commit();
    await expect(GitObjectReader.open(repo.dir, 'origin/nope')).rejects.toThrow(/fetch-depth: 0/);
  });
});

describe('OverlayReader', () => {
  it('tells a file edited after staging from an untouched one by the stat the head read took', async () => {
    const { OverlayReader } = await import('../../src/adapters/overlay-reader.js');
    repo = new TempGitRepo().write({ 'kept.txt': 'kept', 'edited.txt': 'committed' });
    const base = repo.commit('base');
    repo.write({ 'edited.txt': 'edited in the work tree, never staged' });
    const head = new WorkTreeReader(repo.dir);
    expect(await head.readFile('edited.txt')).toBe('edited in the work tree, never staged');
    expect(await head.readFile('kept.txt')).toBe('kept');
    expect(head.statOf('kept.txt')?.size).toBe(4);
    const gitReader = await GitObjectReader.open(repo.dir, base);
    try {
      const overlay = await OverlayReader.open(repo.dir, gitReader, head);
      expect(overlay.isChanged('edited.txt')).toBe(true);
      expect(overlay.isChanged('kept.txt')).toBe(false);
      expect(await overlay.readFile('edited.txt')).toBe('committed');
      expect(await overlay.readFile('kept.txt')).toBe('kept');
    } finally {
      gitReader.close();
    }
  });

  it('reads changed files from the base commit and everything else from the work tree', async () => {
    const { OverlayReader } = await import('../../src/adapters/overlay-reader.js');
    repo = new TempGitRepo().write({ 'same.txt': 'same', 'edited.txt': 'old', 'deleted.txt': 'gone soon' });
    const base = repo.commit('base');
    repo
      .write({ 'edited.txt': 'new', 'added.txt': 'added', 'coverage/lcov.info': 'SF:x' })
      .remove('deleted.txt');
    repo.git('add', 'edited.txt', 'added.txt', 'deleted.txt');
    // Changed in the work tree after staging: told apart by size and mtime, without asking git.
    repo.write({ 'same.txt': 'changed locally, not staged' });
    const gitReader = await GitObjectReader.open(repo.dir, base);
    try {
      const overlay = await OverlayReader.open(repo.dir, gitReader, new WorkTreeReader(repo.dir));
      const paths = ['added.txt', 'deleted.txt', 'edited.txt', 'same.txt', 'coverage/lcov.info'];
      expect(paths.filter((path) => overlay.isChanged(path))).toEqual([
        'added.txt',
        'deleted.txt',
        'edited.txt',
        'same.txt',
      ]);
      expect(await overlay.listFiles()).toEqual(['deleted.txt', 'edited.txt', 'same.txt']);
      const reads = await Promise.all(
        ['same.txt', 'edited.txt', 'deleted.txt', 'added.txt', 'coverage/lcov.info'].map((p) =>
          overlay.readFile(p),
        ),
      );
      expect(reads).toEqual(['same', 'old', 'gone soon', null, 'SF:x']);
    } finally {
      gitReader.close();
    }
  });
});
