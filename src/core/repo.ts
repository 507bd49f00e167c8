// The port through which the pure core sees a repository at one revision. Adapters
// (work tree, git objects, GitHub API, memory) implement it; the core never touches I/O.

export interface RepoReader {
  /** Human label of the revision ("work tree", a commit SHA). */
  readonly revision: string;
  /** Every tracked file, repository-relative, forward slashes, sorted. */
  listFiles(): Promise<string[]>;
  /**
   * Text of a file, or null when it does not exist or was skipped (binary, too large,
   * symlink leaving the repository). Skips are recorded and reported by `skipped()`.
   * May be asked for untracked paths (coverage reports are usually generated, not committed).
   */
  readFile(path: string): Promise<string | null>;
  /** Files that could not be read, with the reason, so nothing is silently lost. */
  skipped(): { path: string; reason: string }[];
  /**
   * A name for a file's exact content (its git blob id), when the reader knows one: from the
   * tree it listed, or for a work tree once `readFile` has confirmed the file is as staged.
   * Undefined when unknown. Lets a PR's base reuse the head's per-file results unread.
   */
  contentId?(path: string): string | undefined;
  /** Why a file was skipped, if it was (kept with per-file results between runs). */
  skipReason?(path: string): string | undefined;
  /**
   * Records a skip found through results kept from an earlier read of the same content, so the
   * report names the file although this run did not read it.
   */
  noteSkipped?(path: string, reason: string): void;
}

/** Largest file the engine reads as evidence; larger files are skipped with a note. */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

/** A NUL byte in the first 8 KiB marks a binary file (git's own heuristic). */
export function looksBinary(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, 8000);
  for (let i = 0; i < end; i++) if (bytes[i] === 0) return true;
  return false;
}
