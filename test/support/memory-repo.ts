// An in-memory repository: the App's tests, the fuzzers and rule tests build revisions
// from plain objects through the same port as the real adapters.

import { looksBinary, MAX_FILE_BYTES, type RepoReader } from '../../src/core/repo.js';

export class MemoryRepo implements RepoReader {
  private readonly skips: { path: string; reason: string }[] = [];
  private readonly tracked: string[];

  /**
   * @param files path → content; paths in `untracked` can be read but are not listed
   *   (like a generated coverage report in a work tree).
   */
  constructor(
    private readonly files: Record<string, string | Uint8Array>,
    readonly revision = 'memory',
    untracked: readonly string[] = [],
  ) {
    const hidden = new Set(untracked);
    this.tracked = Object.keys(files)
      .filter((path) => !hidden.has(path))
      .sort();
  }

  async listFiles(): Promise<string[]> {
    return this.tracked;
  }

  async readFile(path: string): Promise<string | null> {
    const content = this.files[path];
    if (content === undefined) return null;
    if (typeof content === 'string') return content;
    if (content.byteLength > MAX_FILE_BYTES) return this.skip(path, `larger than ${MAX_FILE_BYTES} bytes`);
    if (looksBinary(content)) return this.skip(path, 'binary file');
    return new TextDecoder().decode(content);
  }

  skipped() {
    return this.skips;
  }

  private skip(path: string, reason: string): null {
    if (!this.skips.some((s) => s.path === path)) this.skips.push({ path, reason });
    return null;
  }
}
