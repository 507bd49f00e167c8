import type { Rule } from '../../rule.js';

/** Rules of the secrets family, in catalogue order. */
export const secretsRules: Rule[] = [];
