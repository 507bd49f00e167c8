// The one Makefile parser: targets, their prerequisites and recipes, the default goal, and where
// each target is declared, as plainly as make reads them. Variables are not expanded and
// includes are not followed: the repository is never run, only read. The workflows collector
// follows recipes through it; the makefiles collector lists the declared targets.

export interface MakeRule {
  prerequisites: string[];
  recipe: string;
}

/** A target name as written in a rule or a `.PHONY` list, with the line that declares it. */
export interface MakeTargetDeclaration {
  name: string;
  /** 1-based line where the rule (or `.PHONY` list) starts. */
  line: number;
  /** That line, trimmed and cut to 160 characters. */
  excerpt: string;
}

export interface Makefile {
  /** The default goal: the first plainly named target that is not special (`.PHONY`) or a pattern. */
  first?: string;
  /** Rules by plainly named target (letters, digits, `_./%-`); computed names (`$(BIN)`) are left out. */
  targets: Map<string, MakeRule>;
  /** Every literal target name declared, in file order: rule heads and `.PHONY` lists, no special or computed names. */
  declared: MakeTargetDeclaration[];
  /** Targets cannot all be listed statically: the file includes others, or has pattern rules or computed names. */
  open: boolean;
}

/** Lines longer than this are generated: not read as rules. */
const MAX_RULE_LINE = 5000;
/** A rule line: target names, then `:` or `::` that is not an assignment (`:=`, `::=`). */
const RULE_LINE = /^([^\t#:=][^:=]*?)\s*::?(?![=])(.*)$/;
const ASSIGNMENT = /^[\w.-]+\s*(?:\?|:|::|\+|!)?=/;
const PLAIN_NAME = /^[A-Za-z0-9_./%-]+$/;
const OPEN = /^-?include\s|^[^\t#=%$\n]*[%$][^=\n]*::?(?!=)/m;

export function parseMakefile(text: string): Makefile {
  const makefile: Makefile = { targets: new Map(), declared: [], open: OPEN.test(text) };
  let current: MakeRule | undefined;
  const lines = text.split(/\r?\n/);
  for (let index = 0; index < lines.length; index++) {
    const first = lines[index] as string;
    const lineNumber = index + 1;
    // A backslash at the end of a line continues it (a long prerequisite or `.PHONY` list).
    let line = first;
    while (line.endsWith('\\') && index + 1 < lines.length) line = `${line.slice(0, -1)} ${lines[++index]}`;
    if (line.startsWith('\t')) {
      if (current) current.recipe += `${line.trim().replace(/^[@+-]+/, '')}\n`;
      continue;
    }
    const rule = line.length > MAX_RULE_LINE || ASSIGNMENT.test(line) ? null : RULE_LINE.exec(line);
    if (!rule) {
      if (line.trim() && !line.startsWith('#')) current = undefined;
      continue;
    }
    const head = (rule[1] ?? '').trim();
    const rest = rule[2] ?? '';
    const names = head.split(/\s+/);
    const excerpt = first.trim().slice(0, 160);
    const listed = head.startsWith('.PHONY') ? rest.split(/\s+/) : names;
    for (const name of listed)
      if (name && !name.startsWith('.') && !/[$%()]/.test(name))
        makefile.declared.push({ name, line: lineNumber, excerpt });
    // Only rules whose every target is plainly named have a recipe make would run by that name.
    if (/^\s/.test(first) || !names.every((name) => PLAIN_NAME.test(name))) {
      current = undefined;
      continue;
    }
    current = { prerequisites: (rest.split(/[;#]/)[0] ?? '').split(/\s+/).filter(Boolean), recipe: '' };
    for (const name of names) {
      makefile.targets.set(name, current);
      if (!makefile.first && !name.startsWith('.') && !name.includes('%')) makefile.first = name;
    }
  }
  return makefile;
}
