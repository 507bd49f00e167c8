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

/**
 * Scan results by file for the life of a config object: a PR's base revision shares almost
 * every file with its head, so the base scan only pays for the files the change touched.
 * Keyed by the exact text, so a file that differs is always scanned again.
 */
const scannedTexts = new WeakMap<
  Config,
  Map<string, { text: string; result: ReturnType<typeof scanFile> }>
>();

function scanCached(
  config: Config,
  path: string,
  text: string,
  allowlist: ReturnType<typeof compileAllowlist>,
) {
  let byPath = scannedTexts.get(config);
  if (!byPath) {
    byPath = new Map();
    scannedTexts.set(config, byPath);
  }
  const known = byPath.get(path);
  if (known && known.text === text) return known.result;
  const result = scanFile(path, text, allowlist);
  byPath.set(path, { text, result });
  return result;
}

/** Reads in flight at once: enough to overlap I/O for async readers without a burst of open files. */
const CONCURRENT_READS = 16;

export const secretScanCollector: Collector<SecretScan> = {
  id: 'secret-scan',
  async collect(repo: RepoView, config: Config): Promise<SecretScan> {
    const allowlist = compileAllowlist(config);
    const excluded = config.exclude.length ? picomatch(config.exclude, { dot: true }) : () => false;
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
    const paths = repo.files.filter((path) => !excluded(path));
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < paths.length) {
        const path = paths[next++] as string;
        let text: string | null = null;
        try {
          text = await repo.read(path);
        } catch {
          text = null;
        }
        if (text === null) {
          scan.filesUnread++;
          continue;
        }
        scan.filesScanned++;
        scan.bytesScanned += text.length;
        const result = scanCached(config, path, text, allowlist);
        scan.findings.push(...result.findings);
        scan.allowed.push(...result.allowed);
        if (result.envFile) scan.envFiles.push(result.envFile);
        longLines += result.longLines;
        if (path === '.gitignore' || path.endsWith('/.gitignore')) {
          if (ignoresEnvFile(text)) scan.envIgnoredBy.push(path);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENT_READS, paths.length) }, worker));
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
