// The compose.* rules, in catalogue order.

import type { Rule } from '../../rule.js';
import { composeFilePresent } from './compose-file-present.js';
import { composeHealthchecks } from './compose-healthchecks.js';
import { composeOverrideFiles } from './compose-override-files.js';
import { composeResourceLimits } from './compose-resource-limits.js';
import { composeRestartPolicy } from './compose-restart-policy.js';
import { composeVolumes } from './compose-volumes.js';

export const composeRules: Rule[] = [
  composeFilePresent,
  composeHealthchecks,
  composeOverrideFiles,
  composeResourceLimits,
  composeRestartPolicy,
  composeVolumes,
];
