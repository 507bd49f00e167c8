// Which tracked files are checklists. Default: Markdown whose name mentions readiness,
// checklist, launch or production, anywhere but dependency, vendored and generated folders.

import picomatch from 'picomatch';
import { VENDORED_OR_GENERATED } from './formats/folders.js';

export const DEFAULT_CHECKLIST_NAME = /(readiness|checklist|launch|production)[^/]*\.(md|markdown)$/i;

/** Folders whose files are never the project's own checklists or evidence. */
export const IGNORED_DIR = VENDORED_OR_GENERATED;

/** How one revision looked for checklists, and which files matched (with or without task items). */
export interface ChecklistDiscovery {
  /** `option`: --checklist or the Action's `checklists` input; `config`: `checklists:` in the config. */
  source: 'default' | 'config' | 'option';
  /** The globs used; empty for the default name rule. */
  globs: readonly string[];
  /** How many files were listed (tracked files, in git). */
  files: number;
  matched: readonly string[];
}

/**
 * Why no checklist was evaluated, and how to fix it. `untracked`: files that would have matched
 * but git does not track (only the work tree can tell).
 */
export function describeNoChecklist(
  discovery: ChecklistDiscovery,
  untracked: readonly string[] = [],
  skipped: readonly { path: string; reason: string }[] = [],
): string {
  const unreadable = skipped.filter((file) => discovery.matched.includes(file.path));
  const lines: string[] = [];
  const where =
    discovery.source === 'default'
      ? 'Markdown files named *readiness*, *checklist*, *launch* or *production* (outside dependency, vendored and generated folders)'
      : `files matching ${discovery.globs.map((glob) => `\`${glob}\``).join(', ')} (${discovery.source === 'option' ? 'from --checklist' : 'from `checklists:` in the config'})`;
  lines.push(
    `No checklist found: looked for ${where} among ${discovery.files} ${discovery.files === 1 ? 'file' : 'files'} listed.`,
  );
  for (const file of unreadable)
    lines.push(`\`${file.path}\` matched but could not be read: ${file.reason}.`);
  const empty = discovery.matched.filter((path) => !unreadable.some((file) => file.path === path));
  if (empty.length > 0) {
    const shown = empty
      .slice(0, 5)
      .map((path) => `\`${path}\``)
      .join(', ');
    const more = empty.length > 5 ? ` and ${empty.length - 5} more` : '';
    const verb = empty.length === 1 ? 'holds' : 'hold';
    lines.push(`${shown}${more} matched but ${verb} no task items (\`- [ ]\` or \`- [x]\` lines).`);
  }
  if (untracked.length > 0) {
    const shown = untracked
      .slice(0, 5)
      .map((path) => `\`${path}\``)
      .join(', ');
    lines.push(
      `Found but not tracked by git: ${shown}. Only tracked files are checked: \`git add ${untracked.slice(0, 5).join(' ')}\` and run again.`,
    );
  } else if (discovery.source === 'default') {
    lines.push(
      'Add a checklist with such a name (`readiness init` writes one), list it under `checklists:` in .github/readiness.yml, or pass --checklist GLOB.',
    );
  } else {
    lines.push('Fix the glob, or remove it to use the default names.');
  }
  return lines.join('\n');
}

export interface DiscoverOptions {
  /** Globs that replace the default name patterns (from --checklist or config). */
  globs?: readonly string[];
}

export function discoverChecklists(files: readonly string[], options: DiscoverOptions = {}): string[] {
  if (options.globs?.length) {
    const wanted = picomatch(options.globs as string[], { dot: true, nocase: true });
    return files.filter((file) => wanted(file));
  }
  const basename = (file: string) => file.slice(file.lastIndexOf('/') + 1);
  return files.filter((file) => DEFAULT_CHECKLIST_NAME.test(basename(file)) && !IGNORED_DIR.test(file));
}
