import { createRequire as __readinessCreateRequire } from 'node:module';
const require = __readinessCreateRequire(import.meta.url);
import {
  RULES,
  findRule
} from "./chunk-5CUACU6M.js";
import "./chunk-7HZPLWSI.js";
import "./chunk-LGCBDMQP.js";
export {
  RULES,
  findRule
};
//# sourceMappingURL=rules-CBSK7IT7.js.map
