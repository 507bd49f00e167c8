import type { Rule } from '../../rule.js';
import { iacTerraformSetting } from './iac-terraform-setting.js';

/** Rules of the iac family (infrastructure as code), in catalogue order. */
export const iacRules: Rule[] = [iacTerraformSetting];
