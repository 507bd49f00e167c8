#!/usr/bin/env node
import { createRequire as __readinessCreateRequire } from 'node:module';
const require = __readinessCreateRequire(import.meta.url);
import {
  package_default
} from "./chunks/chunk-QR2IVVWA.js";
import {
  didYouMean
} from "./chunks/chunk-YUWN3NXE.js";
import {
  UserError
} from "./chunks/chunk-SA333BNF.js";
import "./chunks/chunk-LGCBDMQP.js";

// src/cli/main.ts
import * as nodeModule from "node:module";
import { resolve } from "node:path";

// src/cli/args.ts
import { parseArgs } from "node:util";
var FORMATS = ["text", "markdown", "json", "sarif"];
var RULES_FORMATS = ["text", "markdown", "json"];
var GATES = ["pr", "release"];
var TEMPLATES = ["web-service", "kubernetes-service", "library-cli"];
var UsageError = class extends UserError {
  /** The command whose usage to print under the message; none prints the overview. */
  constructor(message, topic) {
    super(message);
    this.topic = topic;
  }
  topic;
};
var COMMANDS = {
  check: {
    args: "[DIR]",
    summary: "evaluate the checklists in DIR (default: .) and exit with the gate's verdict",
    options: [
      { name: "format", value: FORMATS.join("|"), help: "output format", default: "text" },
      {
        name: "gate",
        value: GATES.join("|"),
        help: "pr fails only on what the change made worse; release fails on anything unproven",
        default: "pr"
      },
      {
        name: "base",
        value: "GIT_REF",
        help: "compare with this revision, read from git objects, and report the diff",
        default: "no comparison"
      },
      {
        name: "config",
        value: "FILE",
        help: "configuration file",
        default: ".github/readiness.yml in DIR, if present"
      },
      {
        name: "checklist",
        value: "GLOB",
        multiple: true,
        help: "checklist files to read; repeat for more",
        default: "*readiness*.md, *checklist*.md, *launch*.md, *production*.md"
      },
      {
        name: "cache-dir",
        value: "DIR",
        help: "keep per-file results here between runs, so a re-run reads only changed files",
        default: "$XDG_CACHE_HOME/readiness, else ~/.cache/readiness"
      },
      { name: "no-cache", help: "keep nothing between runs", default: "off" },
      {
        name: "no-color",
        help: "plain text output",
        default: "colour when stdout is a terminal and NO_COLOR is unset"
      }
    ],
    examples: [
      "readiness check",
      "readiness check . --base origin/main --format markdown",
      "readiness check path/to/repo --gate release --format json > report.json"
    ]
  },
  init: {
    args: "[DIR]",
    summary: `write a starter checklist to DIR/PRODUCTION_READINESS.md (default DIR: .)`,
    options: [
      {
        name: "template",
        value: TEMPLATES.join("|"),
        help: "which starter checklist",
        default: "web-service"
      },
      { name: "force", help: "overwrite an existing PRODUCTION_READINESS.md", default: "off" }
    ],
    examples: ["readiness init", "readiness init services/api --template kubernetes-service"]
  },
  rules: {
    args: "",
    summary: "list the rules that check items (docs/rules.md is the same list)",
    options: [{ name: "format", value: RULES_FORMATS.join("|"), help: "output format", default: "text" }],
    examples: ["readiness rules", "readiness rules --format json"]
  }
};
var COMMAND_NAMES = Object.keys(COMMANDS);
var GLOBAL_OPTIONS = [
  { name: "help", help: "show help (also: readiness help [COMMAND])" },
  { name: "version", help: "print the version" }
];
var SHORT = { h: "help", v: "version" };
var EXIT_STATUS = "Exit status: 0 gate passed \xB7 1 gate failed \xB7 2 usage, config or input error.";
function wrap(text, indent, width = 92) {
  const lines = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line && indent.length + line.length + 1 + word.length > width) {
      lines.push(indent + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(indent + line);
  return lines;
}
function optionLines(options) {
  return options.flatMap((option) => {
    const notes = [option.multiple ? "repeatable" : "", option.default ? `default: ${option.default}` : ""].filter(Boolean).join("; ");
    return [
      `  --${option.name}${option.value ? ` ${option.value}` : ""}`,
      ...wrap(`${option.help}${notes ? ` (${notes})` : ""}`, "      ")
    ];
  });
}
function overviewHelp() {
  const lines = [
    "readiness: verify production-readiness checklists against repository evidence.",
    "",
    "Usage:",
    ...COMMAND_NAMES.map(
      (name) => `  ${`readiness ${name} ${COMMANDS[name].args}`.padEnd(24)}  ${COMMANDS[name].summary}`
    ),
    `  ${"readiness help [COMMAND]".padEnd(24)}  help for one command (same as readiness COMMAND --help)`,
    `  ${"readiness --version".padEnd(24)}  print the version`
  ];
  for (const name of COMMAND_NAMES)
    lines.push("", `${name} options:`, ...optionLines(COMMANDS[name].options));
  lines.push(
    "",
    "Examples:",
    ...COMMAND_NAMES.flatMap((name) => COMMANDS[name].examples.slice(0, 2).map((example) => `  ${example}`)),
    "",
    EXIT_STATUS
  );
  return lines.join("\n");
}
function commandHelp(name) {
  const spec = COMMANDS[name];
  return [
    `Usage: readiness ${name}${spec.args ? ` ${spec.args}` : ""} [options]`,
    "",
    `${spec.summary[0]?.toUpperCase()}${spec.summary.slice(1)}.`,
    "",
    "Options:",
    ...optionLines([...spec.options, GLOBAL_OPTIONS[0]]),
    "",
    "Examples:",
    ...spec.examples.map((example) => `  ${example}`),
    "",
    EXIT_STATUS
  ].join("\n");
}
function usageLine(topic) {
  if (!topic) return `Usage: readiness check|init|rules ... \u2014 run readiness --help for every option.`;
  const spec = COMMANDS[topic];
  return `Usage: readiness ${topic}${spec.args ? ` ${spec.args}` : ""} [options] \u2014 run readiness ${topic} --help for every option.`;
}
function oneOf(value, allowed, flag, fallback, topic) {
  if (value === void 0) return fallback;
  if (allowed.includes(value)) return value;
  throw new UsageError(
    `${flag} must be one of ${allowed.join(", ")} (got "${value}").${didYouMean(value, allowed, (name) => `"${name}"`)}`,
    topic
  );
}
function commandNamed(word) {
  if (COMMAND_NAMES.includes(word)) return word;
  throw new UsageError(
    `unknown command "${word}".${didYouMean(word, COMMAND_NAMES, (name) => `"${name}"`)} Commands: ${COMMAND_NAMES.join(", ")}.`
  );
}
var ALL_OPTIONS = Object.fromEntries(
  [...COMMAND_NAMES.flatMap((name) => COMMANDS[name].options), ...GLOBAL_OPTIONS].map(
    (option) => [
      option.name,
      { type: option.value ? "string" : "boolean", multiple: Boolean(option.multiple) }
    ]
  )
);
function parseCommand(argv, isTty) {
  const { tokens } = parseArgs({
    args: [...argv],
    options: ALL_OPTIONS,
    allowPositionals: true,
    strict: false,
    tokens: true
  });
  const positionals = tokens.flatMap((token) => token.kind === "positional" ? [token.value] : []);
  const options = tokens.flatMap((token) => token.kind === "option" ? [token] : []);
  const first = positionals[0];
  const names = options.map((option) => SHORT[option.name] ?? option.name);
  if (names.includes("version")) return { kind: "version" };
  if (first === "help") {
    if (positionals.length > 2) throw new UsageError(`unexpected argument "${positionals[2]}"`);
    return positionals[1] === void 0 ? { kind: "help" } : { kind: "help", topic: commandNamed(positionals[1]) };
  }
  const topic = first === void 0 ? void 0 : commandNamed(first);
  if (names.includes("help")) return topic ? { kind: "help", topic } : { kind: "help" };
  if (topic === void 0) {
    const option = options[0];
    if (!option) return { kind: "help" };
    if (!(option.name in ALL_OPTIONS))
      throw new UsageError(
        `unknown option ${option.rawName}.${didYouMean(option.name, Object.keys(ALL_OPTIONS), (n) => `--${n}`)}`
      );
    throw new UsageError(
      `${option.rawName} needs a command first, e.g. readiness check ${option.rawName} ...`
    );
  }
  const spec = COMMANDS[topic];
  const allowed = new Map(
    spec.options.map((option) => [option.name, option])
  );
  const values = /* @__PURE__ */ new Map();
  for (const token of options) {
    const name = SHORT[token.name] ?? token.name;
    const option = allowed.get(name);
    if (!option) {
      const own = [...allowed.keys()];
      const other = COMMAND_NAMES.find(
        (command) => command !== topic && COMMANDS[command].options.some((o) => o.name === name)
      );
      throw new UsageError(
        other ? `${token.rawName} is an option of readiness ${other}, not of readiness ${topic}.` : `unknown option ${token.rawName} for readiness ${topic}.${didYouMean(name, own, (n) => `--${n}`)}`,
        topic
      );
    }
    if (option.value) {
      if (token.value === void 0 || !token.inlineValue && token.value.startsWith("--"))
        throw new UsageError(`${token.rawName} needs a value: ${token.rawName} ${option.value}`, topic);
    } else if (token.value !== void 0) {
      throw new UsageError(`${token.rawName} takes no value (got "${token.value}")`, topic);
    }
    if (values.has(name) && !option.multiple)
      throw new UsageError(`${token.rawName} was given twice; give it once`, topic);
    values.set(name, [...values.get(name) ?? [], token.value ?? "true"]);
  }
  const value = (name) => values.get(name)?.[0];
  const rest = positionals.slice(1);
  const maxArgs = spec.args ? 1 : 0;
  if (rest.length > maxArgs) {
    const extra = rest[maxArgs] ?? "";
    throw new UsageError(
      maxArgs === 0 ? `readiness ${topic} takes no arguments (got "${extra}")` : `unexpected argument "${extra}": readiness ${topic} takes one folder`,
      topic
    );
  }
  const dir = rest[0] ?? ".";
  switch (topic) {
    case "check": {
      const command = {
        kind: "check",
        dir,
        format: oneOf(value("format"), FORMATS, "--format", "text", topic),
        gate: oneOf(value("gate"), GATES, "--gate", "pr", topic),
        checklists: values.get("checklist") ?? [],
        color: isTty && !values.has("no-color") && !process.env.NO_COLOR
      };
      const base = value("base");
      const config = value("config");
      if (base) command.base = base;
      if (config) command.config = config;
      const cacheDir = value("cache-dir");
      if (values.has("no-cache") && cacheDir !== void 0)
        throw new UsageError("--cache-dir and --no-cache contradict each other; pass one of them", topic);
      if (values.has("no-cache")) command.cacheDir = null;
      else if (cacheDir !== void 0) {
        if (!cacheDir) throw new UsageError("--cache-dir needs a folder (or pass --no-cache)", topic);
        command.cacheDir = cacheDir;
      }
      return command;
    }
    case "init":
      return {
        kind: "init",
        dir,
        template: oneOf(value("template"), TEMPLATES, "--template", "web-service", topic),
        force: values.has("force")
      };
    case "rules":
      return { kind: "rules", format: oneOf(value("format"), RULES_FORMATS, "--format", "text", topic) };
  }
}

// src/cli/main.ts
async function startGit(command) {
  const { startEarly } = await import("./chunks/git-B4VKIL3Q.js");
  const dir = resolve(command.dir);
  const commands = [["rev-parse", "--is-inside-work-tree"]];
  if (command.base)
    startEarly(command.dir, [["rev-parse", "--verify", "--end-of-options", `${command.base}^{commit}`]]);
  if (command.cacheDir !== null || command.base) {
    startEarly(dir, commands);
    (await import("./chunks/git-index-FVLPUMUW.js")).GitIndex.startEarly(dir);
  } else startEarly(dir, [...commands, ["ls-files", "-z", "--cached"]]);
}
function keepCompiledCode() {
  try {
    nodeModule.enableCompileCache?.();
  } catch {
  }
}
async function main(argv) {
  const command = parseCommand(argv, Boolean(process.stdout.isTTY));
  switch (command.kind) {
    case "version":
      process.stdout.write(`${package_default.version}
`);
      return 0;
    case "help":
      process.stdout.write(`${command.topic ? commandHelp(command.topic) : overviewHelp()}
`);
      return 0;
    case "check":
      await startGit(command);
      keepCompiledCode();
      return (await import("./chunks/check-5URR5H5B.js")).check(command);
    case "init":
      return (await import("./chunks/init-SSALLSCM.js")).init(command);
    case "rules":
      return (await import("./chunks/catalogue-DZLQZBWU.js")).printRules(command.format);
  }
}
process.stdout.on("error", (error) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw error;
});
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    if (error instanceof UsageError)
      process.stderr.write(`readiness: ${error.message}
${usageLine(error.topic)}
`);
    else if (error instanceof UserError) process.stderr.write(`readiness: ${error.message}
`);
    else
      process.stderr.write(
        `readiness: unexpected error: ${error?.stack ?? error}
Please report this.
`
      );
    process.exitCode = 2;
  }
);
//# sourceMappingURL=cli.js.map
