import { createRequire as __readinessCreateRequire } from 'node:module';
const require = __readinessCreateRequire(import.meta.url);
import {
  DEFAULT_CHECKLIST_NAME,
  IGNORED_DIR,
  describeNoChecklist,
  discoverChecklists
} from "./chunk-YQVV5T6P.js";
import "./chunk-L3F6WUPF.js";
import "./chunk-NIWGLF44.js";
import "./chunk-LGCBDMQP.js";
export {
  DEFAULT_CHECKLIST_NAME,
  IGNORED_DIR,
  describeNoChecklist,
  discoverChecklists
};
//# sourceMappingURL=discover-ELKARIGG.js.map
