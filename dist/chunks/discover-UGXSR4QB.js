import { createRequire as __readinessCreateRequire } from 'node:module';
const require = __readinessCreateRequire(import.meta.url);
import {
  DEFAULT_CHECKLIST_NAME,
  IGNORED_DIR,
  describeNoChecklist,
  discoverChecklists
} from "./chunk-EBUTWNOE.js";
import "./chunk-OD44H7IY.js";
import "./chunk-NIWGLF44.js";
import "./chunk-LGCBDMQP.js";
export {
  DEFAULT_CHECKLIST_NAME,
  IGNORED_DIR,
  describeNoChecklist,
  discoverChecklists
};
//# sourceMappingURL=discover-UGXSR4QB.js.map
