// The coverage.* rules, in catalogue order.

import type { Rule } from '../../rule.js';
import { coverageAboveThreshold } from './coverage-above-threshold.js';
import { coverageThresholdConfigured } from './coverage-threshold-configured.js';

export const coverageRules: Rule[] = [coverageAboveThreshold, coverageThresholdConfigured];
