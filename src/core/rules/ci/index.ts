import type { Rule } from '../../rule.js';
import { ciBuild } from './ci-build.js';
import { ciLint } from './ci-lint.js';
import { ciTestsOnPr } from './ci-tests-on-pr.js';
import { ciTypecheck } from './ci-typecheck.js';

/** Rules of the ci family, in catalogue order. */
export const ciRules: Rule[] = [ciTestsOnPr, ciLint, ciTypecheck, ciBuild];
