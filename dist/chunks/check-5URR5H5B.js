import { createRequire as __readinessCreateRequire } from 'node:module';
const require = __readinessCreateRequire(import.meta.url);
import {
  STATUS_LABEL,
  STATUS_ORDER,
  VERDICT_MARK,
  countsLine,
  declaredLine,
  defaultCacheDir,
  gateLine,
  itemsWithStatus,
  location,
  plainInline,
  plural,
  provenLine,
  renderJson,
  renderMarkdown,
  renderSarif,
  runCheck
} from "./chunk-NQJKBIRH.js";
import {
  package_default
} from "./chunk-QR2IVVWA.js";
import "./chunk-OX62ZKPL.js";
import "./chunk-E5TQZZ6Y.js";
import "./chunk-ACFAP3QR.js";
import "./chunk-OD44H7IY.js";
import "./chunk-5QRNVHAB.js";
import {
  UserError
} from "./chunk-SA333BNF.js";
import "./chunk-LGCBDMQP.js";

// src/cli/check.ts
import { existsSync, statSync } from "node:fs";

// src/core/render/text.ts
var SGR = { bold: 1, dim: 2, red: 31, green: 32, yellow: 33, blue: 34, magenta: 35 };
var STATUS_STYLE = {
  unbacked: "red",
  unmet: "yellow",
  inconclusive: "magenta",
  satisfied: "blue",
  verified: "green",
  manual: "dim"
};
var VERDICT_STYLE = { pass: "green", fail: "red", unknown: "yellow" };
var EVIDENCE_SHOWN = 3;
function renderText(report, options) {
  const paint = (style, text) => options.color ? `\x1B[${SGR[style]}m${text}\x1B[0m` : text;
  const lines = [];
  if (report.diff) {
    const { base, entries } = report.diff;
    lines.push(paint("bold", `Changes against ${plainInline(base, 40)}`));
    const regressedKeys = new Set(entries.regressed.map((change) => `${change.path}\0${change.id}`));
    const changes = [
      ["regressed", entries.regressed],
      ["added", entries.added.filter((change) => !regressedKeys.has(`${change.path}\0${change.id}`))],
      ["fixed", entries.fixed],
      ["removed", entries.removed]
    ];
    for (const [kind, list] of changes) {
      for (const change of list) {
        const transition = `${change.before ?? "new"} \u2192 ${change.after ?? "removed"}`;
        lines.push(
          `  ${kind.padEnd(9)}  ${location(plainInline(change.path), change.line)}  ${plainInline(change.text)}  (${transition})`
        );
      }
    }
    if (changes.every(([, list]) => list.length === 0)) lines.push("  no changes");
    lines.push("");
  }
  for (const status of STATUS_ORDER) {
    const located = itemsWithStatus(report, status);
    if (!located.length) continue;
    lines.push(
      paint(STATUS_STYLE[status], paint("bold", `${STATUS_LABEL[status].toUpperCase()} (${located.length})`))
    );
    for (const { path, item } of located) {
      lines.push(`  ${location(plainInline(path), item.line)}  ${plainInline(item.text)}`);
      for (const check2 of item.checks) {
        const mark = paint(VERDICT_STYLE[check2.verdict], VERDICT_MARK[check2.verdict]);
        lines.push(
          `    ${mark}  ${plainInline(check2.rule, 80)}  ${plainInline(check2.message)}${evidenceSuffix(check2)}`
        );
      }
    }
    lines.push("");
  }
  lines.push(`${plural(report.summary.items, "item")}: ${countsLine(report.summary)}`);
  const declared = declaredLine(report, (text) => plainInline(text, 120));
  lines.push(paint("bold", provenLine(report.score)) + (declared ? ` \xB7 ${declared}` : ""));
  const gate = gateLine(report);
  lines.push(report.gate.passed ? paint("green", gate) : paint("red", paint("bold", gate)));
  for (const failure of report.gate.failures) {
    lines.push(`  ${location(plainInline(failure.path), failure.line)}  ${plainInline(failure.reason)}`);
  }
  if (report.skipped.length) {
    const names = report.skipped.map((file) => `${plainInline(file.path)} (${plainInline(file.reason, 80)})`);
    lines.push(paint("dim", `skipped ${plural(report.skipped.length, "file")}: ${names.join(", ")}`));
  }
  for (const note of report.notes) lines.push(paint("dim", `note: ${plainInline(note)}`));
  return `${lines.join("\n")}
`;
}
function evidenceSuffix(check2) {
  if (!check2.evidence.length) return "";
  const shown = check2.evidence.slice(0, EVIDENCE_SHOWN).map((ref) => location(plainInline(ref.path), ref.line));
  const more = check2.evidence.length > EVIDENCE_SHOWN ? ` +${check2.evidence.length - EVIDENCE_SHOWN} more` : "";
  return `  (evidence ${shown.join(", ")}${more})`;
}

// src/cli/check.ts
async function check(command) {
  if (!existsSync(command.dir) || !statSync(command.dir).isDirectory()) {
    throw new UserError(
      `${command.dir} is not a folder. Pass the repository to check: readiness check path/to/repo`
    );
  }
  const options = {
    dir: command.dir,
    mode: command.gate,
    checklists: command.checklists
  };
  if (command.base) options.base = command.base;
  if (command.config) options.configPath = command.config;
  if (command.cacheDir !== null) {
    options.cache = {
      dir: command.cacheDir ?? defaultCacheDir(),
      warn: (message) => process.stderr.write(`readiness: warning: ${message}
`)
    };
  }
  const report = await runCheck(options);
  const output = command.format === "json" ? renderJson(report) : command.format === "sarif" ? renderSarif(report, {
    toolVersion: package_default.version,
    rules: (await import("./rules-Y4HI3ETT.js")).RULES
  }) : command.format === "markdown" ? renderMarkdown(report, {}) : renderText(report, { color: command.color });
  process.stdout.write(output.endsWith("\n") ? output : `${output}
`);
  return report.gate.passed ? 0 : 1;
}
export {
  check
};
//# sourceMappingURL=check-5URR5H5B.js.map
