import type { Rule } from '../../rule.js';

/** Rules of the references family, in catalogue order. */
export const referencesRules: Rule[] = [];
