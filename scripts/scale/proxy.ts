// A small round-robin load balancer on 127.0.0.1, standing in for the one an organisation puts in
// front of its replicas. Each delivery goes to the next replica in turn on a fresh connection; a
// replica that refuses the connection (stopped, or shutting down) is skipped for the next one, as
// a load balancer's "next upstream on connect error" does. A request a replica has received is
// never sent to a second one.

import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RoundRobinProxy {
  url: string;
  /** Requests each replica answered, in the order the replicas were given. */
  answered: number[];
  /** Connections a replica refused, after which the next replica took the request. */
  skipped: number;
  close(): Promise<void>;
}

export async function startRoundRobinProxy(
  replicas: { host: string; port: number }[],
): Promise<RoundRobinProxy> {
  let turn = 0;
  const proxy: RoundRobinProxy = {
    url: '',
    answered: replicas.map(() => 0),
    skipped: 0,
    close: async () => {},
  };
  const server: Server = createServer(async (request, response) => {
    const body = await readAll(request);
    const first = turn++ % replicas.length;
    for (let attempt = 0; attempt < replicas.length; attempt++) {
      const index = (first + attempt) % replicas.length;
      const replica = replicas[index] as { host: string; port: number };
      try {
        const answer = await forward(replica, request, body);
        proxy.answered[index] = (proxy.answered[index] ?? 0) + 1;
        response.writeHead(answer.status, answer.headers);
        response.end(answer.body);
        return;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ECONNREFUSED') {
          response.writeHead(502, { 'content-type': 'text/plain' }).end(`replica failed: ${String(error)}\n`);
          return;
        }
        proxy.skipped++;
      }
    }
    response.writeHead(503, { 'content-type': 'text/plain' }).end('no replica accepted the connection\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  proxy.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return proxy;
}

function forward(
  replica: { host: string; port: number },
  incoming: IncomingMessage,
  body: Buffer,
): Promise<{ status: number; headers: Record<string, string>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const headers = { ...incoming.headers, host: `${replica.host}:${replica.port}`, connection: 'close' };
    const outgoing = httpRequest(
      {
        host: replica.host,
        port: replica.port,
        method: incoming.method,
        path: incoming.url,
        headers,
        agent: false,
      },
      (answer) => {
        readAll(answer).then(
          (text) =>
            resolve({
              status: answer.statusCode ?? 502,
              headers: { 'content-type': String(answer.headers['content-type'] ?? 'text/plain') },
              body: text,
            }),
          reject,
        );
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
