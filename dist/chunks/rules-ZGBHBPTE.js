import { createRequire as __readinessCreateRequire } from 'node:module';
const require = __readinessCreateRequire(import.meta.url);
import {
  RULES,
  findRule
} from "./chunk-HSL7TBO2.js";
import "./chunk-ACFAP3QR.js";
import "./chunk-L3F6WUPF.js";
import "./chunk-NFAWFCN6.js";
import "./chunk-NIWGLF44.js";
import "./chunk-LGCBDMQP.js";
export {
  RULES,
  findRule
};
//# sourceMappingURL=rules-ZGBHBPTE.js.map
