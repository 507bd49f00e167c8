// Where code and configuration read environment variables, per language, in one pass per file.
// Also what the scan covered (files per language, line counts), so rules can tell "not read
// anywhere" from "not looked at", and where variables are read by a computed name, which makes
// absence unprovable.

import type { Collector, RepoView } from '../evidence.js';
import { LiteralGate } from '../formats/required-literals.js';
import { filesToScan, MAX_SOURCE_LINE, type SourceKind } from '../formats/source-files.js';

export type EnvReadKind = SourceKind;

export interface EnvLocation {
  path: string;
  line: number;
  excerpt: string;
}

export interface EnvRead extends EnvLocation {
  name: string;
  kind: EnvReadKind;
}

export interface EnvReads {
  /** Reads by variable name, in file order. */
  reads: Map<string, EnvRead[]>;
  /** Variable names written as quoted strings or keys in source files (schemas like `DATABASE_URL: z.string()`). */
  mentions: Map<string, EnvLocation>;
  /** Reads by a computed name or of the whole environment (`process.env[key]`, `BaseSettings`, `AutomaticEnv`). */
  dynamic: EnvLocation[];
  /** Source files scanned, per language. */
  scanned: Record<string, number>;
  /** Line count of every scanned file. */
  lineCounts: Map<string, number>;
}

const NAME = '([A-Za-z_][A-Za-z0-9_]*)';
const QUOTED_NAME = `['"\`]${NAME}['"\`]`;
const READS: Record<string, RegExp[]> = {
  javascript: [
    new RegExp(`process\\.env\\.${NAME}`, 'g'),
    new RegExp(`process\\.env\\[\\s*${QUOTED_NAME}\\s*\\]`, 'g'),
    new RegExp(`import\\.meta\\.env\\.${NAME}`, 'g'),
    new RegExp(`Deno\\.env\\.get\\(\\s*${QUOTED_NAME}`, 'g'),
    new RegExp(`Bun\\.env\\.${NAME}`, 'g'),
  ],
  python: [
    new RegExp(`\\b(?:os\\.)?getenv\\(\\s*${QUOTED_NAME}`, 'g'),
    new RegExp(`\\benviron(?:\\.get)?(?:\\[|\\()\\s*${QUOTED_NAME}`, 'g'),
    new RegExp(`\\benv(?:\\.(?:str|int|bool|float|list|url|db_url|json))?\\(\\s*${QUOTED_NAME}`, 'g'),
  ],
  go: [
    new RegExp(`os\\.(?:Getenv|LookupEnv)\\(\\s*"${NAME}"`, 'g'),
    new RegExp(`\\b(?:env|envconfig):"${NAME}[",]`, 'g'),
  ],
  elixir: [new RegExp(`System\\.(?:get_env|fetch_env!?)\\(?\\s*"${NAME}"`, 'g')],
  rust: [
    new RegExp(`env::var(?:_os)?\\(\\s*"${NAME}"`, 'g'),
    new RegExp(`\\b(?:option_)?env!\\(\\s*"${NAME}"`, 'g'),
    new RegExp(`\\benv\\s*=\\s*"${NAME}"`, 'g'),
  ],
  jvm: [new RegExp(`System\\.getenv\\(\\s*"${NAME}"`, 'g'), /\$\{([A-Z][A-Z0-9_]*)(?::[^}]*)?\}/g],
  ruby: [new RegExp(`ENV(?:\\.fetch\\(|\\[)\\s*${QUOTED_NAME}`, 'g')],
  php: [
    new RegExp(`(?:getenv|\\benv)\\(\\s*${QUOTED_NAME}`, 'g'),
    new RegExp(`\\$_(?:ENV|SERVER)\\[\\s*${QUOTED_NAME}`, 'g'),
  ],
  csharp: [new RegExp(`GetEnvironmentVariable\\(\\s*"${NAME}"`, 'g')],
  'spring-config': [/\$\{([A-Z][A-Z0-9_]*)(?::[^}]*)?\}/g],
  compose: [/\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?[-?+][^}]*)?\}/g, /(?<!\$)\$([A-Z_][A-Z0-9_]*)\b/g],
  dockerfile: [/^\s*(?:ENV|ARG)\s+([A-Za-z_][A-Za-z0-9_]*)/g, /\$\{?([A-Z_][A-Z0-9_]*)/g],
  prisma: [/\benv\(\s*"([A-Za-z_][A-Za-z0-9_]*)"/g],
  shell: [/\$\{([A-Z_][A-Z0-9_]*)(?::?[-?+=][^}]*)?\}/g, /(?<!\$)\$([A-Z_][A-Z0-9_]*)\b/g],
};
/** Destructuring from process.env: `const { PORT, DATABASE_URL: url = 'x' } = process.env`. */
const DESTRUCTURING = /\{([^{}]*)\}\s*=\s*(?:process\.env|import\.meta\.env)\b/g;
const DYNAMIC: Record<string, RegExp> = {
  javascript:
    /process\.env\[\s*(?!['"`])|\(\s*process\.env\s*[,)]|=\s*process\.env\s*;|cleanEnv\(|createEnv\(/,
  python: /\bBaseSettings\b|os\.environ\s*\)|environ\.Env\(|os\.environ\.(?:items|keys|copy)\(/,
  go: /AutomaticEnv\(\)|envconfig\.Process\(|env\.Parse\(|os\.Environ\(\)/,
  elixir: /System\.(?:get_env|fetch_env!?)\(\s*(?!")[\w(]|System\.get_env\(\)/,
  rust: /envy::|env::vars\(\)/,
  jvm: /@SpringBootApplication|@ConfigurationProperties|System\.getenv\(\s*\)/,
  ruby: /ENV\.(?:to_h|each|select)|ENV\[\s*(?!['"])/,
};
const MENTION = /['"`]([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)['"`]|\b([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)\s*[:=]/g;

/**
 * Per language, the strings one of which any per-line pattern needs (derived from the patterns):
 * a line holding none has nothing to record, so it is never visited, nor is a file holding none
 * (most source files).
 */
export const ENV_PATTERNS: Record<string, RegExp[]> = Object.fromEntries(
  Object.entries(READS).map(([language, patterns]) => [
    language,
    [...patterns, DYNAMIC[language], language === 'javascript' ? DESTRUCTURING : undefined, MENTION].filter(
      (part): part is RegExp => part !== undefined,
    ),
  ]),
);
const GATES: Record<string, LiteralGate> = Object.fromEntries(
  Object.entries(ENV_PATTERNS).map(([language, patterns]) => [language, new LiteralGate(patterns)]),
);
const MAX_READS_PER_NAME = 20;

export const envReadsCollector: Collector<EnvReads> = {
  id: 'env-reads',
  async collect(repo: RepoView): Promise<EnvReads> {
    const result: EnvReads = {
      reads: new Map(),
      mentions: new Map(),
      dynamic: [],
      scanned: {},
      lineCounts: new Map(),
    };
    const targets = filesToScan(repo);
    const found = await repo.perFiles(
      'env-reads',
      targets.map(({ path }) => path),
      (text, index) => {
        const { path, target } = targets[index] as (typeof targets)[number];
        return scanFile(path, text, target);
      },
    );
    for (const file of found) merge(result, file);
    return result;
  },
};

/** What one file holds; kept per file so a PR's base reuses it for every unchanged file. */
interface FileEnvReads {
  path: string;
  language: string;
  lineCount: number;
  reads: EnvRead[];
  mentions: (EnvLocation & { name: string })[];
  dynamic: EnvLocation[];
}

/** Undefined for generated JavaScript (a line longer than MAX_SOURCE_LINE), which is not scanned. */
function scanFile(
  path: string,
  text: string,
  target: { language: string; kind: EnvReadKind },
): FileEnvReads | undefined {
  const lines = text.split(/\r\n|\r|\n/);
  if (target.language === 'javascript' && lines.some((line) => line.length > MAX_SOURCE_LINE))
    return undefined;
  const lineCount = text.endsWith('\n') ? lines.length - 1 : lines.length;
  const summary = { path, language: target.language, lineCount };
  const gate = GATES[target.language];
  const wanted = gate?.candidateLines(text, text.toLowerCase(), lines);
  if (!gate || wanted?.size === 0) return { ...summary, reads: NONE, mentions: NONE, dynamic: NONE };
  const out: FileEnvReads = { ...summary, reads: [], mentions: [], dynamic: [] };
  const patterns = READS[target.language] ?? [];
  const dynamic = DYNAMIC[target.language];
  const visit = (line: string, index: number) => {
    if (line.length > MAX_SOURCE_LINE) return;
    const at = (name: string) => ({ path, line: index + 1, excerpt: line.trim().slice(0, 160), name });
    for (const regex of patterns) {
      for (const match of line.matchAll(regex))
        out.reads.push({ ...at(match[1] as string), kind: target.kind });
    }
    if (target.language === 'javascript') {
      for (const match of line.matchAll(DESTRUCTURING)) {
        for (const part of (match[1] as string).split(',')) {
          const name = /^\s*\.{0,3}([A-Za-z_]\w*)/.exec(part)?.[1];
          if (name) out.reads.push({ ...at(name), kind: 'code' });
        }
      }
    }
    if (dynamic?.test(line)) out.dynamic.push({ path, line: index + 1, excerpt: line.trim().slice(0, 160) });
    if (target.kind === 'code') {
      for (const match of line.matchAll(MENTION)) out.mentions.push(at((match[1] ?? match[2]) as string));
    }
  };
  if (wanted) for (const index of wanted) visit(lines[index] as string, index);
  else lines.forEach(visit);
  return out.reads.length || out.mentions.length || out.dynamic.length
    ? out
    : { ...summary, reads: NONE, mentions: NONE, dynamic: NONE };
}

/** Shared by the many files that read nothing, so a PR check's memo stays small. */
const NONE: never[] = [];

function merge(out: EnvReads, file: FileEnvReads | undefined | null): void {
  if (!file) return;
  out.scanned[file.language] = (out.scanned[file.language] ?? 0) + 1;
  out.lineCounts.set(file.path, file.lineCount);
  for (const read of file.reads) record(out, read);
  for (const { name, ...location } of file.mentions) {
    if (!out.mentions.has(name)) out.mentions.set(name, location);
  }
  out.dynamic.push(...file.dynamic);
}

function record(out: EnvReads, read: EnvRead): void {
  const known = out.reads.get(read.name);
  if (!known) out.reads.set(read.name, [read]);
  else if (
    known.length < MAX_READS_PER_NAME &&
    !known.some((k) => k.path === read.path && k.line === read.line)
  ) {
    known.push(read);
  }
}
