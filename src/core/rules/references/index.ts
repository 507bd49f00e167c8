import type { Rule } from '../../rule.js';
import { envAllDocumented } from './env-all-documented.js';
import { envVarUsed } from './env-var-used.js';
import { httpRouteServed } from './http-route-served.js';
import { refClassFile } from './ref-class-file.js';
import { refMakeTarget } from './ref-make-target.js';
import { refNpmScript } from './ref-npm-script.js';
import { refPathExists } from './ref-path-exists.js';

/** Rules of the references family, in catalogue order. */
export const referencesRules: Rule[] = [
  refPathExists,
  refNpmScript,
  refMakeTarget,
  refClassFile,
  envVarUsed,
  envAllDocumented,
  httpRouteServed,
];
