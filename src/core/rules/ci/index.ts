// The ci.* rules, in catalogue order.

import type { Rule } from '../../rule.js';
import { ciBuild } from './ci-build.js';
import { ciDeployWorkflow } from './ci-deploy-workflow.js';
import { ciLint } from './ci-lint.js';
import { ciPipelinePresent } from './ci-pipeline-present.js';
import { ciSecurityScan } from './ci-security-scan.js';
import { ciTestsOnPr } from './ci-tests-on-pr.js';
import { ciTypecheck } from './ci-typecheck.js';

export const ciRules: Rule[] = [
  ciPipelinePresent,
  ciTestsOnPr,
  ciLint,
  ciTypecheck,
  ciBuild,
  ciSecurityScan,
  ciDeployWorkflow,
];
