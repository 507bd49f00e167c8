import assert from 'node:assert/strict';
import { test } from 'node:test';

test('orders router exports a router', async () => {
  const { ordersRouter } = await import('../src/orders.js');
  assert.equal(typeof ordersRouter, 'function');
});
