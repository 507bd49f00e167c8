import type { Rule } from '../../rule.js';
import { secretsNoEnvFile } from './secrets-no-env-file.js';
import { secretsNoneCommitted } from './secrets-none-committed.js';

/** Rules of the secrets family, in catalogue order. */
export const secretsRules: Rule[] = [secretsNoneCommitted, secretsNoEnvFile];
