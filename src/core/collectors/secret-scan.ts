// Every tracked text file, read once and scanned for committed credentials, `.env` files and
// plaintext Kubernetes Secret data. Only redacted forms of values are kept.

import picomatch from 'picomatch';
import type { Config } from '../config.js';
import type { Collector, RepoView } from '../evidence.js';
import { compileAllowlist } from '../secrets/allowlist.js';
import { type AllowedSecret, type EnvFileSummary, type SecretFinding, scanFile } from '../secrets/scanner.js';

export interface SecretScan {
  findings: SecretFinding[];
  /** Findings an inline comment or `secrets.allow` declared harmless, with the reason. */
  allowed: AllowedSecret[];
  /** Tracked `.env`-style files (templates such as `.env.example` excluded). */
  envFiles: EnvFileSummary[];
  /** `.gitignore` files with a pattern that ignores `.env`. */
  envIgnoredBy: string[];
  filesScanned: number;
  /** Characters read (equal to bytes for ASCII source). */
  bytesScanned: number;
  /** Tracked files the reader could not give as text (binary, too large, unreadable). */
  filesUnread: number;
  notes: string[];
}

/** One file's scan (omitted when it found nothing) and what the totals need, kept per file for a PR's base. */
interface ScannedFile {
  chars: number;
  found?: ReturnType<typeof scanFile>;
  ignoresEnv?: boolean;
}

const isGitignore = (path: string) => path === '.gitignore' || path.endsWith('/.gitignore');

export const secretScanCollector: Collector<SecretScan> = {
  id: 'secret-scan',
  async collect(repo: RepoView, config: Config): Promise<SecretScan> {
    const allowlist = compileAllowlist(config);
    const scan: SecretScan = {
      findings: [],
      allowed: [],
      envFiles: [],
      envIgnoredBy: [],
      filesScanned: 0,
      bytesScanned: 0,
      filesUnread: 0,
      notes: [...allowlist.problems],
    };
    let longLines = 0;
    const paths = repo.files;
    const files = await repo.perFiles('secret-scan', paths, (text, index): ScannedFile => {
      const path = paths[index] as string;
      const found = scanFile(path, text, allowlist);
      const ignoresEnv = isGitignore(path) && ignoresEnvFile(text);
      const nothing = !found.findings.length && !found.allowed.length && !found.envFile && !found.longLines;
      // Most files hold nothing: keeping only their size keeps a PR check's memo small.
      return nothing && !ignoresEnv ? { chars: text.length } : { chars: text.length, found, ignoresEnv };
    });
    files.forEach((file, index) => {
      if (file === null) {
        scan.filesUnread++;
        return;
      }
      scan.filesScanned++;
      scan.bytesScanned += file.chars;
      if (file.ignoresEnv) scan.envIgnoredBy.push(paths[index] as string);
      if (!file.found) return;
      scan.findings.push(...file.found.findings);
      scan.allowed.push(...file.found.allowed);
      if (file.found.envFile) scan.envFiles.push(file.found.envFile);
      longLines += file.found.longLines;
    });
    if (longLines > 0) {
      scan.notes.push(
        `${longLines} line${longLines === 1 ? ' was' : 's were'} longer than 4 KB and scanned only around likely credential markers`,
      );
    }
    const byLocation = (a: { path: string; line: number }, b: { path: string; line: number }) =>
      a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line;
    scan.findings.sort(byLocation);
    scan.allowed.sort(byLocation);
    scan.envFiles.sort((a, b) => (a.path < b.path ? -1 : 1));
    scan.envIgnoredBy.sort();
    return scan;
  },
};

/** Whether a `.gitignore` has a (non-negated) pattern that ignores a file named `.env`. */
export function ignoresEnvFile(gitignore: string): boolean {
  for (const raw of gitignore.split('\n')) {
    const pattern = raw.trim();
    if (!pattern || pattern.startsWith('#') || pattern.startsWith('!') || !pattern.includes('env')) continue;
    const basePattern = pattern
      .replace(/^\//, '')
      .replace(/^(?:\*\*\/)+/, '')
      .replace(/\/$/, '');
    if (basePattern.includes('/')) continue;
    try {
      if (picomatch(basePattern, { dot: true })('.env')) return true;
    } catch {
      // A pattern picomatch cannot compile ignores nothing we can reason about.
    }
  }
  return false;
}
