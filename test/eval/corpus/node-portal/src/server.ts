import * as Sentry from '@sentry/node';
import cors from 'cors';
import express from 'express';
import rateLimit from 'express-rate-limit';
import { accountRouter } from './routes/account.js';

Sentry.init({ dsn: process.env.SENTRY_DSN });

const app = express();
app.use(cors({ origin: process.env.CORS_ORIGIN?.split(',') }));
app.use(rateLimit({ windowMs: 60_000, limit: 120 }));
app.get('/api/health', (_req, res) => res.json({ ok: true }));
app.use('/api/account', accountRouter);
Sentry.setupExpressErrorHandler(app);

app.listen(Number(process.env.PORT ?? 3000));
