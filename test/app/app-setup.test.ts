// Setting the App up: `npm run app` without credentials serves Probot's manifest flow (tested up
// to GitHub's redirect back, against the local API stand-in), every wrong variable is reported at
// once, a bad private key is explained, and a forged delivery is one warning line.

import { type ChildProcess, spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { createProbot } from 'probot';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { createReadinessApp } from '../../src/app/app.js';
import { appEnvError, appEnvProblems, wantsSetup } from '../../src/app/app-env.js';
import { createAppLog } from '../../src/app/logging.js';
import { startAppServer } from '../../src/app/server.js';
import { GitHubApiStub } from '../support/github-api-stub.js';

const { privateKey } = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
  publicKeyEncoding: { type: 'spki', format: 'pem' },
});

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('the App environment', () => {
  it('reports every missing variable at once', () => {
    const problems = appEnvProblems({ NODE_ENV: 'production' });
    expect(appEnvError(problems)).toBe(
      'cannot start:\n' +
        "  - APP_ID is not set: the App's numeric id, from its settings page (About → App ID)\n" +
        "  - WEBHOOK_SECRET is not set: the webhook secret entered in the App's settings\n" +
        "  - PRIVATE_KEY (or PRIVATE_KEY_PATH) is not set: the App's private key, generated in its settings (Private keys → Generate a private key)\n" +
        'Put them in .env or the environment (see .env.example and docs/app.md), or leave APP_ID unset ' +
        "outside production to create the App with Probot's set-up flow.",
    );
  });

  it('explains a private key that is not one, without printing it', () => {
    const problems = appEnvProblems({ APP_ID: '12', WEBHOOK_SECRET: 's', PRIVATE_KEY: 'notakey' });
    expect(problems).toEqual([
      'PRIVATE_KEY is not a PEM private key. Use the .pem file GitHub generated: PRIVATE_KEY_PATH=path/to/key.pem, ' +
        'or its whole text in PRIVATE_KEY (from "-----BEGIN RSA PRIVATE KEY-----" to the END line, newlines written as \\n)',
    ]);
    expect(
      appEnvProblems({ APP_ID: 'readiness', WEBHOOK_SECRET: 's', PRIVATE_KEY_PATH: '/no/such.pem' }),
    ).toEqual([
      "APP_ID must be the App's numeric id from its settings page, not its name or client id",
      'PRIVATE_KEY_PATH (/no/such.pem) cannot be read (ENOENT): check the path to the .pem file',
    ]);
    // A real key, with its newlines written as \n as .env needs them, is accepted.
    expect(
      appEnvProblems({ APP_ID: '12', WEBHOOK_SECRET: 's', PRIVATE_KEY: privateKey.replace(/\n/g, '\\n') }),
    ).toEqual([]);
  });

  it('serves the set-up flow only without any credentials and outside production', () => {
    expect(wantsSetup({})).toBe(true);
    expect(wantsSetup({ NODE_ENV: 'production' })).toBe(false);
    expect(wantsSetup({ PRIVATE_KEY_PATH: 'key.pem' })).toBe(false);
  });
});

describe('the App log', () => {
  it('is at info by default and turns a forged delivery into one warning line', async () => {
    const output = new PassThrough();
    const lines: string[] = [];
    output.on('data', (chunk: Buffer) => lines.push(...chunk.toString('utf8').split('\n').filter(Boolean)));
    const env = { LOG_FORMAT: 'json' as const };
    const log = await createAppLog(env, output);
    expect(log.level).toBe('info');
    const probot = createProbot({
      env: { APP_ID: '1', PRIVATE_KEY: privateKey, WEBHOOK_SECRET: 'the-secret', ...env },
      overrides: { log },
    });
    const server = await startAppServer({ probot, app: createReadinessApp(), port: 0 });
    cleanups.push(() => server.close());

    const response = await fetch(server.webhookUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-github-event': 'push',
        'x-github-delivery': 'delivery-1',
        'x-hub-signature-256': `sha256=${'0'.repeat(64)}`,
      },
      body: '{}',
    });
    expect(response.status).toBe(400);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const entries = lines.map((line) => JSON.parse(line) as { level: number; msg: string; name?: string });
    expect(entries.filter((entry) => entry.level >= 50)).toEqual([]);
    expect(entries.filter((entry) => entry.level === 40).map((entry) => entry.msg)).toEqual([
      'webhook delivery delivery-1 (push) refused: its signature does not match WEBHOOK_SECRET. ' +
        "If real deliveries fail, set WEBHOOK_SECRET to the webhook secret in the App's settings",
    ]);
    // Probot's own logger named every line "probot" twice.
    expect(lines.some((line) => line.includes('"name":"probot","name":"probot"'))).toBe(false);
  });
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function waitForOutput(child: ChildProcess, pattern: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`no ${pattern} in:\n${seen}`)), 20_000);
    const onData = (chunk: Buffer) => {
      seen += chunk.toString('utf8');
      if (pattern.test(seen)) {
        clearTimeout(timer);
        resolve(seen);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`npm run app exited with ${code}:\n${seen}`)));
  });
}

describe('npm run app without credentials', () => {
  it("serves Probot's manifest flow from app.yml and writes .env when GitHub sends the code back", async () => {
    const stub = await GitHubApiStub.start();
    cleanups.push(() => stub.close());
    stub.on('apps/create-from-manifest', () => ({
      status: 201,
      body: {
        id: 4242,
        slug: 'readiness',
        pem: privateKey,
        webhook_secret: 'created-secret',
        client_id: 'Iv1.abc',
        client_secret: 'client-secret',
        html_url: 'https://github.com/apps/readiness',
      },
    }));
    const dir = mkdtempSync(join(tmpdir(), 'readiness-app-setup-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    copyFileSync('app.yml', join(dir, 'app.yml'));
    copyFileSync('package.json', join(dir, 'package.json'));
    const port = await freePort();
    const { APP_ID, PRIVATE_KEY, PRIVATE_KEY_PATH, WEBHOOK_SECRET, NODE_ENV, ...rest } = process.env;
    const child = spawn(process.execPath, [inject('appEntry')], {
      cwd: dir,
      env: {
        ...rest,
        PORT: String(port),
        NO_SMEE_SETUP: 'true', // no smee.io channel: there is no network here
        GHE_HOST: stub.url.replace('http://', ''),
        GHE_PROTOCOL: 'http',
      },
    });
    cleanups.push(() => child.kill());
    const log = await waitForOutput(child, /Listening on http:\/\/localhost:\d+/);
    expect(log).toContain('APP_ID is not set: serving the set-up flow');
    const base = `http://localhost:${port}`;

    const root = await fetch(`${base}/`, { redirect: 'manual' });
    expect(root.status).toBe(302);
    expect(root.headers.get('location')).toBe('/probot');

    const page = await (await fetch(`${base}/probot`)).text();
    expect(page).toContain(`action="http://${stub.url.replace('http://', '')}/settings/apps/new"`);
    const manifest = JSON.parse(/name="manifest" id="manifest" value='([^']*)'/.exec(page)?.[1] ?? '{}');
    const appYml = await import('yaml').then(({ parse }) => parse(readFileSync('app.yml', 'utf8')));
    expect(manifest).toMatchObject({
      name: 'Readiness',
      public: false,
      redirect_url: `${base}/probot/setup`,
      default_events: appYml.default_events,
      default_permissions: appYml.default_permissions,
    });

    // GitHub created the App and sends the browser back with a code.
    const back = await fetch(`${base}/probot/setup?code=the-code`, { redirect: 'manual' });
    expect(back.status).toBe(302);
    expect(back.headers.get('location')).toBe('https://github.com/apps/readiness/installations/new');
    expect(stub.requestsFor('apps/create-from-manifest').map((request) => request.params)).toEqual([
      { code: 'the-code' },
    ]);
    stub.assertNoProblems();
    const written = readFileSync(join(dir, '.env'), 'utf8');
    expect(written).toContain('APP_ID=4242');
    expect(written).toContain('WEBHOOK_SECRET=created-secret');
    expect(written).toMatch(/^PRIVATE_KEY="-----BEGIN RSA PRIVATE KEY-----\\n/m);
  }, 40_000);
});
