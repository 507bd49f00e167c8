// Collecting evidence is separate from judging it: collectors read and parse files once
// per revision; rules only look at what collectors produced and never do I/O.

import picomatch from 'picomatch';
import type { Config } from './config.js';
import type { RepoReader } from './repo.js';

/** Read-only view of one revision with every read cached, shared by all collectors. */
export interface RepoView {
  readonly revision: string;
  /** Tracked files, sorted. */
  readonly files: readonly string[];
  /** Text of a file (tracked or not), cached; null when absent or skipped. */
  read(path: string): Promise<string | null>;
  /** Whether a tracked file exists at exactly this path. */
  has(path: string): boolean;
  /** Whether some tracked file lives under this folder. */
  hasDir(path: string): boolean;
  /** Tracked files with this base name (`Dockerfile` → every Dockerfile), from an index built once. */
  named(basename: string): readonly string[];
}

export interface Collector<T> {
  /** Unique, kebab-case: `docker`, `workflows`, `package-json`. */
  id: string;
  /** Reads and parses; must not throw on malformed files (record them as unparsable instead). */
  collect(repo: RepoView, config: Config): Promise<T>;
  /** Files read but not understood (invalid YAML, alias bombs), so the report can name them. */
  unparsable?(result: T): { path: string; reason: string }[];
}

/** @param exclude files never used as evidence or checklists (config `exclude`). */
export async function createRepoView(reader: RepoReader, exclude: readonly string[] = []): Promise<RepoView> {
  const excluded = exclude.length ? picomatch(exclude as string[], { dot: true }) : null;
  const listed = await reader.listFiles();
  const files = excluded ? listed.filter((file) => !excluded(file)) : listed;
  const fileSet = new Set(files);
  const dirs = new Set<string>();
  for (const file of files) {
    let slash = file.lastIndexOf('/');
    while (slash > 0) {
      const dir = file.slice(0, slash);
      if (dirs.has(dir)) break;
      dirs.add(dir);
      slash = dir.lastIndexOf('/');
    }
  }
  const cache = new Map<string, Promise<string | null>>();
  let byName: Map<string, string[]> | undefined;
  return {
    named(basename) {
      if (!byName) {
        byName = new Map();
        for (const file of files) {
          const name = file.slice(file.lastIndexOf('/') + 1);
          const list = byName.get(name);
          if (list) list.push(file);
          else byName.set(name, [file]);
        }
      }
      return byName.get(basename) ?? [];
    },
    revision: reader.revision,
    files,
    has: (path) => fileSet.has(path),
    hasDir: (path) => dirs.has(path.replace(/\/+$/, '')),
    read(path) {
      let pending = cache.get(path);
      if (!pending) {
        pending = reader.readFile(path);
        cache.set(path, pending);
      }
      return pending;
    },
  };
}

/** Runs each collector at most once per revision. */
export class EvidenceStore {
  private readonly results = new Map<string, Promise<unknown>>();
  private readonly settled = new Map<string, unknown>();
  private readonly loaded = new Set<Collector<unknown>>();

  constructor(
    readonly repo: RepoView,
    readonly config: Config,
  ) {}

  async load(collectors: Iterable<Collector<unknown>>): Promise<void> {
    const pending: Promise<unknown>[] = [];
    for (const collector of collectors) {
      let result = this.results.get(collector.id);
      if (!result) {
        result = collector.collect(this.repo, this.config).then((value) => {
          this.settled.set(collector.id, value);
          return value;
        });
        this.results.set(collector.id, result);
      }
      pending.push(result);
      this.loaded.add(collector);
    }
    await Promise.all(pending);
  }

  /** Files the loaded collectors could read but not parse, with the collector's reason. */
  unparsable(): { path: string; reason: string }[] {
    const found: { path: string; reason: string }[] = [];
    for (const collector of this.loaded) {
      for (const file of collector.unparsable?.(this.settled.get(collector.id)) ?? []) {
        found.push({ path: file.path, reason: `not parsed as ${collector.id} evidence: ${file.reason}` });
      }
    }
    return found;
  }

  /** Synchronous access for rules; the engine loads every collector a rule needs first. */
  get<T>(collector: Collector<T>): T {
    if (!this.settled.has(collector.id)) {
      throw new Error(`collector "${collector.id}" was used by a rule that did not list it in needs`);
    }
    return this.settled.get(collector.id) as T;
  }
}

/** Folder a checklist speaks about ('' for the repository root). */
export function scopeOf(checklistPath: string): string {
  const slash = checklistPath.lastIndexOf('/');
  if (slash < 0) return '';
  const dir = checklistPath.slice(0, slash);
  // A checklist under docs/ speaks about the project that holds docs/, not docs/ itself.
  return dir.replace(/(^|\/)(docs?|documentation|\.github)(\/.*)?$/i, '');
}

/** Whether a path lies in a scope folder ('' contains everything). */
export function inScope(path: string, scope: string): boolean {
  return scope === '' || path === scope || path.startsWith(`${scope}/`);
}

/** Candidates for a path named in a checklist: the checklist's folder first, then the root. */
export function candidatePaths(path: string, scope: string): string[] {
  const clean = path.replace(/^\.\//, '').replace(/\/+$/, '');
  return scope === '' ? [clean] : [`${scope}/${clean}`, clean];
}
