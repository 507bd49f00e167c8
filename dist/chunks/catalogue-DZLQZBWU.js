import { createRequire as __readinessCreateRequire } from 'node:module';
const require = __readinessCreateRequire(import.meta.url);
import {
  RULES
} from "./chunk-RN332EIL.js";
import "./chunk-ACFAP3QR.js";
import "./chunk-OD44H7IY.js";
import "./chunk-NFAWFCN6.js";
import "./chunk-NIWGLF44.js";
import "./chunk-LGCBDMQP.js";

// src/cli/catalogue.ts
function catalogueMarkdown() {
  const lines = [
    "# Rules",
    "",
    "<!-- Generated from the rules' own metadata by `npm run docs`; do not edit by hand. -->",
    "",
    `${RULES.length} rules. Bind an item to one explicitly with \`<!-- readiness: RULE-ID -->\` on the item's line;`,
    "opt an item out with `<!-- readiness: manual -->` or mark it `<!-- readiness: optional -->`.",
    "",
    "| rule | checks |",
    "|---|---|",
    ...RULES.map((rule) => `| [\`${rule.id}\`](#${rule.id.replace(/\./g, "")}) | ${rule.title} |`),
    ""
  ];
  for (const rule of RULES) {
    lines.push(
      `## ${rule.id}`,
      "",
      `**${rule.title}**`,
      "",
      `- Why it matters: ${rule.why}`,
      `- Recognises: ${rule.recognises}`,
      `- How to fix a failure: ${rule.fix}`,
      `- Matches, for example: ${rule.examples.match.map((text) => `\`${text.replace(/`/g, "'")}\``).join(" \xB7 ")}`,
      "",
      ...verdictLines(rule)
    );
  }
  return lines.join("\n");
}
function verdictLines(rule) {
  const examples = rule.examples.verdicts ?? [];
  if (!examples.length) return [];
  const lines = ["Verdicts, for example:", ""];
  for (const example of examples) {
    const files = Object.entries(example.files);
    lines.push(
      `- \`${example.verdict}\` for \`- [x] ${example.item.replace(/`/g, "'")}\`${files.length ? " over:" : " in an empty repository"}`
    );
    for (const [path, text] of files) {
      const fence = text.includes("```") ? "~~~~" : "```";
      lines.push(
        "",
        `  \`${path}\`:`,
        "",
        `  ${fence}`,
        ...text.replace(/\n$/, "").split("\n").map((line) => line ? `  ${line}` : ""),
        `  ${fence}`
      );
    }
    lines.push("");
  }
  return lines;
}
function printRules(format) {
  if (format === "markdown") process.stdout.write(catalogueMarkdown());
  else if (format === "json") {
    const rows = RULES.map(({ id, title, why, fix, recognises, examples }) => ({
      id,
      title,
      why,
      fix,
      recognises,
      examples
    }));
    process.stdout.write(`${JSON.stringify(rows, null, 2)}
`);
  } else {
    const width = Math.max(...RULES.map((rule) => rule.id.length), 4);
    for (const rule of RULES) process.stdout.write(`${rule.id.padEnd(width)}  ${rule.title}
`);
  }
  return 0;
}
export {
  catalogueMarkdown,
  printRules
};
//# sourceMappingURL=catalogue-DZLQZBWU.js.map
