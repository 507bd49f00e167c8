// `npm run app` without credentials: Probot's manifest flow. It serves a page on
// http://localhost:PORT that posts app.yml (name, permissions, events) to GitHub as an App
// manifest; GitHub creates the App and sends the browser back to /probot/setup?code=…, where the
// code is exchanged for the App's id, private key and webhook secret, written to .env. Then
// `npm run app` again starts the App itself.

import type { Logger } from 'pino';
import { run } from 'probot';

export interface SetupServer {
  stop(): Promise<void>;
}

export async function runManifestSetup(env: NodeJS.ProcessEnv, log: Logger): Promise<SetupServer> {
  log.info(
    'APP_ID is not set: serving the set-up flow that registers a GitHub App from app.yml and writes .env',
  );
  // Probot's setup mode ignores the app function: nothing is handled until the App exists.
  const server = await run(() => {}, { env, log });
  return { stop: () => server.stop() };
}
