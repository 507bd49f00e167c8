// What `npm run app` needs from the environment (or `.env`), checked before anything starts, so
// every missing or wrong variable is reported at once with how to fix it. Secrets are never
// printed: a message names the variable, never its value.

import { createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { getPrivateKey } from '@probot/get-private-key';

const HOW_TO_FIX =
  'Put them in .env or the environment (see .env.example and docs/app.md), or leave APP_ID unset ' +
  "outside production to create the App with Probot's set-up flow.";

/** Loads `.env` from the working directory if there is one; variables already set win. */
export function loadDotEnv(): void {
  try {
    process.loadEnvFile('.env');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/** No credentials at all and not in production: serve Probot's manifest flow instead. */
export function wantsSetup(env: NodeJS.ProcessEnv): boolean {
  return !env.APP_ID && !env.PRIVATE_KEY && !env.PRIVATE_KEY_PATH && env.NODE_ENV !== 'production';
}

/** Every problem with the App's variables, one line each; empty when it can start. */
export function appEnvProblems(env: NodeJS.ProcessEnv): string[] {
  const problems: string[] = [];
  if (!env.APP_ID)
    problems.push("APP_ID is not set: the App's numeric id, from its settings page (About → App ID)");
  else if (!/^\d+$/.test(env.APP_ID))
    problems.push("APP_ID must be the App's numeric id from its settings page, not its name or client id");
  if (!env.WEBHOOK_SECRET)
    problems.push("WEBHOOK_SECRET is not set: the webhook secret entered in the App's settings");
  problems.push(...privateKeyProblems(env));
  return problems;
}

export function appEnvError(problems: readonly string[]): string {
  return `cannot start:\n${problems.map((problem) => `  - ${problem}`).join('\n')}\n${HOW_TO_FIX}`;
}

function privateKeyProblems(env: NodeJS.ProcessEnv): string[] {
  if (!env.PRIVATE_KEY && !env.PRIVATE_KEY_PATH)
    return [
      "PRIVATE_KEY (or PRIVATE_KEY_PATH) is not set: the App's private key, generated in its settings (Private keys → Generate a private key)",
    ];
  const source = env.PRIVATE_KEY ? 'PRIVATE_KEY' : `PRIVATE_KEY_PATH (${env.PRIVATE_KEY_PATH})`;
  try {
    // getPrivateKey reads PRIVATE_KEY_PATH only when the file exists; read it here to say why not.
    if (!env.PRIVATE_KEY && env.PRIVATE_KEY_PATH) readFileSync(env.PRIVATE_KEY_PATH);
    const pem = getPrivateKey({ env });
    if (pem === null) throw new Error('no key');
    createPrivateKey(pem);
    return [];
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code?.startsWith('E')) return [`${source} cannot be read (${code}): check the path to the .pem file`];
    return [
      `${source} is not a PEM private key. Use the .pem file GitHub generated: PRIVATE_KEY_PATH=path/to/key.pem, ` +
        'or its whole text in PRIVATE_KEY (from "-----BEGIN RSA PRIVATE KEY-----" to the END line, newlines written as \\n)',
    ];
  }
}
