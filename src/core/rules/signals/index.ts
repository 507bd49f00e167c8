import type { Rule } from '../../rule.js';

/** Rules of the signals family, in catalogue order. */
export const signalsRules: Rule[] = [];
