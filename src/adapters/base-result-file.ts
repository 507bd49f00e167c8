// A PR base's item results, kept between runs. A base is a commit: its result follows from the
// commit, the config, the build and the checklist globs, plus the few files it read outside its
// tree (untracked coverage reports, read from the work tree). Those are named with a hash of what
// was read and read again before reuse, so a regenerated report is never judged by an old result.
// Only the checklists are reused (the report takes nothing else from the base). Anything
// unexpected in the file costs one warning and a fresh evaluation, never a wrong report.

import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { decodeValue, encodeValue } from '../core/memo.js';
import type { ChecklistResult } from '../core/types.js';

const FORMAT = 'readiness-base-result';
const VERSION = 1;

/** What the base read outside its own tree: path → hash of the text, or null when there was none. */
export type OutsideReads = ReadonlyMap<string, string | null>;

export function hashText(text: string | null): string | null {
  return text === null ? null : createHash('sha256').update(text).digest('hex');
}

export class BaseResultFile {
  private readonly key: string;

  /**
   * @param file where it is kept (one base per repository: the latest one checked).
   * @param parts what the result depends on besides the commit: the blob cache's key, the globs.
   */
  constructor(
    private readonly file: string,
    sha: string,
    parts: readonly string[],
    private readonly warn: (message: string) => void,
  ) {
    this.key = createHash('sha256')
      .update([FORMAT, VERSION, sha, ...parts].join('\0'))
      .digest('hex');
  }

  /**
   * The kept checklists when they were computed for this key and every file read outside the
   * tree still reads the same through `read`; undefined otherwise.
   */
  async load(read: (path: string) => Promise<string | null>): Promise<ChecklistResult[] | undefined> {
    let text: string;
    try {
      text = readFileSync(this.file, 'utf8');
    } catch {
      return undefined; // none kept yet
    }
    const lines = text.split('\n');
    let header: { format?: unknown; version?: unknown; key?: unknown } | undefined;
    let body: { outside?: unknown; checklists?: unknown } | undefined;
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
      !Array.isArray(body.checklists)
    ) {
      this.warn(`${this.file} is not a readiness base result (corrupt or truncated); ignoring it.`);
      return undefined;
    }
    for (const [path, hash] of body.outside as [string, string | null][]) {
      if (hashText(await read(path)) !== hash) return undefined;
    }
    return body.checklists as ChecklistResult[];
  }

  /** Keeps the result (atomically); a folder that cannot be written was already reported by the blob cache. */
  save(checklists: readonly ChecklistResult[], outside: OutsideReads): void {
    const header = JSON.stringify({ format: FORMAT, version: VERSION, key: this.key });
    const body = encodeValue({ outside: [...outside], checklists });
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
