// The Action (through runCheck, as the CLI) and the App read config through the same loader: given
// the same repository, they must apply the same config and build the same report. The config uses
// twelve YAML aliases, which the App's former loader (alias limit 10) rejected and the Action's took.

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WorkTreeReader } from '../../src/adapters/work-tree-reader.js';
import { loadAppConfig } from '../../src/app/app-config.js';
import { evaluateTarget } from '../../src/app/evaluate-target.js';
import { runCheck } from '../../src/checkout/run-check.js';
import { loadConfig } from '../../src/config/load-config.js';
import { renderJson } from '../../src/core/render/json.js';
import type { Report } from '../../src/core/types.js';
import { FakeGit } from '../app/fake-git.js';
import { TempGitRepo } from '../support/git-repo.js';
import { GitHubApiStub } from '../support/github-api-stub.js';
import { testClient } from '../support/github-client.js';

const CONFIG = [
  `exclude: [&skip "fixtures/**", ${Array.from({ length: 12 }, () => '*skip').join(', ')}]`,
  'rules:',
  '  disable: [docker.pinned-base]',
  '',
].join('\n');

const FILES = {
  'READINESS.md': [
    '# Launch',
    '',
    '- [x] Container runs as non-root user',
    '- [x] Base images are pinned',
    '- [ ] CHANGELOG maintained',
    '- [x] `scripts/deploy.sh` deploys the service',
    '',
  ].join('\n'),
  Dockerfile: 'FROM node:20\nUSER node\n',
  'fixtures/Dockerfile': 'FROM node\n',
  'scripts/deploy.sh': '#!/bin/sh\necho deploy\n',
  '.github/readiness.yml': CONFIG,
};

const silent = { debug() {}, info() {}, warn() {}, error() {} };

/** The JSON report without its notes: the App names where its config came from there. */
function comparable(report: Report): string {
  return renderJson({ ...report, notes: [] });
}

describe('the Action and the App read the same config', () => {
  let stub: GitHubApiStub;
  let repo: TempGitRepo;
  beforeAll(async () => {
    stub = await GitHubApiStub.start();
  });
  afterAll(() => stub.close());
  afterEach(() => repo?.cleanup());

  it('gives the same config and the same report for the same repository', async () => {
    repo = new TempGitRepo().write(FILES);
    repo.commit();
    const git = new FakeGit();
    git.install(stub);
    const headSha = git.commit(FILES);
    git.setConfig('octo-org/shop', CONFIG, 'main');
    const client = testClient(stub.url);
    const repoRef = { owner: 'octo-org', repo: 'shop' };

    const actionConfig = (await loadConfig(new WorkTreeReader(repo.dir))).config;
    const appConfig = (await loadAppConfig(client, repoRef, 'main')).config;
    expect(appConfig).toEqual(actionConfig);
    expect(actionConfig.exclude).toContain('fixtures/**');

    const actionReport = await runCheck({ dir: repo.dir, mode: 'pr' });
    const outcome = await evaluateTarget({
      client,
      repository: { ref: repoRef, htmlUrl: 'https://github.com/octo-org/shop', defaultBranch: 'main' },
      target: { headSha, branch: 'main' },
      log: silent,
    });
    expect(outcome.kind).toBe('published');
    if (outcome.kind !== 'published') return;
    expect(comparable(outcome.report)).toBe(comparable(actionReport));
    expect(outcome.report.notes).toContain('Configuration: .github/readiness.yml at octo-org/shop@main.');
  });
});
