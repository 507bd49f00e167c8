import type { Rule } from '../../rule.js';
import { paasSetting } from './paas-setting.js';

/** Rules of the paas family, in catalogue order. */
export const paasRules: Rule[] = [paasSetting];
