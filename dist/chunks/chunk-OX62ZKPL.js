import { createRequire as __readinessCreateRequire } from 'node:module';
const require = __readinessCreateRequire(import.meta.url);
import {
  GitError,
  git,
  splitNul
} from "./chunk-E5TQZZ6Y.js";

// src/adapters/git-index.ts
import { lstatSync, readFileSync } from "node:fs";
import { isAbsolute, join } from "node:path";
var early = /* @__PURE__ */ new Map();
var GitIndex = class _GitIndex {
  constructor(entries, complete, writtenMs, changedInWorkTree2) {
    this.entries = entries;
    this.complete = complete;
    this.writtenMs = writtenMs;
    this.changedInWorkTree = changedInWorkTree2;
  }
  entries;
  complete;
  writtenMs;
  changedInWorkTree;
  /**
   * Starts reading the index before the engine's code loads (git works while Node compiles);
   * the next `read` of the same folder takes the result.
   */
  static startEarly(dir) {
    const pending = _GitIndex.load(dir);
    pending.catch(() => void 0);
    early.set(dir, pending);
  }
  /** Paths are relative to `dir`, which may be a subfolder of the repository. */
  static read(dir) {
    const started = early.get(dir);
    if (!started) return _GitIndex.load(dir);
    early.delete(dir);
    return started;
  }
  static async load(dir) {
    const [where, changed] = await Promise.all([
      git(dir, ["rev-parse", "--show-object-format", "--show-prefix", "--git-path", "index"]).catch(
        () => void 0
        // git before 2.28: listed by git below
      ),
      changedInWorkTree(dir)
    ]);
    const [format = "", prefix = "", location = ""] = where?.toString("utf8").split("\n") ?? [];
    let bytes;
    let writtenMs = Number.NEGATIVE_INFINITY;
    if (location) {
      try {
        const path = isAbsolute(location) ? location : join(dir, location);
        bytes = readFileSync(path);
        writtenMs = lstatSync(path).mtimeMs;
      } catch {
        bytes = Buffer.alloc(0);
      }
    }
    const read = bytes && HASH_BYTES[format] ? parseIndexFile(bytes, prefix, HASH_BYTES[format]) : void 0;
    if (read) return new _GitIndex(read, true, writtenMs, changed);
    const [listing, indexPath] = await Promise.all([
      git(dir, ["ls-files", "--stage", "--debug", "-z"]),
      location ? location : git(dir, ["rev-parse", "--git-path", "index"]).then((out) => out.toString("utf8").trim())
    ]);
    if (!bytes) {
      try {
        writtenMs = lstatSync(isAbsolute(indexPath) ? indexPath : join(dir, indexPath)).mtimeMs;
      } catch {
      }
    }
    const { entries, complete } = parseEntries(listing.toString("utf8"));
    return new _GitIndex(entries, complete, writtenMs, changed);
  }
  /**
   * The blob a work-tree file not read holds, when git found it unchanged; undefined when it
   * changed, is not a plain tracked file, or git could not tell (see `knowsWorkTree`).
   */
  blobIfGitSaysUnchanged(path) {
    const entry = this.entries.get(path);
    if (!entry?.plain || !this.changedInWorkTree || this.changedInWorkTree.has(path)) return void 0;
    return entry.blob;
  }
  /** Whether `git diff-files` answered; otherwise each file's stat is compared here. */
  get knowsWorkTree() {
    return this.changedInWorkTree !== void 0;
  }
  /** The blob a work-tree file holds, if its stat proves it is the staged one; else undefined. */
  blobIfUnchanged(path, seen) {
    const entry = this.entries.get(path);
    if (!entry?.plain || !seen || !this.matches(entry, seen)) return void 0;
    return entry.blob;
  }
  /** Whether a tracked file may differ from what was staged (any doubt counts as changed). */
  changedSinceStaged(path, seen) {
    const entry = this.entries.get(path);
    return entry !== void 0 && (!seen || !this.matches(entry, seen));
  }
  matches(entry, seen) {
    return entry.mtimeMs < this.writtenMs && seen.mtimeMs === entry.mtimeMs && seen.size === entry.size;
  }
};
async function changedInWorkTree(dir) {
  try {
    const filters = await git(dir, [
      "config",
      "--local",
      "--includes",
      "--name-only",
      "--get-regexp",
      "^filter\\."
    ]);
    if (filters.length > 0) return void 0;
  } catch (error) {
    if (!(error instanceof GitError && error.exitCode === 1)) return void 0;
  }
  try {
    return new Set(splitNul(await git(dir, ["diff-files", "--name-only", "-z", "--relative"])));
  } catch {
    return void 0;
  }
}
var HASH_BYTES = { sha1: 20, sha256: 32 };
function parseIndexFile(bytes, prefix, hashBytes) {
  const entries = /* @__PURE__ */ new Map();
  if (bytes.length === 0) return entries;
  const end = bytes.length - hashBytes;
  const latin1 = bytes.toString("latin1");
  const hex = bytes.toString("hex");
  const u32 = (at2) => (bytes[at2] << 24 | bytes[at2 + 1] << 16 | bytes[at2 + 2] << 8 | bytes[at2 + 3]) >>> 0;
  if (end < 12 || !latin1.startsWith("DIRC")) return void 0;
  const version = u32(4);
  if (version < 2 || version > 4) return void 0;
  const count = u32(8);
  const fixed = 40 + hashBytes + 2;
  let at = 12;
  let previous = Buffer.alloc(0);
  for (let index = 0; index < count; index++) {
    if (at + fixed > end) return void 0;
    const flags = bytes[at + fixed - 2] << 8 | bytes[at + fixed - 1];
    const extended = version >= 3 && (flags & 16384) !== 0;
    const nameAt = at + fixed + (extended ? 2 : 0);
    let path;
    let next;
    if (version === 4) {
      let cursor = nameAt;
      let byte = bytes[cursor++] ?? 0;
      let strip = byte & 127;
      while (byte & 128) {
        byte = bytes[cursor++] ?? 0;
        strip = strip + 1 << 7 | byte & 127;
      }
      const nul = bytes.indexOf(0, cursor);
      if (nul < 0 || nul >= end || strip > previous.length) return void 0;
      previous = Buffer.concat([previous.subarray(0, previous.length - strip), bytes.subarray(cursor, nul)]);
      path = previous.toString("utf8");
      next = nul + 1;
    } else {
      const length = flags & 4095;
      const nul = length < 4095 ? nameAt + length : bytes.indexOf(0, nameAt);
      if (nul < 0 || nul >= end || bytes[nul] !== 0) return void 0;
      let ascii = true;
      for (let byte = nameAt; byte < nul && ascii; byte++) ascii = bytes[byte] < 128;
      path = ascii ? latin1.slice(nameAt, nul) : bytes.toString("utf8", nameAt, nul);
      next = at + (nul - at + 8 & ~7);
    }
    if (path.startsWith(prefix)) {
      const relative = path.slice(prefix.length);
      const mode = u32(at + 24);
      const conflicted = entries.has(relative) || (flags & 12288) !== 0;
      entries.set(relative, {
        blob: hex.slice(2 * (at + 40), 2 * (at + 40 + hashBytes)),
        plain: (mode === 33188 || mode === 33261) && !conflicted,
        // The same arithmetic as Node's Stats#mtimeMs (and as parseEntries), so equal times give equal doubles.
        mtimeMs: u32(at + 8) * 1e3 + u32(at + 12) / 1e6,
        size: u32(at + 36)
      });
    }
    at = next;
  }
  while (at + 8 <= end) {
    const first = bytes[at];
    if (first < 65 || first > 90) return void 0;
    at += 8 + u32(at + 4);
  }
  return at === end ? entries : void 0;
}
function parseEntries(output) {
  const entries = /* @__PURE__ */ new Map();
  let at = 0;
  while (at < output.length) {
    const end = output.indexOf("\0", at);
    const tab = output.indexOf("	", at);
    const modeEnd = output.indexOf(" ", at);
    const blobEnd = output.indexOf(" ", modeEnd + 1);
    const mtime = output.indexOf("mtime: ", end);
    const colon = output.indexOf(":", mtime + 7);
    const mtimeEnd = output.indexOf("\n", colon);
    const size = output.indexOf("size: ", mtimeEnd);
    const sizeEnd = output.indexOf("	", size);
    const recordEnd = output.indexOf("\n", sizeEnd);
    if (end < 0 || !(modeEnd < blobEnd && blobEnd < tab && tab < end && end < mtime) || recordEnd < 0) break;
    const path = output.slice(tab + 1, end);
    const mode = output.slice(at, modeEnd);
    const stage = output.slice(blobEnd + 1, tab);
    const conflicted = entries.has(path) || stage !== "0";
    entries.set(path, {
      blob: output.slice(modeEnd + 1, blobEnd),
      plain: (mode === "100644" || mode === "100755") && !conflicted,
      // The same arithmetic as Node's Stats#mtimeMs, so equal times give equal doubles.
      mtimeMs: Number(output.slice(mtime + 7, colon)) * 1e3 + Number(output.slice(colon + 1, mtimeEnd)) / 1e6,
      size: Number(output.slice(size + 6, sizeEnd))
    });
    at = recordEnd + 1;
  }
  return { entries, complete: at >= output.length };
}
function lstatOf(path) {
  try {
    const stats = lstatSync(path);
    return { mtimeMs: stats.mtimeMs, size: stats.size };
  } catch {
    return void 0;
  }
}

export {
  GitIndex,
  parseIndexFile,
  parseEntries,
  lstatOf
};
//# sourceMappingURL=chunk-OX62ZKPL.js.map
