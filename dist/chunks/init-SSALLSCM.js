import { createRequire as __readinessCreateRequire } from 'node:module';
const require = __readinessCreateRequire(import.meta.url);
import {
  UserError
} from "./chunk-SA333BNF.js";
import "./chunk-LGCBDMQP.js";

// src/cli/init.ts
import { existsSync as existsSync2, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join as join2 } from "node:path";

// src/cli/package-files.ts
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
function packageDir() {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "package.json")) || !existsSync(join(dir, "templates"))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error("cannot find the readiness package folder (templates/ is missing)");
    dir = parent;
  }
  return dir;
}
function templatesDir() {
  return join(packageDir(), "templates");
}

// src/cli/init.ts
var CHECKLIST_FILE = "PRODUCTION_READINESS.md";
function templateNames() {
  return readdirSync(templatesDir()).filter((name) => name.endsWith(".md")).map((name) => name.slice(0, -3)).sort();
}
function init(command) {
  const names = templateNames();
  if (!names.includes(command.template)) {
    throw new UserError(`no template "${command.template}"; choose one of: ${names.join(", ")}`);
  }
  const target = join2(command.dir, CHECKLIST_FILE);
  if (existsSync2(target) && !command.force) {
    throw new UserError(`${target} already exists; pass --force to overwrite it`);
  }
  mkdirSync(command.dir, { recursive: true });
  writeFileSync(target, readFileSync(join2(templatesDir(), `${command.template}.md`), "utf8"));
  process.stdout.write(
    `wrote ${target} from the ${command.template} template; run: readiness check ${command.dir}
`
  );
  return 0;
}
export {
  CHECKLIST_FILE,
  init,
  templateNames
};
//# sourceMappingURL=init-SSALLSCM.js.map
