import type { Rule } from '../../rule.js';
import { serverWorkers } from './server-workers.js';

/** Rules of the server family (application servers and job workers), in catalogue order. */
export const serverRules: Rule[] = [serverWorkers];
