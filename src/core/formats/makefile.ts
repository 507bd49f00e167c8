// Makefiles as plainly as make reads them: targets, their prerequisites and recipes, and the
// default goal. Variables are not expanded and includes are not followed: the repository is
// never run, only read.

export interface Makefile {
  /** The default goal: the first target that is not special (`.PHONY`). */
  first?: string;
  targets: Map<string, { prerequisites: string[]; recipe: string }>;
}

/** Targets and recipes of a Makefile, as plainly as make reads them; variables are not expanded. */
export function parseMakefile(text: string): Makefile {
  const makefile: Makefile = { targets: new Map() };
  let current: { prerequisites: string[]; recipe: string } | undefined;
  for (const line of text.replace(/\\\r?\n/g, ' ').split(/\r?\n/)) {
    if (line.startsWith('\t')) {
      if (current) current.recipe += `${line.trim().replace(/^[@+-]+/, '')}\n`;
      continue;
    }
    const rule = /^([A-Za-z0-9_./%-]+(?:\s+[A-Za-z0-9_./%-]+)*)\s*:(?!=)\s*([^;#]*)/.exec(line);
    if (!rule) {
      if (line.trim() && !line.startsWith('#')) current = undefined;
      continue;
    }
    current = { prerequisites: (rule[2] ?? '').split(/\s+/).filter(Boolean), recipe: '' };
    for (const name of (rule[1] ?? '').split(/\s+/)) {
      makefile.targets.set(name, current);
      if (!makefile.first && !name.startsWith('.') && !name.includes('%')) makefile.first = name;
    }
  }
  return makefile;
}
