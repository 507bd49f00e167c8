import type { Rule } from '../../rule.js';
import { techComponentIntegrated } from './tech-component-integrated.js';

/** Rules of the tech family, in catalogue order. */
export const techRules: Rule[] = [techComponentIntegrated];
