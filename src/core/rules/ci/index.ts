import type { Rule } from '../../rule.js';

/** Rules of the ci family, in catalogue order. */
export const ciRules: Rule[] = [];
