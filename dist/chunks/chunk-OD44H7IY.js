import { createRequire as __readinessCreateRequire } from 'node:module';
const require = __readinessCreateRequire(import.meta.url);

// src/core/formats/any-literal.ts
function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
function anyLiteral(literals, flags) {
  return new RegExp(
    [...literals].sort((a, b) => b.length - a.length).map(escapeRegExp).join("|"),
    flags
  );
}

// src/core/formats/folders.ts
var DEPENDENCY_FOLDERS = [
  "node_modules",
  "vendor",
  "third_party",
  "bower_components",
  "deps",
  ".venv",
  "venv",
  "site-packages"
];
var GENERATED_FOLDERS = [
  "dist",
  "build",
  "out",
  ".next",
  ".nuxt",
  ".svelte-kit",
  "target",
  "coverage",
  "_build",
  "__pycache__"
];
var VCS_FOLDERS = [".git"];
function inFolders(names, flags = "") {
  const escaped = names.map(escapeRegExp);
  return new RegExp(`(?:^|\\/)(?:${escaped.join("|")})\\/`, flags);
}
var VENDORED_OR_GENERATED = inFolders([...DEPENDENCY_FOLDERS, ...GENERATED_FOLDERS, ...VCS_FOLDERS]);
var NOT_THIS_PROJECT = inFolders(
  ["node_modules", "vendor", ".git", "fixtures", "fixture", "__fixtures__", "testdata"],
  "i"
);

export {
  anyLiteral,
  inFolders,
  VENDORED_OR_GENERATED,
  NOT_THIS_PROJECT
};
//# sourceMappingURL=chunk-OD44H7IY.js.map
