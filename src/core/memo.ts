// Work that depends on one file alone, kept for one check run. A PR's base revision shares
// almost every file with its head, so when both are evaluated with the same memo the base pays
// only for the files the change touched: checklists are not parsed again, and collectors that
// scan source files reuse each unchanged file's findings without reading the file.

interface Entry {
  /** The content's id (a git blob id) when the reader named it; otherwise the text itself. */
  id: string | undefined;
  text: string | undefined;
  value: unknown;
}

export class FileMemo {
  private readonly byContent = new Map<string, Map<string, Entry>>();
  private readonly byPath = new Map<string, Map<string, unknown>>();

  /**
   * The value remembered for this path and content, if any: the same id, or when ids are
   * unknown the same text. `kind` names the computation (a collector id); what it computes may
   * depend on nothing but the content, the path, and what is fixed for the run (the config).
   */
  find(kind: string, path: string, id: string | undefined, text?: string): { value: unknown } | undefined {
    const known = this.table(this.byContent, kind).get(path);
    if (!known) return undefined;
    if (id !== undefined && known.id === id) return known;
    // Unchanged files read through the same cache are the very same string: a pointer check.
    if (text !== undefined && known.text === text) return known;
    return undefined;
  }

  /** Keeps a value; the text is kept only when there is no id, so texts are not held for the run. */
  remember(
    kind: string,
    path: string,
    id: string | undefined,
    text: string | undefined,
    value: unknown,
  ): void {
    const entry: Entry = id !== undefined ? { id, text: undefined, value } : { id, text, value };
    this.table(this.byContent, kind).set(path, entry);
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
