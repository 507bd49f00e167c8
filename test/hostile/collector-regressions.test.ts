// Hangs and crashes the hostile suite found in collectors, kept as regressions.

import { describe, expect, it } from 'vitest';
import { envDocsCollector } from '../../src/core/collectors/env-docs.js';
import { makefilesCollector } from '../../src/core/collectors/makefiles.js';
import { DEFAULT_CONFIG } from '../../src/core/config.js';
import { evaluateRevision } from '../../src/core/engine.js';
import { collectEvidence, createRepoView } from '../../src/core/evidence.js';
import { parseChecklist } from '../../src/core/parse/parse-checklist.js';
import { MemoryRepo } from '../support/memory-repo.js';

const view = (files: Record<string, string>) => createRepoView(new MemoryRepo(files));

describe('env-docs', () => {
  it('a Kubernetes env name that is not a valid regex no longer crashes the whole run', async () => {
    const manifest = [
      'apiVersion: v1',
      'kind: Pod',
      'spec:',
      '  containers:',
      '    - name: app',
      '      env:',
      '        - name: "["',
      '        - name: "(a+)+$"',
      '          value: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!',
    ].join('\n');
    const result = await evaluateRevision(
      new MemoryRepo({
        'READINESS.md': '- [x] All environment variables documented\n',
        'k8s/pod.yaml': manifest,
      }),
      { config: DEFAULT_CONFIG },
    );
    expect(result.checklists[0]?.items[0]?.checks.length).toBeGreaterThan(0);
    const docs = await collectEvidence(
      envDocsCollector,
      await view({ 'k8s/pod.yaml': manifest }),
      DEFAULT_CONFIG,
    );
    expect(docs.documented.get('[')?.[0]?.line).toBe(7);
  });

  it('a comment line of 100,000 spaces naming a variable is redacted in linear time', async () => {
    const manifest = [
      'apiVersion: v1',
      'kind: Pod',
      `#${' '.repeat(100_000)}"DATABASE_URL is set below`,
      'spec:',
      '  containers:',
      '    - name: app',
      '      env:',
      '        - name: DATABASE_URL',
    ].join('\n');
    const start = performance.now();
    const docs = await collectEvidence(
      envDocsCollector,
      await view({ 'k8s/pod.yaml': manifest }),
      DEFAULT_CONFIG,
    );
    expect(performance.now() - start).toBeLessThan(2000);
    // A 100 KB line is past the YAML line cap: the file is skipped as unparsable, never parsed slowly.
    expect(docs.documented.has('DATABASE_URL')).toBe(false);
  });
});

describe('makefiles', () => {
  it('lines of `$` no longer take minutes to classify (cubic across lines before)', async () => {
    const makefile = `${Array.from({ length: 20 }, () => '$'.repeat(5000)).join('\n')}\nbuild:\n\ttrue\n`;
    const start = performance.now();
    const runners = await collectEvidence(
      makefilesCollector,
      await view({ Makefile: makefile }),
      DEFAULT_CONFIG,
    );
    expect(performance.now() - start).toBeLessThan(2000);
    expect(runners.makeTargets.map((target) => target.name)).toContain('build');
  });

  it('still marks a Makefile with pattern or variable targets as open', async () => {
    const runners = await collectEvidence(
      makefilesCollector,
      await view({ Makefile: 'BIN := app\n$(BIN): main.go\n\tgo build\n%.o: %.c\n\tcc -c $<\n' }),
      DEFAULT_CONFIG,
    );
    expect(runners.openMakefiles).toEqual(['Makefile']);
  });
});

describe('parseChecklist', () => {
  it('a 1,000-level nested task list parses in seconds, not minutes, and keeps every item and line', () => {
    const markdown = Array.from({ length: 1000 }, (_, i) => `${'  '.repeat(i)}- [x] level ${i}`).join('\n');
    const start = performance.now();
    const parsed = parseChecklist('READINESS.md', markdown);
    expect(performance.now() - start).toBeLessThan(15_000);
    expect(parsed.items).toHaveLength(1000);
    expect(parsed.items.at(-1)?.line).toBe(1000);
    expect(parsed.items.at(-1)?.text).toBe('level 999');
  }, 30_000);

  it('ordinary nesting is untouched', () => {
    const parsed = parseChecklist('READINESS.md', '- [x] a\n  - [ ] b\n    - [x] c\n\n> - [x] d\n');
    expect(parsed.items.map((item) => [item.text, item.parents.length])).toEqual([
      ['a', 0],
      ['b', 1],
      ['c', 2],
      ['d', 0],
    ]);
  });
});
