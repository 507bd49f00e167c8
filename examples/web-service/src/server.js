import express from 'express';
import helmet from 'helmet';
import pino from 'pino';
import client from 'prom-client';
import { ordersRouter } from './orders.js';

const logger = pino({ level: process.env.LOG_LEVEL ?? 'info' });
const app = express();
const registry = new client.Registry();
client.collectDefaultMetrics({ register: registry });

app.use(helmet());
app.use(express.json({ limit: '100kb' }));

app.get('/health', (_req, res) => res.json({ status: 'ok' }));

app.get('/metrics', async (_req, res) => {
  res.set('Content-Type', registry.contentType);
  res.end(await registry.metrics());
});

app.use('/orders', ordersRouter);

const port = Number(process.env.PORT ?? 8080);
const server = app.listen(port, () => logger.info({ port }, 'orders-api listening'));

process.on('SIGTERM', () => {
  logger.info('SIGTERM received, draining connections');
  server.close(() => process.exit(0));
});
