// Starter checklists: every item but the sign-offs binds to a rule, and `init` writes one.

import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEMPLATES as CLI_TEMPLATES } from '../../src/cli/args.js';
import { DEFAULT_CONFIG } from '../../src/core/config.js';
import { evaluateRevision } from '../../src/core/engine.js';
import { MemoryRepo } from '../support/memory-repo.js';
import { runCli } from '../support/run-cli.js';

const TEMPLATES = readdirSync('templates').filter((name) => name.endsWith('.md'));

describe('templates', () => {
  it('ships the three templates the CLI offers', () => {
    expect(TEMPLATES.sort()).toEqual(['kubernetes-service.md', 'library-cli.md', 'web-service.md']);
    expect([...CLI_TEMPLATES].sort()).toEqual(TEMPLATES.map((name) => name.slice(0, -3)));
  });

  for (const name of TEMPLATES) {
    it(`${name}: every item except sign-offs is checked by a rule`, async () => {
      const repo = new MemoryRepo({
        'PRODUCTION_READINESS.md': readFileSync(join('templates', name), 'utf8'),
      });
      const { checklists } = await evaluateRevision(repo, { config: DEFAULT_CONFIG });
      const items = checklists.flatMap((c) => c.items);
      expect(items.length).toBeGreaterThan(10);
      const unbound = items
        .filter((item) => !item.signOff && item.checks.length === 0)
        .map((item) => item.text);
      expect(unbound).toEqual([]);
    });
  }
});

describe('readiness init', () => {
  it('writes the chosen template and refuses to overwrite without --force', () => {
    const dir = mkdtempSync(join(tmpdir(), 'readiness-init-'));
    try {
      const first = runCli(['init', dir, '--template', 'library-cli']);
      expect(first.status).toBe(0);
      const written = join(dir, 'PRODUCTION_READINESS.md');
      expect(readFileSync(written, 'utf8')).toBe(readFileSync('templates/library-cli.md', 'utf8'));
      const again = runCli(['init', dir]);
      expect(again.status).toBe(2);
      expect(again.stderr).toMatch(/already exists; pass --force/);
      expect(runCli(['init', dir, '--force']).status).toBe(0);
      const unknown = runCli(['init', dir, '--template', 'nope']);
      expect(unknown.status).toBe(2);
      expect(unknown.stderr).toMatch(
        /--template must be one of web-service, kubernetes-service, library-cli \(got "nope"\)/,
      );
      expect(existsSync(written)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
