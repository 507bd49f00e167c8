// `npm run app` and the container's entry point.

import { runAppServer } from './server.js';

runAppServer().catch((error: unknown) => {
  console.error(`readiness app: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
