// `npm run app` and the container's entry point. Without any credentials (and outside
// production) it serves Probot's set-up flow; otherwise every missing or wrong variable is
// reported at once, before the server starts.

import { appEnvError, appEnvProblems, loadDotEnv, wantsSetup } from './app-env.js';
import { createAppLog } from './logging.js';
import { runAppServer } from './server.js';
import { runManifestSetup } from './setup.js';

async function main(): Promise<void> {
  loadDotEnv();
  if (wantsSetup(process.env)) {
    await runManifestSetup(process.env, await createAppLog(process.env));
    return;
  }
  const problems = appEnvProblems(process.env);
  if (problems.length > 0) throw new Error(appEnvError(problems));
  await runAppServer(process.env);
}

main().catch((error: unknown) => {
  console.error(`readiness app: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
