import { expect, it } from 'vitest';
import { accountRouter } from '../../src/routes/account.js';

it('exports a router', () => expect(typeof accountRouter).toBe('function'));
