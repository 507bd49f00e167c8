// The repo.* rules, in catalogue order.

import type { Rule } from '../../rule.js';
import { repoCodeowners } from './repo-codeowners.js';

export const repoRules: Rule[] = [repoCodeowners];
