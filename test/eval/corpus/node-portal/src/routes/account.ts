import { Router } from 'express';

export const accountRouter = Router();
accountRouter.get('/me', (_req, res) => res.json({ id: 'me' }));
