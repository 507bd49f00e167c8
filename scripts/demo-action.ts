// `npm run demo:action`: the bundled action (node dist/index.js) on an example pull request,
// against a local GitHub API stand-in on 127.0.0.1 that checks every request against GitHub's
// OpenAPI description. No GitHub account or network: prints what the action published.
//
// The PR is two commits of examples/web-service: the base is the example as committed; the
// head deletes `.dockerignore` (a verified claim becomes unbacked: a regression) and ticks
// "Graceful shutdown on SIGTERM".

import { ensureBundle, fixtureRepo, pullRequestPayload, runAction } from '../test/action/action-harness.js';
import { readTree } from '../test/eval/evaluate.js';
import { GitHubApiStub } from '../test/support/github-api-stub.js';

const example = 'examples/web-service';
const base = readTree(example);
const checklist = base['PRODUCTION_READINESS.md'] as string;
const head = {
  '.dockerignore': null,
  'PRODUCTION_READINESS.md': checklist.replace(
    '- [ ] Graceful shutdown on SIGTERM',
    '- [x] Graceful shutdown on SIGTERM',
  ),
};

ensureBundle();
const repo = fixtureRepo(base, head);
const stub = await GitHubApiStub.start();
try {
  repo.checkout(repo.headSha);
  const run = await runAction({
    apiUrl: stub.url,
    eventName: 'pull_request',
    payload: pullRequestPayload({ number: 7, fixture: repo }),
    workspace: repo.dir,
    sha: repo.headSha,
    ref: 'refs/pull/7/merge',
  });
  const rule = (title: string) =>
    console.log(`\n${'─'.repeat(8)} ${title} ${'─'.repeat(Math.max(0, 70 - title.length))}\n`);
  // The runner hides ::debug:: lines unless step debug logging is on; so does the demo.
  const lines = run.stdout.trim().split('\n');
  const shown = lines.filter((line) => !line.startsWith('::debug::'));
  const hidden = lines.length - shown.length;
  rule(`action log (exit code ${run.code})`);
  console.log(shown.join('\n'));
  if (hidden > 0)
    console.log(
      `(${hidden} ::debug:: ${hidden === 1 ? 'line' : 'lines'} hidden, as GitHub hides them unless step debug logging is on)`,
    );
  for (const comment of stub.comments) {
    rule(`PR comment #${comment.id} by ${comment.login}`);
    console.log(comment.body);
  }
  for (const check of stub.checkRuns) {
    rule(`check run "${check.name}" on ${check.head_sha.slice(0, 7)}: ${check.status}/${check.conclusion}`);
    console.log(`title: ${check.output.title}`);
    console.log(`annotations: ${check.annotations.length}`);
    for (const annotation of check.annotations)
      console.log(
        `  ${annotation.path}:${annotation.start_line} ${annotation.annotation_level}: ${annotation.title}`,
      );
  }
  rule('outputs');
  console.log(run.outputs);
  rule('requests to the API stand-in (all validated against @octokit/openapi)');
  for (const request of stub.requests) console.log(`  ${request.method} ${request.path}`);
  if (stub.problems.length) {
    console.error('\nrequests the OpenAPI description does not allow:', stub.problems);
    process.exitCode = 1;
  }
} finally {
  await stub.close();
  repo.remove();
}
