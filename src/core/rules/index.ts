// The catalogue: every rule, grouped by family. Each family folder owns its index.

import type { Rule } from '../rule.js';
import { ciRules } from './ci/index.js';
import { containersRules } from './containers/index.js';
import { kubernetesRules } from './kubernetes/index.js';
import { nginxRules } from './nginx/index.js';
import { referencesRules } from './references/index.js';
import { secretsRules } from './secrets/index.js';
import { signalsRules } from './signals/index.js';
import { techRules } from './tech/index.js';
import { testsRules } from './tests/index.js';

export const RULES: readonly Rule[] = [
  ...referencesRules,
  ...containersRules,
  ...ciRules,
  ...testsRules,
  ...kubernetesRules,
  ...secretsRules,
  ...signalsRules,
  ...techRules,
  ...nginxRules,
];

export function findRule(id: string): Rule | undefined {
  return RULES.find((rule) => rule.id === id);
}
