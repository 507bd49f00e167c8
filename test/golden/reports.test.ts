// Behaviour stays unchanged while the structure changes: every golden case's JSON report equals
// the one committed under test/golden/reports/ (for the seeds, its digest). After an intended change of behaviour (named in
// the changelog), regenerate them with `READINESS_UPDATE_GOLDEN=1 npm test -- test/golden`.

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { benchCase, corpusCases, GOLDEN, SEEDS, seedCases } from './golden-cases.js';

const update = process.env.READINESS_UPDATE_GOLDEN === '1';

describe('reports stay byte-identical', () => {
  const cases = [...corpusCases(), ...seedCases(), benchCase()];
  it.skipIf(!existsSync(SEEDS))('covers the seed checklists', () => {
    expect(seedCases().length).toBeGreaterThan(0);
  });
  for (const golden of cases) {
    it(golden.name, async () => {
      const report = await golden.report();
      // Seed reports quote other people's checklists, which this repository does not copy: only
      // their digest is kept (a change shows as a failure; diff the reports of two builds to see it).
      const seed = golden.name.startsWith('seed-');
      const stored = seed ? `${createHash('sha256').update(report).digest('hex')}\n` : report;
      const file = join(GOLDEN, `${golden.name}.${seed ? 'sha256' : 'json'}`);
      if (update) {
        mkdirSync(GOLDEN, { recursive: true });
        writeFileSync(file, stored);
      }
      expect(stored === readFileSync(file, 'utf8')).toBe(true);
    });
  }
});
