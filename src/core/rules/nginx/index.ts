import type { Rule } from '../../rule.js';
import { nginxSetting } from './nginx-setting.js';

/** Rules of the nginx family, in catalogue order. */
export const nginxRules: Rule[] = [nginxSetting];
