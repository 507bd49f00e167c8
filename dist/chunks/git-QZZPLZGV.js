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
} from "./chunk-EYVA7OFI.js";
import "./chunk-QJ2LBZGW.js";
export {
  GitError,
  git,
  gitArgs,
  gitEnv,
  isGitWorkTree,
  splitNul,
  startEarly
};
//# sourceMappingURL=git-QZZPLZGV.js.map
