import Fastify from 'fastify';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import { z } from 'zod';

const app = Fastify({ logger: true });
await app.register(helmet);
await app.register(rateLimit, { max: 100, timeWindow: '1 minute' });

const Cart = z.object({ sku: z.string(), qty: z.number().int().positive() });

app.get('/healthz', async () => ({ ok: true }));
app.post('/cart', async (req) => Cart.parse(req.body));

const close = async () => {
  await app.close();
  process.exit(0);
};
process.on('SIGTERM', close);

await app.listen({ port: Number(process.env.API_PORT ?? 3000), host: '0.0.0.0' });
