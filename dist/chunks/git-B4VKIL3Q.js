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
} from "./chunk-E5TQZZ6Y.js";
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
//# sourceMappingURL=git-B4VKIL3Q.js.map
