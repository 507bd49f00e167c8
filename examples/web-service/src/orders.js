import { Router } from 'express';
import { db } from './db.js';

export const ordersRouter = Router();

ordersRouter.get('/:id', async (req, res) => {
  const order = await db.query('SELECT * FROM orders WHERE id = $1', [req.params.id]);
  if (!order) return res.status(404).json({ error: 'not found' });
  res.json(order);
});
