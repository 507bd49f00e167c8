// The Probot app function, for `probot run`, the server in server.ts, or a serverless adapter.

import { createReadinessApp } from './app.js';

export { createReadinessApp, type ReadinessAppOptions } from './app.js';

export default createReadinessApp();
