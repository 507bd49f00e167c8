import type { Rule } from '../../rule.js';

/** Rules of the kubernetes family, in catalogue order. */
export const kubernetesRules: Rule[] = [];
