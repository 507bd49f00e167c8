// The deps.* rules, in catalogue order.

import type { Rule } from '../../rule.js';
import { depsDeclaredVersion } from './deps-declared-version.js';
import { depsUpdateBot } from './deps-update-bot.js';

export const depsRules: Rule[] = [depsUpdateBot, depsDeclaredVersion];
