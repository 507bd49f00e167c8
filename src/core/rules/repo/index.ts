// The repo.* rules, in catalogue order.

import type { Rule } from '../../rule.js';
import { repoCodeowners } from './repo-codeowners.js';
import { repoDevToolConfigured } from './repo-dev-tool-configured.js';

export const repoRules: Rule[] = [repoCodeowners, repoDevToolConfigured];
