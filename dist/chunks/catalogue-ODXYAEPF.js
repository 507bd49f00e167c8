import { createRequire as __readinessCreateRequire } from 'node:module';
const require = __readinessCreateRequire(import.meta.url);
import {
  RULES
} from "./chunk-GRVTPAZ5.js";
import "./chunk-QJ2LBZGW.js";

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
      ""
    );
  }
  return lines.join("\n");
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
//# sourceMappingURL=catalogue-ODXYAEPF.js.map
