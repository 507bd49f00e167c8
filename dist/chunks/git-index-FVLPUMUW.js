import { createRequire as __readinessCreateRequire } from 'node:module';
const require = __readinessCreateRequire(import.meta.url);
import {
  GitIndex,
  lstatOf,
  parseEntries,
  parseIndexFile
} from "./chunk-OX62ZKPL.js";
import "./chunk-E5TQZZ6Y.js";
import "./chunk-SA333BNF.js";
import "./chunk-LGCBDMQP.js";
export {
  GitIndex,
  lstatOf,
  parseEntries,
  parseIndexFile
};
//# sourceMappingURL=git-index-FVLPUMUW.js.map
