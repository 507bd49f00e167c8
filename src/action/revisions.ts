// Making the commits a run compares present in the workspace's git objects. actions/checkout
// fetches one commit by default, so the base (and, for comment rechecks and
// pull_request_target, the head) may be missing; they are fetched by SHA and the head is checked
// out into a separate worktree. Git runs with hooks and fsmonitor disabled (src/adapters/git.ts):
// nothing from the pull request is ever executed.

import { mkdtemp } from 'node:fs/promises';
import { join } from 'node:path';
import { git } from '../adapters/git.js';

export async function currentCommit(dir: string): Promise<string | undefined> {
  try {
    return (await git(dir, ['rev-parse', 'HEAD'])).toString().trim();
  } catch {
    return undefined;
  }
}

async function hasCommit(dir: string, sha: string): Promise<boolean> {
  try {
    await git(dir, ['cat-file', '-e', `${sha}^{commit}`]);
    return true;
  } catch {
    return false;
  }
}

/** True when the commit is (now) in the object store; a failed fetch is reported by the caller. */
export async function ensureCommit(dir: string, sha: string): Promise<boolean> {
  if (await hasCommit(dir, sha)) return true;
  try {
    await git(dir, ['fetch', '--no-tags', '--no-recurse-submodules', '--depth=1', 'origin', sha]);
  } catch {
    return false;
  }
  return hasCommit(dir, sha);
}

export interface DetachedCheckout {
  dir: string;
  remove(): Promise<void>;
}

/** A worktree at `sha` under `tempRoot`, leaving the workspace untouched. */
export async function checkoutDetached(
  repoDir: string,
  sha: string,
  tempRoot: string,
): Promise<DetachedCheckout> {
  const dir = join(await mkdtemp(join(tempRoot, 'readiness-head-')), 'tree');
  // LFS filters come from the runner's global config; without them pointers stay text and nothing is downloaded.
  const noLfs = ['-c', 'filter.lfs.smudge=', '-c', 'filter.lfs.process=', '-c', 'filter.lfs.required=false'];
  await git(repoDir, [...noLfs, 'worktree', 'add', '--detach', dir, sha]);
  return {
    dir,
    remove: async () => {
      await git(repoDir, ['worktree', 'remove', '--force', dir]).catch(() => undefined);
    },
  };
}
