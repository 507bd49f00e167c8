// The env.* rules, in catalogue order.

import type { Rule } from '../../rule.js';
import { envAllDocumented } from './env-all-documented.js';
import { envVarUsed } from './env-var-used.js';

export const envRules: Rule[] = [envVarUsed, envAllDocumented];
