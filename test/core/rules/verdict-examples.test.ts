// Every rule's verdict examples are tests: the item, judged over the example's repository with
// the rule's own collectors, gets the documented verdict (docs/rules.md shows the same examples).

import { describe, expect, it } from 'vitest';
import { RULES } from '../../../src/core/rules/index.js';
import { judge } from '../../support/rule-harness.js';

const withExamples = RULES.filter((rule) => rule.examples.verdicts?.length);

describe('rule verdict examples', () => {
  it('cover a pass and a fail or unknown for every rule that has them', () => {
    expect(withExamples.length).toBeGreaterThan(0);
    for (const rule of withExamples) {
      const verdicts = new Set(rule.examples.verdicts?.map((example) => example.verdict));
      expect(verdicts.size, rule.id).toBeGreaterThan(1);
    }
  });

  for (const rule of withExamples) {
    describe(rule.id, () => {
      for (const example of rule.examples.verdicts ?? []) {
        it(`${example.verdict}: ${example.item} over ${Object.keys(example.files).join(', ') || 'nothing'}`, async () => {
          const findings = await judge(rule, example.files, example.item);
          expect(findings.length).toBeGreaterThan(0);
          expect(findings.map((finding) => finding.verdict)).toEqual(findings.map(() => example.verdict));
        });
      }
    });
  }
});
