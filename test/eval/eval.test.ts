// The accuracy targets of the engine issue, held on the labelled corpus (npm run eval prints
// the full figures and every miss).

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateCorpus } from './evaluate.js';

const root = 'test/eval/corpus';
const repos = readdirSync(root, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => join(root, entry.name));

describe('labelled corpus', () => {
  it('has at least 150 labelled items from several languages', async () => {
    const result = await evaluateCorpus(repos);
    expect(repos.length).toBeGreaterThanOrEqual(6);
    expect(result.items).toBeGreaterThanOrEqual(150);
    // ≥ 95% precision on unbacked: a false accusation on a PR costs the team's trust.
    expect(result.unbacked.correct / result.unbacked.reported).toBeGreaterThanOrEqual(0.95);
    // ≥ 90% status accuracy.
    expect(result.statusCorrect / result.items).toBeGreaterThanOrEqual(0.9);
    // No rule family raises false unbacked on more than 2% of its items.
    for (const [family, figures] of result.families) {
      expect(figures.falseUnbacked, family).toBeLessThanOrEqual(Math.floor(figures.items * 0.02));
    }
  });
});
