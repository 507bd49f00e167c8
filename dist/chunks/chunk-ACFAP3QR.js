import { createRequire as __readinessCreateRequire } from 'node:module';
const require = __readinessCreateRequire(import.meta.url);

// src/core/memo.ts
var SKIPPED_KIND = "skipped";
var PERSISTED_KINDS = /* @__PURE__ */ new Set([
  "checklist",
  "checklist-plans",
  "code-signals",
  "code-patterns",
  "test-tools",
  "dev-tools",
  "service-mesh",
  "redis-directives",
  "test-references",
  "chart-references",
  "spring-actuator-build",
  "spring-actuator-config",
  "env-reads",
  "env-docs",
  "http-routes",
  "secret-scan",
  "docker-workloads",
  "k8s-declares-kind",
  "technology-traces",
  "nginx",
  "project-docs",
  "app-servers",
  "declared-versions",
  "paas",
  "response-headers",
  "terraform",
  SKIPPED_KIND
]);
var FileMemo = class {
  /** @param persist encode the values of PERSISTED_KINDS as they are remembered, to keep them. */
  constructor(persist = false) {
    this.persist = persist;
  }
  persist;
  byContent = /* @__PURE__ */ new Map();
  byPath = /* @__PURE__ */ new Map();
  /** Values to keep computed in this run (not kept before): whether a kept cache needs writing again. */
  computed = 0;
  /** Results of an earlier run, decoded only when asked for: a warm run decodes what it uses. */
  kept;
  /**
   * The value remembered for this path and content, if any: the same id, or when ids are
   * unknown the same text. `kind` names the computation (a collector id); what it computes may
   * depend on nothing but the content, the path, and what is fixed for the run (the config).
   */
  find(kind, path, id, text) {
    const latest = this.table(this.byContent, kind).get(path);
    if (!latest) return id !== void 0 ? this.fromKept(kind, path, id) : void 0;
    const known = id !== void 0 && latest.id !== id && latest.previous?.id === id ? latest.previous : latest;
    if (id !== void 0 && known.id === id) {
      if (known.encoded) {
        known.value = decodeValue(known.saved);
        known.encoded = false;
      }
      return known;
    }
    if (text !== void 0 && known.text === text) return known;
    return id !== void 0 ? this.fromKept(kind, path, id) : void 0;
  }
  /** Uses results kept by an earlier run; they are decoded as they are looked up. */
  attach(kept) {
    this.kept = kept;
  }
  /** A result kept by an earlier run for exactly this content, decoded and remembered for this run. */
  fromKept(kind, path, id) {
    if (!this.kept || !PERSISTED_KINDS.has(kind)) return void 0;
    const saved = this.kept.lookup(kind, path, id);
    if (saved === void 0) return void 0;
    const entry = { id, text: void 0, value: decodeValue(saved), saved };
    this.keep(kind, path, entry);
    return entry;
  }
  /** Keeps a value; the text is kept only when there is no id, so texts are not held for the run. */
  remember(kind, path, id, text, value, keptBetweenRuns = true) {
    const entry = id !== void 0 ? { id, text: void 0, value } : { id, text, value };
    if (keptBetweenRuns && this.persist && id !== void 0 && PERSISTED_KINDS.has(kind)) {
      entry.saved = encodeValue(value);
      this.computed++;
    }
    this.keep(kind, path, entry);
  }
  /** Sets a path's entry, keeping the one it replaces when that named another content (one level). */
  keep(kind, path, entry) {
    const table = this.table(this.byContent, kind);
    const replaced = table.get(path);
    if (replaced && entry.id !== void 0 && replaced.id !== void 0 && replaced.id !== entry.id) {
      entry.previous = { ...replaced, previous: void 0 };
    }
    table.set(path, entry);
  }
  /**
   * Adds the kept results this run did not look up, so the file written keeps them: one earlier
   * version per path besides the current one (a PR's base), older ones are dropped.
   */
  absorbKept() {
    const kept = this.kept;
    this.kept = void 0;
    if (!kept) return;
    for (const old of kept.all()) {
      if (!PERSISTED_KINDS.has(old.kind)) continue;
      const entry = { id: old.id, text: void 0, value: void 0, saved: old.value, encoded: true };
      const table = this.table(this.byContent, old.kind);
      const latest = table.get(old.path);
      if (!latest) table.set(old.path, entry);
      else if (latest.id !== old.id && latest.previous?.id !== old.id && !latest.previous)
        latest.previous = entry;
    }
  }
  /** Every result that can be kept between runs, in a stable order. */
  *saved() {
    this.absorbKept();
    for (const kind of [...this.byContent.keys()].sort()) {
      if (!PERSISTED_KINDS.has(kind)) continue;
      const table = this.byContent.get(kind);
      for (const [path, latest] of table) {
        for (const entry of [latest.previous, latest]) {
          if (entry?.id !== void 0 && entry.saved !== void 0)
            yield { kind, path, id: entry.id, value: entry.saved };
        }
      }
    }
  }
  /** `compute()`'s value for a path, for facts that follow from the path alone (its language). */
  perPath(kind, path, compute) {
    const entries = this.table(this.byPath, kind);
    if (entries.has(path)) return entries.get(path);
    const value = compute();
    entries.set(path, value);
    return value;
  }
  table(tables, kind) {
    let entries = tables.get(kind);
    if (!entries) {
      entries = /* @__PURE__ */ new Map();
      tables.set(kind, entries);
    }
    return entries;
  }
};
function isPlainData(value) {
  if (value === null || value === void 0) return true;
  const type = typeof value;
  if (type === "string" || type === "boolean" || type === "number" && Number.isFinite(value)) return true;
  if (type !== "object") return false;
  if (Array.isArray(value)) return value.every(isPlainData);
  if (value instanceof Map) return [...value].every(([key, item]) => isPlainData(key) && isPlainData(item));
  if (value instanceof Set) return [...value].every(isPlainData);
  if (value instanceof RegExp) return true;
  const prototype = Object.getPrototypeOf(value);
  return (prototype === Object.prototype || prototype === null) && Object.values(value).every(isPlainData);
}
function encodeValue(value) {
  if (value === void 0) return "-";
  return JSON.stringify(value, function(key, raw) {
    const original = this[key];
    if (original instanceof Map) return { $map: [...original] };
    if (original instanceof Set) return { $set: [...original] };
    if (original instanceof RegExp) return { $re: [original.source, original.flags] };
    if (original === void 0 && Array.isArray(this)) return { $undefined: 1 };
    return raw;
  });
}
function decodeValue(encoded) {
  if (encoded === "-") return void 0;
  const parsed = JSON.parse(encoded);
  return encoded.includes('{"$') ? restore(parsed) : parsed;
}
function restore(value) {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++)
      restoreIn(value, index);
    return value;
  }
  const object = value;
  const keys = Object.keys(object);
  if (keys.length === 1) {
    if ("$map" in object) return new Map(restore(object.$map));
    if ("$set" in object) return new Set(restore(object.$set));
    if ("$re" in object) return new RegExp(...object.$re);
    if ("$undefined" in object) return void 0;
  }
  for (const key of keys) restoreIn(object, key);
  return object;
}
function restoreIn(container, key) {
  const item = container[key];
  if (item === null || typeof item !== "object") return;
  const restored = restore(item);
  if (restored === void 0) delete container[key];
  else container[key] = restored;
}

export {
  SKIPPED_KIND,
  FileMemo,
  isPlainData,
  encodeValue,
  decodeValue
};
//# sourceMappingURL=chunk-ACFAP3QR.js.map
