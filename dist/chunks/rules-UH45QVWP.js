import { createRequire as __readinessCreateRequire } from 'node:module';
const require = __readinessCreateRequire(import.meta.url);
import {
  RULES,
  findRule
} from "./chunk-RNHYTF62.js";
import "./chunk-T45FX366.js";
import "./chunk-LGCBDMQP.js";
export {
  RULES,
  findRule
};
//# sourceMappingURL=rules-UH45QVWP.js.map
