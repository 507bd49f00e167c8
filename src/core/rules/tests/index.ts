import type { Rule } from '../../rule.js';

/** Rules of the tests family, in catalogue order. */
export const testsRules: Rule[] = [];
