import { createRequire as __readinessCreateRequire } from 'node:module';
const require = __readinessCreateRequire(import.meta.url);
import {
  external_exports
} from "./chunk-57UTU52B.js";
import {
  CONFIG_PATH,
  CONFIG_PATHS,
  DEFAULT_CONFIG
} from "./chunk-5QRNVHAB.js";
import {
  didYouMean
} from "./chunk-YUWN3NXE.js";
import {
  UserError
} from "./chunk-SA333BNF.js";
import {
  MAX_ALIASES,
  require_dist
} from "./chunk-NFAWFCN6.js";
import "./chunk-NIWGLF44.js";
import {
  __toESM
} from "./chunk-LGCBDMQP.js";

// src/config/load-config.ts
var import_yaml = __toESM(require_dist(), 1);
import { readFileSync } from "node:fs";

// src/core/config.ts
var allowEntry = external_exports.object({
  path: external_exports.string().optional().describe("glob of files the entry applies to"),
  pattern: external_exports.string().optional().describe("literal text or /regex/ of the value to allow"),
  reason: external_exports.string().min(1).describe("why this is not a secret (required)")
}).strict().refine((entry) => entry.path || entry.pattern, { message: "give a path or a pattern" });
var configSchema = external_exports.object({
  checklists: external_exports.array(external_exports.string()).optional().describe("globs of checklist files (replace the default patterns)"),
  exclude: external_exports.array(external_exports.string()).default([]).describe("globs of files never read as checklists or evidence"),
  "release-branches": external_exports.array(external_exports.string()).default(["release/**"]).describe("branches gated in release mode"),
  optional: external_exports.array(external_exports.string()).default([]).describe("item ids that never fail the release gate"),
  rules: external_exports.object({
    disable: external_exports.array(external_exports.string()).default([]).describe("rule ids never applied")
  }).strict().default({ disable: [] }),
  coverage: external_exports.object({
    paths: external_exports.array(external_exports.string()).default([]).describe("coverage reports to read, relative to the repository"),
    threshold: external_exports.number().min(0).max(100).optional().describe("default threshold when an item names none")
  }).strict().default({ paths: [] }),
  secrets: external_exports.object({
    allow: external_exports.array(allowEntry).default([]).describe("findings that are not secrets, each with a reason")
  }).strict().default({ allow: [] })
}).strict();
var DEFAULT_CONFIG2 = DEFAULT_CONFIG;
var ConfigError = class extends UserError {
};
function parseConfig(raw, source) {
  const result = configSchema.safeParse(raw ?? {});
  if (result.success) return result.data;
  const problems = result.error.issues.map(
    (issue) => `  - ${issue.path.join(".") || "(top level)"}: ${issue.message}`
  );
  throw new ConfigError(
    `${source} is not valid readiness configuration:
${problems.join("\n")}
Fix the keys above; schema/readiness-config.schema.json lists every key.`
  );
}

// src/config/load-config.ts
function configFromText(text, source) {
  return parseConfigText(text, source).config;
}
function parseConfigText(text, source) {
  let raw;
  try {
    raw = (0, import_yaml.parse)(text, { maxAliasCount: MAX_ALIASES.config });
  } catch (error) {
    throw new ConfigError(`${source} is not valid YAML: ${yamlProblem(error)}`);
  }
  try {
    return { raw, config: parseConfig(raw, source) };
  } catch (error) {
    const hints = error instanceof ConfigError ? unknownKeyHints(raw, configSchema) : [];
    if (hints.length === 0) throw error;
    throw new ConfigError(`${error.message}
${hints.join("\n")}`);
  }
}
function yamlProblem(error) {
  if (!(error instanceof import_yaml.YAMLParseError)) return String(error?.message ?? error);
  const [head = "", ...excerpt] = error.message.split("\n");
  const reason = head.replace(/ at line \d+, column \d+:$/, "");
  const where = error.linePos ? `line ${error.linePos[0].line}, column ${error.linePos[0].col}: ` : "";
  const context = excerpt.filter((line) => line.trim() !== "").map((line) => `  | ${line}`);
  return `${where}${reason}${context.length ? `
${context.join("\n")}` : ""}`;
}
function unknownKeyHints(raw, schema, path = []) {
  let inner = schema;
  while (inner instanceof external_exports.ZodDefault || inner instanceof external_exports.ZodOptional) inner = inner.unwrap();
  if (inner instanceof external_exports.ZodArray && Array.isArray(raw))
    return raw.flatMap(
      (entry, index) => unknownKeyHints(entry, inner.element, [...path, String(index)])
    );
  if (!(inner instanceof external_exports.ZodObject) || raw === null || typeof raw !== "object" || Array.isArray(raw))
    return [];
  const shape = inner.shape;
  const known = Object.keys(shape);
  return Object.entries(raw).flatMap(([key, value]) => {
    const at = [...path, key];
    const child = shape[key];
    if (child) return unknownKeyHints(value, child, at);
    const where = path.length ? ` under ${path.join(".")}` : "";
    const suggestion = didYouMean(key, known, (name) => `"${name}"`);
    return [`  "${key}" is not a key${where}.${suggestion || ` Keys here: ${known.join(", ")}.`}`];
  });
}
function configFromFile(path) {
  let text;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new ConfigError(
      `cannot read config ${path}: ${error.code ?? error}. Check the --config path.`
    );
  }
  return configFromText(text, path);
}
async function loadConfig(reader, options = {}) {
  const [ownRead, orgRead] = await Promise.allSettled([
    readConfigFile(reader),
    options.defaults ? readConfigFile(options.defaults) : void 0
  ]);
  if (ownRead.status === "rejected") throw ownRead.reason;
  if (orgRead.status === "rejected") throw orgRead.reason;
  const [own, org] = [ownRead.value, orgRead.value];
  const sources = [org?.source, own?.source].filter((source) => source !== void 0);
  const ownFile = own !== void 0;
  if (!org) return { config: own?.config ?? DEFAULT_CONFIG2, sources, ownFile };
  const merged = { ...asObject(org.raw), ...asObject(own?.raw) };
  return { config: parseConfig(merged, sources.join(" over ")), sources, ownFile };
}
async function readConfigFile(reader) {
  for (const path of CONFIG_PATHS) {
    const text = await reader.readFile(path);
    if (text === null) continue;
    const source = `${path} at ${reader.revision}`;
    return { ...parseConfigText(text, source), source };
  }
  return void 0;
}
function asObject(raw) {
  return raw ?? {};
}
export {
  CONFIG_PATH,
  configFromFile,
  configFromText,
  loadConfig,
  unknownKeyHints,
  yamlProblem
};
//# sourceMappingURL=load-config-G4PT4YLK.js.map
