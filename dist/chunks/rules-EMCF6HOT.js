import { createRequire as __readinessCreateRequire } from 'node:module';
const require = __readinessCreateRequire(import.meta.url);
import {
  RULES,
  findRule
} from "./chunk-JGBHD2MG.js";
import "./chunk-WWCB33RC.js";
import "./chunk-LGCBDMQP.js";
export {
  RULES,
  findRule
};
//# sourceMappingURL=rules-EMCF6HOT.js.map
