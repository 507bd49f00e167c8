// The App's HTTP server: Probot's webhook middleware (signature check, then the handlers) on a plain
// Node server, plus GET /healthz for load balancers and container health checks. Stateless: any
// number of copies can run behind a load balancer (docs/app.md, "Scaling out").

import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ApplicationFunction, createNodeMiddleware, createProbot, type Probot } from 'probot';
import { createReadinessApp } from './app.js';
import { InFlight } from './in-flight.js';
import { createAppLog } from './logging.js';
import { exitGracefullyOnSignal, shutdownTimeoutMs } from './shutdown.js';
import { writePacing } from './write-pacing.js';

export const HEALTH_PATH = '/healthz';

export interface AppServerOptions {
  probot: Probot;
  app: ApplicationFunction;
  port?: number;
  host?: string;
  webhookPath?: string;
  /** The deliveries the app is working on (the same object given to createReadinessApp). */
  inFlight?: InFlight;
}

export interface AppServer {
  /** http://host:port the server listens on. */
  url: string;
  webhookUrl: string;
  /** Stops accepting connections; resolves once the open ones have ended. */
  close(): Promise<void>;
  /** Resolves once no delivery is being worked on (some outlive their request: see in-flight.ts). */
  idle(): Promise<void>;
  /** Deliveries being worked on. */
  readonly busy: number;
}

export async function startAppServer(options: AppServerOptions): Promise<AppServer> {
  const webhookPath = options.webhookPath ?? '/api/github/webhooks';
  const middleware = await createNodeMiddleware(options.app, {
    probot: options.probot,
    webhooksPath: webhookPath,
  });
  const inFlight = options.inFlight ?? new InFlight();
  const answering = new Set<ServerResponse>();
  let closing = false;
  const server = createServer((request, response) => {
    // Keep-alive connections would keep a closing server open: answers sent while closing end theirs.
    if (closing) response.setHeader('connection', 'close');
    answering.add(response);
    response.once('close', () => answering.delete(response));
    if (request.method === 'GET' && request.url?.split('?')[0] === HEALTH_PATH) {
      response.writeHead(200, { 'content-type': 'text/plain' }).end('ok\n');
      return;
    }
    void middleware(request, response, () => {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
    });
  });
  await listen(server, options.port ?? 3000, options.host ?? '127.0.0.1');
  const { address, port } = server.address() as AddressInfo;
  const url = `http://${address.includes(':') ? `[${address}]` : address}:${port}`;
  return {
    url,
    webhookUrl: `${url}${webhookPath}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        closing = true;
        for (const response of answering) {
          if (!response.headersSent) response.setHeader('connection', 'close');
        }
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeIdleConnections();
      }),
    idle: () => inFlight.idle(),
    get busy() {
      return inFlight.size;
    },
  };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/**
 * `npm run app`: APP_ID, PRIVATE_KEY (or PRIVATE_KEY_PATH) and WEBHOOK_SECRET from the environment
 * or `.env`; PORT and HOST choose where to listen. SIGTERM stops taking deliveries and lets running
 * ones finish within SHUTDOWN_TIMEOUT_MS (shutdown.ts), so a rolling deploy loses no work.
 */
export async function runAppServer(env: NodeJS.ProcessEnv = process.env): Promise<AppServer> {
  loadDotEnv();
  for (const name of ['APP_ID', 'WEBHOOK_SECRET'] as const) {
    if (!env[name])
      throw new Error(`${name} is not set; put it in .env or the environment (see docs/app.md)`);
  }
  if (!env.PRIVATE_KEY && !env.PRIVATE_KEY_PATH) {
    throw new Error(
      'PRIVATE_KEY (or PRIVATE_KEY_PATH) is not set; put it in .env or the environment (see docs/app.md)',
    );
  }
  const timeoutMs = shutdownTimeoutMs(env.SHUTDOWN_TIMEOUT_MS);
  const pacing = writePacing(env.WRITE_PACING_MS);
  const inFlight = new InFlight();
  const probot = createProbot({ env, overrides: { log: await createAppLog(env) } });
  const server = await startAppServer({
    probot,
    app: createReadinessApp({
      inFlight,
      ...(pacing ? { client: { pacing } } : {}),
      ...(env.APP_SLUG ? { appSlug: env.APP_SLUG } : {}),
    }),
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    inFlight,
    ...(env.WEBHOOK_PATH ? { webhookPath: env.WEBHOOK_PATH } : {}),
  });
  probot.log.info(`readiness app listening on ${server.url} (webhooks at ${server.webhookUrl})`);
  exitGracefullyOnSignal(server, timeoutMs, {
    debug: (message) => probot.log.debug(message),
    info: (message) => probot.log.info(message),
    warn: (message) => probot.log.warn(message),
    error: (message) => probot.log.error(message),
  });
  return server;
}

function loadDotEnv(): void {
  try {
    process.loadEnvFile('.env');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}
