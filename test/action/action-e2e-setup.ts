// Shared set-up of the Action's end-to-end files: one API stub per file, fixture repositories
// removed after the file, and a stub checked for protocol problems after every test.

import { afterAll, afterEach, beforeAll } from 'vitest';
import { GitHubApiStub } from '../support/github-api-stub.js';
import { ensureBundle, type Fixture, fixtureRepo, pullRequestPayload, runAction } from './action-harness.js';

const CHECKLIST = [
  '# Production readiness',
  '',
  '## Operations',
  '- [x] Runbook in `docs/RUNBOOK.md`',
  '- [x] `npm run build` produces the bundle',
  '- [ ] Security review signed off by the CISO',
  '',
].join('\n');

const BASE_FILES = {
  'docs/PRODUCTION_READINESS.md': CHECKLIST,
  'docs/RUNBOOK.md': '# Runbook\n',
  'package.json': '{ "name": "shop", "scripts": { "build": "tsc" } }\n',
};

export function useActionE2E() {
  let stub: GitHubApiStub | undefined;
  const fixtures: Fixture[] = [];

  beforeAll(async () => {
    ensureBundle();
    stub = await GitHubApiStub.start();
  });
  afterAll(async () => {
    await stub?.close();
    for (const created of fixtures) created.remove();
  });
  afterEach(() => {
    stub?.assertNoProblems();
    stub?.reset();
  });

  function fixture(head: Record<string, string | null>, base: Record<string, string> = BASE_FILES): Fixture {
    const created = fixtureRepo(base, head);
    fixtures.push(created);
    return created;
  }

  const e2e = {
    /** The API stub of this file (started before its first test). */
    get stub(): GitHubApiStub {
      if (!stub) throw new Error('the API stub starts in beforeAll; use it inside a test');
      return stub;
    },
    fixture,
    /** Deleting the runbook turns a verified item unbacked: a regression. */
    regression: () => fixture({ 'docs/RUNBOOK.md': null }),
    pullRequestRun(
      repo: Fixture,
      number: number,
      extra: { action?: string; headRepo?: string; inputs?: Record<string, string> } = {},
    ) {
      repo.checkout(repo.headSha);
      return runAction({
        apiUrl: e2e.stub.url,
        eventName: 'pull_request',
        payload: pullRequestPayload({
          number,
          fixture: repo,
          ...(extra.action ? { action: extra.action } : {}),
          ...(extra.headRepo ? { headRepo: extra.headRepo } : {}),
        }),
        workspace: repo.dir,
        sha: repo.headSha,
        ref: `refs/pull/${number}/merge`,
        ...(extra.inputs ? { inputs: extra.inputs } : {}),
      });
    },
  };
  return e2e;
}
