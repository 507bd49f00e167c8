// The tests.* rules, in catalogue order.

import type { Rule } from '../../rule.js';
import { testsE2e } from './tests-e2e.js';
import { testsIntegration } from './tests-integration.js';
import { testsLoad } from './tests-load.js';
import { testsNamedUnits } from './tests-named-units.js';
import { testsToolUsed } from './tests-tool-used.js';
import { testsUnit } from './tests-unit.js';

export const testsRules: Rule[] = [
  testsUnit,
  testsIntegration,
  testsE2e,
  testsLoad,
  testsToolUsed,
  testsNamedUnits,
];
