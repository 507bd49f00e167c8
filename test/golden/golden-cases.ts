// The inputs whose JSON reports must not change while the code is restructured (issue #15): the
// labelled eval corpus and the seed checklists through the engine, and a synthetic benchmark
// repository with a base revision through the real CLI (config loading, git readers, the memo).
// Each case's report is compared byte for byte with the committed file under test/golden/reports/.

import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { generateRepo } from '../../scripts/bench/generate.mjs';
import { DEFAULT_CONFIG } from '../../src/core/config.js';
import { evaluateRevision } from '../../src/core/engine.js';
import { renderJson } from '../../src/core/render/json.js';
import { buildReport } from '../../src/core/report.js';
import { readTree } from '../eval/evaluate.js';
import { MemoryRepo } from '../support/memory-repo.js';
import { runCli } from '../support/run-cli.js';

const ROOT = resolve(import.meta.dirname, '../..');
const CORPUS = join(ROOT, 'test/eval/corpus');
/** The seed checklists live beside the project, as for scripts/smoke-seeds.mjs. */
export const SEEDS = resolve(process.env.READINESS_SEEDS ?? join(ROOT, '../shared/seeds'));
export const GOLDEN = join(ROOT, 'test/golden/reports');

export interface GoldenCase {
  name: string;
  report: () => Promise<string>;
}

async function engineReport(files: Record<string, string>, label: string): Promise<string> {
  const head = await evaluateRevision(new MemoryRepo(files, label), { config: DEFAULT_CONFIG });
  return renderJson(buildReport({ head, mode: 'pr', config: DEFAULT_CONFIG }));
}

export function corpusCases(): GoldenCase[] {
  return readdirSync(CORPUS)
    .filter((name) => !name.includes('.'))
    .sort()
    .map((name) => ({
      name: `corpus-${name}`,
      report: () => engineReport(readTree(join(CORPUS, name)), name),
    }));
}

export function seedCases(): GoldenCase[] {
  if (!existsSync(SEEDS)) return [];
  return readdirSync(SEEDS)
    .sort()
    .map((name) => ({
      name: `seed-${name.replace(/\.txt$/, '')}`,
      report: () =>
        engineReport({ 'PRODUCTION_READINESS.md': readFileSync(join(SEEDS, name), 'utf8') }, name),
    }));
}

/**
 * 500 files, a pull request of 20 new files: the CLI with `--base HEAD~1`. The base's SHA depends
 * on when the commits were made, so it is replaced by a placeholder.
 */
export function benchCase(): GoldenCase {
  return {
    name: 'bench-500-pr',
    report: async () => {
      const root = mkdtempSync(join(tmpdir(), 'readiness-golden-'));
      try {
        const dir = generateRepo(root, 500);
        const run = runCli(['check', dir, '--base', 'HEAD~1', '--format', 'json']);
        if (run.status !== 0 && run.status !== 1) throw new Error(`exit ${run.status}: ${run.stderr}`);
        return run.stdout.replace(/"base": "[0-9a-f]{40}"/, '"base": "<base sha>"');
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    },
  };
}
