import { createRequire as __readinessCreateRequire } from 'node:module';
const require = __readinessCreateRequire(import.meta.url);
import {
  UserError
} from "./chunk-SA333BNF.js";

// src/adapters/git.ts
import { execFile } from "node:child_process";
var SAFE_CONFIG = ["-c", "core.fsmonitor=false", "-c", "core.hooksPath=/dev/null", "-c", "core.pager=cat"];
function gitEnv() {
  return { ...process.env, GIT_TERMINAL_PROMPT: "0", GIT_OPTIONAL_LOCKS: "0", LC_ALL: "C" };
}
function gitArgs(dir, args) {
  return ["-C", dir, ...SAFE_CONFIG, ...args];
}
var early = /* @__PURE__ */ new Map();
var keyOf = (dir, args) => `${dir}\0${args.join("\0")}`;
function startEarly(dir, commands) {
  for (const args of commands) {
    const pending = run(dir, args);
    pending.catch(() => void 0);
    early.set(keyOf(dir, args), pending);
  }
}
function git(dir, args) {
  const key = keyOf(dir, args);
  const started = early.get(key);
  if (started) {
    early.delete(key);
    return started;
  }
  return run(dir, args);
}
function run(dir, args) {
  return new Promise((resolve, reject) => {
    execFile(
      "git",
      gitArgs(dir, args),
      { env: gitEnv(), encoding: "buffer", maxBuffer: 1024 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) {
          const message = stderr.toString().trim() || error.message;
          const code = typeof error.code === "number" ? error.code : void 0;
          reject(new GitError(`git ${args.join(" ")} failed: ${message}`, code));
        } else resolve(stdout);
      }
    );
  });
}
var GitError = class extends UserError {
  /** Git's exit status, when it ran and exited (`git config` says "no match" with 1). */
  constructor(message, exitCode) {
    super(message);
    this.exitCode = exitCode;
  }
  exitCode;
};
var workTrees = /* @__PURE__ */ new Map();
function isGitWorkTree(dir) {
  let known = workTrees.get(dir);
  if (!known) {
    known = git(dir, ["rev-parse", "--is-inside-work-tree"]).then(
      (out) => out.toString().trim() === "true",
      () => false
    );
    workTrees.set(dir, known);
  }
  return known;
}
function splitNul(buffer) {
  return buffer.toString("utf8").split("\0").filter(Boolean);
}

export {
  gitEnv,
  gitArgs,
  startEarly,
  git,
  GitError,
  isGitWorkTree,
  splitNul
};
//# sourceMappingURL=chunk-E5TQZZ6Y.js.map
