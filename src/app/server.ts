// The App's HTTP server: Probot's webhook middleware (signature check, then the handlers) on a plain
// Node server, plus GET /healthz for load balancers and container health checks. Stateless: any
// number of copies can run behind a load balancer.

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ApplicationFunction, createNodeMiddleware, createProbot, type Probot } from 'probot';
import { createReadinessApp } from './app.js';
import { createAppLog } from './logging.js';
import { SerialQueue } from './serial-queue.js';

export const HEALTH_PATH = '/healthz';

export interface AppServerOptions {
  probot: Probot;
  app: ApplicationFunction;
  port?: number;
  host?: string;
  webhookPath?: string;
}

export interface AppServer {
  /** http://host:port the server listens on. */
  url: string;
  webhookUrl: string;
  close(): Promise<void>;
}

export async function startAppServer(options: AppServerOptions): Promise<AppServer> {
  const webhookPath = options.webhookPath ?? '/api/github/webhooks';
  const middleware = await createNodeMiddleware(options.app, {
    probot: options.probot,
    webhooksPath: webhookPath,
  });
  const server = createServer((request, response) => {
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
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeIdleConnections();
      }),
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
 * jobs finish, so a rolling deploy loses no work.
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
  const queue = new SerialQueue();
  const probot = createProbot({ env, overrides: { log: await createAppLog(env) } });
  const server = await startAppServer({
    probot,
    app: createReadinessApp({ queue, ...(env.APP_SLUG ? { appSlug: env.APP_SLUG } : {}) }),
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    ...(env.WEBHOOK_PATH ? { webhookPath: env.WEBHOOK_PATH } : {}),
  });
  probot.log.info(`readiness app listening on ${server.url} (webhooks at ${server.webhookUrl})`);
  const shutdown = () => {
    probot.log.info('readiness app: shutting down after running jobs finish');
    void Promise.all([server.close(), queue.idle()]).then(() => process.exit(0));
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
  return server;
}

function loadDotEnv(): void {
  try {
    process.loadEnvFile('.env');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}
