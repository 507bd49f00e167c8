#!/usr/bin/env node
import { createRequire as __readinessCreateRequire } from 'node:module';
const require = __readinessCreateRequire(import.meta.url);
import {
  package_default
} from "./chunks/chunk-M7IIKQCB.js";
import {
  UserError
} from "./chunks/chunk-DO4GF7LR.js";
import "./chunks/chunk-LGCBDMQP.js";

// src/cli/args.ts
import { parseArgs } from "node:util";
var FORMATS = ["text", "markdown", "json", "sarif"];
var UsageError = class extends UserError {
};
var USAGE = `Usage:
  readiness check [DIR] [--format text|markdown|json|sarif] [--gate pr|release]
                        [--base GIT_REF] [--config FILE] [--checklist GLOB]... [--no-color]
  readiness init [DIR] [--template web-service|kubernetes-service|library-cli] [--force]
  readiness rules [--format text|markdown|json]
  readiness --version | --help

Exit status: 0 gate passed \xB7 1 gate failed \xB7 2 usage, config or input error.`;
function oneOf(value, allowed, flag, fallback) {
  if (value === void 0) return fallback;
  if (allowed.includes(value)) return value;
  throw new UsageError(`${flag} must be one of ${allowed.join(", ")} (got "${value}")`);
}
function parseCommand(argv, isTty) {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        format: { type: "string" },
        gate: { type: "string" },
        base: { type: "string" },
        config: { type: "string" },
        checklist: { type: "string", multiple: true },
        template: { type: "string" },
        force: { type: "boolean" },
        "no-color": { type: "boolean" },
        version: { type: "boolean", short: "v" },
        help: { type: "boolean", short: "h" }
      }
    });
  } catch (error) {
    throw new UsageError(error.message);
  }
  const { values, positionals } = parsed;
  if (values.version) return { kind: "version" };
  if (values.help || positionals.length === 0) return { kind: "help" };
  const [command, ...rest] = positionals;
  if (rest.length > 1) throw new UsageError(`unexpected argument "${rest[1]}"`);
  const dir = rest[0] ?? ".";
  switch (command) {
    case "check": {
      const command2 = {
        kind: "check",
        dir,
        format: oneOf(values.format, FORMATS, "--format", "text"),
        gate: oneOf(values.gate, ["pr", "release"], "--gate", "pr"),
        checklists: values.checklist ?? [],
        color: isTty && !values["no-color"] && !process.env.NO_COLOR
      };
      if (values.base) command2.base = values.base;
      if (values.config) command2.config = values.config;
      return command2;
    }
    case "init":
      return {
        kind: "init",
        dir,
        template: values.template ?? "web-service",
        force: Boolean(values.force)
      };
    case "rules":
      return {
        kind: "rules",
        format: oneOf(
          values.format,
          ["text", "markdown", "json"],
          "--format",
          "text"
        )
      };
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

// src/cli/main.ts
async function main(argv) {
  const command = parseCommand(argv, Boolean(process.stdout.isTTY));
  switch (command.kind) {
    case "version":
      process.stdout.write(`${package_default.version}
`);
      return 0;
    case "help":
      process.stdout.write(`${USAGE}
`);
      return 0;
    case "check":
      return (await import("./chunks/check-K77LWGB6.js")).check(command);
    case "init":
      return (await import("./chunks/init-472PV26B.js")).init(command);
    case "rules":
      return (await import("./chunks/catalogue-2EYRFC2Y.js")).printRules(command.format);
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
    if (error instanceof UsageError) process.stderr.write(`readiness: ${error.message}

${USAGE}
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
