import type { Rule } from '../../rule.js';
import { codePatternApplied } from './code-pattern-applied.js';

/** Rules of the code family, in catalogue order. */
export const codeRules: Rule[] = [codePatternApplied];
