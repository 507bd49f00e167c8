// The catalogue: every rule, grouped by family. A family is a folder named after its rule id
// prefix (`docker.non-root` is in docker/), with its own index and at most one helper file named
// after it (`docker/docker-evidence.ts`); helpers several families share sit here (unticked.ts).

import type { Rule } from '../rule.js';
import { ciRules } from './ci/index.js';
import { codeRules } from './code/index.js';
import { composeRules } from './compose/index.js';
import { coverageRules } from './coverage/index.js';
import { depsRules } from './deps/index.js';
import { dockerRules } from './docker/index.js';
import { envRules } from './env/index.js';
import { httpRules } from './http/index.js';
import { iacRules } from './iac/index.js';
import { k8sRules } from './k8s/index.js';
import { nginxRules } from './nginx/index.js';
import { paasRules } from './paas/index.js';
import { refRules } from './ref/index.js';
import { repoRules } from './repo/index.js';
import { secretsRules } from './secrets/index.js';
import { serverRules } from './server/index.js';
import { signalsRules } from './signals/index.js';
import { techRules } from './tech/index.js';
import { testsRules } from './tests/index.js';

export const RULES: readonly Rule[] = [
  ...refRules,
  ...envRules,
  ...httpRules,
  ...dockerRules,
  ...composeRules,
  ...ciRules,
  ...depsRules,
  ...repoRules,
  ...testsRules,
  ...coverageRules,
  ...k8sRules,
  ...secretsRules,
  ...signalsRules,
  ...techRules,
  ...codeRules,
  ...nginxRules,
  ...paasRules,
  ...serverRules,
  ...iacRules,
];

export function findRule(id: string): Rule | undefined {
  return RULES.find((rule) => rule.id === id);
}
