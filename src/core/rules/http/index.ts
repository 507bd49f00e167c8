// The http.* rules, in catalogue order.

import type { Rule } from '../../rule.js';
import { httpHealthEndpoint } from './http-health-endpoint.js';
import { httpRouteServed } from './http-route-served.js';
import { httpSecurityHeaderSet } from './http-security-header-set.js';

export const httpRules: Rule[] = [httpRouteServed, httpHealthEndpoint, httpSecurityHeaderSet];
