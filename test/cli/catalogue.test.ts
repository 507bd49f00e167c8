import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catalogueMarkdown } from '../../src/cli/catalogue.js';
import { RULES } from '../../src/core/rules/index.js';

describe('rule catalogue docs', () => {
  it('docs/rules.md is generated from the rules (run npm run docs after changing a rule)', () => {
    expect(readFileSync('docs/rules.md', 'utf8')).toBe(catalogueMarkdown());
  });

  it('documents every rule with why, fix and examples', () => {
    const markdown = catalogueMarkdown();
    for (const rule of RULES) {
      expect(markdown).toContain(`## ${rule.id}`);
      expect(markdown).toContain(rule.fix);
    }
  });
});
