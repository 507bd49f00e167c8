// `npm run test:scale`: the App at organisation scale, on this machine only (127.0.0.1). Three App
// processes behind a round-robin proxy, the OpenAPI-validating API stand-in serving 20 repositories
// and 50 pull requests through trees and blobs, and 600 signed deliveries over 60 seconds: opened,
// synchronize with new head SHAs, title edits, `/readiness recheck` bursts and redeliveries. Half
// way through, one replica gets SIGTERM in the middle of a recheck burst. Prints the figures issue
// 16 asks for, checks them, and exits 1 when any check fails. Not part of `npm test`.

import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sign } from '@octokit/webhooks-methods';
import * as esbuild from 'esbuild';
import { DEFAULT_SHUTDOWN_TIMEOUT_MS as SHUTDOWN_TIMEOUT_MS } from '../../src/app/shutdown.js';
import { DEFAULT_MARKER } from '../../src/github/sticky-comment.js';
import { GitHubApiStub } from '../../test/support/github-api-stub.js';
import { buildOrganisation, FakeGit, OWNER, PULL_REQUESTS, type Pull, REPOSITORIES } from './organisation.js';
import { startRoundRobinProxy } from './proxy.js';
import { type DeliveryLine, type Replica, startReplica, waitHealthy } from './replica.js';
import { DURATION_MS, type Planned, planTraffic, SYNCHRONIZE_PER_PULL } from './traffic.js';

const REPLICAS = 3;
const KILLED = 2;
/** In the fifth recheck burst (32.0 to 33.0 s), while its evaluations run. */
const KILL_AT_MS = 32_500;
const RSS_LIMIT = 250 * 1024 * 1024;
const TIME_LIMIT_MS = 180_000;
const APP_SLUG = 'readiness-scale';
const OWN_LOGIN = `${APP_SLUG}[bot]`;
const INSTALLATION_ID = 1616;
const SECRET = randomUUID();
/** Outcomes for which the App ran an evaluation (see DeliveryOutcome in src/app/app.ts). */
const EVALUATED = new Set([
  'published',
  'caught-up',
  'superseded',
  'config-error',
  'no-checklist',
  'skipped',
]);

const root = resolve(fileURLToPath(import.meta.url), '../../..');
const started = performance.now();
const clock = () => Math.round(performance.now() - started);

interface Sent {
  id: string;
  planned: Planned;
  event: string;
  body: string;
  sentAt: number;
  status?: number;
  ms?: number;
  /** The original's id, for a redelivery. */
  redelivers?: string;
}

async function main(): Promise<number> {
  const work = mkdtempSync(join(tmpdir(), 'readiness-scale-'));
  const replicas: Replica[] = [];
  const stub = await GitHubApiStub.start();
  try {
    const bundle = await bundleApp();
    const plan = planTraffic(PULL_REQUESTS);
    const git = new FakeGit();
    const { pulls } = buildOrganisation(
      git,
      Array.from({ length: PULL_REQUESTS }, () => 1 + SYNCHRONIZE_PER_PULL),
    );
    scriptGitHub(stub, git);

    const lines: DeliveryLine[] = [];
    const env = replicaEnv(stub.url);
    for (let index = 0; index < REPLICAS; index++) {
      replicas.push(
        startReplica({
          index,
          bundle,
          port: await freePort(),
          env,
          cwd: work,
          clock,
          onDelivery: (line) => lines.push(line),
        }),
      );
    }
    await Promise.all(replicas.map((replica) => waitHealthy(replica, 30_000)));
    const proxy = await startRoundRobinProxy(
      replicas.map((replica) => ({ host: '127.0.0.1', port: replica.port })),
    );
    console.log(
      `scale: ${REPLICAS} replicas on ports ${replicas.map((r) => r.port).join(', ')} behind ${proxy.url}; ` +
        `stand-in at ${stub.url}; ${plan.length} deliveries over ${DURATION_MS / 1000} s`,
    );

    // Traffic.
    const sent: Sent[] = [];
    const heads = new Map(pulls.map((pull) => [pull.number, 0]));
    const trafficStart = clock();
    let killedAt: number | undefined;
    let killInFlight = 0;
    const kill = (async () => {
      await sleepUntil(trafficStart + KILL_AT_MS);
      killedAt = clock();
      killInFlight = sent.filter((delivery) => delivery.status === undefined).length;
      replicas[KILLED]?.process.kill('SIGTERM');
    })();
    const inFlight: Promise<void>[] = [];
    for (const planned of plan) {
      await sleepUntil(trafficStart + planned.at);
      const delivery = prepare(planned, pulls, heads, stub, sent);
      if (!delivery) continue;
      sent.push(delivery);
      inFlight.push(post(proxy.url, delivery));
    }
    await Promise.all(inFlight);
    await kill;
    const trafficMs = clock() - trafficStart;
    // Work answered 202 (still running after 9 s) finishes in the background: wait for quiet.
    await quiet(stub, 1_500, 30_000);

    // Stop the others the same way and read what they report.
    const killed = replicas[KILLED] as Replica;
    const killedExit = await killed.exited;
    for (const replica of replicas) if (replica !== killed) replica.process.kill('SIGTERM');
    const exits = await Promise.all(replicas.map((replica) => replica.exited));
    await proxy.close();

    return report({
      sent,
      lines,
      pulls,
      stub,
      replicas,
      exits,
      proxyAnswered: proxy.answered,
      proxySkipped: proxy.skipped,
      trafficMs,
      trafficStart,
      killed: { at: killedAt ?? 0, exitAt: killedExit.at, code: killedExit.code, inFlight: killInFlight },
    });
  } finally {
    for (const replica of replicas) if (replica.process.exitCode === null) replica.process.kill('SIGKILL');
    await stub.close();
    rmSync(work, { recursive: true, force: true });
  }
}

/** The App as Dockerfile.app builds it: our code in one ESM file, npm packages external. */
async function bundleApp(): Promise<string> {
  const outdir = join(root, 'node_modules/.cache/readiness-scale');
  mkdirSync(outdir, { recursive: true });
  const outfile = join(outdir, 'app.mjs');
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: ['src/app/main.ts'],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    outfile,
    logLevel: 'warning',
  });
  return outfile;
}

function replicaEnv(stubUrl: string): Record<string, string> {
  const privateKey = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  }).privateKey;
  return {
    NODE_ENV: 'production',
    APP_ID: '16',
    PRIVATE_KEY: privateKey,
    WEBHOOK_SECRET: SECRET,
    APP_SLUG,
    GHE_HOST: new URL(stubUrl).host,
    GHE_PROTOCOL: 'http',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    LOG_FORMAT: 'json',
    // The stand-in has no secondary rate limits; the load test measures the App, not GitHub's pacing.
    WRITE_PACING_MS: '0',
    // SHUTDOWN_TIMEOUT_MS left unset: the documented default bound applies.
  };
}

function scriptGitHub(stub: GitHubApiStub, git: FakeGit): void {
  stub.viewer = { login: OWN_LOGIN, type: 'Bot' };
  git.install(stub);
  stub.on('apps/create-installation-access-token', () => ({
    status: 201,
    body: { token: `ghs_${randomUUID()}`, expires_at: new Date(Date.now() + 3_600_000).toISOString() },
  }));
  stub.on('apps/get-authenticated', () => ({
    status: 200,
    body: { id: 16, slug: APP_SLUG, name: 'Readiness (scale)', owner: { login: OWNER } },
  }));
  for (let reviewer = 0; reviewer < 5; reviewer++) stub.permissions.set(`reviewer-${reviewer}`, 'write');
}

const examples = createRequire(import.meta.url)('@octokit/webhooks-examples/api.github.com/index.json') as {
  name: string;
  examples: Record<string, unknown>[];
}[];

function example(event: string, action: string): Record<string, unknown> {
  const found = examples.find((entry) => entry.name === event)?.examples.find((e) => e.action === action);
  if (!found) throw new Error(`no ${event}.${action} example in @octokit/webhooks-examples`);
  return structuredClone(found);
}

/** The delivery for one planned event; the stand-in's pull request moves first, as GitHub's does. */
function prepare(
  planned: Planned,
  pulls: Pull[],
  heads: Map<number, number>,
  stub: GitHubApiStub,
  sent: Sent[],
): Sent | undefined {
  if (planned.kind === 'redelivery') {
    // GitHub's "Redeliver": an earlier pull request delivery that was answered 200 (done; a 202 says
    // the App was still working on it), same id and body.
    const answered = sent.filter(
      (delivery) => delivery.event === 'pull_request' && delivery.status === 200 && !delivery.redelivers,
    );
    const original = answered[Math.floor((((sent.length * 7919) % 1000) / 1000) * answered.length)];
    if (!original) return undefined;
    return {
      ...original,
      planned,
      sentAt: 0,
      status: undefined,
      ms: undefined,
      redelivers: original.id,
    } as Sent;
  }
  const pull = pulls[planned.pull - 1] as Pull;
  if (planned.kind === 'synchronize') heads.set(pull.number, planned.revision);
  const head = pull.heads[heads.get(pull.number) ?? 0] as string;
  stub.pulls.set(pull.number, {
    number: pull.number,
    headSha: head,
    headRef: `feature-${pull.number}`,
    baseSha: pull.repo.baseSha,
    baseRef: 'main',
  });
  const repository = {
    ...(example('pull_request', 'opened').repository as Record<string, unknown>),
    name: pull.repo.name,
    full_name: pull.repo.fullName,
    owner: { login: OWNER, type: 'Organization' },
    html_url: `https://github.com/${pull.repo.fullName}`,
    default_branch: 'main',
  };
  const installation = { id: INSTALLATION_ID, node_id: 'MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uMTYxNg==' };
  if (planned.kind === 'recheck') {
    const reviewer = `reviewer-${planned.burst % 5}`;
    const comment = stub.addComment(pull.number, '/readiness recheck', reviewer);
    const payload = example('issue_comment', 'created');
    const issue = payload.issue as Record<string, unknown>;
    const exampleComment = payload.comment as Record<string, unknown>;
    payload.issue = {
      ...issue,
      number: pull.number,
      pull_request: { url: `https://api.github.com/repos/${pull.repo.fullName}/pulls/${pull.number}` },
    };
    payload.comment = {
      ...exampleComment,
      id: comment.id,
      body: comment.body,
      user: { ...(exampleComment.user as object), login: reviewer, type: 'User' },
    };
    payload.repository = repository;
    payload.installation = installation;
    return { id: randomUUID(), planned, event: 'issue_comment', body: JSON.stringify(payload), sentAt: 0 };
  }
  const payload = example('pull_request', 'opened');
  const examplePull = payload.pull_request as Record<string, Record<string, unknown>>;
  payload.action = planned.kind;
  payload.number = pull.number;
  payload.pull_request = {
    ...examplePull,
    number: pull.number,
    head: { ...examplePull.head, sha: head, ref: `feature-${pull.number}` },
    base: { ...examplePull.base, sha: pull.repo.baseSha, ref: 'main' },
  };
  payload.repository = repository;
  payload.installation = installation;
  return { id: randomUUID(), planned, event: 'pull_request', body: JSON.stringify(payload), sentAt: 0 };
}

async function post(url: string, delivery: Sent): Promise<void> {
  delivery.sentAt = clock();
  try {
    const response = await fetch(`${url}/api/github/webhooks`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-github-event': delivery.event,
        'x-github-delivery': delivery.id,
        'x-hub-signature-256': await sign(SECRET, delivery.body),
      },
      body: delivery.body,
      signal: AbortSignal.timeout(60_000),
    });
    await response.text();
    delivery.status = response.status;
  } catch {
    delivery.status = 0;
  }
  delivery.ms = clock() - delivery.sentAt;
}

async function quiet(stub: GitHubApiStub, quietMs: number, maxMs: number): Promise<void> {
  const deadline = Date.now() + maxMs;
  let seen = stub.requests.length;
  let since = Date.now();
  while (Date.now() < deadline && Date.now() - since < quietMs) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    if (stub.requests.length !== seen) {
      seen = stub.requests.length;
      since = Date.now();
    }
  }
}

interface Outcome {
  sent: Sent[];
  lines: DeliveryLine[];
  pulls: Pull[];
  stub: GitHubApiStub;
  replicas: Replica[];
  exits: { code: number | null; signal: NodeJS.Signals | null; at: number }[];
  proxyAnswered: number[];
  proxySkipped: number;
  trafficMs: number;
  trafficStart: number;
  killed: { at: number; exitAt: number; code: number | null; inFlight: number };
}

function report(run: Outcome): number {
  const { sent, lines, pulls, stub } = run;
  if (process.env.READINESS_SCALE_DUMP) {
    // For looking into a failed run: every delivery (without its body) and every outcome line.
    const deliveries = sent.map(({ body: _, ...delivery }) => delivery);
    writeFileSync(process.env.READINESS_SCALE_DUMP, JSON.stringify({ deliveries, lines }, null, 1));
  }
  const answered = sent.filter((delivery) => (delivery.status ?? 0) >= 200 && (delivery.status ?? 0) < 300);
  const latencies = sent.map((delivery) => delivery.ms ?? 0).sort((a, b) => a - b);
  const evaluations = lines
    .filter((line) => EVALUATED.has(line.outcome))
    .reduce((sum, line) => sum + line.evaluations, 0);
  const outcomes = countBy(lines.map((line) => line.outcome));
  const kinds = countBy(sent.map((delivery) => (delivery.redelivers ? 'redelivery' : delivery.planned.kind)));

  // A redelivered id's first line is its original (answered before the redelivery was sent).
  const byId = new Map<string, DeliveryLine[]>();
  for (const line of lines) byId.set(line.id, [...(byId.get(line.id) ?? []), line]);
  const redelivered = new Set(sent.filter((delivery) => delivery.redelivers).map((delivery) => delivery.id));
  let redeliveryEvaluations = 0;
  const redeliveryOutcomes: string[] = [];
  for (const id of redelivered) {
    const [, ...repeats] = (byId.get(id) ?? []).sort((a, b) => a.at - b.at);
    for (const line of repeats) {
      redeliveryOutcomes.push(line.outcome);
      if (EVALUATED.has(line.outcome)) redeliveryEvaluations += line.evaluations;
    }
  }

  const perPull = pulls.map((pull) => {
    const finalHead = pull.heads[pull.heads.length - 1] as string;
    const comments = stub
      .commentsOn(pull.number)
      .filter((comment) => comment.login === OWN_LOGIN && comment.body.includes(DEFAULT_MARKER));
    const ownHeads = new Set(pull.heads);
    const runs = stub.checkRuns.filter((checkRun) => ownHeads.has(checkRun.head_sha));
    const lastRun = runs.at(-1);
    const commentHead = pull.heads.find((sha) => comments[0]?.body.includes(`/blob/${sha}/`));
    return {
      number: pull.number,
      comments: comments.length,
      checkRunOnFinalHead: lastRun?.head_sha === finalHead,
      commentOnFinalHead: commentHead === finalHead,
    };
  });

  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
  const percentile = (sorted: number[], p: number) =>
    sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
  const byKind: Record<string, number[]> = {};
  for (const delivery of sent)
    byKind[kindOf(delivery)] = [...(byKind[kindOf(delivery)] ?? []), delivery.ms ?? 0];
  for (const ms of Object.values(byKind)) ms.sort((a, b) => a - b);
  const notOk = countBy(sent.filter((d) => d.status !== 200).map((d) => `${d.status} to ${kindOf(d)}`));
  const killedDrainMs = run.killed.exitAt - run.killed.at;
  const killedReplica = run.replicas[KILLED] as Replica;
  const problems = run.replicas.flatMap((replica) =>
    replica.problems.map((line) => `replica ${replica.index}: ${line}`),
  );

  console.log('');
  console.log(
    `scale: figures (${REPOSITORIES} repositories, ${PULL_REQUESTS} pull requests, ${REPLICAS} replicas)`,
  );
  const rows: [string, string][] = [
    [
      'deliveries sent',
      `${sent.length} (${Object.entries(kinds)
        .map(([kind, n]) => `${n} ${kind}`)
        .join(', ')}) in ${(run.trafficMs / 1000).toFixed(1)} s`,
    ],
    ['deliveries answered 2xx / sent', `${answered.length}/${sent.length}`],
    [
      'delivery latency p50 / p95 / max',
      `${percentile(latencies, 50)} ms / ${percentile(latencies, 95)} ms / ${latencies.at(-1) ?? 0} ms`,
    ],
    [
      'p50 / p95 by event',
      Object.entries(byKind)
        .map(([kind, ms]) => `${kind} ${percentile(ms, 50)}/${percentile(ms, 95)} ms`)
        .join(', '),
    ],
    ['answers other than 200', list(notOk) || 'none'],
    ['evaluations run', `${evaluations}`],
    [
      'outcomes',
      Object.entries(outcomes)
        .map(([outcome, n]) => `${outcome} ${n}`)
        .join(', '),
    ],
    [
      'evaluations for redeliveries',
      `${redeliveryEvaluations} (redeliveries answered: ${Object.entries(countBy(redeliveryOutcomes))
        .map(([o, n]) => `${o} ${n}`)
        .join(', ')})`,
    ],
    [
      'API requests per delivery',
      `${(stub.requests.length / sent.length).toFixed(1)} (${stub.requests.length} requests; ${Object.entries(
        countBy(stub.requests.map((r) => r.operationId)),
      )
        .sort((a, b) => b[1] - a[1])
        .slice(0, 6)
        .map(([op, n]) => `${op} ${n}`)
        .join(', ')}, …)`,
    ],
    ['peak RSS per replica', run.replicas.map((replica) => mb(replica.peakRss)).join(', ')],
    [
      'CPU time per replica',
      run.replicas.map((replica) => `${(replica.cpuMs / 1000).toFixed(1)} s`).join(', '),
    ],
    [
      'deliveries per replica',
      run.proxyAnswered.join(', ') +
        (run.proxySkipped ? ` (${run.proxySkipped} refused connections went to the next replica)` : ''),
    ],
    ['sticky comments per pull request', summarise(perPull.map((pull) => pull.comments))],
    [
      'final check run on final head',
      `${perPull.filter((pull) => pull.checkRunOnFinalHead).length}/${perPull.length} pull requests`,
    ],
    [
      'final comment on final head',
      `${perPull.filter((pull) => pull.commentOnFinalHead).length}/${perPull.length} pull requests`,
    ],
    [
      'replica stopped mid-burst',
      `replica ${KILLED}: SIGTERM ${((run.killed.at - run.trafficStart) / 1000).toFixed(1)} s into the traffic, ` +
        `working on ${killedReplica.draining ?? '?'} deliveries (${run.killed.inFlight} in flight across the proxy); ` +
        `exited ${run.killed.code} after ${killedDrainMs} ms (bound ${SHUTDOWN_TIMEOUT_MS} ms)`,
    ],
    ['invalid API requests (OpenAPI)', `${stub.problems.length}`],
    ['warnings and errors logged', `${problems.length}`],
  ];
  const width = Math.max(...rows.map(([name]) => name.length));
  for (const [name, value] of rows) console.log(`  ${name.padEnd(width)}  ${value}`);
  console.log('  per pull request (number: comments, check run on final head, comment on final head):');
  for (let index = 0; index < perPull.length; index += 10) {
    console.log(
      `    ${perPull
        .slice(index, index + 10)
        .map(
          (pull) =>
            `#${pull.number}:${pull.comments}${pull.checkRunOnFinalHead ? '✓' : '✗'}${pull.commentOnFinalHead ? '✓' : '✗'}`,
        )
        .join(' ')}`,
    );
  }
  for (const line of [...stub.problems, ...problems].slice(0, 10)) console.log(`  ! ${line}`);

  const elapsed = performance.now() - started;
  const checks: [string, boolean][] = [
    [
      `${sent.length}/${sent.length} deliveries answered 2xx`,
      answered.length === sent.length && sent.length === 600,
    ],
    ['every pull request has exactly 1 sticky comment', perPull.every((pull) => pull.comments === 1)],
    ['every final check run is on the final head', perPull.every((pull) => pull.checkRunOnFinalHead)],
    ['every final comment is on the final head', perPull.every((pull) => pull.commentOnFinalHead)],
    [
      '0 evaluations for redeliveries',
      redeliveryEvaluations === 0 && redeliveryOutcomes.length >= redelivered.size,
    ],
    [
      'peak RSS per replica ≤ 250 MB',
      run.replicas.every((replica) => replica.peakRss > 0 && replica.peakRss <= RSS_LIMIT),
    ],
    [
      'the stopped replica exited within its bound (0: drained; 1: bound reached, logged)',
      (run.killed.code === 0 && killedDrainMs <= SHUTDOWN_TIMEOUT_MS + 1_000) ||
        (run.killed.code === 1 && killedDrainMs <= SHUTDOWN_TIMEOUT_MS + 2_000),
    ],
    [
      'the other replicas exited 0 on SIGTERM',
      run.exits.every((exit, index) => index === KILLED || exit.code === 0),
    ],
    ['every API request was valid', stub.problems.length === 0],
    [`run took ${(elapsed / 1000).toFixed(0)} s (limit ${TIME_LIMIT_MS / 1000} s)`, elapsed < TIME_LIMIT_MS],
  ];
  console.log('');
  for (const [name, ok] of checks) console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${name}`);
  const failed = checks.filter(([, ok]) => !ok).length;
  // Not in the "N passed, N failed" form: .ci/run counts this whole run as one step of its own line.
  console.log(
    failed === 0
      ? `scale: all ${checks.length} checks passed`
      : `scale: ${failed} of ${checks.length} checks failed`,
  );
  return failed === 0 ? 0 : 1;
}

function kindOf(delivery: Sent): string {
  return delivery.redelivers ? 'redelivery' : delivery.planned.kind;
}

function list(counts: Record<string, number>): string {
  return Object.entries(counts)
    .map(([what, n]) => `${n} × ${what}`)
    .join(', ');
}

function countBy(values: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}

function summarise(values: number[]): string {
  return Object.entries(countBy(values.map(String)))
    .map(([value, n]) => `${value} on ${n} pull requests`)
    .join(', ');
}

function sleepUntil(at: number): Promise<void> {
  const wait = at - clock();
  return wait > 0 ? new Promise((resolve) => setTimeout(resolve, wait)) : Promise.resolve();
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`scale: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    console.log('scale: the load test could not run');
    process.exit(1);
  },
);
