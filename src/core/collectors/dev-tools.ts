// Configuration of the development tools in the catalogue: their own config files (by path),
// sections of shared files that configure them (`[tool.ruff]`, `"eslintConfig"`), and where the
// files that set a project up (manifests, CI, Makefiles, hooks, scripts) name them at all.

import type { Collector, RepoView } from '../evidence.js';
import { NOT_THIS_PROJECT, VENDORED_OR_GENERATED } from '../formats/folders.js';
import { isCiDefinition, roleOf } from '../formats/project-files.js';
import { DEV_TOOLS } from './dev-tools/catalogue.js';

export type { DevTool } from './dev-tools/catalogue.js';
export { DEV_TOOLS } from './dev-tools/catalogue.js';

export interface DevToolPlace {
  path: string;
  line: number;
}

export interface DevToolEvidence {
  /** Per tool id: its config files. */
  configFiles: Map<string, string[]>;
  /** Per tool id: sections of shared files that configure it. */
  sections: Map<string, DevToolPlace[]>;
  /** Per tool id: non-comment lines naming it, with whether the file is CI configuration. */
  mentions: Map<string, (DevToolPlace & { ci: boolean })[]>;
  /** Per tool id: comment lines naming it (`# eslint-disable`): not configuration, but not absence either. */
  comments: Map<string, DevToolPlace[]>;
  /** How many set-up files were searched, to say so when a tool is named in none. */
  scanned: number;
}

/** Files that set a project's tooling up besides manifests and CI. */
const SETUP_FILE =
  /(^|\/)(Makefile|GNUmakefile|[\w.-]+\.mk|justfile|Justfile|Taskfile\.ya?ml|tox\.ini|noxfile\.py|setup\.cfg|\.pre-commit-config\.ya?ml|\.?lefthook\.ya?ml|Dockerfile[\w.-]*|[\w.-]+\.dockerfile)$|(^|\/)\.husky\/[^/]+$|(^|\/)(scripts?|bin|tools|hack)\/[^/]+\.(sh|bash|ps1|mjs|js|py)$/;
const COMMENT = /^\s*(?:\/\/|#|\/\*|\*|--|;|<!--)/;
const ANY = new RegExp(DEV_TOOLS.map((tool) => `(?:${tool.trace.source})`).join('|'), 'i');

type Found = [id: string, line: number, kind: 'mention' | 'comment' | 'section'];

/** Lines naming each tool (first mention and first comment) and the sections configuring it. */
export function devToolsIn(text: string, path: string): Found[] {
  const found: Found[] = [];
  for (const tool of DEV_TOOLS) {
    for (const [file, section] of tool.sections ?? []) {
      if (!file.test(path)) continue;
      const match = section.exec(text);
      if (match) found.push([tool.id, text.slice(0, match.index).split('\n').length, 'section']);
    }
  }
  if (!ANY.test(text)) return found;
  const seen = new Set<string>();
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] as string;
    if (!ANY.test(line)) continue;
    const kind = COMMENT.test(line) ? 'comment' : 'mention';
    for (const tool of DEV_TOOLS) {
      const key = `${tool.id} ${kind}`;
      if (seen.has(key) || !tool.trace.test(line)) continue;
      seen.add(key);
      found.push([tool.id, index + 1, kind]);
    }
  }
  return found;
}

export function isDevToolSetupFile(path: string): boolean {
  if (VENDORED_OR_GENERATED.test(path) || NOT_THIS_PROJECT.test(path)) return false;
  return isCiDefinition(path) || SETUP_FILE.test(path) || roleOf(path) === 'manifest';
}

export const devToolsCollector: Collector<DevToolEvidence> = {
  id: 'dev-tools',
  async collect(repo: RepoView): Promise<DevToolEvidence> {
    const configFiles = new Map<string, string[]>();
    for (const tool of DEV_TOOLS) {
      const files = repo.files.filter(
        (path) => tool.files.test(path) && !VENDORED_OR_GENERATED.test(path) && !NOT_THIS_PROJECT.test(path),
      );
      if (files.length) configFiles.set(tool.id, files);
    }
    const paths = repo.files.filter(isDevToolSetupFile);
    const perFile = await repo.perFiles('dev-tools', paths, (text, index) =>
      devToolsIn(text, paths[index] as string),
    );
    const sections = new Map<string, DevToolPlace[]>();
    const mentions = new Map<string, (DevToolPlace & { ci: boolean })[]>();
    const comments = new Map<string, DevToolPlace[]>();
    let scanned = 0;
    perFile.forEach((found, index) => {
      if (!found) return;
      scanned += 1;
      const path = paths[index] as string;
      for (const [id, line, kind] of found) {
        if (kind === 'section') push(sections, id, { path, line });
        else if (kind === 'comment') push(comments, id, { path, line });
        else push(mentions, id, { path, line, ci: isCiDefinition(path) });
      }
    });
    return { configFiles, sections, mentions, comments, scanned };
  },
};

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key) ?? [];
  list.push(value);
  map.set(key, list);
}
