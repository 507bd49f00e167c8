import { createRequire as __readinessCreateRequire } from 'node:module';
const require = __readinessCreateRequire(import.meta.url);
import {
  VENDORED_OR_GENERATED
} from "./chunk-OD44H7IY.js";
import {
  require_picomatch
} from "./chunk-NIWGLF44.js";
import {
  __toESM
} from "./chunk-LGCBDMQP.js";

// src/core/discover.ts
var import_picomatch = __toESM(require_picomatch(), 1);
var DEFAULT_CHECKLIST_NAME = /(readiness|checklist|launch|production)[^/]*\.(md|markdown)$/i;
var IGNORED_DIR = VENDORED_OR_GENERATED;
function describeNoChecklist(discovery, untracked = [], skipped = []) {
  const unreadable = skipped.filter((file) => discovery.matched.includes(file.path));
  const lines = [];
  const where = discovery.source === "default" ? "Markdown files named *readiness*, *checklist*, *launch* or *production* (outside dependency, vendored and generated folders)" : `files matching ${discovery.globs.map((glob) => `\`${glob}\``).join(", ")} (${discovery.source === "option" ? "from --checklist" : "from `checklists:` in the config"})`;
  lines.push(
    `No checklist found: looked for ${where} among ${discovery.files} ${discovery.files === 1 ? "file" : "files"} listed.`
  );
  for (const file of unreadable)
    lines.push(`\`${file.path}\` matched but could not be read: ${file.reason}.`);
  const empty = discovery.matched.filter((path) => !unreadable.some((file) => file.path === path));
  if (empty.length > 0) {
    const shown = empty.slice(0, 5).map((path) => `\`${path}\``).join(", ");
    const more = empty.length > 5 ? ` and ${empty.length - 5} more` : "";
    const verb = empty.length === 1 ? "holds" : "hold";
    lines.push(`${shown}${more} matched but ${verb} no task items (\`- [ ]\` or \`- [x]\` lines).`);
  }
  if (untracked.length > 0) {
    const shown = untracked.slice(0, 5).map((path) => `\`${path}\``).join(", ");
    lines.push(
      `Found but not tracked by git: ${shown}. Only tracked files are checked: \`git add ${untracked.slice(0, 5).join(" ")}\` and run again.`
    );
  } else if (discovery.source === "default") {
    lines.push(
      "Add a checklist with such a name (`readiness init` writes one), list it under `checklists:` in .github/readiness.yml, or pass --checklist GLOB."
    );
  } else {
    lines.push("Fix the glob, or remove it to use the default names.");
  }
  return lines.join("\n");
}
function discoverChecklists(files, options = {}) {
  if (options.globs?.length) {
    const wanted = (0, import_picomatch.default)(options.globs, { dot: true, nocase: true });
    return files.filter((file) => wanted(file));
  }
  const basename = (file) => file.slice(file.lastIndexOf("/") + 1);
  return files.filter((file) => DEFAULT_CHECKLIST_NAME.test(basename(file)) && !IGNORED_DIR.test(file));
}

export {
  DEFAULT_CHECKLIST_NAME,
  IGNORED_DIR,
  describeNoChecklist,
  discoverChecklists
};
//# sourceMappingURL=chunk-EBUTWNOE.js.map
