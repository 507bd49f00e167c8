// The App as GitHub meets it: the real server (Probot's webhook middleware) on 127.0.0.1, signed
// deliveries POSTed over HTTP, and every GitHub request, including the installation token, going
// to the OpenAPI-validating stub. The App authenticates with a throwaway RSA key made here.

import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { sign } from '@octokit/webhooks-methods';
import Bottleneck from 'bottleneck';
import { Probot } from 'probot';
import { createReadinessApp } from '../../src/app/app.js';
import { InFlight } from '../../src/app/in-flight.js';
import type { ClientTuning } from '../../src/app/installation.js';
import { type AppServer, startAppServer } from '../../src/app/server.js';
import { BlobCache } from '../../src/github/blob-cache.js';
import { GitHubApiStub } from '../support/github-api-stub.js';
import { FakeGit } from './fake-git.js';

export const OWNER = 'octo-org';
export const REPO = 'shop';
export const FULL_NAME = `${OWNER}/${REPO}`;
export const INSTALLATION_ID = 4242;
export const APP_SLUG = 'readiness-test';
export const OWN_LOGIN = `${APP_SLUG}[bot]`;
const SECRET = 'webhook-secret-for-tests';

const privateKey = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  publicKeyEncoding: { type: 'spki', format: 'pem' },
}).privateKey;

export interface Harness {
  stub: GitHubApiStub;
  git: FakeGit;
  server: AppServer;
  /**
   * Signs and POSTs a delivery. A pull_request payload first becomes the pull request's state on the
   * stub, as GitHub updates a pull request before it sends the event; `asIs` leaves the stub alone
   * (a delivery that arrives after the pull request moved on).
   */
  deliver(
    event: string,
    payload: object,
    options?: { id?: string; signature?: string; asIs?: boolean },
  ): Promise<Response>;
  close(): Promise<void>;
}

/**
 * `client` overrides the test client settings, e.g. a short request timeout. `sharing` starts
 * another replica of the App on the same GitHub (stub and repositories), as a second process
 * behind a load balancer would be; closing it leaves that GitHub running.
 */
export async function startHarness(
  options: { client?: ClientTuning; sharing?: Pick<Harness, 'stub' | 'git'> } = {},
): Promise<Harness> {
  const shared = options.sharing;
  const stub = shared?.stub ?? (await GitHubApiStub.start());
  stub.viewer = { login: OWN_LOGIN, type: 'Bot' };
  const git = shared?.git ?? new FakeGit();
  const inFlight = new InFlight();
  const probot = new Probot({ appId: 123, privateKey, secret: SECRET, baseUrl: stub.url, logLevel: 'fatal' });
  const unpaced = () => new Bottleneck.Group({ maxConcurrent: 1, minTime: 0 });
  const server = await startAppServer({
    probot,
    inFlight,
    app: createReadinessApp({
      inFlight,
      cache: new BlobCache(),
      client: {
        retryAfterBaseValue: 1,
        pacing: { write: unpaced(), notifications: unpaced() },
        ...options.client,
      },
    }),
    port: 0,
    host: '127.0.0.1',
  });
  const harness: Harness = {
    stub,
    git,
    server,
    async deliver(event, payload, options = {}) {
      if (event === 'pull_request' && !options.asIs) recordPull(stub, payload);
      const body = JSON.stringify(payload);
      return fetch(server.webhookUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-github-event': event,
          'x-github-delivery': options.id ?? randomUUID(),
          'x-hub-signature-256': options.signature ?? (await sign(SECRET, body)),
        },
        body,
      });
    },
    async close() {
      await server.close();
      if (!shared) await stub.close();
    },
  };
  if (!shared) scriptGitHub(harness);
  return harness;
}

/** The App-level endpoints and the repository data every test needs; call again after stub.reset(). */
export function scriptGitHub({ stub, git }: Pick<Harness, 'stub' | 'git'>): void {
  git.install(stub);
  stub.on('apps/create-installation-access-token', (request) =>
    request.params.installation_id === String(INSTALLATION_ID)
      ? {
          status: 201,
          body: {
            token: 'ghs_installation_token',
            expires_at: new Date(Date.now() + 3_600_000).toISOString(),
            permissions: {
              checks: 'write',
              contents: 'read',
              issues: 'write',
              pull_requests: 'write',
              metadata: 'read',
            },
            repository_selection: 'all',
          },
        }
      : { status: 404, body: { message: 'Not Found' } },
  );
  stub.on('apps/get-authenticated', () => ({
    status: 200,
    body: { id: 123, slug: APP_SLUG, name: 'Readiness (test)', owner: { login: OWNER } },
  }));
}

const examples = createRequire(import.meta.url)('@octokit/webhooks-examples/api.github.com/index.json') as {
  name: string;
  examples: Record<string, unknown>[];
}[];

/** A real payload from @octokit/webhooks-examples, pointed at the test repository and installation. */
export function examplePayload(event: string, action?: string): Record<string, unknown> {
  const found = examples
    .find((entry) => entry.name === event)
    ?.examples.find((example) => action === undefined || example.action === action);
  if (!found) throw new Error(`no ${event}.${action} example in @octokit/webhooks-examples`);
  const payload = structuredClone(found) as Record<string, unknown> & { repository: Record<string, unknown> };
  payload.repository = {
    ...payload.repository,
    name: REPO,
    full_name: FULL_NAME,
    owner: { ...(payload.repository.owner as object), login: OWNER },
    html_url: `https://github.com/${FULL_NAME}`,
    default_branch: 'main',
  };
  payload.installation = { id: INSTALLATION_ID, node_id: 'MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uNDI0Mg==' };
  return payload;
}

export function pullRequestPayload(
  action: string,
  pull: { number: number; headSha: string; baseSha: string; baseRef?: string },
): Record<string, unknown> {
  // The examples lack some actions (edited); every action carries the same pull request shape.
  const payload = examplePayload('pull_request', 'opened');
  payload.action = action;
  const example = payload.pull_request as Record<string, Record<string, unknown>>;
  payload.number = pull.number;
  payload.pull_request = {
    ...example,
    number: pull.number,
    head: { ...example.head, sha: pull.headSha, ref: 'feature' },
    base: { ...example.base, sha: pull.baseSha, ref: pull.baseRef ?? 'main' },
  };
  return payload;
}

/** The pull request of a pull_request payload, as GitHub's API will now answer for it. */
function recordPull(stub: GitHubApiStub, payload: object): void {
  const pull = (payload as { pull_request?: Record<string, unknown> }).pull_request as
    | {
        number: number;
        head: { sha: string; ref: string };
        base: { sha: string; ref: string };
        updated_at?: string;
      }
    | undefined;
  if (!pull) return;
  stub.pulls.set(pull.number, {
    number: pull.number,
    headSha: pull.head.sha,
    headRef: pull.head.ref,
    baseSha: pull.base.sha,
    baseRef: pull.base.ref,
    ...(pull.updated_at ? { updatedAt: pull.updated_at } : {}),
  });
}

/** Operation ids of the requests recorded since the last reset, in order. */
export function operations(stub: GitHubApiStub): string[] {
  return stub.requests.map((request) => request.operationId);
}

export function countBy(ids: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const id of ids) counts[id] = (counts[id] ?? 0) + 1;
  return counts;
}
