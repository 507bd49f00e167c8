// runCheck with --base shares one FileMemo between the head and the base: on a real git
// repository the PR report must be exactly what separate, unshared evaluations give.

import { afterEach, describe, expect, it } from 'vitest';
import { GitObjectReader } from '../../src/adapters/git-object-reader.js';
import { WorkTreeReader } from '../../src/adapters/work-tree-reader.js';
import { runCheck } from '../../src/checkout/run-check.js';
import { DEFAULT_CONFIG } from '../../src/core/config.js';
import { evaluateRevision } from '../../src/core/engine.js';
import { buildReport } from '../../src/core/report.js';
import { TempGitRepo } from '../support/git-repo.js';

let repo: TempGitRepo;
afterEach(() => repo?.cleanup());

const CHECKLIST = `# Launch checklist

- [x] \`DATABASE_URL\` documented in \`.env.example\`
- [x] \`QUEUE_URL\` documented in \`.env.example\`
- [x] Health check endpoint at \`/healthz\`
- [x] Metrics endpoint at \`/metrics\`
- [x] No secrets committed to the repository
- [x] Container runs as non-root user
- [x] \`scripts/deploy.sh\` deploys the service
`;

describe('runCheck --base', () => {
  it('reports exactly what unshared head and base evaluations report', async () => {
    repo = new TempGitRepo().write({
      'LAUNCH_CHECKLIST.md': CHECKLIST,
      '.env.example': 'DATABASE_URL=\n',
      Dockerfile: 'FROM node:20\nUSER node\n',
      'scripts/deploy.sh': '#!/bin/sh\necho deploy\n',
      'src/server.js': [
        "const express = require('express');",
        'const app = express();',
        "app.get('/healthz', (req, res) => res.send('ok'));",
        "app.get('/metrics', (req, res) => res.send(''));",
        'const url = process.env.DATABASE_URL;',
        '',
      ].join('\n'),
      ...Object.fromEntries(
        Array.from({ length: 20 }, (_, i) => [`src/lib/m${i}.js`, `exports.m = ${i};\n`]),
      ),
    });
    const base = repo.commit('base');
    repo
      .write({
        'src/server.js': "const express = require('express');\nconst app = express();\n",
        'src/queue.js': `const q = process.env.QUEUE_URL;\nconst token = 'ghp_${'a1B2'.repeat(9)}';\n`,
        '.env.example': 'DATABASE_URL=\nQUEUE_URL=\n',
      })
      .remove('scripts/deploy.sh');
    repo.commit('head');
    // Edited after the commit and never staged: the head is the work tree, the base is the commit.
    repo.write({ Dockerfile: 'FROM node:20\n' });

    const report = await runCheck({ dir: repo.dir, base, mode: 'pr' });

    const headAlone = await evaluateRevision(new WorkTreeReader(repo.dir), { config: DEFAULT_CONFIG });
    const baseReader = await GitObjectReader.open(repo.dir, base);
    try {
      const baseAlone = await evaluateRevision(baseReader, { config: DEFAULT_CONFIG });
      const expected = buildReport({
        head: headAlone,
        base: { ...baseAlone, sha: base },
        mode: 'pr',
        config: DEFAULT_CONFIG,
      });
      expect(report).toEqual(expected);
    } finally {
      baseReader.close();
    }
    // The change shows: a route and a script gone, a secret added, the container user dropped.
    expect(report.diff?.regressed.length).toBeGreaterThanOrEqual(4);
    expect(report.gate.passed).toBe(false);
  });
});

describe('runCheck: which config applies', () => {
  const checklist =
    '# Launch checklist\n\n- [x] `docs/RUNBOOK.md` exists\n- [x] Container runs as non-root user\n';

  it("applies the base's config (.yml, else .yaml), says when the change edits it, and defaults without one", async () => {
    repo = new TempGitRepo().write({
      'LAUNCH_CHECKLIST.md': checklist,
      '.github/readiness.yaml': 'rules:\n  disable: [docker.non-root]\n',
    });
    const base = repo.commit('base');
    repo.write({ '.github/readiness.yaml': 'exclude: ["vendor/**"]\n' }).commit('head edits the config');
    const edited = await runCheck({ dir: repo.dir, base, mode: 'pr' });
    const checks = edited.checklists.flatMap((c) =>
      c.items.flatMap((i) => i.checks.map((check) => check.rule)),
    );
    expect(checks).not.toContain('docker.non-root'); // disabled by the base's .yaml
    expect(edited.notes).toContain(
      'This change edits .github/readiness.yml; the base branch config applies until it is merged.',
    );

    // The same config on both sides: no note. A .yml beside the .yaml wins, as the parser reads it.
    repo.write({ '.github/readiness.yml': 'exclude: ["build/**"]\n' }).commit('yml added');
    const headSha = repo.git('rev-parse', 'HEAD');
    const same = await runCheck({ dir: repo.dir, base: headSha, mode: 'pr' });
    expect(same.notes).toEqual([]);
    expect(
      same.checklists.flatMap((c) => c.items.flatMap((i) => i.checks.map((check) => check.rule))),
    ).toContain('docker.non-root');

    // No config file anywhere: the defaults, as the schema gives them.
    repo.remove('.github').commit('no config');
    const plain = await runCheck({ dir: repo.dir, mode: 'release' });
    expect(plain.notes).toEqual([]);
    expect(
      plain.checklists.flatMap((c) => c.items.flatMap((i) => i.checks.map((check) => check.rule))),
    ).toContain('docker.non-root');
  });
});
