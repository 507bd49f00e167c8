// The secrets.* rules, in catalogue order.

import type { Rule } from '../../rule.js';
import { secretsNoEnvFile } from './secrets-no-env-file.js';
import { secretsNoneCommitted } from './secrets-none-committed.js';
import { secretsScanningConfigured } from './secrets-scanning-configured.js';

export const secretsRules: Rule[] = [secretsNoneCommitted, secretsNoEnvFile, secretsScanningConfigured];
