// Work that depends on one file alone, kept for one check run. A PR's base revision shares
// almost every file with its head, so when both are evaluated with the same memo the base pays
// only for the files the change touched: checklists are not parsed again, and collectors that
// scan source files reuse each unchanged file's findings without reading the file.
// The per-file findings of the source scans can also be kept between runs (see `saved` and
// `preload`), keyed by git blob id: a later run over the same blobs reads none of them.

/** Why a file could not be read (binary, too large), kept so a later run can report it unread. */
export const SKIPPED_KIND = 'skipped';

/** Computations whose per-file results are plain data and may be kept between runs. */
export const PERSISTED_KINDS: ReadonlySet<string> = new Set([
  'checklist',
  'checklist-plans',
  'code-signals',
  'code-patterns',
  'test-tools',
  'dev-tools',
  'service-mesh',
  'redis-directives',
  'test-references',
  'chart-references',
  'spring-actuator-build',
  'spring-actuator-config',
  'env-reads',
  'env-docs',
  'http-routes',
  'secret-scan',
  'docker-workloads',
  'k8s-declares-kind',
  'technology-traces',
  'nginx',
  'project-docs',
  'app-servers',
  'declared-versions',
  'paas',
  'response-headers',
  'terraform',
  SKIPPED_KIND,
]);

/** One remembered result, as kept between runs: `value` is its encoding (see encodeValue). */
export interface SavedEntry {
  kind: string;
  path: string;
  id: string;
  value: string;
}

/** Results kept by an earlier run, looked up one at a time (see BlobCacheFile). */
export interface KeptResults {
  /** The encoded value kept for this computation, path and content, if any. */
  lookup(kind: string, path: string, id: string): string | undefined;
  /** Every kept result, to write back with this run's. */
  all(): Iterable<SavedEntry>;
}

interface Entry {
  /** The content's id (a git blob id) when the reader named it; otherwise the text itself. */
  id: string | undefined;
  text: string | undefined;
  value: unknown;
  /** The value encoded when it was computed (persisted kinds with an id), before anyone used it. */
  saved?: string;
  /** Kept by an earlier run and not looked up: `value` is still to be decoded from `saved`. */
  encoded?: boolean;
  /** The entry this one replaced for another content id (the other revision's version). */
  previous?: Entry;
}

export class FileMemo {
  private readonly byContent = new Map<string, Map<string, Entry>>();
  private readonly byPath = new Map<string, Map<string, unknown>>();
  /** Values to keep computed in this run (not kept before): whether a kept cache needs writing again. */
  computed = 0;
  /** Results of an earlier run, decoded only when asked for: a warm run decodes what it uses. */
  private kept?: KeptResults;

  /** @param persist encode the values of PERSISTED_KINDS as they are remembered, to keep them. */
  constructor(private readonly persist = false) {}

  /**
   * The value remembered for this path and content, if any: the same id, or when ids are
   * unknown the same text. `kind` names the computation (a collector id); what it computes may
   * depend on nothing but the content, the path, and what is fixed for the run (the config).
   */
  find(kind: string, path: string, id: string | undefined, text?: string): { value: unknown } | undefined {
    const latest = this.table(this.byContent, kind).get(path);
    if (!latest) return id !== undefined ? this.fromKept(kind, path, id) : undefined;
    // A PR's head and base may each have their own version of a path: both are kept.
    const known =
      id !== undefined && latest.id !== id && latest.previous?.id === id ? latest.previous : latest;
    if (id !== undefined && known.id === id) {
      if (known.encoded) {
        known.value = decodeValue(known.saved as string);
        known.encoded = false;
      }
      return known;
    }
    // Unchanged files read through the same cache are the very same string: a pointer check.
    if (text !== undefined && known.text === text) return known;
    return id !== undefined ? this.fromKept(kind, path, id) : undefined;
  }

  /** Uses results kept by an earlier run; they are decoded as they are looked up. */
  attach(kept: KeptResults): void {
    this.kept = kept;
  }

  /** A result kept by an earlier run for exactly this content, decoded and remembered for this run. */
  private fromKept(kind: string, path: string, id: string): { value: unknown } | undefined {
    if (!this.kept || !PERSISTED_KINDS.has(kind)) return undefined;
    const saved = this.kept.lookup(kind, path, id);
    if (saved === undefined) return undefined;
    const entry: Entry = { id, text: undefined, value: decodeValue(saved), saved };
    this.keep(kind, path, entry);
    return entry;
  }

  /** Keeps a value; the text is kept only when there is no id, so texts are not held for the run. */
  remember(
    kind: string,
    path: string,
    id: string | undefined,
    text: string | undefined,
    value: unknown,
    /** False for a result this run may share between revisions but must not keep for later runs. */
    keptBetweenRuns = true,
  ): void {
    const entry: Entry = id !== undefined ? { id, text: undefined, value } : { id, text, value };
    // Encoded now: a collector may later extend what it built from this value.
    if (keptBetweenRuns && this.persist && id !== undefined && PERSISTED_KINDS.has(kind)) {
      entry.saved = encodeValue(value);
      this.computed++;
    }
    this.keep(kind, path, entry);
  }

  /** Sets a path's entry, keeping the one it replaces when that named another content (one level). */
  private keep(kind: string, path: string, entry: Entry): void {
    const table = this.table(this.byContent, kind);
    const replaced = table.get(path);
    if (replaced && entry.id !== undefined && replaced.id !== undefined && replaced.id !== entry.id) {
      entry.previous = { ...replaced, previous: undefined };
    }
    table.set(path, entry);
  }

  /**
   * Adds the kept results this run did not look up, so the file written keeps them: one earlier
   * version per path besides the current one (a PR's base), older ones are dropped.
   */
  private absorbKept(): void {
    const kept = this.kept;
    this.kept = undefined;
    if (!kept) return;
    for (const old of kept.all()) {
      if (!PERSISTED_KINDS.has(old.kind)) continue;
      const entry: Entry = { id: old.id, text: undefined, value: undefined, saved: old.value, encoded: true };
      const table = this.table(this.byContent, old.kind);
      const latest = table.get(old.path);
      if (!latest) table.set(old.path, entry);
      else if (latest.id !== old.id && latest.previous?.id !== old.id && !latest.previous)
        latest.previous = entry;
    }
  }

  /** Every result that can be kept between runs, in a stable order. */
  *saved(): Generator<SavedEntry> {
    this.absorbKept();
    for (const kind of [...this.byContent.keys()].sort()) {
      if (!PERSISTED_KINDS.has(kind)) continue;
      const table = this.byContent.get(kind) as Map<string, Entry>;
      for (const [path, latest] of table) {
        for (const entry of [latest.previous, latest]) {
          if (entry?.id !== undefined && entry.saved !== undefined)
            yield { kind, path, id: entry.id, value: entry.saved };
        }
      }
    }
  }

  /** `compute()`'s value for a path, for facts that follow from the path alone (its language). */
  perPath<T>(kind: string, path: string, compute: () => T): T {
    const entries = this.table(this.byPath, kind);
    if (entries.has(path)) return entries.get(path) as T;
    const value = compute();
    entries.set(path, value);
    return value;
  }

  private table<V>(tables: Map<string, Map<string, V>>, kind: string): Map<string, V> {
    let entries = tables.get(kind);
    if (!entries) {
      entries = new Map();
      tables.set(kind, entries);
    }
    return entries;
  }
}

/**
 * Whether encodeValue keeps all of a value: JSON data, Maps, Sets and RegExps. A function or a
 * class instance would come back as a plain object without its behaviour.
 */
export function isPlainData(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  const type = typeof value;
  if (type === 'string' || type === 'boolean' || (type === 'number' && Number.isFinite(value))) return true;
  if (type !== 'object') return false;
  if (Array.isArray(value)) return value.every(isPlainData);
  if (value instanceof Map) return [...value].every(([key, item]) => isPlainData(key) && isPlainData(item));
  if (value instanceof Set) return [...value].every(isPlainData);
  if (value instanceof RegExp) return true;
  const prototype = Object.getPrototypeOf(value);
  return (
    (prototype === Object.prototype || prototype === null) &&
    Object.values(value as object).every(isPlainData)
  );
}

/**
 * JSON for a per-file result, with what JSON lacks: Maps, Sets, RegExps and undefined (a
 * file read as nothing). Objects with a single `$map`/`$set`/`$re` key never occur in results.
 */
export function encodeValue(value: unknown): string {
  if (value === undefined) return '-';
  return JSON.stringify(value, function (this: unknown, key: string, raw: unknown) {
    // `raw` is after toJSON; the holder still has the original (a RegExp has no toJSON, a Map neither).
    const original = (this as Record<string, unknown>)[key];
    if (original instanceof Map) return { $map: [...original] };
    if (original instanceof Set) return { $set: [...original] };
    if (original instanceof RegExp) return { $re: [original.source, original.flags] };
    if (original === undefined && Array.isArray(this)) return { $undefined: 1 };
    return raw;
  });
}

export function decodeValue(encoded: string): unknown {
  if (encoded === '-') return undefined;
  // Without a marker the plain parse is all; with one, a walk of the parsed tree restores what
  // JSON lacks (about twice as fast as a reviver, which is called for every value).
  const parsed: unknown = JSON.parse(encoded);
  return encoded.includes('{"$') ? restore(parsed) : parsed;
}

/** Undoes encodeValue's markers, innermost first, in place. */
function restore(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++)
      restoreIn(value as unknown as Record<number, unknown>, index);
    return value;
  }
  const object = value as Record<string, unknown>;
  const keys = Object.keys(object);
  if (keys.length === 1) {
    if ('$map' in object) return new Map(restore(object.$map) as [unknown, unknown][]);
    if ('$set' in object) return new Set(restore(object.$set) as unknown[]);
    if ('$re' in object) return new RegExp(...(object.$re as [string, string]));
    if ('$undefined' in object) return undefined;
  }
  for (const key of keys) restoreIn(object, key);
  return object;
}

/** Restores one element or property; as JSON.parse's reviver did, an undefined one is deleted (a hole). */
function restoreIn(container: Record<string | number, unknown>, key: string | number): void {
  const item = container[key];
  if (item === null || typeof item !== 'object') return;
  const restored = restore(item);
  if (restored === undefined) delete container[key];
  else container[key] = restored;
}
