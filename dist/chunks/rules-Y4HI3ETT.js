import { createRequire as __readinessCreateRequire } from 'node:module';
const require = __readinessCreateRequire(import.meta.url);
import {
  RULES,
  findRule
} from "./chunk-RN332EIL.js";
import "./chunk-ACFAP3QR.js";
import "./chunk-OD44H7IY.js";
import "./chunk-NFAWFCN6.js";
import "./chunk-NIWGLF44.js";
import "./chunk-LGCBDMQP.js";
export {
  RULES,
  findRule
};
//# sourceMappingURL=rules-Y4HI3ETT.js.map
