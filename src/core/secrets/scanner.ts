// Scans one file's text for committed credentials. The hot path of the whole tool: a file
// without a prefilter hit costs one regex test over its content; only lines around hits
// are looked at, and raw values never leave this module (findings hold redacted forms).

import { inFolders } from '../formats/folders.js';
import { type Allowlist, EMPTY_ALLOWLIST, inlineAllowReason } from './allowlist.js';
import { envAssignments, hasRealValue, isEnvFile, isSecretEnvKey } from './env-files.js';
import { decodeSecretData, mightHoldSecretManifest, secretDataValues } from './k8s-secret.js';
import { SECRET_PATTERNS, type SecretKind, type SecretPattern } from './patterns.js';
import { type Redacted, redact } from './redact.js';
import { looksLikeSecretValue } from './values.js';

/** Where a finding sits: only `code` findings contradict "no secrets in code" outright. */
export type PathContext = 'code' | 'test' | 'docs' | 'vendored';

export interface SecretFinding {
  path: string;
  line: number;
  kind: SecretKind;
  redacted: Redacted;
  context: PathContext;
}

export interface AllowedSecret extends SecretFinding {
  reason: string;
}

export interface EnvFileSummary {
  path: string;
  assignments: number;
  /** Assignments with a real (non-blank, non-placeholder) value; keys only, never values. */
  valued: { line: number; key: string }[];
}

export interface FileScan {
  findings: SecretFinding[];
  allowed: AllowedSecret[];
  /** Set when the file is a `.env`-style file. */
  envFile?: EnvFileSummary;
  /** Lines longer than MAX_LINE_LENGTH, scanned only in windows around prefilter hits. */
  longLines: number;
}

/** Lines longer than this are scanned only in windows around prefilter hits. */
export const MAX_LINE_LENGTH = 4096;
const WINDOW_BEFORE = 256;
const WINDOW_AFTER = 1024;

const escapeLiteral = (literal: string) => literal.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');

/** Every pattern's literals in one alternation: V8 compiles it into a fast multi-literal search. */
const PREFILTER = new RegExp(
  [...new Set(SECRET_PATTERNS.flatMap((pattern) => pattern.literals.map(escapeLiteral)))].join('|'),
  'gi',
);

/**
 * Tried only where the prefilter hit (sticky): a common literal (`token`, `://`) must be followed
 * by its pattern's hint before the line around it is looked at.
 */
const GATE = new RegExp(
  SECRET_PATTERNS.map((pattern) => pattern.hint ?? pattern.literals.map(escapeLiteral).join('|')).join('|'),
  'iy',
);

/** Files that are generated, minified or maps of other files: their "secrets" are someone else's. */
const SKIPPED_FILE = /\.min\.(?:js|mjs|cjs|css)$|\.(?:js|css)\.map$|\.map$/i;
const LOCKFILE =
  /(?:^|\/)(?:package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|bun\.lock|composer\.lock|Gemfile\.lock|Cargo\.lock|poetry\.lock|Pipfile\.lock|go\.sum|mix\.lock)$/;
const LOCKFILE_HASH_LINE = /integrity|checksum|sha(?:1|256|384|512)[-:]|"hash"|h1:/i;

const TEST_PATH =
  /(?:^|\/)(?:tests?|__tests__|specs?|fixtures?|__fixtures__|testdata|test-data|__mocks__|mocks?|e2e|cypress|playwright)\/|[._-](?:test|spec)\.[a-z]+$|_test\.go$|(?:^|\/)test_[^/]+\.py$/i;
const DOCS_PATH = /(?:^|\/)(?:docs?|documentation|examples?|samples?)\/|\.(?:md|mdx|markdown|rst|adoc|txt)$/i;
const VENDORED_PATH = inFolders([
  'node_modules',
  'vendor',
  'third_party',
  'bower_components',
  '.venv',
  'venv',
  'site-packages',
]);
const CONFIG_FILE = /\.(?:ya?ml|properties|ini|cfg|conf|toml|env)$|(?:^|\/)\.env[^/]*$|(?:^|\/)\.npmrc$/i;

export function pathContext(path: string): PathContext {
  if (VENDORED_PATH.test(path)) return 'vendored';
  if (TEST_PATH.test(path)) return 'test';
  if (DOCS_PATH.test(path)) return 'docs';
  return 'code';
}

export function isSkippedForSecrets(path: string): boolean {
  return SKIPPED_FILE.test(path);
}

interface RawHit {
  line: number;
  kind: SecretKind;
  /** The raw secret: used for allowlists, then only its redacted form is kept. */
  value: string;
  lineText: string;
  previousLine: string;
}

class Recorder {
  readonly scan: FileScan = { findings: [], allowed: [], longLines: 0 };
  private readonly linesWithFindings = new Set<number>();
  private readonly context: PathContext;

  constructor(
    private readonly path: string,
    private readonly allowlist: Allowlist,
  ) {
    this.context = pathContext(path);
  }

  hasFindingOn(line: number): boolean {
    return this.linesWithFindings.has(line);
  }

  /** A generic `password: …` match inside a Secret manifest is better named as Secret data. */
  relabel(line: number, from: SecretKind, to: SecretKind): void {
    for (const finding of [...this.scan.findings, ...this.scan.allowed]) {
      if (finding.line === line && finding.kind === from) finding.kind = to;
    }
  }

  /** A hit on `line` of a file split into `lines`: the line and the one above may allow it. */
  recordLine(lines: readonly string[], line: number, kind: SecretKind, value: string): void {
    this.record({ line, kind, value, lineText: lines[line - 1] ?? '', previousLine: lines[line - 2] ?? '' });
  }

  record(hit: RawHit): void {
    this.linesWithFindings.add(hit.line);
    const finding: SecretFinding = {
      path: this.path,
      line: hit.line,
      kind: hit.kind,
      redacted: redact(hit.value),
      context: this.context,
    };
    const reason =
      inlineAllowReason(hit.lineText) ??
      inlineAllowReason(hit.previousLine) ??
      this.allowlist.reasonFor(this.path, hit.kind, hit.value);
    if (reason) this.scan.allowed.push({ ...finding, reason });
    else this.scan.findings.push(finding);
  }
}

export function scanFile(path: string, text: string, allowlist: Allowlist = EMPTY_ALLOWLIST): FileScan {
  const recorder = new Recorder(path, allowlist);
  if (isSkippedForSecrets(path)) return recorder.scan;
  const envFile = isEnvFile(path);
  scanLines(text, recorder, {
    configFile: envFile || CONFIG_FILE.test(path),
    lockfile: LOCKFILE.test(path),
    // In env files every assignment is read below with env-specific rules.
    skipKind: envFile ? 'secret-assignment' : undefined,
  });
  if (envFile) scanEnvFile(path, text, recorder);
  if (/\.ya?ml$/i.test(path) && mightHoldSecretManifest(text)) scanSecretManifest(text, recorder);
  recorder.scan.findings.sort((a, b) => a.line - b.line);
  recorder.scan.allowed.sort((a, b) => a.line - b.line);
  return recorder.scan;
}

interface LineOptions {
  configFile: boolean;
  lockfile: boolean;
  skipKind: SecretKind | undefined;
}

function scanLines(text: string, recorder: Recorder, options: LineOptions): void {
  PREFILTER.lastIndex = 0;
  let lineNumber = 1;
  let countedTo = 0;
  let lastLongLine = -1;
  let hit = PREFILTER.exec(text);
  while (hit) {
    GATE.lastIndex = hit.index;
    if (!GATE.test(text)) {
      PREFILTER.lastIndex = hit.index + 1;
      hit = PREFILTER.exec(text);
      continue;
    }
    const lineStart = text.lastIndexOf('\n', hit.index - 1) + 1;
    let lineEnd = text.indexOf('\n', hit.index);
    if (lineEnd < 0) lineEnd = text.length;
    for (let at = text.indexOf('\n', countedTo); at >= 0 && at < lineStart; at = text.indexOf('\n', at + 1)) {
      lineNumber++;
    }
    countedTo = lineStart;
    let from = lineStart;
    let to = lineEnd;
    if (lineEnd - lineStart > MAX_LINE_LENGTH) {
      from = Math.max(lineStart, hit.index - WINDOW_BEFORE);
      to = Math.min(lineEnd, hit.index + WINDOW_AFTER);
      if (lineStart !== lastLongLine) recorder.scan.longLines++;
      lastLongLine = lineStart;
    }
    const line = text.slice(from, to);
    if (!(options.lockfile && LOCKFILE_HASH_LINE.test(line))) {
      scanLine(text, line, to, lineNumber, lineStart, recorder, options);
    }
    PREFILTER.lastIndex = to < lineEnd ? to : lineEnd + 1;
    hit = PREFILTER.exec(text);
  }
}

function scanLine(
  text: string,
  line: string,
  lineEnd: number,
  lineNumber: number,
  lineStart: number,
  recorder: Recorder,
  options: LineOptions,
): void {
  const lower = line.toLowerCase();
  const taken: [number, number][] = [];
  const following = () => text.slice(lineEnd + 1, lineEnd + 1025);
  for (const pattern of SECRET_PATTERNS) {
    if (pattern.kind === options.skipKind || !appliesTo(pattern, lower)) continue;
    pattern.regex.lastIndex = 0;
    for (let match = pattern.regex.exec(line); match; match = pattern.regex.exec(line)) {
      const start = match.index;
      const end = start + match[0].length;
      if (taken.some(([from, to]) => start < to && end > from) || insideDataUri(line, start)) continue;
      // A known format rejected as a stand-in is not handed on to the generic heuristics.
      taken.push([start, end]);
      const value = pattern.accept({ match, line, following, configFile: options.configFile });
      if (value === null) continue;
      const previous = previousLine(text, lineStart);
      recorder.record({
        line: lineNumber,
        kind: pattern.kind,
        value,
        lineText: line,
        previousLine: previous,
      });
    }
  }
}

function appliesTo(pattern: SecretPattern, lowerLine: string): boolean {
  for (const literal of pattern.literals) if (lowerLine.includes(literal)) return true;
  return false;
}

function previousLine(text: string, lineStart: number): string {
  if (lineStart === 0) return '';
  const start = text.lastIndexOf('\n', lineStart - 2) + 1;
  return text.slice(start, Math.min(lineStart - 1, start + MAX_LINE_LENGTH));
}

/** Inside `data:…;base64,<here>`: image bytes, not a credential, whatever they spell. */
function insideDataUri(line: string, index: number): boolean {
  const marker = line.lastIndexOf('base64,', index);
  if (marker < 0) return false;
  for (let at = marker + 7; at < index; at++) {
    const code = line.charCodeAt(at);
    const base64 =
      (code >= 65 && code <= 90) ||
      (code >= 97 && code <= 122) ||
      (code >= 47 && code <= 57) ||
      code === 43 ||
      code === 61;
    if (!base64) return false;
  }
  return true;
}

function scanEnvFile(path: string, text: string, recorder: Recorder): void {
  const lines = text.split('\n');
  const summary: EnvFileSummary = { path, assignments: 0, valued: [] };
  for (const { line, key, value } of envAssignments(text)) {
    summary.assignments++;
    if (!hasRealValue(value)) continue;
    summary.valued.push({ line, key });
    if (
      recorder.hasFindingOn(line) ||
      !isSecretEnvKey(key) ||
      !looksLikeSecretValue(value, 'password', { hexIsSecret: true })
    )
      continue;
    recorder.recordLine(lines, line, 'env-file-secret', value);
  }
  recorder.scan.envFile = summary;
}

function scanSecretManifest(text: string, recorder: Recorder): void {
  const lines = text.split('\n');
  for (const { line, value, encoded } of secretDataValues(text)) {
    if (recorder.hasFindingOn(line)) {
      recorder.relabel(line, 'secret-assignment', 'k8s-secret-data');
      continue;
    }
    const plain = encoded ? decodeSecretData(value) : value;
    if (plain === null || !hasRealValue(plain) || !hasRealValue(value) || isUrlWithoutPassword(plain))
      continue;
    recorder.recordLine(lines, line, 'k8s-secret-data', value);
  }
}

/** Endpoints such as a Sentry DSN are configuration; a URL with a password is caught by its own pattern. */
function isUrlWithoutPassword(value: string): boolean {
  return /^[a-z][a-z0-9+.-]{1,20}:\/\//i.test(value) && !/:\/\/[^/@\s]{0,64}:[^/@\s]{1,128}@/.test(value);
}
