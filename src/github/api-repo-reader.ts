// A revision read over the GitHub API, without a clone: one recursive tree call lists every file
// with its blob SHA and size; a blob is fetched only when a collector reads it, and kept in the
// process-wide blob cache. A tree too large for one response (`truncated: true`) is listed again
// folder by folder. A failed API call fails the whole evaluation: reporting a file as missing
// because GitHub had a bad minute would publish a false "unbacked".

import { looksBinary, MAX_FILE_BYTES, type RepoReader } from '../core/repo.js';
import { type BlobCache, type BlobContent, sharedBlobCache } from './blob-cache.js';
import type { GitHubClient } from './client.js';
import { httpStatus } from './errors.js';
import type { RepoRef } from './repo-ref.js';

export interface ApiRepoReaderOptions {
  client: GitHubClient;
  repo: RepoRef;
  /** Commit to read. */
  sha: string;
  cache?: BlobCache;
  /** Tree requests allowed when walking a truncated tree; folders beyond it are reported as skipped. */
  maxTreeRequests?: number;
  /** Blob requests allowed per revision (cache hits are free); later reads are skipped with a note. */
  maxBlobRequests?: number;
}

interface TreeEntry {
  blob: string;
  size: number;
}

interface ApiTreeEntry {
  path?: string;
  mode?: string;
  type?: string;
  sha?: string;
  size?: number;
}

const SYMLINK_MODE = '120000';
const PARALLEL_TREE_REQUESTS = 4;
const DEFAULT_MAX_TREE_REQUESTS = 300;
const DEFAULT_MAX_BLOB_REQUESTS = 3000;

export class ApiRepoReader implements RepoReader {
  readonly revision: string;
  private tree?: Promise<Map<string, TreeEntry>>;
  private listed?: Map<string, TreeEntry>;
  private readonly skips = new Map<string, string>();
  private readonly inFlight = new Map<string, Promise<BlobContent>>();
  private readonly cache: BlobCache;
  private blobRequests = 0;
  private treeRequests = 0;
  private failure: unknown;

  constructor(private readonly options: ApiRepoReaderOptions) {
    this.revision = options.sha;
    this.cache = options.cache ?? sharedBlobCache;
  }

  async listFiles(): Promise<string[]> {
    return [...(await this.entries()).keys()].sort();
  }

  async readFile(path: string): Promise<string | null> {
    // Paths outside the tree (generated coverage reports, say) cannot exist at a commit: no request.
    const entry = (await this.entries()).get(path);
    if (!entry) return null;
    if (entry.size > MAX_FILE_BYTES)
      return this.skip(path, `larger than ${MAX_FILE_BYTES} bytes (${entry.size})`);
    const content = await this.blob(entry.blob);
    return 'text' in content ? content.text : this.skip(path, content.skipped);
  }

  /** The blob SHA from the listed tree, so the base of a PR reuses the head's per-file results. */
  contentId(path: string): string | undefined {
    return this.listed?.get(path)?.blob;
  }

  skipped() {
    return [...this.skips].map(([path, reason]) => ({ path, reason }));
  }

  /**
   * Throws the first API failure a read ran into. Collectors treat unreadable files as absent,
   * so the caller asks after evaluating whether the evidence was complete.
   */
  assertComplete(): void {
    if (this.failure !== undefined) throw this.failure;
  }

  private skip(path: string, reason: string): null {
    this.skips.set(path, reason);
    return null;
  }

  private entries(): Promise<Map<string, TreeEntry>> {
    this.tree ??= this.listTree().then(
      (entries) => {
        this.listed = entries;
        return entries;
      },
      (error: unknown) => {
        this.failure ??= error;
        throw error;
      },
    );
    return this.tree;
  }

  private async blob(sha: string): Promise<BlobContent> {
    const cached = this.cache.get(sha);
    if (cached) return cached;
    let pending = this.inFlight.get(sha);
    if (!pending) {
      const budget = this.options.maxBlobRequests ?? DEFAULT_MAX_BLOB_REQUESTS;
      if (this.blobRequests >= budget) {
        return { skipped: `not fetched: this revision already needed ${budget} blob requests (API budget)` };
      }
      this.blobRequests++;
      pending = this.fetchBlob(sha).finally(() => this.inFlight.delete(sha));
      this.inFlight.set(sha, pending);
    }
    return pending;
  }

  private async fetchBlob(sha: string): Promise<BlobContent> {
    const { client, repo } = this.options;
    let data: { content: string; encoding: string };
    try {
      ({ data } = await client.rest.git.getBlob({ ...repo, file_sha: sha }));
    } catch (error) {
      if (httpStatus(error) === 404) return { skipped: 'blob missing from the repository' };
      this.failure ??= error;
      throw error;
    }
    const bytes = Buffer.from(data.content, data.encoding === 'base64' ? 'base64' : 'utf8');
    const content: BlobContent = looksBinary(bytes)
      ? { skipped: 'binary file' }
      : { text: bytes.toString('utf8') };
    this.cache.set(sha, content);
    return content;
  }

  private async listTree(): Promise<Map<string, TreeEntry>> {
    const entries = new Map<string, TreeEntry>();
    const whole = await this.getTree(this.options.sha, true);
    if (!whole.truncated) {
      this.addEntries(entries, '', whole.tree);
      return entries;
    }
    await this.walk(entries, whole.sha, '');
    return entries;
  }

  /**
   * Lists one folder, then each subfolder with a recursive call of its own: a subfolder that fits
   * in one response costs one request; only those that are still truncated are split further.
   */
  private async walk(entries: Map<string, TreeEntry>, treeSha: string, prefix: string): Promise<void> {
    const folder = await this.getTree(treeSha, false);
    this.addEntries(entries, prefix, folder.tree);
    const subtrees = folder.tree.filter((entry) => entry.type === 'tree' && entry.sha && entry.path);
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < subtrees.length) {
        const subtree = subtrees[next++] as Required<ApiTreeEntry>;
        const path = `${prefix}${subtree.path}/`;
        if (this.treeRequests >= (this.options.maxTreeRequests ?? DEFAULT_MAX_TREE_REQUESTS)) {
          this.skip(path, 'folder not listed: the tree is too large for the API walk limit');
          continue;
        }
        const listed = await this.getTree(subtree.sha, true);
        if (listed.truncated) await this.walk(entries, subtree.sha, path);
        else this.addEntries(entries, path, listed.tree);
      }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL_TREE_REQUESTS, subtrees.length) }, worker));
  }

  private async getTree(treeSha: string, recursive: boolean) {
    const { client, repo } = this.options;
    this.treeRequests++;
    const { data } = await client.rest.git.getTree({
      ...repo,
      tree_sha: treeSha,
      ...(recursive ? { recursive: '1' } : {}),
    });
    return data as { sha: string; truncated: boolean; tree: ApiTreeEntry[] };
  }

  private addEntries(entries: Map<string, TreeEntry>, prefix: string, tree: ApiTreeEntry[]): void {
    for (const entry of tree) {
      // Folders are listed through their files; submodules (`commit`) belong to other repositories.
      if (entry.type !== 'blob' || !entry.path || !entry.sha) continue;
      const path = `${prefix}${entry.path}`;
      if (entry.mode === SYMLINK_MODE) {
        this.skip(path, 'symlink (not followed)');
        continue;
      }
      entries.set(path, { blob: entry.sha, size: entry.size ?? 0 });
    }
  }
}
