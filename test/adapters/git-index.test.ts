import { execFileSync } from 'node:child_process';
import { readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseEntries, parseIndexFile } from '../../src/adapters/git-index.js';
import { TempGitRepo } from '../support/git-repo.js';

let repo: TempGitRepo;
afterEach(() => repo?.cleanup());

/** The index as read from its file, and as `git ls-files --stage --debug` lists it, in `folder`. */
function bothWays(folder = '') {
  const dir = join(repo.dir, folder);
  // Not through repo.git: it trims the listing's last newline.
  const listing = execFileSync('git', ['-C', dir, 'ls-files', '--stage', '--debug', '-z'], {
    encoding: 'utf8',
  });
  const prefix = execFileSync('git', ['-C', dir, 'rev-parse', '--show-prefix'], { encoding: 'utf8' }).trim();
  const file = parseIndexFile(readFileSync(join(repo.dir, '.git', 'index')), prefix, 20);
  return { file, git: parseEntries(listing) };
}

function tracked(): Record<string, string> {
  return {
    'a.md': 'a',
    'svc/b c.ts': 'b',
    'svc/tab\there.txt': 't',
    'svc/new\nline.txt': 'n',
    'svc/ünïcödé.md': 'u',
    'svc/deep/er/x.js': 'x',
    [`long/${'n'.repeat(200)}/${'m'.repeat(200)}/${'o'.repeat(200)}.txt`]: 'long',
    'z.sh': '#!/bin/sh\n',
  };
}

describe('GitIndex from the index file', () => {
  for (const version of [2, 3, 4]) {
    it(`reads index version ${version} as git ls-files lists it, at the top and in a subfolder`, () => {
      repo = new TempGitRepo().write(tracked());
      symlinkSync('a.md', join(repo.dir, 'link'));
      repo.git('update-index', '--chmod=+x', '--add', 'z.sh');
      repo.commit();
      repo.write({ 'intent.md': 'i', 'svc/staged.md': 's' });
      repo.git('add', 'svc/staged.md');
      if (version >= 3) repo.git('add', '-N', 'intent.md'); // an extended flag: version 3 at least
      repo.git('update-index', '--index-version', String(version));
      for (const folder of ['', 'svc']) {
        const { file, git } = bothWays(folder);
        expect(git.complete).toBe(true);
        expect(file, folder).toEqual(git.entries);
        expect(file && [...file.keys()]).toEqual([...git.entries.keys()]);
      }
    });
  }

  it('reads the stages of a merge conflict as not plain, like the listing', () => {
    repo = new TempGitRepo().write({ 'c.txt': 'base\n', 'd.txt': 'd' });
    repo.commit();
    repo.git('checkout', '-q', '-b', 'other');
    repo.write({ 'c.txt': 'other\n' }).commit();
    repo.git('checkout', '-q', 'main');
    repo.write({ 'c.txt': 'main\n' }).commit();
    expect(() => repo.git('merge', '-q', 'other')).toThrow();
    const { file, git } = bothWays();
    expect(git.complete).toBe(true);
    expect(file).toEqual(git.entries);
    expect(file?.get('c.txt')?.plain).toBe(false);
    expect(file?.get('d.txt')?.plain).toBe(true);
  });

  it('leaves a split index to git', () => {
    repo = new TempGitRepo().write(tracked());
    repo.commit();
    repo.git('update-index', '--split-index');
    expect(parseIndexFile(readFileSync(join(repo.dir, '.git', 'index')), '', 20)).toBeUndefined();
  });

  it('gives up on a file that is cut short or not an index', () => {
    repo = new TempGitRepo().write(tracked());
    repo.commit();
    const bytes = readFileSync(join(repo.dir, '.git', 'index'));
    expect(parseIndexFile(bytes.subarray(0, bytes.length - 30), '', 20)).toBeUndefined();
    expect(parseIndexFile(Buffer.from('not an index at all, not at all'), '', 20)).toBeUndefined();
    expect(parseIndexFile(Buffer.alloc(0), '', 20)).toEqual(new Map());
  });
});
