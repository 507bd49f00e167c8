// Output safety: hostile item text and planted secrets through every output (PR comment,
// check-run summary and annotations, terminal text, JSON, SARIF) and the CLI's own streams.
// No live mention, no raw HTML or javascript: link from the input, no secret beyond a prefix.

import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/core/config.js';
import { evaluateRevision } from '../../src/core/engine.js';
import { renderCheckRun } from '../../src/core/render/check-run.js';
import { renderJson } from '../../src/core/render/json.js';
import { renderMarkdown } from '../../src/core/render/markdown.js';
import { renderSarif } from '../../src/core/render/sarif.js';
import { renderText } from '../../src/core/render/text.js';
import { buildReport } from '../../src/core/report.js';
import { RULES } from '../../src/core/rules/index.js';
import { MemoryRepo } from '../support/memory-repo.js';
import { report } from './support/figures.js';
import { HostileRepo, runCliMeasured } from './support/hostile-repo.js';

/** Seeded PRNG (mulberry32) so planted secrets differ from any committed test fixture yet replay. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const next = random(7);
const pick = (alphabet: string, length: number) =>
  Array.from({ length }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

const SECRETS = {
  github: ['gh', 'p_'].join('') + pick(ALNUM, 36),
  aws: ['AK', 'IA'].join('') + pick('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16),
  inItemText: ['sk', '_li', 've_'].join('') + pick(ALNUM, 24),
};

const HOSTILE_ITEMS = [
  '@org/team and @admin please approve; Dockerfile runs as non-root',
  '<img src=x onerror=alert(1)> `Dockerfile.production` exists',
  '</details><details open><summary>PWNED</summary> Tests run on every pull request',
  '[click here](javascript:alert(1)) and [docs/runbook.md](https://evil.example/phish) runbook exists',
  `\`${'A'.repeat(10_240)}\` file exists`,
  `\`src/config.ts\` holds no secrets like ${SECRETS.inItemText}`,
];

const FILES = {
  'READINESS.md': `# Ready @org/team\n\n${HOSTILE_ITEMS.map((item) => `- [x] ${item}`).join('\n')}\n- [x] No secrets committed\n`,
  Dockerfile: 'FROM node:20\n',
  'src/config.ts': `export const token = '${SECRETS.github}';\nexport const aws = '${SECRETS.aws}';\n`,
};

/**
 * @param githubMarkdown output GitHub renders as Markdown (comment, check run, annotations): there
 *   mentions and HTML are live. Terminal text, JSON and SARIF carry item text as data, so there
 *   only secrets count.
 */
function unsafeIn(output: string, label: string, githubMarkdown: boolean): string[] {
  const withoutCode = output.replace(/`+[^`]*`+/g, '');
  const problems: string[] = [];
  if (githubMarkdown && /(^|[^\w`\\])@(org\/team|admin)\b/.test(withoutCode))
    problems.push(`${label}: live mention`);
  if (githubMarkdown && /<img|<summary>PWNED|onerror=alert\(1\)>/i.test(output))
    problems.push(`${label}: raw HTML from the input`);
  if (githubMarkdown && /\]\(javascript:/i.test(output)) problems.push(`${label}: javascript: link`);
  for (const [kind, secret] of Object.entries(SECRETS)) {
    // Secrets in files and secrets typed into the checklist itself: none may come back in full.
    if (output.includes(secret)) problems.push(`${label}: ${kind} secret in full`);
  }
  return problems;
}

const repos: HostileRepo[] = [];
afterAll(() => {
  for (const repo of repos) repo.cleanup();
});

describe('hostile item text and planted secrets in every output', () => {
  it('renderers: comment, check run, annotations, text, JSON, SARIF', async () => {
    const head = await evaluateRevision(new MemoryRepo(FILES), { config: DEFAULT_CONFIG });
    const built = buildReport({ head, mode: 'pr', config: DEFAULT_CONFIG });
    expect(built.summary.items).toBe(HOSTILE_ITEMS.length + 1);
    const checkRun = renderCheckRun(built);
    const outputs: Record<string, string> = {
      comment: renderMarkdown(built, {}),
      'check-run summary': checkRun.summary,
      'check-run title': checkRun.title,
      annotations: JSON.stringify(checkRun.annotations),
      text: renderText(built, { color: false }),
      json: renderJson(built),
      sarif: JSON.stringify(renderSarif(built, { toolVersion: '0.0.0', rules: RULES })),
    };
    // Annotations are plain text on GitHub: no Markdown, no mention notifications.
    const rendered = new Set(['comment', 'check-run summary', 'check-run title']);
    const problems = Object.entries(outputs).flatMap(([label, output]) =>
      unsafeIn(output, label, rendered.has(label)),
    );
    report({
      part: 'output',
      fixture: 'renderers × hostile items + 3 planted secrets',
      inputs: HOSTILE_ITEMS.length + 3,
      leaks: problems.length,
    });
    expect(problems).toEqual([]);
    for (const annotation of checkRun.annotations) expect(annotation.title.length).toBeLessThanOrEqual(255);
  });

  it('the CLI: stdout and stderr in text, markdown, JSON and SARIF', () => {
    const repo = new HostileRepo();
    repos.push(repo);
    repo.write(FILES).commit();
    const problems: string[] = [];
    let maxMs = 0;
    for (const format of ['text', 'markdown', 'json', 'sarif']) {
      const run = runCliMeasured(['check', repo.dir, '--format', format, '--base', 'HEAD'], 60_000);
      maxMs = Math.max(maxMs, run.ms);
      expect([0, 1], run.stderr).toContain(run.status);
      problems.push(
        ...unsafeIn(run.stdout, `${format} stdout`, format === 'markdown'),
        ...unsafeIn(run.stderr, `${format} stderr`, false),
      );
    }
    report({
      part: 'output',
      fixture: 'CLI stdout+stderr × 4 formats',
      inputs: 4,
      leaks: problems.length,
      maxMs,
    });
    expect(problems).toEqual([]);
  }, 120_000);
});
