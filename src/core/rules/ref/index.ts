// The ref.* rules, in catalogue order.

import type { Rule } from '../../rule.js';
import { refClassFile } from './ref-class-file.js';
import { refMakeTarget } from './ref-make-target.js';
import { refNpmScript } from './ref-npm-script.js';
import { refPathExists } from './ref-path-exists.js';

export const refRules: Rule[] = [refPathExists, refNpmScript, refMakeTarget, refClassFile];
