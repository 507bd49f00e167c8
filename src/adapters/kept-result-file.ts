// A revision's evaluated result, kept between runs: a PR base's checklists, or the head's whole
// result when every tracked file is as staged. It follows from the revision's content (a base
// commit's SHA; the index's blob ids for a work tree), the config, the build and the checklist
// globs, plus the few files read outside the tracked ones (untracked coverage reports). Those are
// named with a hash of what was read and read again before reuse, so a regenerated report is
// never judged by an old result. Anything unexpected in the file costs one warning and a fresh
// evaluation, never a wrong report.

import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { decodeValue, encodeValue } from '../core/memo.js';

const FORMAT = 'readiness-kept-result';
const VERSION = 1;

/** What a revision read outside its tracked files: path → hash of the text, or null when there was none. */
export type OutsideReads = ReadonlyMap<string, string | null>;

export function hashText(text: string | null): string | null {
  return text === null ? null : createHash('sha256').update(text).digest('hex');
}

export class KeptResultFile<T> {
  private readonly key: string;

  /**
   * @param file where it is kept (one per repository and side: the latest one checked).
   * @param content names the revision's content: a commit SHA, or a hash of the index's blob ids.
   * @param parts what the result depends on besides the content: the blob cache's key, the globs.
   */
  constructor(
    private readonly file: string,
    content: string,
    parts: readonly string[],
    private readonly warn: (message: string) => void,
  ) {
    this.key = createHash('sha256')
      .update([FORMAT, VERSION, content, ...parts].join('\0'))
      .digest('hex');
  }

  /**
   * The kept result when it was computed for this key and every file read outside the tracked
   * ones still reads the same through `read`; undefined otherwise.
   */
  async load(read: (path: string) => Promise<string | null>): Promise<T | undefined> {
    let text: string;
    try {
      text = readFileSync(this.file, 'utf8');
    } catch {
      return undefined; // none kept yet
    }
    const lines = text.split('\n');
    let header: { format?: unknown; version?: unknown; key?: unknown } | undefined;
    let body: { outside?: unknown; result?: unknown } | undefined;
    try {
      header = JSON.parse(lines[0] ?? '');
      if (header?.format === FORMAT && header.version === VERSION && header.key !== this.key)
        return undefined; // another base, build or config: replaced after this run, no warning
      if (lines.length !== 4 || lines[2] !== 'end' || lines[3] !== '') throw new Error('truncated');
      body = decodeValue(lines[1] as string) as typeof body;
    } catch {
      body = undefined;
    }
    if (
      header?.format !== FORMAT ||
      header.version !== VERSION ||
      !body ||
      !Array.isArray(body.outside) ||
      body.result === undefined
    ) {
      this.warn(`${this.file} is not a readiness kept result (corrupt or truncated); ignoring it.`);
      return undefined;
    }
    for (const [path, hash] of body.outside as [string, string | null][]) {
      if (hashText(await read(path)) !== hash) return undefined;
    }
    return body.result as T;
  }

  /** Keeps the result (atomically); a folder that cannot be written was already reported by the blob cache. */
  save(result: T, outside: OutsideReads): void {
    const header = JSON.stringify({ format: FORMAT, version: VERSION, key: this.key });
    const body = encodeValue({ outside: [...outside], result });
    const temporary = `${this.file}.${process.pid}.tmp`;
    try {
      mkdirSync(dirname(this.file), { recursive: true });
      writeFileSync(temporary, `${header}\n${body}\nend\n`);
      renameSync(temporary, this.file);
    } catch {
      try {
        rmSync(temporary, { force: true });
      } catch {
        // the folder itself is what failed
      }
    }
  }
}
