import { describe, expect, it } from 'vitest';

describe('cart', () => {
  it('adds', () => expect(1 + 1).toBe(2));
});
