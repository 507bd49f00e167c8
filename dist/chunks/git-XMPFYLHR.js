import { createRequire as __readinessCreateRequire } from 'node:module';
const require = __readinessCreateRequire(import.meta.url);
import {
  GitError,
  git,
  gitArgs,
  gitEnv,
  isGitWorkTree,
  splitNul,
  startEarly
} from "./chunk-2LGQBAY4.js";
import "./chunk-SA333BNF.js";
import "./chunk-LGCBDMQP.js";
export {
  GitError,
  git,
  gitArgs,
  gitEnv,
  isGitWorkTree,
  splitNul,
  startEarly
};
//# sourceMappingURL=git-XMPFYLHR.js.map
