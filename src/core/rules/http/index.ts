// The http.* rules, in catalogue order.

import type { Rule } from '../../rule.js';
import { httpRouteServed } from './http-route-served.js';

export const httpRules: Rule[] = [httpRouteServed];
