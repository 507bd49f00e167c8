import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadAppConfig } from '../../src/app/app-config.js';
import { DeliveryLog } from '../../src/app/delivery-log.js';
import { gateModeFor, mergeGroupTarget, pushTarget, rerunTarget } from '../../src/app/plan.js';
import { SerialQueue } from '../../src/app/serial-queue.js';
import { ConfigError } from '../../src/core/config.js';
import { GitHubApiStub } from '../support/github-api-stub.js';
import { testClient } from '../support/github-client.js';
import { FakeGit } from './fake-git.js';

const ZERO = '0'.repeat(40);
const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const C = 'c'.repeat(40);

describe('event plans', () => {
  it('evaluates pushes to branches only, without a base for a new branch', () => {
    expect(pushTarget({ ref: 'refs/heads/release/1.0', before: A, after: B })).toEqual({
      headSha: B,
      baseSha: A,
      branch: 'release/1.0',
      releaseOnly: true,
    });
    expect(pushTarget({ ref: 'refs/heads/release/2.0', before: ZERO, after: B })).not.toHaveProperty(
      'baseSha',
    );
    expect(pushTarget({ ref: 'refs/tags/v1', before: A, after: B })).toBeUndefined();
    expect(
      pushTarget({ ref: 'refs/heads/release/1.0', before: A, after: ZERO, deleted: true }),
    ).toBeUndefined();
  });

  it('names the merge group base branch without refs/heads/', () => {
    expect(mergeGroupTarget({ head_sha: B, base_sha: A, base_ref: 'refs/heads/main' })).toEqual({
      headSha: B,
      baseSha: A,
      branch: 'main',
    });
  });

  it('updates the comment on a re-run only when the commit is still the pull request head', () => {
    const pull = { number: 7, head: { sha: B }, base: { sha: A, ref: 'main' } };
    expect(rerunTarget(B, 'feature', [pull])).toEqual({
      headSha: B,
      baseSha: A,
      branch: 'main',
      pullNumber: 7,
    });
    expect(rerunTarget(C, 'feature', [pull])).toEqual({ headSha: C, baseSha: A, branch: 'main' });
    expect(rerunTarget(C, 'release/3', [])).toEqual({ headSha: C, branch: 'release/3' });
  });

  it('gates release branches by the configured globs', () => {
    expect(gateModeFor('release/1.2', ['release/**'])).toBe('release');
    expect(gateModeFor('main', ['release/**'])).toBe('pr');
    expect(gateModeFor('main', [])).toBe('pr');
  });
});

describe('SerialQueue', () => {
  it('runs jobs for one key in order and jobs for other keys alongside', async () => {
    const queue = new SerialQueue();
    const events: string[] = [];
    let releaseFirst = () => {};
    const first = queue.run('pr#1', async () => {
      events.push('first start');
      await new Promise<void>((resolve) => {
        releaseFirst = resolve;
      });
      events.push('first end');
    });
    const second = queue.run('pr#1', async () => {
      events.push('second');
    });
    const other = queue.run('pr#2', async () => {
      events.push('other');
    });
    await other;
    expect(events).toEqual(['first start', 'other']);
    releaseFirst();
    await Promise.all([first, second]);
    expect(events).toEqual(['first start', 'other', 'first end', 'second']);
    await queue.idle();
    expect(queue.busyKeys).toBe(0);
  });

  it('keeps going after a failed job and hands the failure to its caller', async () => {
    const queue = new SerialQueue();
    await expect(queue.run('k', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(queue.run('k', async () => 'next')).resolves.toBe('next');
  });
});

describe('DeliveryLog', () => {
  it('claims an id once, until it is forgotten, and stays bounded', () => {
    const log = new DeliveryLog(2);
    expect(log.claim('a')).toBe(true);
    expect(log.claim('a')).toBe(false);
    log.forget('a');
    expect(log.claim('a')).toBe(true);
    log.claim('b');
    log.claim('c');
    expect(log.claim('a')).toBe(true);
  });
});

describe('loadAppConfig', () => {
  let stub: GitHubApiStub;
  let git: FakeGit;
  const repo = { owner: 'octo-org', repo: 'shop' };

  beforeAll(async () => {
    stub = await GitHubApiStub.start();
  });
  afterAll(() => stub.close());
  beforeEach(() => {
    stub.reset();
    git = new FakeGit();
    git.install(stub);
  });

  it('uses the defaults when neither file exists', async () => {
    const loaded = await loadAppConfig(testClient(stub.url), repo, 'main');
    expect(loaded.sources).toEqual([]);
    expect(loaded.config['release-branches']).toEqual(['release/**']);
    // `.github/readiness.yml`, then `.github/readiness.yaml`, in the repository and the organisation's.
    expect(
      stub
        .requestsFor('repos/get-content')
        .map((request) => `${request.params.repo}:${request.params.path}@${request.query.ref ?? ''}`)
        .sort(),
    ).toEqual([
      '.github:.github/readiness.yaml@',
      '.github:.github/readiness.yml@',
      'shop:.github/readiness.yaml@main',
      'shop:.github/readiness.yml@main',
    ]);
    stub.assertNoProblems();
  });

  it("lays the repository's keys over the organisation's, key by key", async () => {
    git.setConfig('octo-org/.github', 'release-branches: [main]\nexclude: ["vendor/**"]\n');
    git.setConfig('octo-org/shop', 'exclude: ["fixtures/**"]\n', 'trunk');
    const loaded = await loadAppConfig(testClient(stub.url), repo, 'trunk');
    expect(loaded.config['release-branches']).toEqual(['main']);
    expect(loaded.config.exclude).toEqual(['fixtures/**']);
    expect(loaded.sources).toEqual([
      '.github/readiness.yml at octo-org/.github',
      '.github/readiness.yml at octo-org/shop@trunk',
    ]);
  });

  it('names the file that holds a mistake', async () => {
    git.setConfig('octo-org/.github', 'rules:\n  disabel: [x]\n');
    const loading = loadAppConfig(testClient(stub.url), repo, 'main');
    await expect(loading).rejects.toBeInstanceOf(ConfigError);
    await expect(loading).rejects.toThrow(/\.github\/readiness\.yml at octo-org\/\.github\b/);
  });

  it('reads only its own file in the organisation .github repository', async () => {
    await loadAppConfig(testClient(stub.url), { owner: 'octo-org', repo: '.github' }, 'main');
    expect(stub.requestsFor('repos/get-content').map((request) => request.params.repo)).toEqual([
      '.github',
      '.github',
    ]);
  });
});
