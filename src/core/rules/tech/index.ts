import type { Rule } from '../../rule.js';
import { techComponentIntegrated } from './tech-component-integrated.js';
import { techRedisDirective } from './tech-redis-directive.js';

/** Rules of the tech family, in catalogue order. */
export const techRules: Rule[] = [techComponentIntegrated, techRedisDirective];
