// Coverage thresholds a repository configures for its own test run. Config files can be
// code (vitest.config.ts, jest.config.js): they are read as text with narrow patterns and
// never executed, so a threshold computed at runtime is simply not seen.

import type { Collector, RepoView } from '../evidence.js';
import { NOT_THIS_PROJECT } from '../formats/folders.js';
import { lineOf } from '../formats/lines.js';
import type { CoverageMetricName } from './coverage-reports.js';

export type ThresholdTool =
  | 'vitest'
  | 'jest'
  | 'nyc'
  | 'c8'
  | 'coverage.py'
  | 'pytest-cov'
  | 'go'
  | 'go-test-coverage'
  | 'codecov'
  | 'jacoco';

export interface CoverageThreshold {
  path: string;
  line: number;
  excerpt: string;
  tool: ThresholdTool;
  /** `total` when the tool checks one combined number (coverage.py fail_under, Codecov target). */
  metric: CoverageMetricName | 'total';
  /** Percent, 0..100. */
  value: number;
}

export interface CoverageConfig {
  thresholds: CoverageThreshold[];
  /** Files read for thresholds, so a "none configured" verdict can say where it looked. */
  searched: string[];
  /** Files of services that gate coverage outside the repository (SonarQube, Coveralls). */
  external: string[];
}

const METRIC_KEY = /["']?\b(lines|branches|functions|statements)["']?\s*[:=]\s*(\d{1,3}(?:\.\d+)?)\b/g;
const VITEST_CONFIG = /(^|\/)(vitest|vite)\.(config|workspace)\.[cm]?[jt]s$/;
const JEST_CONFIG = /(^|\/)jest\.config\.([cm]?[jt]s|json)$/;
const RC_FILE = /(^|\/)\.(nycrc|c8rc)(\.json|\.ya?ml)?$/;
const PYTHON_CONFIG = /(^|\/)(\.coveragerc|setup\.cfg|tox\.ini|pyproject\.toml)$/;
const CODECOV_CONFIG = /(^|\/)\.?codecov\.ya?ml$/;
const GO_TEST_COVERAGE = /(^|\/)\.?testcoverage\.ya?ml$/;
const BUILD_FILE = /(^|\/)(pom\.xml|build\.gradle(\.kts)?)$/;
/** Files that run commands: a threshold passed on a command line lives here. */
const COMMAND_FILE =
  /(^|\/)(\.github\/workflows\/[^/]+\.ya?ml|\.gitlab-ci\.yml|\.circleci\/config\.yml|azure-pipelines\.ya?ml|Jenkinsfile|[Mm]akefile|GNUmakefile|[^/]*\.mk|[Jj]ustfile|Taskfile\.ya?ml|tox\.ini|pytest\.ini|setup\.cfg|pyproject\.toml|noxfile\.py|package\.json|[^/]*\.sh)$/;

const EXTERNAL_GATE = /(^|\/)(sonar-project\.properties|\.coveralls\.ya?ml)$/;

/** Longest block read after an opening brace; config blocks are short, hostile input is not. */
const MAX_BLOCK = 8000;

export const coverageConfig: Collector<CoverageConfig> = {
  id: 'coverage-config',
  async collect(repo: RepoView): Promise<CoverageConfig> {
    const result: CoverageConfig = { thresholds: [], searched: [], external: [] };
    for (const path of repo.files) {
      if (NOT_THIS_PROJECT.test(path)) continue;
      if (EXTERNAL_GATE.test(path)) result.external.push(path);
      if (!isCandidate(path)) continue;
      const text = await repo.read(path);
      if (text === null) continue;
      result.searched.push(path);
      result.thresholds.push(...thresholdsIn(path, text));
    }
    return result;
  },
};

function isCandidate(path: string): boolean {
  return [
    VITEST_CONFIG,
    JEST_CONFIG,
    RC_FILE,
    PYTHON_CONFIG,
    CODECOV_CONFIG,
    GO_TEST_COVERAGE,
    BUILD_FILE,
    COMMAND_FILE,
  ].some((pattern) => pattern.test(path));
}

/** Every threshold one file configures. Exported for tests of single formats. */
export function thresholdsIn(path: string, text: string): CoverageThreshold[] {
  const found: CoverageThreshold[] = [];
  const add = (tool: ThresholdTool, metric: CoverageThreshold['metric'], value: number, index: number) => {
    if (!Number.isFinite(value) || value < 0 || value > 100) return;
    const line = lineOf(text, index);
    const excerpt = (text.split('\n')[line - 1] ?? '').trim().slice(0, 120);
    if (!found.some((other) => other.line === line && other.metric === metric && other.tool === tool)) {
      found.push({ path, line, excerpt, tool, metric, value });
    }
  };
  const keysIn = (tool: ThresholdTool, start: number, end: number) => {
    for (const match of text.slice(start, end).matchAll(METRIC_KEY)) {
      add(tool, match[1] as CoverageMetricName, Number(match[2]), start + match.index);
    }
  };

  if (VITEST_CONFIG.test(path)) {
    for (const block of blocksAfter(text, /\bcoverage\s*:\s*\{/g)) {
      keysIn('vitest', block.start, block.end);
      const all = /\b100\s*:\s*true\b/.exec(text.slice(block.start, block.end));
      if (all)
        for (const metric of ['lines', 'branches', 'functions', 'statements'] as const) {
          add('vitest', metric, 100, block.start + all.index);
        }
    }
  }
  if (JEST_CONFIG.test(path) || path.endsWith('package.json')) {
    for (const block of blocksAfter(text, /["']?\bcoverageThreshold["']?\s*:\s*\{/g))
      keysIn('jest', block.start, block.end);
  }
  if (
    RC_FILE.test(path) &&
    /check-?coverage["']?\s*[:=]\s*true|checkCoverage["']?\s*[:=]\s*true/i.test(text)
  ) {
    keysIn(path.includes('c8rc') ? 'c8' : 'nyc', 0, text.length);
  }
  if (path.endsWith('package.json')) {
    for (const block of blocksAfter(text, /["'](nyc|c8)["']\s*:\s*\{/g)) {
      const body = text.slice(block.start, block.end);
      if (/["']check-?coverage["']\s*:\s*true|["']checkCoverage["']\s*:\s*true/.test(body)) {
        keysIn(block.opener.includes('c8') ? 'c8' : 'nyc', block.start, block.end);
      }
    }
  }
  if (PYTHON_CONFIG.test(path)) {
    for (const match of text.matchAll(/^[ \t]*fail_under[ \t]*=[ \t]*(\d{1,3}(?:\.\d+)?)/gm)) {
      add('coverage.py', 'total', Number(match[1]), match.index);
    }
  }
  if (CODECOV_CONFIG.test(path)) {
    for (const match of text.matchAll(/^[ \t]*target:[ \t]*["']?(\d{1,3}(?:\.\d+)?)%?/gm)) {
      add('codecov', 'total', Number(match[1]), match.index);
    }
  }
  if (GO_TEST_COVERAGE.test(path)) {
    for (const match of text.matchAll(/^[ \t]*total:[ \t]*(\d{1,3}(?:\.\d+)?)/gm)) {
      add('go-test-coverage', 'total', Number(match[1]), match.index);
    }
  }
  if (BUILD_FILE.test(path) && /jacoco/i.test(text)) {
    const minimum =
      /<minimum>\s*(0?\.\d+|1(?:\.0+)?)\s*<\/minimum>|\bminimum\s*=\s*["']?(0?\.\d+|1(?:\.0+)?)\b/g;
    for (const match of text.matchAll(minimum)) {
      const before = text.slice(Math.max(0, match.index - 300), match.index);
      const counter = /(?:<counter>|counter\s*=\s*["'])(LINE|BRANCH|INSTRUCTION|METHOD)/g;
      const last = [...before.matchAll(counter)].pop()?.[1];
      const metric = {
        LINE: 'lines',
        BRANCH: 'branches',
        INSTRUCTION: 'statements',
        METHOD: 'functions',
      } as const;
      add(
        'jacoco',
        last ? metric[last as keyof typeof metric] : 'total',
        Number(match[1] ?? match[2]) * 100,
        match.index,
      );
    }
  }
  if (COMMAND_FILE.test(path)) commandLineThresholds(text, add);
  return found;
}

type Add = (tool: ThresholdTool, metric: CoverageThreshold['metric'], value: number, index: number) => void;

function commandLineThresholds(text: string, add: Add): void {
  for (const match of text.matchAll(/--cov-fail-under[= ](\d{1,3}(?:\.\d+)?)/g)) {
    add('pytest-cov', 'total', Number(match[1]), match.index);
  }
  for (const match of text.matchAll(/\bcoverage\s+report\b[^\n]*?--fail-under[= ](\d{1,3}(?:\.\d+)?)/g)) {
    add('coverage.py', 'total', Number(match[1]), match.index);
  }
  for (const match of text.matchAll(
    /--coverage\.thresholds\.(lines|branches|functions|statements)[= ](\d{1,3}(?:\.\d+)?)/g,
  )) {
    add('vitest', match[1] as CoverageMetricName, Number(match[2]), match.index);
  }
  for (const match of text.matchAll(/\b(nyc|c8)\b[^\n]*--check-coverage[^\n]*/g)) {
    for (const flag of match[0].matchAll(/--(lines|branches|functions|statements)[= ](\d{1,3}(?:\.\d+)?)/g)) {
      add(match[1] as 'nyc' | 'c8', flag[1] as CoverageMetricName, Number(flag[2]), match.index);
    }
  }
  if (/go tool cover/.test(text)) {
    // A script that reads the total from `go tool cover -func` and compares it with a number.
    const comparison =
      /^[^\n]*(?:cov|total|percent|threshold)[^\n]*?(?:<=?|>=?|-lt|-le|-ge|-gt)\s*["']?(\d{1,3}(?:\.\d+)?)\b[^\n]*$/gim;
    for (const match of text.matchAll(comparison)) add('go', 'total', Number(match[1]), match.index);
  }
}

interface Block {
  opener: string;
  start: number;
  end: number;
}

/** The brace-balanced bodies following each match of `opener` (strings and comments are not special-cased). */
function blocksAfter(text: string, opener: RegExp): Block[] {
  const blocks: Block[] = [];
  for (const match of text.matchAll(opener)) {
    const start = match.index + match[0].length;
    const limit = Math.min(text.length, start + MAX_BLOCK);
    let depth = 1;
    let end = start;
    while (end < limit && depth > 0) {
      const char = text[end];
      if (char === '{') depth++;
      else if (char === '}') depth--;
      end++;
    }
    blocks.push({ opener: match[0], start, end });
  }
  return blocks;
}
