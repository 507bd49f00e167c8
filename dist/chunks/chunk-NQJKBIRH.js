import { createRequire as __readinessCreateRequire } from 'node:module';
const require = __readinessCreateRequire(import.meta.url);
import {
  package_default
} from "./chunk-QR2IVVWA.js";
import {
  GitIndex,
  lstatOf
} from "./chunk-OX62ZKPL.js";
import {
  GitError,
  git,
  gitArgs,
  gitEnv,
  isGitWorkTree,
  splitNul
} from "./chunk-E5TQZZ6Y.js";
import {
  FileMemo,
  decodeValue,
  encodeValue
} from "./chunk-ACFAP3QR.js";
import {
  VENDORED_OR_GENERATED
} from "./chunk-OD44H7IY.js";
import {
  CONFIG_PATHS,
  DEFAULT_CONFIG
} from "./chunk-5QRNVHAB.js";
import {
  NoChecklistError
} from "./chunk-SA333BNF.js";

// src/adapters/blob-cache-file.ts
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
var FORMAT = "readiness-blob-cache";
var KEPT_BASES = 8;
var VERSION = 1;
function defaultCacheDir(env = process.env) {
  const base = env.XDG_CACHE_HOME?.trim() ? env.XDG_CACHE_HOME : join(homedir(), ".cache");
  return join(base, "readiness");
}
var CONTENT_HASHED = /-[A-Z0-9]{8}\.[cm]?js$/;
var fingerprint;
function codeFingerprint() {
  if (fingerprint) return fingerprint;
  const hash = createHash("sha256");
  const here = fileURLToPath(import.meta.url);
  const fromSource = here.endsWith(".ts");
  const add = (folder, depth) => {
    for (const entry2 of readdirSync(folder, { withFileTypes: true }).sort(
      (a, b) => a.name < b.name ? -1 : 1
    )) {
      const path = join(folder, entry2.name);
      if (entry2.isDirectory() && depth > 0) add(path, depth - 1);
      else if (/\.[cm]?[jt]s$/.test(entry2.name)) {
        const stats = statSync(path);
        const hashed = !fromSource && CONTENT_HASHED.test(entry2.name);
        hash.update(hashed ? `${entry2.name}\0${stats.size}\0` : `${path}\0${stats.size}\0${stats.mtimeMs}\0`);
      }
    }
  };
  try {
    if (fromSource) add(dirname(dirname(here)), 8);
    else add(dirname(here), 0);
  } catch {
    hash.update(String(Math.random()));
  }
  fingerprint = hash.digest("hex");
  return fingerprint;
}
var BlobCacheFile = class {
  /**
   * @param parts what the results depend on besides the code: the tool version, the config.
   * @param repo the repository's folder: each repository keeps its own file.
   */
  constructor(dir, repo, parts, warn) {
    this.dir = dir;
    this.warn = warn;
    this.key = createHash("sha256").update([FORMAT, VERSION, codeFingerprint(), ...parts].join("\0")).digest("hex");
    const name = createHash("sha256").update(repo).digest("hex").slice(0, 24);
    this.file = join(dir, `${name}.cache`);
  }
  dir;
  warn;
  file;
  /** What every kept result depends on: format, build, tool version and config. */
  key;
  loaded = 0;
  /** Whether loadInto ran: a run that evaluated nothing leaves the file as it is. */
  attempted = false;
  /** The file beside this one that keeps the work tree's whole result (see KeptResultFile). */
  headFile() {
    return this.file.replace(/\.cache$/, ".head");
  }
  /**
   * The file beside this one that keeps a commit's checklists as a PR base. Each commit has its
   * own, so a push run can keep its new commit (the next PRs' base) beside the commit before.
   */
  baseFile(sha) {
    return this.file.replace(/\.cache$/, `.${sha.replace(/[^0-9a-f]/gi, "").slice(0, 40)}.base`);
  }
  /** Removes all but the `keep` most recently written base files of this repository. */
  pruneBaseFiles(keep = KEPT_BASES) {
    const prefix = basename(this.file).replace(/\.cache$/, ".");
    try {
      const bases = readdirSync(this.dir).filter((name) => name.startsWith(prefix) && name.endsWith(".base")).map((name) => ({ path: join(this.dir, name), written: statSync(join(this.dir, name)).mtimeMs })).sort((a, b) => b.written - a.written);
      for (const old of bases.slice(keep)) rmSync(old.path, { force: true });
    } catch {
    }
  }
  /**
   * Hands the kept results to the memo; a file that is not exactly ours is ignored with a
   * warning. Only the file's shape is checked here: each result is decoded when looked up.
   */
  loadInto(memo) {
    if (this.attempted) return;
    this.attempted = true;
    let text;
    try {
      text = readFileSync(this.file, "utf8");
    } catch {
      return;
    }
    const kept = this.parse(text);
    if (!kept) return;
    memo.attach(kept);
    this.loaded = kept.size;
  }
  /**
   * The file: a JSON header line (format, version, key, the computations' names), one line per
   * distinct result, a `files` line, one line per file content (`blob TAB path TAB kind:value …`,
   * indices into the lists above), and `end`. Undefined, with a warning, when it is not that.
   */
  parse(text) {
    const lines = text.split("\n");
    let header;
    try {
      header = JSON.parse(lines[0] ?? "");
    } catch {
      header = void 0;
    }
    if (!header || header.format !== FORMAT || header.version !== VERSION) {
      this.warn(
        `${this.file} is not a readiness cache file (corrupt or another format); ignoring it and writing a new one.`
      );
      return void 0;
    }
    if (header.key !== this.key) return void 0;
    if (lines.at(-1) !== "" || lines.at(-2) !== "end") {
      this.warn(`${this.file} is truncated; ignoring it and writing a new one.`);
      return void 0;
    }
    const kinds = Array.isArray(header.kinds) ? header.kinds : [];
    const kindIndex = new Map(kinds.map((kind, index) => [kind, index]));
    const malformed = (line) => {
      this.warn(`${this.file} has a malformed line ${line + 1}; ignoring it and writing a new one.`);
      return void 0;
    };
    const filesLine = lines.indexOf("files");
    if (filesLine < 1 || filesLine > lines.length - 2) return malformed(lines.length - 2);
    const values = lines.slice(1, filesLine);
    const byPath = /* @__PURE__ */ new Map();
    let size = 0;
    for (let index = filesLine + 1; index < lines.length - 2; index++) {
      const line = lines[index];
      const first = line.indexOf("	");
      const second = line.indexOf("	", first + 1);
      if (first < 1 || second < 0 || line.indexOf("	", second + 1) >= 0) return malformed(index);
      const quoted = line.slice(first + 1, second);
      if (quoted.length < 2 || quoted[0] !== '"' || quoted.at(-1) !== '"') return malformed(index);
      let path = quoted.slice(1, -1);
      if (quoted.includes("\\")) {
        try {
          path = JSON.parse(quoted);
        } catch {
          return malformed(index);
        }
      }
      if (typeof path !== "string") return malformed(index);
      byPath.set(path, { id: line.slice(0, first), results: line.slice(second + 1), next: byPath.get(path) });
      size++;
    }
    const valuesOf = (line) => {
      if (line.byKind) return line.byKind;
      line.byKind = [];
      for (const result of line.results.split(" ")) {
        const colon = result.indexOf(":");
        line.byKind[Number(result.slice(0, colon))] = Number(result.slice(colon + 1));
      }
      return line.byKind;
    };
    return {
      size,
      lookup: (kind, path, id) => {
        let line = byPath.get(path);
        while (line && line.id !== id) line = line.next;
        const kindAt = kindIndex.get(kind);
        if (!line || kindAt === void 0) return void 0;
        const value = valuesOf(line)[kindAt];
        return value === void 0 ? void 0 : values[value];
      },
      *all() {
        for (const [path, first] of byPath) {
          for (let line = first; line; line = line.next) {
            const byKind = valuesOf(line);
            for (const [index, kind] of kinds.entries()) {
              const at = byKind[index];
              const value = at === void 0 ? void 0 : values[at];
              if (typeof kind === "string" && value !== void 0) yield { kind, path, id: line.id, value };
            }
          }
        }
      }
    };
  }
  /** Writes the memo's results when this run computed any (atomically: a reader never sees half a file). */
  save(memo) {
    if (!this.attempted || memo.computed === 0 && this.loaded > 0) return;
    const kinds = [];
    const kindIndex = /* @__PURE__ */ new Map();
    const valueIndex = /* @__PURE__ */ new Map();
    const files = /* @__PURE__ */ new Map();
    for (const entry2 of memo.saved()) {
      let kind = kindIndex.get(entry2.kind);
      if (kind === void 0) {
        kind = kinds.push(entry2.kind) - 1;
        kindIndex.set(entry2.kind, kind);
      }
      let value = valueIndex.get(entry2.value);
      if (value === void 0) {
        value = valueIndex.size;
        valueIndex.set(entry2.value, value);
      }
      const file = `${entry2.id}	${JSON.stringify(entry2.path)}`;
      const results = files.get(file);
      if (results) results.push(`${kind}:${value}`);
      else files.set(file, [`${kind}:${value}`]);
    }
    const lines = [JSON.stringify({ format: FORMAT, version: VERSION, key: this.key, kinds })];
    for (const value of valueIndex.keys()) lines.push(value);
    lines.push("files");
    for (const [file, results] of files) lines.push(`${file}	${results.join(" ")}`);
    lines.push("end", "");
    const temporary = `${this.file}.${process.pid}.tmp`;
    try {
      mkdirSync(this.dir, { recursive: true });
      writeFileSync(temporary, lines.join("\n"));
      renameSync(temporary, this.file);
    } catch (error) {
      try {
        rmSync(temporary, { force: true });
      } catch {
      }
      this.warn(
        `could not write the cache ${this.file} (${error.code ?? error.message}); pass --cache-dir DIR to keep it elsewhere, or --no-cache.`
      );
    }
  }
};

// src/checkout/run-check.ts
import { realpathSync as realpathSync2 } from "node:fs";

// src/adapters/git-object-reader.ts
import { spawn } from "node:child_process";

// src/core/repo.ts
var MAX_FILE_BYTES = 2 * 1024 * 1024;
function looksBinary(bytes) {
  const end = Math.min(bytes.length, 8e3);
  for (let i = 0; i < end; i++) if (bytes[i] === 0) return true;
  return false;
}

// src/adapters/git-object-reader.ts
var GitObjectReader = class _GitObjectReader {
  constructor(dir, revision) {
    this.dir = dir;
    this.revision = revision;
  }
  dir;
  revision;
  entries;
  skips = /* @__PURE__ */ new Map();
  batch;
  /** Folders listed alone before the whole tree was (see lookUp). */
  folders = /* @__PURE__ */ new Map();
  /** Resolves `ref` to a commit in the repository containing `dir`; paths stay relative to `dir`. */
  static async open(dir, ref) {
    let sha;
    try {
      sha = (await git(dir, ["rev-parse", "--verify", "--end-of-options", `${ref}^{commit}`])).toString().trim();
    } catch (error) {
      if (/not a git repository/i.test(error.message))
        throw new GitError(
          `--base ${ref}: ${dir} is not a git repository, so there is no revision to compare with. Run the check inside a clone, or leave out --base.`
        );
      throw new GitError(
        `--base ${ref}: no such commit in ${dir}. Fetch it first (actions/checkout with fetch-depth: 0, or git fetch origin ${ref}).`
      );
    }
    return new _GitObjectReader(dir, sha);
  }
  async listFiles() {
    return [...(await this.tree()).keys()].sort();
  }
  async readFile(path) {
    const blob = this.entries ? this.entries.get(path) : await this.lookUp(path);
    if (!blob) return null;
    this.batch ??= new CatFileBatch(this.dir);
    const bytes = await this.batch.read(blob);
    if (bytes === null) return this.skip(path, "object missing from the repository");
    if (typeof bytes === "number") return this.skip(path, `larger than ${MAX_FILE_BYTES} bytes (${bytes})`);
    if (looksBinary(bytes)) return this.skip(path, "binary file");
    return bytes.toString("utf8");
  }
  /** The blob id from the listed tree (symlinks are not listed). */
  contentId(path) {
    return this.entries?.get(path);
  }
  skipped() {
    return [...this.skips].map(([path, reason]) => ({ path, reason }));
  }
  skipReason(path) {
    return this.skips.get(path);
  }
  /** A file known unreadable from kept results is reported as if read now. */
  noteSkipped(path, reason) {
    if (!this.skips.has(path)) this.skips.set(path, reason);
  }
  close() {
    this.batch?.close();
  }
  skip(path, reason) {
    this.skips.set(path, reason);
    return null;
  }
  async tree() {
    if (this.entries) return this.entries;
    const out = await git(this.dir, ["ls-tree", "-r", "-z", this.revision]);
    const entries = /* @__PURE__ */ new Map();
    for (const record of out.toString("utf8").split("\0")) {
      const blob = this.blobOf(record);
      if (blob) entries.set(blob.path, blob.id);
    }
    this.entries = entries;
    return entries;
  }
  /**
   * The blob id of one path, from a listing of its folder alone (literally: no glob), kept for
   * the next file of that folder (the config is `.github/readiness.yml` or `.yaml`).
   */
  async lookUp(path) {
    const slash = path.lastIndexOf("/");
    const folder = slash < 0 ? "" : path.slice(0, slash + 1);
    let listed = this.folders.get(folder);
    if (!listed) {
      listed = git(this.dir, [
        "ls-tree",
        "-z",
        this.revision,
        ...folder ? ["--", `:(literal)${folder}`] : []
      ]);
      this.folders.set(folder, listed);
    }
    for (const record of (await listed).toString("utf8").split("\0")) {
      const blob = this.blobOf(record, false);
      if (blob?.path === path) return blob.id;
    }
    return void 0;
  }
  /**
   * "<mode> SP <type> SP <object> TAB <path>", cut by position (50k records add up): the blob it
   * names, or undefined for a folder, a submodule or a symlink (recorded as skipped if `record`).
   */
  blobOf(record, recordSkip = true) {
    if (!record) return void 0;
    const tab = record.indexOf("	");
    const afterMode = record.indexOf(" ");
    const afterType = record.indexOf(" ", afterMode + 1);
    const mode = record.slice(0, afterMode);
    const type = record.slice(afterMode + 1, afterType);
    const id = record.slice(afterType + 1, tab);
    const path = record.slice(tab + 1);
    if (type !== "blob" || !id) return void 0;
    if (mode === "120000") {
      if (recordSkip) this.skip(path, "symlink (not followed)");
      return void 0;
    }
    return { path, id };
  }
};
var CatFileBatch = class {
  child;
  waiting = [];
  buffer = Buffer.alloc(0);
  /** Bytes of a too-large blob (and its newline) still to drop from the stream. */
  discard = 0;
  failure;
  constructor(dir) {
    this.child = spawn("git", gitArgs(dir, ["cat-file", "--batch"]), { env: gitEnv() });
    this.child.stdout.on("data", (data) => {
      const dropped = Math.min(this.discard, data.length);
      this.discard -= dropped;
      const chunk = data.subarray(dropped);
      this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
      this.drain();
    });
    const fail = (error) => {
      this.failure = error;
      for (const waiter of this.waiting.splice(0)) waiter.reject(error);
    };
    this.child.on("error", fail);
    this.child.on("exit", (code2) => {
      if (this.waiting.length) fail(new GitError(`git cat-file exited early (code ${code2})`));
    });
    this.child.stdin.on("error", fail);
  }
  read(blob) {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve2, reject) => {
      this.waiting.push({ resolve: resolve2, reject });
      this.child.stdin.write(`${blob}
`);
    });
  }
  close() {
    this.child.stdin.end();
  }
  drain() {
    while (this.waiting.length && this.discard === 0) {
      const newline = this.buffer.indexOf(10);
      if (newline < 0) return;
      const header = this.buffer.subarray(0, newline).toString();
      if (header.endsWith(" missing")) {
        this.buffer = this.buffer.subarray(newline + 1);
        this.waiting.shift()?.resolve(null);
        continue;
      }
      const size = Number(header.split(" ")[2]);
      if (size > MAX_FILE_BYTES) {
        const available = this.buffer.length - (newline + 1);
        const skip = size + 1;
        this.buffer = this.buffer.subarray(newline + 1 + Math.min(skip, available));
        this.discard = Math.max(0, skip - available);
        this.waiting.shift()?.resolve(size);
        continue;
      }
      const end = newline + 1 + size;
      if (this.buffer.length < end + 1) return;
      const content = Buffer.from(this.buffer.subarray(newline + 1, end));
      this.buffer = this.buffer.subarray(end + 1);
      this.waiting.shift()?.resolve(content);
    }
  }
};

// src/adapters/kept-result-file.ts
import { createHash as createHash2 } from "node:crypto";
import { mkdirSync as mkdirSync2, readFileSync as readFileSync2, renameSync as renameSync2, rmSync as rmSync2, writeFileSync as writeFileSync2 } from "node:fs";
import { dirname as dirname2 } from "node:path";
var FORMAT2 = "readiness-kept-result";
var VERSION2 = 1;
function hashText(text) {
  return text === null ? null : createHash2("sha256").update(text).digest("hex");
}
var KeptResultFile = class {
  /**
   * @param file where it is kept (one per repository and side: the latest one checked).
   * @param content names the revision's content: a commit SHA, or a hash of the index's blob ids.
   * @param parts what the result depends on besides the content: the blob cache's key, the globs.
   */
  constructor(file, content, parts, warn) {
    this.file = file;
    this.warn = warn;
    this.key = createHash2("sha256").update([FORMAT2, VERSION2, content, ...parts].join("\0")).digest("hex");
  }
  file;
  warn;
  key;
  /**
   * The kept result when it was computed for this key and every file read outside the tracked
   * ones still reads the same through `read`; undefined otherwise.
   */
  async load(read) {
    let text;
    try {
      text = readFileSync2(this.file, "utf8");
    } catch {
      return void 0;
    }
    const lines = text.split("\n");
    let header;
    let body;
    try {
      header = JSON.parse(lines[0] ?? "");
      if (header?.format === FORMAT2 && header.version === VERSION2 && header.key !== this.key)
        return void 0;
      if (lines.length !== 4 || lines[2] !== "end" || lines[3] !== "") throw new Error("truncated");
      body = decodeValue(lines[1]);
    } catch {
      body = void 0;
    }
    if (header?.format !== FORMAT2 || header.version !== VERSION2 || !body || !Array.isArray(body.outside) || body.result === void 0) {
      this.warn(`${this.file} is not a readiness kept result (corrupt or truncated); ignoring it.`);
      return void 0;
    }
    for (const [path, hash] of body.outside) {
      if (hashText(await read(path)) !== hash) return void 0;
    }
    return body.result;
  }
  /** Keeps the result (atomically); a folder that cannot be written was already reported by the blob cache. */
  save(result, outside) {
    const header = JSON.stringify({ format: FORMAT2, version: VERSION2, key: this.key });
    const body = encodeValue({ outside: [...outside], result });
    const temporary = `${this.file}.${process.pid}.tmp`;
    try {
      mkdirSync2(dirname2(this.file), { recursive: true });
      writeFileSync2(temporary, `${header}
${body}
end
`);
      renameSync2(temporary, this.file);
    } catch {
      try {
        rmSync2(temporary, { force: true });
      } catch {
      }
    }
  }
};

// src/adapters/overlay-reader.ts
import { join as join2 } from "node:path";
var OverlayReader = class _OverlayReader {
  constructor(dir, base, workTree, staged, index) {
    this.dir = dir;
    this.base = base;
    this.workTree = workTree;
    this.staged = staged;
    this.index = index;
  }
  dir;
  base;
  workTree;
  staged;
  index;
  /** Paths read that the base's tree does not hold (untracked reports), with a hash of what was read. */
  outsideReads = /* @__PURE__ */ new Map();
  get revision() {
    return this.base.revision;
  }
  /** @param dir the work tree; `base.revision` must be a commit SHA of its repository. */
  static async open(dir, base, workTree) {
    const [staged, index] = await Promise.all([
      git(dir, ["diff-index", "--cached", "--name-only", "-z", "--no-renames", "--relative", base.revision]),
      workTree.gitIndex()
    ]);
    if (!index)
      throw new GitError(`${dir} is not a git work tree, so it has no base revision to compare with`);
    return new _OverlayReader(dir, base, workTree, new Set(splitNul(staged)), index);
  }
  listFiles() {
    return this.base.listFiles();
  }
  async readFile(path) {
    const text = await (this.isChanged(path) ? this.base.readFile(path) : this.workTree.readFile(path));
    if (this.base.contentId?.(path) === void 0) this.outsideReads.set(path, hashText(text));
    return text;
  }
  /** The base's blob id: the same name the work tree gives a file it holds unchanged. */
  contentId(path) {
    return this.base.contentId?.(path);
  }
  skipped() {
    return this.base.skipped();
  }
  /**
   * Whether the base's copy of a path differs from the work tree's. Asked per read (each file is
   * read once per revision), so a PR check stats only the files it reads, reusing the stat the
   * work tree's own read took.
   */
  isChanged(path) {
    return this.staged.has(path) || this.index.changedSinceStaged(path, this.workTree.statOf(path) ?? lstatOf(join2(this.dir, path)));
  }
};

// src/adapters/work-tree-reader.ts
import { createHash as createHash3 } from "node:crypto";
import { closeSync, constants, fstatSync, openSync, readdirSync as readdirSync2, readSync, realpathSync } from "node:fs";
import { dirname as dirname3, join as join3, relative, resolve, sep } from "node:path";
var WorkTreeReader = class {
  /**
   * @param nameUnread let `contentId` name files not read yet, by an lstat against the index, so
   *   results kept between runs are found without reading the file (a kept cache is in use).
   */
  constructor(dir, nameUnread = false) {
    this.nameUnread = nameUnread;
    this.root = resolve(dir);
    this.realRoot = realpathSync(this.root);
  }
  nameUnread;
  revision = "work tree";
  root;
  realRoot;
  skips = /* @__PURE__ */ new Map();
  folders = /* @__PURE__ */ new Map();
  /** Size and mtime of each regular file read, to compare with the index without a second stat. */
  stats = /* @__PURE__ */ new Map();
  index;
  settledIndex;
  /** contentId's answers once decided (null: the file is not provably the staged blob). */
  ids = /* @__PURE__ */ new Map();
  /** Files read that the index does not track (coverage reports), with a hash of what was read. */
  untrackedReads = /* @__PURE__ */ new Map();
  async listFiles() {
    if (await isGitWorkTree(this.root)) {
      const index = await this.index?.catch(() => void 0);
      if (index?.complete) return [...index.entries.keys()].sort();
      const listed = splitNul(await git(this.root, ["ls-files", "-z", "--cached"]));
      return [...new Set(listed)].sort();
    }
    const files = [];
    this.walk(this.root, files, 0);
    return files.sort();
  }
  /** Files git neither tracks nor ignores (a checklist just written and not yet added); [] outside git. */
  async untrackedFiles() {
    if (!await isGitWorkTree(this.root)) return [];
    return splitNul(await git(this.root, ["ls-files", "-z", "--others", "--exclude-standard"])).sort();
  }
  /**
   * The index of the git work tree this folder is in (paths relative to the folder); undefined
   * outside git. Loaded on request: only a check with a base needs it (see contentId).
   */
  gitIndex() {
    this.index ??= (async () => {
      if (!await isGitWorkTree(this.root)) return void 0;
      this.settledIndex = await GitIndex.read(this.root);
      return this.settledIndex;
    })();
    return this.index;
  }
  /**
   * The staged blob id of a file already read (or with `nameUnread`, any file) whose size and
   * mtime prove it unchanged since; undefined until `gitIndex()` has loaded.
   */
  contentId(path) {
    const known = this.ids.get(path);
    if (known !== void 0) return known ?? void 0;
    const index = this.settledIndex;
    if (!index || !this.stats.has(path) && !this.nameUnread) return void 0;
    return this.decideId(index, path);
  }
  /** Decided once per file and remembered: every collector asks about every file it reads. */
  decideId(index, path) {
    const read = this.stats.get(path);
    const listed = index.entries.has(path);
    let id;
    if (read) id = index.blobIfUnchanged(path, read);
    else if (listed && index.knowsWorkTree) id = index.blobIfGitSaysUnchanged(path);
    else if (listed || isInside(resolve(this.root, path), this.root))
      id = index.blobIfUnchanged(path, lstatOf(listed ? `${this.root}${sep}${path}` : join3(this.root, path)));
    this.ids.set(path, id ?? null);
    return id;
  }
  /** Size and mtime of a regular file as it was read (not through a symlink); undefined if not read. */
  statOf(path) {
    return this.stats.get(path);
  }
  async readFile(path) {
    const text = this.readNow(path);
    if (this.settledIndex && !this.settledIndex.entries.has(path))
      this.untrackedReads.set(path, hashText(text));
    return text;
  }
  /**
   * A name for the whole tracked content when every tracked file is a regular file provably as
   * staged (git found it unchanged, or for a file read, its size and mtime as read): a hash of
   * the paths and blob ids. Undefined otherwise, or before `gitIndex()` has loaded.
   */
  stagedContent() {
    const index = this.settledIndex;
    if (!index) return void 0;
    const named = [];
    for (const [path, entry2] of index.entries) {
      if (!entry2.plain) return void 0;
      const known = this.ids.get(path);
      const id = known !== void 0 ? known : this.decideId(index, path);
      if (!id) return void 0;
      named.push(path, id);
    }
    return createHash3("sha256").update(named.join("\0")).digest("hex");
  }
  readNow(path) {
    const absolute = resolve(this.root, path);
    if (!isInside(absolute, this.root)) return this.skip(path, "path leaves the repository");
    const folder = this.folderInside(dirname3(absolute));
    if (folder === "missing") return null;
    if (folder === "outside")
      return this.skip(path, "inside a symlinked folder pointing outside the repository");
    let fd;
    try {
      fd = openSync(absolute, constants.O_RDONLY | constants.O_NOFOLLOW);
    } catch (error) {
      const code2 = error.code;
      if (code2 === "ELOOP") return this.readSymlink(path, absolute);
      if (code2 === "ENOENT" || code2 === "ENOTDIR") return null;
      return this.skip(path, `unreadable: ${code2 ?? error.message}`);
    }
    return this.readOpen(path, fd, true);
  }
  readSymlink(path, absolute) {
    let target;
    try {
      target = realpathSync(absolute);
    } catch {
      return this.skip(path, "broken or looping symlink");
    }
    if (!isInside(target, this.realRoot)) return this.skip(path, "symlink pointing outside the repository");
    try {
      return this.readOpen(path, openSync(target, constants.O_RDONLY));
    } catch (error) {
      return this.skip(
        path,
        `unreadable: ${error.code ?? error.message}`
      );
    }
  }
  /** @param direct opened without following a symlink, so its stat is the index's to compare. */
  readOpen(path, fd, direct = false) {
    try {
      const stats = fstatSync(fd);
      if (!stats.isFile()) return null;
      if (direct) this.stats.set(path, { mtimeMs: stats.mtimeMs, size: stats.size });
      if (stats.size > MAX_FILE_BYTES)
        return this.skip(path, `larger than ${MAX_FILE_BYTES} bytes (${stats.size})`);
      const bytes = Buffer.allocUnsafe(stats.size);
      let filled = 0;
      while (filled < bytes.length) {
        const read = readSync(fd, bytes, filled, bytes.length - filled, null);
        if (read === 0) break;
        filled += read;
      }
      const content = bytes.subarray(0, filled);
      if (looksBinary(content)) return this.skip(path, "binary file");
      return content.toString("utf8");
    } catch (error) {
      return this.skip(
        path,
        `unreadable: ${error.code ?? error.message}`
      );
    } finally {
      closeSync(fd);
    }
  }
  /** Whether a folder resolves inside the repository (a symlinked folder may lead anywhere); cached. */
  folderInside(folder) {
    let verdict = this.folders.get(folder);
    if (!verdict) {
      try {
        verdict = isInside(realpathSync(folder), this.realRoot) ? "inside" : "outside";
      } catch {
        verdict = "missing";
      }
      this.folders.set(folder, verdict);
    }
    return verdict;
  }
  /** By path: the same list whether a file was read now or its results came from a kept cache. */
  skipped() {
    return [...this.skips].sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0).map(([path, reason]) => ({ path, reason }));
  }
  skipReason(path) {
    return this.skips.get(path);
  }
  noteSkipped(path, reason) {
    if (!this.skips.has(path)) this.skips.set(path, reason);
  }
  skip(path, reason) {
    this.skips.set(path, reason);
    return null;
  }
  walk(dir, out, depth) {
    if (depth > 64) return;
    for (const entry2 of readdirSync2(dir, { withFileTypes: true })) {
      const absolute = join3(dir, entry2.name);
      const path = relative(this.root, absolute).split(sep).join("/");
      if (entry2.isDirectory()) {
        if (!VENDORED_OR_GENERATED.test(`${path}/`) && entry2.name !== ".git")
          this.walk(absolute, out, depth + 1);
      } else if (entry2.isFile() || entry2.isSymbolicLink()) out.push(path);
    }
  }
};
function isInside(path, root) {
  return path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);
}

// src/core/diff.ts
var DONE = /* @__PURE__ */ new Set(["verified", "satisfied", "manual"]);
var OPEN = /* @__PURE__ */ new Set(["unbacked", "unmet", "inconclusive"]);
function isRegression(before, after) {
  if (after === "unbacked") return before !== "unbacked";
  return after === "unmet" && before !== void 0 && DONE.has(before);
}
function isFix(before, after) {
  return OPEN.has(before) && (after === "verified" || after === "satisfied");
}
function keyed(checklists) {
  const map = /* @__PURE__ */ new Map();
  for (const checklist of checklists) {
    for (const item of checklist.items)
      map.set(`${checklist.path}\0${item.id}`, { path: checklist.path, item });
  }
  return map;
}
function entry(path, item, before, after) {
  const result = { path, id: item.id, text: item.text, line: item.line };
  if (before) result.before = before;
  if (after) result.after = after;
  return result;
}
function diffRevisions(baseSha, base, head) {
  const before = keyed(base);
  const after = keyed(head);
  const entries = { regressed: [], fixed: [], added: [], removed: [] };
  for (const [key, { path, item }] of after) {
    const old = before.get(key)?.item.status;
    if (old === void 0) entries.added.push(entry(path, item, void 0, item.status));
    if (isRegression(old, item.status)) entries.regressed.push(entry(path, item, old, item.status));
    else if (old !== void 0 && isFix(old, item.status))
      entries.fixed.push(entry(path, item, old, item.status));
  }
  for (const [key, { path, item }] of before) {
    if (!after.has(key)) entries.removed.push(entry(path, item, item.status));
  }
  const ids = (list) => list.map((e) => e.id);
  return {
    base: baseSha,
    regressed: ids(entries.regressed),
    fixed: ids(entries.fixed),
    added: ids(entries.added),
    removed: ids(entries.removed),
    entries
  };
}

// src/core/gate.ts
function failure(path, item, reason) {
  return { id: item.id, path, line: item.line, reason };
}
function firstProblem(item) {
  const failed = item.checks.find((check) => check.verdict === "fail") ?? item.checks.find((c) => c.verdict === "unknown");
  return failed ? `${failed.rule}: ${failed.message}` : item.text;
}
function regressionCause(change) {
  if (change.after === "unmet") return `was ${change.before}, now not done`;
  if (change.before === void 0) return "added as checked, but contradicted";
  if (change.before === "unmet") return "ticked, but contradicted";
  return `was ${change.before}, now claimed but contradicted`;
}
function evaluateGate(input) {
  const failures = [];
  if (input.mode === "release") {
    const optional = new Set(input.optional);
    for (const checklist of input.checklists) {
      for (const item of checklist.items) {
        if (item.annotations.optional || optional.has(item.id)) continue;
        if (item.status === "unbacked")
          failures.push(failure(checklist.path, item, `claimed but contradicted \u2014 ${firstProblem(item)}`));
        else if (item.status === "unmet")
          failures.push(failure(checklist.path, item, `not done \u2014 ${firstProblem(item)}`));
        else if (item.status === "inconclusive")
          failures.push(failure(checklist.path, item, `not proven \u2014 ${firstProblem(item)}`));
        else if (item.status === "manual" && !item.checked)
          failures.push(failure(checklist.path, item, "manual item not checked off"));
      }
    }
  } else if (input.diff) {
    const regressed = new Map(input.diff.entries.regressed.map((e) => [`${e.path}\0${e.id}`, e]));
    for (const checklist of input.checklists) {
      for (const item of checklist.items) {
        const change = regressed.get(`${checklist.path}\0${item.id}`);
        if (change)
          failures.push(failure(checklist.path, item, `${regressionCause(change)} \u2014 ${firstProblem(item)}`));
      }
    }
  } else {
    for (const checklist of input.checklists) {
      for (const item of checklist.items) {
        if (item.status === "unbacked")
          failures.push(failure(checklist.path, item, `claimed but contradicted \u2014 ${firstProblem(item)}`));
      }
    }
  }
  return { mode: input.mode, passed: failures.length === 0, failures };
}

// src/core/types.ts
var STATUSES = ["verified", "unbacked", "unmet", "satisfied", "inconclusive", "manual"];

// src/core/report.ts
function summarise(checklists) {
  const summary = Object.fromEntries([["items", 0], ...STATUSES.map((status) => [status, 0])]);
  for (const checklist of checklists) {
    for (const item of checklist.items) {
      summary.items++;
      summary[item.status]++;
    }
  }
  return summary;
}
function scoreOf(summary) {
  const proven = summary.verified + summary.satisfied;
  const checkable = summary.items - summary.manual;
  return { proven, checkable, share: checkable > 0 ? proven / checkable : null };
}
function buildReport(input) {
  const { head, base, mode, config } = input;
  const summary = summarise(head.checklists);
  const diff = base ? diffRevisions(base.sha, base.checklists, head.checklists) : null;
  const gate = evaluateGate({ mode, checklists: head.checklists, diff, optional: config.optional });
  const notes = [...head.notes];
  const ids = new Set(head.checklists.flatMap((checklist) => checklist.items.map((item) => item.id)));
  for (const id of config.optional) {
    if (!ids.has(id))
      notes.push(
        `optional: "${id}" matches no item, so it makes nothing optional. Item ids are in \`readiness check --format json\`.`
      );
  }
  if (head.checklists.length === 0) {
    notes.push(
      "No checklist with task items was found. Name one *readiness*.md / *checklist*.md, or list it under `checklists:` in .github/readiness.yml, or pass --checklist GLOB."
    );
  }
  return {
    schemaVersion: 1,
    checklists: head.checklists,
    summary,
    score: scoreOf(summary),
    gate,
    diff,
    skipped: head.skipped,
    notes
  };
}

// src/core/check-change.ts
async function checkChange(change) {
  const memo = change.memo ?? (change.base ? new FileMemo() : void 0);
  const options = {
    config: change.config,
    ...change.checklistGlobs ? { checklistGlobs: change.checklistGlobs } : {},
    ...memo ? { memo } : {}
  };
  let prepared = false;
  const evaluate = async (reader) => {
    if (!prepared) change.kept?.beforeEvaluating?.();
    prepared = true;
    const { evaluateRevision } = await import("./engine-3MJ46CMS.js");
    return evaluateRevision(reader, options);
  };
  const reusedHead = await change.kept?.head?.();
  const head = reusedHead ?? await evaluate(change.head);
  if (head.checklists.length === 0) return { kind: "no-checklist", head };
  const reusedBase = change.base ? await change.kept?.base?.(head) : void 0;
  let base = reusedBase;
  if (change.base && !base) {
    const baseReader = typeof change.base === "function" ? await change.base() : change.base;
    base = { ...await evaluate(baseReader), sha: baseReader.revision };
  }
  const report = buildReport({
    head,
    ...base ? { base } : {},
    mode: change.mode,
    config: change.config
  });
  if (change.notes?.length) report.notes.unshift(...change.notes);
  const reused = { head: Boolean(reusedHead), base: Boolean(reusedBase) };
  return { kind: "report", report, head, ...base ? { base } : {}, reused };
}

// src/checkout/run-check.ts
async function runCheck(options) {
  const head = new WorkTreeReader(options.dir, Boolean(options.cache));
  const base = options.base ? await GitObjectReader.open(options.dir, options.base) : void 0;
  const indexLoaded = base || options.cache ? head.gitIndex() : void 0;
  indexLoaded?.catch(() => void 0);
  try {
    const { config, notes } = await chooseConfig(options.configPath, head, base);
    const index = await indexLoaded;
    const memo = options.cache ? new FileMemo(true) : void 0;
    const kept = options.cache && index && memo ? new BlobCacheFile(
      options.cache.dir,
      realpathSync2(options.dir),
      [package_default.version, JSON.stringify(config)],
      options.cache.warn
    ) : void 0;
    const keptKey = kept ? [kept.key, JSON.stringify(options.checklists ?? null)] : [];
    const headContent = kept ? head.stagedContent() : void 0;
    const keptHead = kept && options.cache && headContent ? new KeptResultFile(kept.headFile(), headContent, keptKey, options.cache.warn) : void 0;
    let overlay;
    const baseReader = () => {
      overlay ??= OverlayReader.open(options.dir, base, head);
      return overlay;
    };
    const keptBase = base && kept && options.cache ? new KeptResultFile(
      kept.baseFile(base.revision),
      base.revision,
      keptKey,
      options.cache.warn
    ) : void 0;
    const outcome = await checkChange({
      head,
      // Built once the head is evaluated: it reads unchanged files through the work tree.
      ...base ? { base: baseReader } : {},
      config,
      mode: options.mode,
      ...options.checklists ? { checklistGlobs: options.checklists } : {},
      ...memo ? { memo } : {},
      notes,
      kept: {
        head: async () => keptHead?.load((path) => head.readFile(path)),
        base: async (headResult) => {
          const checklists = await keptBase?.load(async (path) => (await baseReader()).readFile(path));
          if (!checklists || !base) return void 0;
          const revision = base.revision;
          return { ...headResult, revision, checklists, skipped: [], notes: [], sha: revision };
        },
        beforeEvaluating: () => {
          if (kept && memo) kept.loadInto(memo);
        }
      }
    });
    if (outcome.kind === "no-checklist") {
      const { describeNoChecklist, discoverChecklists } = await import("./discover-UGXSR4QB.js");
      const untracked = discoverChecklists(await head.untrackedFiles(), {
        globs: outcome.head.discovery.globs
      });
      throw new NoChecklistError(
        describeNoChecklist(outcome.head.discovery, untracked, outcome.head.skipped)
      );
    }
    if (keptHead && !outcome.reused.head) {
      keptHead.save(outcome.head, head.untrackedReads);
      await keepAsBase(options, kept, outcome.head.checklists, head.untrackedReads);
    }
    if (outcome.base && !outcome.reused.base && overlay)
      keptBase?.save(outcome.base.checklists, (await overlay).outsideReads);
    if (kept && (keptBase || keptHead)) kept.pruneBaseFiles();
    if (kept && memo) kept.save(memo);
    return outcome.report;
  } finally {
    base?.close();
  }
}
async function keepAsBase(options, kept, checklists, untrackedReads) {
  if (!options.cache) return;
  let sha;
  try {
    sha = (await git(options.dir, ["rev-parse", "--verify", "--quiet", "HEAD^{commit}"])).toString().trim();
    await git(options.dir, ["diff-index", "--cached", "--quiet", sha, "--"]);
  } catch {
    return;
  }
  new KeptResultFile(
    kept.baseFile(sha),
    sha,
    [kept.key, JSON.stringify(options.checklists ?? null)],
    options.cache.warn
  ).save(checklists, untrackedReads);
}
async function chooseConfig(explicit, head, base) {
  if (explicit) return { config: (await configParser()).configFromFile(explicit), notes: [] };
  if (!base) return { config: await configOf(head), notes: [] };
  const fromBase = await configOf(base);
  const fromHead = await configOf(head);
  const changed = JSON.stringify(fromBase) !== JSON.stringify(fromHead);
  return {
    config: fromBase,
    notes: changed ? ["This change edits .github/readiness.yml; the base branch config applies until it is merged."] : []
  };
}
async function configOf(reader) {
  const reads = /* @__PURE__ */ new Map();
  for (const path of CONFIG_PATHS) {
    const text = await reader.readFile(path);
    reads.set(path, text);
    if (text !== null) break;
  }
  if ([...reads.values()].every((text) => text === null)) return DEFAULT_CONFIG;
  const readFile = async (path) => reads.has(path) ? reads.get(path) ?? null : reader.readFile(path);
  return (await (await configParser()).loadConfig({ revision: reader.revision, readFile })).config;
}
var configParser = () => import("./load-config-G4PT4YLK.js");

// src/core/render/format.ts
var STATUS_ORDER = [
  "unbacked",
  "unmet",
  "inconclusive",
  "satisfied",
  "verified",
  "manual"
];
var STATUS_LABEL = {
  unbacked: "Unbacked",
  unmet: "Unmet",
  inconclusive: "Inconclusive",
  satisfied: "Satisfied",
  verified: "Verified",
  manual: "Manual"
};
var STATUS_MEANING = {
  unbacked: "ticked, but the repository contradicts the claim",
  unmet: "not ticked, and the repository shows the work is not done",
  inconclusive: "checks apply, but the repository could not decide",
  satisfied: "done but not ticked: tick these",
  verified: "ticked and proven by the repository",
  manual: "no automated check applies: a person decides"
};
var STATUS_MARK = {
  unbacked: "\u2717",
  unmet: "\u2717",
  inconclusive: "?",
  satisfied: "\u2713",
  verified: "\u2713",
  manual: "\xB7"
};
var VERDICT_MARK = { pass: "\u2713", fail: "\u2717", unknown: "?" };
function itemsWithStatus(report, status) {
  return report.checklists.flatMap(
    (checklist) => checklist.items.filter((item) => item.status === status).map((item) => ({ path: checklist.path, item }))
  );
}
function findItem(report, path, id) {
  return report.checklists.find((checklist) => checklist.path === path)?.items.find((item) => item.id === id);
}
function location(path, line) {
  return line === void 0 ? path : `${path}:${line}`;
}
function countsLine(summary) {
  const parts = STATUS_ORDER.filter((status) => summary[status] > 0).map(
    (status) => `${summary[status]} ${status}`
  );
  return parts.length ? parts.join(" \xB7 ") : "no checklist items";
}
function percent(share) {
  return `${Math.round(share * 100)}%`;
}
function provenLine(score) {
  if (score.share === null || score.checkable === 0) return "Proven: no checkable items";
  return `Proven: ${score.proven}/${score.checkable} checkable items (${percent(score.share)})`;
}
function declaredVerdicts(report) {
  return report.checklists.flatMap(
    (checklist) => checklist.declared.map((verdict) => ({ path: checklist.path, verdict }))
  );
}
var DECLARED_SHOWN = 3;
function declaredLine(report, quote) {
  const declared = declaredVerdicts(report);
  if (!declared.length) return void 0;
  const shown = declared.slice(0, DECLARED_SHOWN).map(({ verdict }) => {
    const score = verdict.score === void 0 ? "" : ` (${percent(verdict.score)})`;
    return `'${quote(verdict.text)}'${score}`;
  });
  const more = declared.length > DECLARED_SHOWN ? ` (+${declared.length - DECLARED_SHOWN} more)` : "";
  return `declared: ${shown.join(", ")}${more}`;
}
function gateLine(report) {
  const { mode, passed, failures } = report.gate;
  if (passed) return `gate (${mode}): passed`;
  return `gate (${mode}): failed, ${failures.length} ${failures.length === 1 ? "failure" : "failures"}`;
}
function plural(count, noun) {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

// src/core/render/sanitize.ts
var CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
var INLINE_MAX = 300;
var ANNOTATION_TITLE_MAX = 255;
var ANNOTATION_MESSAGE_MAX_BYTES = 64 * 1024;
var ELLIPSIS = "\u2026";
function cut(text, max) {
  if (text.length <= max) return text;
  if (max <= 0) return "";
  let end = max - ELLIPSIS.length;
  if (end > 0 && isHighSurrogate(text.charCodeAt(end - 1))) end -= 1;
  return text.slice(0, Math.max(end, 0)) + ELLIPSIS;
}
function isHighSurrogate(code2) {
  return code2 >= 55296 && code2 <= 56319;
}
function plainInline(text, max = INLINE_MAX) {
  return cut(text.replace(CONTROL, "").replace(/\s+/g, " ").trim(), max);
}
var REFERENCE = /(?:[a-z][a-z0-9+.-]*:\/\/|www\.|mailto:)[^\s`]+|[\w.+-]*@\w[\w./-]*|(?:[\w.-]+\/[\w.-]+)?#\d+\b|\bGH-\d+\b|\b(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{7,40}\b/gi;
var TRAILING_PUNCTUATION = /[.,;:!?)\]'"]+$/;
var MARKDOWN_SPECIAL = /[\\`*_[\]|~$<>&]/g;
var ENTITY = { "<": "&lt;", ">": "&gt;", "&": "&amp;" };
function escapeMarkdown(text) {
  return text.replace(MARKDOWN_SPECIAL, (char) => ENTITY[char] ?? `\\${char}`);
}
function markdownInline(text, max = INLINE_MAX) {
  const line = plainInline(text, max);
  let out = "";
  let from = 0;
  for (const match of line.matchAll(REFERENCE)) {
    const trailing = TRAILING_PUNCTUATION.exec(match[0])?.[0] ?? "";
    const token = match[0].slice(0, match[0].length - trailing.length);
    out += escapeMarkdown(line.slice(from, match.index)) + code(token);
    from = match.index + token.length;
  }
  return out + escapeMarkdown(line.slice(from));
}
function code(text, max = INLINE_MAX) {
  const content = plainInline(text, max);
  if (!content) return "";
  const longestRun = Math.max(0, ...(content.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longestRun + 1);
  const pad = content.startsWith("`") || content.endsWith("`") ? " " : "";
  return `${fence}${pad}${content}${pad}${fence}`;
}
var URL_UNSAFE = /[\s()<>[\]"'`\\\u0000-\u001f\u007f]/g;
function safeUrl(url) {
  const trimmed = url.trim();
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(trimmed)?.[1]?.toLowerCase();
  if (scheme !== void 0 && scheme !== "http" && scheme !== "https") return void 0;
  return trimmed.replace(
    URL_UNSAFE,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`
  );
}
function annotationTitle(text) {
  return plainInline(text, ANNOTATION_TITLE_MAX);
}
function annotationMessage(text) {
  const clean = text.replace(/\r\n?|[\v\f]/g, "\n").replace(CONTROL, "").trim();
  return cutBytes(clean, ANNOTATION_MESSAGE_MAX_BYTES);
}
var encoder = new TextEncoder();
function cutBytes(text, maxBytes) {
  if (text.length * 3 <= maxBytes || encoder.encode(text).length <= maxBytes) return text;
  const budget = maxBytes - encoder.encode(ELLIPSIS).length;
  let bytes = 0;
  let out = "";
  for (const char of text) {
    bytes += encoder.encode(char).length;
    if (bytes > budget) break;
    out += char;
  }
  return out + ELLIPSIS;
}

// src/core/render/markdown.ts
var COMMENT_MAX_LENGTH = 65536;
var EVIDENCE_SHOWN = 3;
var EXCERPT_MAX = 80;
var NO_CHANGES = "No item changed status.";
function renderMarkdown(report, options = {}) {
  const maxLength = options.maxLength ?? COMMENT_MAX_LENGTH;
  const format = new Formatter(report, options.link);
  const head = headParts(report, options);
  const sections = buildSections(report, format).filter((section) => section.entries.length > 0);
  const full = assemble(
    head,
    sections,
    sections.map((section) => section.entries.length),
    void 0
  );
  if (full.length <= maxLength) return full;
  const tail = overflowTail(maxLength, options.overflowNote);
  const shown = sections.map(() => 0);
  let length = assemble(head, sections, shown, tail).length;
  if (length > maxLength) return minimal(head, tail, maxLength);
  const fillOrder = sections.map((_, index) => index).sort((a, b) => sectionAt(sections, a).priority - sectionAt(sections, b).priority);
  fill: for (const index of fillOrder) {
    for (const entry2 of sectionAt(sections, index).entries) {
      const cost = entry2.length + 1;
      if (length + cost > maxLength) break fill;
      length += cost;
      shown[index] = (shown[index] ?? 0) + 1;
    }
  }
  const shortened = assemble(head, sections, shown, tail);
  return shortened.length <= maxLength ? shortened : minimal(head, tail, maxLength);
}
function sectionAt(sections, index) {
  const section = sections[index];
  if (!section) throw new Error(`no section ${index}`);
  return section;
}
function assemble(head, sections, shown, tail) {
  const blocks = sections.map((section, index) => {
    const count = shown[index] ?? 0;
    const entries = section.entries.slice(0, count).map((entry2) => `
${entry2}`).join("");
    const omitted = section.entries.length - count;
    const more = omitted > 0 ? `

_\u2026 and ${omitted} more ${section.noun}_` : "";
    return `${section.open}${entries}${more}${section.close}`;
  });
  return `${[...head, ...blocks, ...tail ? [tail] : []].join("\n\n")}
`;
}
function minimal(head, tail, maxLength) {
  let out = "";
  const essential = head.filter((part) => !part.startsWith("### ") && part !== NO_CHANGES);
  for (const part of [...essential, tail]) {
    const next = out ? `${out}

${part}` : part;
    if (next.length + 1 > maxLength) break;
    out = next;
  }
  return out ? `${out}
` : "";
}
function overflowTail(maxLength, note) {
  const extra = note ? ` ${plainInline(note, 1e3)}` : "";
  return `_Shortened to fit ${maxLength.toLocaleString("en-US")} characters; the least urgent items are left out._${extra}`;
}
function markerComment(marker) {
  const trimmed = plainInline(marker, 200);
  if (/^<!--[\s\S]*-->$/.test(trimmed) && trimmed.indexOf("-->") === trimmed.length - 3) return trimmed;
  return `<!-- ${trimmed.replace(/--+>?|<|>/g, "")} -->`;
}
function headParts(report, options) {
  const { gate, summary, diff } = report;
  const icon = summary.items === 0 ? "\u2139\uFE0F" : gate.passed ? "\u2705" : "\u274C";
  const verdict = gate.passed ? "passed" : `failed (${plural(gate.failures.length, "failure")})`;
  const title = markdownInline(options.title ?? "Readiness", 200);
  const declared = declaredLine(report, (text) => markdownInline(text, 120));
  const parts = [
    `## ${icon} ${title}: gate ${verdict} \xB7 ${gate.mode} mode`,
    `**${plural(summary.items, "item")}:** ${countsLine(summary)}`,
    `**${provenLine(report.score)}**${declared ? ` \xB7 ${declared}` : ""}`
  ];
  if (options.marker) parts.unshift(markerComment(options.marker));
  if (diff) {
    const changed = Object.values(diff.entries).some((list) => list.length > 0);
    parts.push(`### Changes against ${code(diff.base, 64)}`);
    if (!changed) parts.push(NO_CHANGES);
  }
  return parts;
}
function buildSections(report, format) {
  const sections = [];
  if (report.diff) {
    const { regressed, added, fixed, removed } = report.diff.entries;
    const regressedKeys = new Set(regressed.map((change) => `${change.path}\0${change.id}`));
    const addedOther = added.filter((change) => !regressedKeys.has(`${change.path}\0${change.id}`));
    const diffSection = (priority, heading, changes) => ({
      priority,
      open: `**${heading} (${changes.length})**
`,
      entries: changes.map((change) => format.change(change)),
      close: "",
      noun: "changes"
    });
    sections.push(
      diffSection(0, "\u2717 Regressed", regressed),
      diffSection(6, "\u2713 Fixed", fixed),
      diffSection(8, "Removed", removed),
      diffSection(9, "Other added items", addedOther)
    );
  }
  const shown = new Set(report.diff?.entries.regressed.map((change) => `${change.path}\0${change.id}`));
  const failures = report.gate.failures.filter((failure2) => !shown.has(`${failure2.path}\0${failure2.id}`));
  sections.push({
    priority: 2,
    open: `### Gate failures (${failures.length})
`,
    entries: failures.map((failure2) => {
      const item = findItem(report, failure2.path, failure2.id);
      const text = item ? `${markdownInline(item.text)}: ` : "";
      return `- ${format.location(failure2.path, failure2.line)} ${text}${markdownInline(failure2.reason)}`;
    }),
    close: "",
    noun: "failures"
  });
  sections.push({
    priority: 3,
    open: "**Notes**\n",
    entries: report.notes.map((note) => `- ${markdownInline(note)}`),
    close: "",
    noun: "notes"
  });
  if (report.checklists.length > 1) sections.push(checklistTable(report, format));
  const priorities = {
    unbacked: 4,
    unmet: 5,
    inconclusive: 7,
    satisfied: 11,
    verified: 13,
    manual: 14
  };
  for (const status of STATUS_ORDER) {
    const located = itemsWithStatus(report, status);
    const open = status === "unbacked" && !report.diff ? " open" : "";
    sections.push({
      priority: priorities[status],
      open: `<details${open}>
<summary><b>${STATUS_MARK[status]} ${STATUS_LABEL[status]} (${located.length})</b>: ${STATUS_MEANING[status]}</summary>
`,
      entries: located.map(({ path, item }) => format.item(path, item)),
      close: "\n\n</details>",
      noun: "items"
    });
  }
  sections.push({
    priority: 12,
    open: `<details>
<summary>Skipped ${plural(report.skipped.length, "file")}</summary>
`,
    entries: report.skipped.map((file) => `- ${code(file.path)}: ${markdownInline(file.reason, 120)}`),
    close: "\n\n</details>",
    noun: "files"
  });
  return sections;
}
function checklistTable(report, format) {
  const statusColumns = STATUS_ORDER.map((status) => STATUS_LABEL[status]);
  const header = ["Checklist", "Items", ...statusColumns, "Proven"];
  return {
    priority: 10,
    open: `| ${header.join(" | ")} |
|${header.map(() => " --- ").join("|")}|`,
    entries: report.checklists.map((checklist) => {
      const counts = STATUS_ORDER.map(
        (status) => checklist.items.filter((item) => item.status === status).length
      );
      const manual = counts.at(-1) ?? 0;
      const proven = checklist.items.filter(
        (item) => item.status === "verified" || item.status === "satisfied"
      ).length;
      const checkable = checklist.items.length - manual;
      const share = checkable ? `${proven}/${checkable} (${percent(proven / checkable)})` : "none checkable";
      const path = format.location(checklist.path).replace(/\|/g, "\\|");
      return `| ${[path, checklist.items.length, ...counts, share].join(" | ")} |`;
    }),
    close: "",
    noun: "checklists"
  };
}
var Formatter = class {
  constructor(report, link) {
    this.report = report;
    this.link = link;
  }
  report;
  link;
  /** A file location, linked when the caller can build links. */
  location(path, line) {
    const url = this.link?.(path, line);
    const safe = url === void 0 ? void 0 : safeUrl(url);
    if (safe === void 0) return code(line === void 0 ? path : `${path}#L${line}`);
    return `[${code(line === void 0 ? path : `${path}:${line}`)}](${safe})`;
  }
  item(path, item) {
    return [
      `- ${this.location(path, item.line)} ${markdownInline(item.text)}`,
      ...this.checks(item.checks)
    ].join("\n");
  }
  change(change) {
    const transition = `${change.before ?? "new"} \u2192 ${change.after ?? "removed"}`;
    const line = `- ${this.location(change.path, change.line)} ${markdownInline(change.text)} (${transition})`;
    const item = change.after ? findItem(this.report, change.path, change.id) : void 0;
    return [line, ...this.checks(item?.checks ?? [])].join("\n");
  }
  checks(checks) {
    return checks.map((check) => {
      const evidence = check.evidence.slice(0, EVIDENCE_SHOWN).map((ref) => this.evidence(ref));
      const more = check.evidence.length > EVIDENCE_SHOWN ? ` +${check.evidence.length - EVIDENCE_SHOWN} more` : "";
      const where = evidence.length ? ` \xB7 ${evidence.join(", ")}${more}` : "";
      return `  - ${VERDICT_MARK[check.verdict]} ${code(check.rule, 80)} ${markdownInline(check.message)}${where}`;
    });
  }
  evidence(ref) {
    const excerpt = ref.excerpt ? ` ${code(ref.excerpt, EXCERPT_MAX)}` : "";
    return `${this.location(ref.path, ref.line)}${excerpt}`;
  }
};

// src/core/render/json.ts
function renderJson(report) {
  const json = {
    schemaVersion: report.schemaVersion,
    checklists: report.checklists.map(checklistJson),
    summary: {
      items: report.summary.items,
      verified: report.summary.verified,
      unbacked: report.summary.unbacked,
      unmet: report.summary.unmet,
      satisfied: report.summary.satisfied,
      inconclusive: report.summary.inconclusive,
      manual: report.summary.manual
    },
    gate: {
      mode: report.gate.mode,
      passed: report.gate.passed,
      failures: report.gate.failures.map(({ id, path, line, reason }) => ({ id, path, line, reason }))
    },
    diff: report.diff && {
      base: report.diff.base,
      regressed: report.diff.regressed,
      fixed: report.diff.fixed,
      added: report.diff.added,
      removed: report.diff.removed
    },
    score: { proven: report.score.proven, checkable: report.score.checkable, share: report.score.share },
    skipped: report.skipped.map(({ path, reason }) => ({ path, reason })),
    notes: report.notes
  };
  return `${JSON.stringify(json, null, 2)}
`;
}
function checklistJson(checklist) {
  return {
    path: checklist.path,
    items: checklist.items.map(itemJson),
    declared: checklist.declared.map(({ line, text, score }) => ({ line, text, score }))
  };
}
function itemJson(item) {
  return {
    id: item.id,
    line: item.line,
    text: item.text,
    checked: item.checked,
    section: item.section,
    status: item.status,
    checks: item.checks.map(checkJson)
  };
}
function checkJson(check) {
  return {
    rule: check.rule,
    verdict: check.verdict,
    message: check.message,
    evidence: check.evidence.map(({ path, line, excerpt }) => ({ path, line, excerpt }))
  };
}

// src/core/render/sarif.ts
var INFORMATION_URI = "https://github.com/readiness/readiness";
var RULES_DOC_URI = `${INFORMATION_URI}/blob/main/docs/rules.md`;
function ruleHelpUri(id) {
  return `${RULES_DOC_URI}#${id.toLowerCase().replace(/[^a-z0-9 _-]/g, "")}`;
}
var LEVEL = {
  unbacked: "error",
  unmet: "warning",
  inconclusive: "note"
};
var DECIDING = {
  unbacked: "fail",
  unmet: "fail",
  inconclusive: "unknown"
};
function renderSarif(report, options) {
  const ruleIds = [];
  const ruleIndex = (id) => {
    const known = ruleIds.indexOf(id);
    if (known >= 0) return known;
    ruleIds.push(id);
    return ruleIds.length - 1;
  };
  const results = [];
  for (const [status, level] of Object.entries(LEVEL)) {
    for (const { path, item } of itemsWithStatus(report, status)) {
      for (const check of item.checks.filter((candidate) => candidate.verdict === DECIDING[status])) {
        const related = check.evidence.map((ref, index) => relatedLocation(ref, index + 1, check.rule));
        results.push({
          ruleId: check.rule,
          ruleIndex: ruleIndex(check.rule),
          level,
          message: {
            text: plainInline(
              `${status}: "${plainInline(item.text)}" (${STATUS_MEANING[status]}): ${check.message}`,
              2e3
            )
          },
          locations: [
            { physicalLocation: { artifactLocation: { uri: uri(path) }, region: { startLine: item.line } } }
          ],
          ...related.length ? { relatedLocations: related } : {},
          partialFingerprints: { "readinessItem/v1": `${path}#${item.id}#${check.rule}` }
        });
      }
    }
  }
  const metadata = new Map((options.rules ?? []).map((rule) => [rule.id, rule]));
  const log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "readiness",
            version: options.toolVersion,
            informationUri: INFORMATION_URI,
            rules: ruleIds.map((id) => sarifRule(id, metadata.get(id)))
          }
        },
        results
      }
    ]
  };
  return `${JSON.stringify(log, null, 2)}
`;
}
function sarifRule(id, rule) {
  if (!rule) return { id, name: id, shortDescription: { text: id } };
  return {
    id,
    name: id,
    helpUri: ruleHelpUri(id),
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.why },
    help: { text: rule.fix }
  };
}
function relatedLocation(ref, id, rule) {
  return {
    id,
    physicalLocation: {
      artifactLocation: { uri: uri(ref.path) },
      ...ref.line === void 0 ? {} : { region: { startLine: ref.line } }
    },
    message: { text: ref.excerpt ? plainInline(ref.excerpt, 200) : `evidence for ${rule}` }
  };
}
function uri(path) {
  return path.split("/").map(encodeURIComponent).join("/");
}

export {
  defaultCacheDir,
  STATUSES,
  runCheck,
  STATUS_ORDER,
  STATUS_LABEL,
  STATUS_MEANING,
  VERDICT_MARK,
  itemsWithStatus,
  location,
  countsLine,
  provenLine,
  declaredLine,
  gateLine,
  plural,
  plainInline,
  annotationTitle,
  annotationMessage,
  renderMarkdown,
  renderJson,
  renderSarif
};
//# sourceMappingURL=chunk-NQJKBIRH.js.map
