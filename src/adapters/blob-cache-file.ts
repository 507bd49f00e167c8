// The per-file results of the source scans, kept between runs in one file per repository, tool
// build and config: each line names a computation, a git blob id and a path, with the result.
// A later run finds every unchanged file's results by the blob id the index gives it, without
// reading the file. Anything unexpected in the file (truncated, corrupt, another format) costs
// one warning and a rebuild, never a wrong report: the key in the first line must match exactly.

import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FileMemo, KeptResults } from '../core/memo.js';

const FORMAT = 'readiness-blob-cache';
/** Commits kept as PR bases per repository: the default branch's latest few, and recent befores. */
const KEPT_BASES = 8;
const VERSION = 1;

/** `$XDG_CACHE_HOME/readiness`, else `~/.cache/readiness`. */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_CACHE_HOME?.trim() ? env.XDG_CACHE_HOME : join(homedir(), '.cache');
  return join(base, 'readiness');
}

/** esbuild's chunk names: `chunk-[hash].js`, the hash taken over the chunk's content. */
const CONTENT_HASHED = /-[A-Z0-9]{8}\.[cm]?js$/;
let fingerprint: string | undefined;
/**
 * Names the code that computes results, so a rebuilt or upgraded tool never reads results an
 * older build computed. A build's scripts (dist/chunks) are named after a hash of their content,
 * so their names and sizes are enough, and stay the same wherever the build is unpacked (the
 * Actions runner downloads the action afresh for every job, with new modification times). Run
 * from TypeScript, every source file's name, size and modification time.
 */
function codeFingerprint(): string {
  if (fingerprint) return fingerprint;
  const hash = createHash('sha256');
  const here = fileURLToPath(import.meta.url);
  const fromSource = here.endsWith('.ts');
  const add = (folder: string, depth: number) => {
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : 1,
    )) {
      const path = join(folder, entry.name);
      if (entry.isDirectory() && depth > 0) add(path, depth - 1);
      else if (/\.[cm]?[jt]s$/.test(entry.name)) {
        const stats = statSync(path);
        // A script whose name carries no content hash (an entry point) is named by its mtime too.
        const hashed = !fromSource && CONTENT_HASHED.test(entry.name);
        hash.update(hashed ? `${entry.name}\0${stats.size}\0` : `${path}\0${stats.size}\0${stats.mtimeMs}\0`);
      }
    }
  };
  try {
    if (fromSource) add(dirname(dirname(here)), 8);
    else add(dirname(here), 0);
  } catch {
    hash.update(String(Math.random())); // unknown code: never share results with another run
  }
  fingerprint = hash.digest('hex');
  return fingerprint;
}

/** One file content's line: its blob id, its `kind:value …` results, another content of the same path. */
interface KeptLine {
  id: string;
  results: string;
  byKind?: (number | undefined)[];
  next?: KeptLine;
}

export class BlobCacheFile {
  private readonly file: string;
  /** What every kept result depends on: format, build, tool version and config. */
  readonly key: string;
  private loaded = 0;
  /** Whether loadInto ran: a run that evaluated nothing leaves the file as it is. */
  private attempted = false;

  /**
   * @param parts what the results depend on besides the code: the tool version, the config.
   * @param repo the repository's folder: each repository keeps its own file.
   */
  constructor(
    private readonly dir: string,
    repo: string,
    parts: readonly string[],
    private readonly warn: (message: string) => void,
  ) {
    this.key = createHash('sha256')
      .update([FORMAT, VERSION, codeFingerprint(), ...parts].join('\0'))
      .digest('hex');
    const name = createHash('sha256').update(repo).digest('hex').slice(0, 24);
    this.file = join(dir, `${name}.cache`);
  }

  /** The file beside this one that keeps the work tree's whole result (see KeptResultFile). */
  headFile(): string {
    return this.file.replace(/\.cache$/, '.head');
  }

  /**
   * The file beside this one that keeps a commit's checklists as a PR base. Each commit has its
   * own, so a push run can keep its new commit (the next PRs' base) beside the commit before.
   */
  baseFile(sha: string): string {
    return this.file.replace(/\.cache$/, `.${sha.replace(/[^0-9a-f]/gi, '').slice(0, 40)}.base`);
  }

  /** Removes all but the `keep` most recently written base files of this repository. */
  pruneBaseFiles(keep = KEPT_BASES): void {
    const prefix = basename(this.file).replace(/\.cache$/, '.');
    try {
      const bases = readdirSync(this.dir)
        .filter((name) => name.startsWith(prefix) && name.endsWith('.base'))
        .map((name) => ({ path: join(this.dir, name), written: statSync(join(this.dir, name)).mtimeMs }))
        .sort((a, b) => b.written - a.written);
      for (const old of bases.slice(keep)) rmSync(old.path, { force: true });
    } catch {
      // A folder that cannot be listed was already reported when the cache was written.
    }
  }

  /**
   * Hands the kept results to the memo; a file that is not exactly ours is ignored with a
   * warning. Only the file's shape is checked here: each result is decoded when looked up.
   */
  loadInto(memo: FileMemo): void {
    if (this.attempted) return;
    this.attempted = true;
    let text: string;
    try {
      text = readFileSync(this.file, 'utf8');
    } catch {
      return; // no cache yet
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
  private parse(text: string): (KeptResults & { size: number }) | undefined {
    const lines = text.split('\n');
    let header: { format?: unknown; version?: unknown; key?: unknown; kinds?: unknown } | undefined;
    try {
      header = JSON.parse(lines[0] ?? '');
    } catch {
      header = undefined;
    }
    if (!header || header.format !== FORMAT || header.version !== VERSION) {
      this.warn(
        `${this.file} is not a readiness cache file (corrupt or another format); ignoring it and writing a new one.`,
      );
      return undefined;
    }
    // Another build or config: its results do not apply; replaced after this run, no warning.
    if (header.key !== this.key) return undefined;
    // Written whole, the file ends with "end" and a newline; anything else was cut short.
    if (lines.at(-1) !== '' || lines.at(-2) !== 'end') {
      this.warn(`${this.file} is truncated; ignoring it and writing a new one.`);
      return undefined;
    }
    const kinds = Array.isArray(header.kinds) ? (header.kinds as unknown[]) : [];
    const kindIndex = new Map(kinds.map((kind, index) => [kind, index]));
    const malformed = (line: number) => {
      this.warn(`${this.file} has a malformed line ${line + 1}; ignoring it and writing a new one.`);
      return undefined;
    };
    const filesLine = lines.indexOf('files');
    if (filesLine < 1 || filesLine > lines.length - 2) return malformed(lines.length - 2);
    const values = lines.slice(1, filesLine);
    // By path (the strings a run looks up with hash once), each file line cut by position and its
    // results split on first use; the path is unquoted only when it has escapes.
    const byPath = new Map<string, KeptLine>();
    let size = 0;
    for (let index = filesLine + 1; index < lines.length - 2; index++) {
      const line = lines[index] as string;
      const first = line.indexOf('\t');
      const second = line.indexOf('\t', first + 1);
      if (first < 1 || second < 0 || line.indexOf('\t', second + 1) >= 0) return malformed(index);
      const quoted = line.slice(first + 1, second);
      if (quoted.length < 2 || quoted[0] !== '"' || quoted.at(-1) !== '"') return malformed(index);
      let path: unknown = quoted.slice(1, -1);
      if (quoted.includes('\\')) {
        try {
          path = JSON.parse(quoted);
        } catch {
          return malformed(index);
        }
      }
      if (typeof path !== 'string') return malformed(index);
      byPath.set(path, { id: line.slice(0, first), results: line.slice(second + 1), next: byPath.get(path) });
      size++;
    }
    /** The line's value index per kind index (undefined where the line has none or is malformed). */
    const valuesOf = (line: KeptLine): (number | undefined)[] => {
      if (line.byKind) return line.byKind;
      line.byKind = [];
      for (const result of line.results.split(' ')) {
        const colon = result.indexOf(':');
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
        if (!line || kindAt === undefined) return undefined;
        const value = valuesOf(line)[kindAt];
        return value === undefined ? undefined : values[value];
      },
      *all() {
        for (const [path, first] of byPath) {
          for (let line: KeptLine | undefined = first; line; line = line.next) {
            const byKind = valuesOf(line);
            for (const [index, kind] of kinds.entries()) {
              const at = byKind[index];
              const value = at === undefined ? undefined : values[at];
              if (typeof kind === 'string' && value !== undefined) yield { kind, path, id: line.id, value };
            }
          }
        }
      },
    };
  }

  /** Writes the memo's results when this run computed any (atomically: a reader never sees half a file). */
  save(memo: FileMemo): void {
    if (!this.attempted || (memo.computed === 0 && this.loaded > 0)) return;
    const kinds: string[] = [];
    const kindIndex = new Map<string, number>();
    const valueIndex = new Map<string, number>();
    const files = new Map<string, string[]>();
    for (const entry of memo.saved()) {
      let kind = kindIndex.get(entry.kind);
      if (kind === undefined) {
        kind = kinds.push(entry.kind) - 1;
        kindIndex.set(entry.kind, kind);
      }
      let value = valueIndex.get(entry.value);
      if (value === undefined) {
        value = valueIndex.size;
        valueIndex.set(entry.value, value);
      }
      const file = `${entry.id}\t${JSON.stringify(entry.path)}`;
      const results = files.get(file);
      if (results) results.push(`${kind}:${value}`);
      else files.set(file, [`${kind}:${value}`]);
    }
    const lines = [JSON.stringify({ format: FORMAT, version: VERSION, key: this.key, kinds })];
    for (const value of valueIndex.keys()) lines.push(value);
    lines.push('files');
    for (const [file, results] of files) lines.push(`${file}\t${results.join(' ')}`);
    lines.push('end', '');
    const temporary = `${this.file}.${process.pid}.tmp`;
    try {
      mkdirSync(this.dir, { recursive: true });
      writeFileSync(temporary, lines.join('\n'));
      renameSync(temporary, this.file);
    } catch (error) {
      try {
        rmSync(temporary, { force: true });
      } catch {
        // the folder itself is what failed
      }
      this.warn(
        `could not write the cache ${this.file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); pass --cache-dir DIR to keep it elsewhere, or --no-cache.`,
      );
    }
  }
}
