import type { Rule } from '../../rule.js';
import { coverageAboveThreshold } from './coverage-above-threshold.js';
import { coverageThresholdConfigured } from './coverage-threshold-configured.js';
import { testsE2e } from './tests-e2e.js';
import { testsIntegration } from './tests-integration.js';
import { testsLoad } from './tests-load.js';
import { testsUnit } from './tests-unit.js';

/** Rules of the tests family, in catalogue order. */
export const testsRules: Rule[] = [
  testsUnit,
  testsIntegration,
  testsE2e,
  testsLoad,
  coverageAboveThreshold,
  coverageThresholdConfigured,
];
