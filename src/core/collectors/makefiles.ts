// Task runners an item can name: Makefile targets (Makefile, GNUmakefile, makefile, *.mk) and
// Elixir mix tasks (aliases in mix.exs, `Mix.Tasks.*` modules).

import type { Collector, RepoView } from '../evidence.js';
import { inFolders } from '../formats/folders.js';
import { parseMakefile } from '../formats/makefile.js';

export interface TaskDeclaration {
  name: string;
  path: string;
  line: number;
  excerpt: string;
}

export interface TaskRunners {
  makefiles: string[];
  makeTargets: TaskDeclaration[];
  /** Makefiles whose targets cannot all be listed statically (pattern rules, includes, computed names). */
  openMakefiles: string[];
  /** mix.exs files found (an Elixir project). */
  mixProjects: string[];
  mixTasks: TaskDeclaration[];
}

const MAKEFILE = /(^|\/)(GNUmakefile|makefile|Makefile|[\w.-]+\.mk)$/;
const SKIPPED = inFolders(['node_modules', 'vendor', 'deps', '_build', '.git']);
const MIX_TASK_MODULE = /defmodule\s+Mix\.Tasks\.([\w.]+)\s/;

export const makefilesCollector: Collector<TaskRunners> = {
  id: 'makefiles',
  async collect(repo: RepoView): Promise<TaskRunners> {
    const out: TaskRunners = {
      makefiles: [],
      makeTargets: [],
      openMakefiles: [],
      mixProjects: [],
      mixTasks: [],
    };
    for (const path of repo.files) {
      if (SKIPPED.test(path)) continue;
      if (MAKEFILE.test(path)) {
        const text = await repo.read(path);
        if (text === null) continue;
        const makefile = parseMakefile(text);
        out.makefiles.push(path);
        out.makeTargets.push(...makefile.declared.map((target) => ({ ...target, path })));
        if (makefile.open) out.openMakefiles.push(path);
      } else if (/(^|\/)mix\.exs$/.test(path)) {
        const text = await repo.read(path);
        if (text === null) continue;
        out.mixProjects.push(path);
        out.mixTasks.push(...mixAliases(path, text));
      } else if (/(^|\/)lib\/mix\/tasks\/.*\.ex$/.test(path)) {
        const text = await repo.read(path);
        const lines = text?.split(/\r\n|\r|\n/) ?? [];
        const index = lines.findIndex((line) => MIX_TASK_MODULE.test(line));
        const module = index >= 0 ? MIX_TASK_MODULE.exec(lines[index] as string)?.[1] : undefined;
        if (module)
          out.mixTasks.push({
            name: mixTaskName(module),
            path,
            line: index + 1,
            excerpt: (lines[index] as string).trim(),
          });
      }
    }
    return out;
  },
};

/** Keys of the `aliases` keyword list: `setup: [...]`, `"ecto.reset": [...]`. */
function mixAliases(path: string, text: string): TaskDeclaration[] {
  const lines = text.split(/\r\n|\r|\n/);
  const start = lines.findIndex((line) => /\bdefp?\s+aliases\b/.test(line));
  if (start < 0) return [];
  const found: TaskDeclaration[] = [];
  for (let i = start + 1; i < lines.length; i++) {
    const line = lines[i] as string;
    if (/^\s*def(p|module)?\s/.test(line)) break;
    for (const match of line.matchAll(/(?:^|[\s[,])(?:"([\w.-]+)"|([a-z_][\w]*)):\s/g)) {
      found.push({
        name: (match[1] ?? match[2]) as string,
        path,
        line: i + 1,
        excerpt: line.trim().slice(0, 160),
      });
    }
  }
  return found;
}

/** `Mix.Tasks.Ecto.Setup` → `ecto.setup`; `Mix.Tasks.DbSeed` → `db_seed`. */
function mixTaskName(module: string): string {
  return module
    .split('.')
    .map((part) => part.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase())
    .join('.');
}
