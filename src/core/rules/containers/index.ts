import type { Rule } from '../../rule.js';

/** Rules of the containers family, in catalogue order. */
export const containersRules: Rule[] = [];
