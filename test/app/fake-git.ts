// Git trees and blobs as the GitHub API serves them, scripted into the OpenAPI-validating stub:
// commits become trees of blobs with git's own blob ids, recursive listings are truncated past a
// limit as GitHub truncates them, and `.github/readiness.yml` is served through the contents API.

import { createHash } from 'node:crypto';
import type { GitHubApiStub } from '../support/github-api-stub.js';

export type FileSpec = string | Buffer | { symlink: string };

interface TreeEntry {
  path: string;
  mode: string;
  type: 'blob' | 'tree';
  sha: string;
  size?: number;
}

/** GitHub stops a recursive listing at 100,000 entries (or 7 MB) and says `truncated: true`. */
export const GITHUB_TREE_LIMIT = 100_000;

export class FakeGit {
  readonly commits = new Map<string, string>();
  private readonly trees = new Map<string, TreeEntry[]>();
  private readonly blobs = new Map<string, Buffer>();
  /** owner/repo@ref → .github/readiness.yml text. */
  private readonly configs = new Map<string, string>();
  private commitCount = 0;

  constructor(private readonly treeLimit = GITHUB_TREE_LIMIT) {}

  /** Stores the files as a commit and returns its SHA. */
  commit(files: Record<string, FileSpec>): string {
    const root = this.writeTree(
      Object.entries(files).map(([path, spec]) => ({ parts: path.split('/'), spec })),
    );
    const sha = sha1(`commit ${root} ${this.commitCount++}`);
    this.commits.set(sha, root);
    return sha;
  }

  blobSha(content: string | Buffer): string {
    const bytes = typeof content === 'string' ? Buffer.from(content) : content;
    return sha1(Buffer.concat([Buffer.from(`blob ${bytes.length}\0`), bytes]));
  }

  /** `.github/readiness.yml` of `owner/repo`, at `ref` (omit for the default branch). */
  setConfig(fullName: string, text: string, ref = ''): void {
    this.configs.set(`${fullName}@${ref}`, text);
  }

  /** The repository has no config file at that ref (GitHub answers 404). */
  removeConfig(fullName: string, ref = ''): void {
    this.configs.delete(`${fullName}@${ref}`);
  }

  install(stub: GitHubApiStub): void {
    stub.on('git/get-tree', (request) => {
      const sha = request.params.tree_sha ?? '';
      const treeSha = this.commits.get(sha) ?? sha;
      if (!this.trees.has(treeSha)) return { status: 404, body: { message: 'Not Found' } };
      if (request.query.recursive === undefined) {
        return { status: 200, body: treeBody(treeSha, this.entries(treeSha), false) };
      }
      const all = this.flatten(treeSha, '');
      const truncated = all.length > this.treeLimit;
      return {
        status: 200,
        body: treeBody(treeSha, truncated ? all.slice(0, this.treeLimit) : all, truncated),
      };
    });
    stub.on('git/get-blob', (request) => {
      const sha = request.params.file_sha ?? '';
      const bytes = this.blobs.get(sha);
      if (!bytes) return { status: 404, body: { message: 'Not Found' } };
      return {
        status: 200,
        body: {
          sha,
          node_id: sha,
          size: bytes.length,
          url: '',
          content: bytes.toString('base64'),
          encoding: 'base64',
        },
      };
    });
    stub.on('repos/get-content', (request) => {
      const { owner, repo, path } = request.params;
      const text =
        this.configs.get(`${owner}/${repo}@${request.query.ref ?? ''}`) ??
        this.configs.get(`${owner}/${repo}@`);
      if (path !== '.github/readiness.yml' || text === undefined)
        return { status: 404, body: { message: 'Not Found' } };
      const bytes = Buffer.from(text);
      return {
        status: 200,
        body: {
          type: 'file',
          encoding: 'base64',
          size: bytes.length,
          name: 'readiness.yml',
          path,
          content: bytes.toString('base64'),
          sha: this.blobSha(bytes),
        },
      };
    });
  }

  private entries(treeSha: string): TreeEntry[] {
    return this.trees.get(treeSha) ?? [];
  }

  private flatten(treeSha: string, prefix: string): TreeEntry[] {
    return this.entries(treeSha).flatMap((entry) => {
      const listed = { ...entry, path: `${prefix}${entry.path}` };
      return entry.type === 'tree' ? [listed, ...this.flatten(entry.sha, `${listed.path}/`)] : [listed];
    });
  }

  private writeTree(files: { parts: string[]; spec: FileSpec }[]): string {
    const entries: TreeEntry[] = [];
    const folders = new Map<string, { parts: string[]; spec: FileSpec }[]>();
    for (const file of files) {
      const [name, ...rest] = file.parts;
      if (name === undefined) continue;
      if (rest.length > 0) {
        const folder = folders.get(name) ?? [];
        folder.push({ parts: rest, spec: file.spec });
        folders.set(name, folder);
        continue;
      }
      const symlink = typeof file.spec === 'object' && !Buffer.isBuffer(file.spec);
      const bytes = symlink
        ? Buffer.from((file.spec as { symlink: string }).symlink)
        : Buffer.from(file.spec as string | Buffer);
      const sha = this.blobSha(bytes);
      this.blobs.set(sha, bytes);
      entries.push({
        path: name,
        mode: symlink ? '120000' : '100644',
        type: 'blob',
        sha,
        size: bytes.length,
      });
    }
    for (const [name, inner] of folders) {
      entries.push({ path: name, mode: '040000', type: 'tree', sha: this.writeTree(inner) });
    }
    entries.sort((a, b) => (a.path < b.path ? -1 : 1));
    const sha = sha1(JSON.stringify(entries));
    this.trees.set(sha, entries);
    return sha;
  }
}

function treeBody(sha: string, tree: TreeEntry[], truncated: boolean) {
  return { sha, url: '', truncated, tree: tree.map((entry) => ({ ...entry, url: '' })) };
}

function sha1(data: string | Buffer): string {
  return createHash('sha1').update(data).digest('hex');
}
