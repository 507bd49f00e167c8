// Collecting evidence is separate from judging it: collectors read and parse files once
// per revision; rules only look at what collectors produced and never do I/O.

import picomatch from 'picomatch';
import type { Config } from './config.js';
import { type FileMemo, SKIPPED_KIND } from './memo.js';
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
  /**
   * `compute(text)` for one file, remembered for the run by the file's content: when the other
   * revision of a PR check holds the same content, its result is reused and the file is not
   * read again. Null when the file cannot be read. `kind` names the computation (collector id).
   */
  perFile<T>(kind: string, path: string, compute: (text: string) => T): Promise<T | null>;
  /**
   * perFile for many files, results in the order of `paths`. What is remembered is looked up
   * first without waiting; the rest is read a few files at a time.
   */
  perFiles<T>(
    kind: string,
    paths: readonly string[],
    compute: (text: string, index: number) => T,
  ): Promise<(T | null)[]>;
  /** Facts that follow from a path alone, remembered for the run. */
  perPath<T>(kind: string, path: string, compute: () => T): T;
}

/** What the collectors a collector `needs` found in the same revision. */
export interface CollectedFacts {
  get<T>(collector: Collector<T>): T;
}

export interface Collector<T> {
  /** Unique, kebab-case: `docker`, `workflows`, `package-json`. */
  id: string;
  /**
   * Collectors whose facts this one builds on, collected first in the same revision, so two
   * collectors never decide the same question (which manifests exist) in two ways.
   */
  needs?: readonly Collector<unknown>[];
  /**
   * Reads and parses; must not throw on malformed files (record them as unparsable instead).
   * `facts.get(collector)` gives what a collector listed in `needs` found.
   */
  collect(repo: RepoView, config: Config, facts: CollectedFacts): Promise<T>;
  /** Files read but not understood (invalid YAML, alias bombs), so the report can name them. */
  unparsable?(result: T): { path: string; reason: string }[];
}

/** Reads in flight at once: enough to overlap I/O for async readers without a burst of open files. */
const CONCURRENT_READS = 16;

/**
 * @param exclude files never used as evidence or checklists (config `exclude`).
 * @param memo per-file results to share with another revision evaluated with the same config.
 */
export async function createRepoView(
  reader: RepoReader,
  exclude: readonly string[] = [],
  memo?: FileMemo,
): Promise<RepoView> {
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
  const perFile: RepoView['perFile'] = memo
    ? remembered(memo)
    : async (_kind, path, compute) => {
        const text = await read(path);
        return text === null ? null : compute(text);
      };
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
    read,
    perFile,
    perPath: (kind, path, compute) => (memo ? memo.perPath(kind, path, compute) : compute()),
    async perFiles(kind, paths, compute) {
      const results: unknown[] = new Array(paths.length);
      const misses: number[] = [];
      for (let index = 0; index < paths.length; index++) {
        const path = paths[index] as string;
        const id = memo ? reader.contentId?.(path) : undefined;
        const known = id !== undefined ? memo?.find(kind, path, id) : undefined;
        if (known) {
          results[index] = known.value;
          if (known.value === null) replaySkip(path, id);
        } else misses.push(index);
      }
      let next = 0;
      const worker = async () => {
        while (next < misses.length) {
          const index = misses[next++] as number;
          const path = paths[index] as string;
          results[index] = await perFile(kind, path, (text) => compute(text, index));
        }
      };
      await Promise.all(Array.from({ length: Math.min(CONCURRENT_READS, misses.length) }, worker));
      return results as (ReturnType<typeof compute> | null)[];
    },
  };

  /** perFile through the memo: reuse what another revision computed for the same content. */
  function remembered(memo: FileMemo): RepoView['perFile'] {
    return async (kind, path, compute) => {
      const before = reader.contentId?.(path);
      if (before !== undefined) {
        const known = memo.find(kind, path, before);
        if (known) {
          if (known.value === null) replaySkip(path, before);
          return known.value as ReturnType<typeof compute> | null;
        }
      }
      const text = await read(path);
      // A work tree learns a file's id by reading it (the stat must match the index).
      const id = before ?? reader.contentId?.(path);
      if (text === null) {
        if (id !== undefined) {
          // Kept between runs only with the reason it was skipped: a later run that reuses the
          // null must still report the file as skipped, or its report would differ from a cold one.
          const reason = reader.skipReason?.(path);
          memo.remember(kind, path, id, undefined, null, reason !== undefined);
          if (reason !== undefined) memo.remember(SKIPPED_KIND, path, id, undefined, reason);
        }
        return null;
      }
      const known = memo.find(kind, path, id, text);
      if (known) return known.value as ReturnType<typeof compute>;
      const value = compute(text);
      memo.remember(kind, path, id, text, value);
      return value;
    };
  }

  /** A file known unreadable from the memo is still reported as skipped, with its reason. */
  function replaySkip(path: string, id: string | undefined): void {
    const reason = id !== undefined ? memo?.find(SKIPPED_KIND, path, id)?.value : undefined;
    if (typeof reason === 'string') reader.noteSkipped?.(path, reason);
  }

  function read(path: string): Promise<string | null> {
    let pending = cache.get(path);
    if (!pending) {
      pending = reader.readFile(path);
      cache.set(path, pending);
    }
    return pending;
  }
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
    await Promise.all([...collectors].map((collector) => this.collect(collector)));
  }

  /** A collector's result, its `needs` collected first (a cycle is impossible: it would be an import cycle). */
  private collect(collector: Collector<unknown>): Promise<unknown> {
    let result = this.results.get(collector.id);
    if (!result) {
      const needs = collector.needs ?? [];
      const facts: CollectedFacts = { get: (needed) => this.get(needed) };
      result = Promise.all(needs.map((needed) => this.collect(needed)))
        .then(() => collector.collect(this.repo, this.config, facts))
        .then((value) => {
          this.settled.set(collector.id, value);
          return value;
        });
      this.results.set(collector.id, result);
    }
    this.loaded.add(collector);
    return result;
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

  /** Synchronous access for rules and collectors; every collector they need is loaded first. */
  get<T>(collector: Collector<T>): T {
    if (!this.settled.has(collector.id)) {
      throw new Error(
        `collector "${collector.id}" was used by a rule or collector that did not list it in needs`,
      );
    }
    return this.settled.get(collector.id) as T;
  }
}

/** One collector's evidence for a revision, with what it needs collected first (tests, tools). */
export async function collectEvidence<T>(
  collector: Collector<T>,
  repo: RepoView,
  config: Config,
): Promise<T> {
  const store = new EvidenceStore(repo, config);
  await store.load([collector as Collector<unknown>]);
  return store.get(collector);
}

/** Folder a checklist speaks about ('' for the repository root). */
export function scopeOf(checklistPath: string, files?: readonly string[]): string {
  const slash = checklistPath.lastIndexOf('/');
  if (slash < 0) return '';
  // A checklist under docs/ speaks about the project that holds docs/, not docs/ itself.
  let scope = checklistPath.slice(0, slash).replace(/(^|\/)(docs?|documentation|\.github)(\/.*)?$/i, '');
  // Likewise a folder of documents only (reports/, archive/2026-03/): its checklist describes
  // the project around it, the nearest folder up that holds code or configuration.
  if (!files || !scope || holdsProject(scope, files)) return scope;
  // Climbing out, an archive or examples folder on the way up is not the project either
  // (archive/reports-2026/ describes the project at the root, not archive/'s old copies).
  do {
    const up = scope.lastIndexOf('/');
    scope = up < 0 ? '' : scope.slice(0, up);
  } while (scope && (isNonProductionPath(`${scope}/`) || !holdsProject(scope, files)));
  return scope;
}

/** Whether a folder holds code or configuration, not only documents. */
function holdsProject(scope: string, files: readonly string[]): boolean {
  return files.some((path) => inScope(path, scope) && !DOCUMENT.test(path));
}

/** Files that describe a project rather than make it up: documents, and reports tools wrote (coverage profiles, logs). */
const DOCUMENT =
  /\.(md|markdown|mdx|txt|rst|adoc|pdf|png|jpe?g|gif|svg|webp|html?|csv|docx?|pptx?|xlsx?|out|log|prof)$|(^|\/)coverage[\w-]*$/i;

/**
 * Folders whose files do not speak for production unless an item cites them: retired,
 * example, sample and demo copies, and local-cluster overlays.
 */
const NON_PRODUCTION =
  /(^|\/)(archive[sd]?|deprecated|old|legacy|examples?|samples?|demos?|sandbox|playground|fixtures?|testdata|kind|minikube|local|dev)(\/|$)/i;

export function isNonProductionPath(path: string): boolean {
  return NON_PRODUCTION.test(path);
}

/** Whether a path lies in a scope folder ('' contains everything). */
export function inScope(path: string, scope: string): boolean {
  return scope === '' || path === scope || path.startsWith(`${scope}/`);
}

/**
 * The first of `found` that qualifies, in the checklist's folder first; archived and example
 * copies do not speak for the project unless the checklist lives among them.
 */
export function firstForScope<T extends { path: string }>(
  found: readonly T[],
  scope: string,
  keep: (item: T) => boolean = () => true,
): T | undefined {
  const production = found.filter(
    (item) => keep(item) && (!isNonProductionPath(item.path) || (scope !== '' && inScope(item.path, scope))),
  );
  return production.find((item) => inScope(item.path, scope)) ?? production[0];
}

/** Candidates for a path named in a checklist: the checklist's folder first, then the root. */
export function candidatePaths(path: string, scope: string): string[] {
  const clean = path.replace(/^\.\//, '').replace(/\/+$/, '');
  return scope === '' ? [clean] : [`${scope}/${clean}`, clean];
}
