// A rule's claims (what match returns) are kept between runs with the checklist's plans, so they
// must be plain data: a function or class instance would come back without its behaviour.

import { describe, expect, it } from 'vitest';
import { isPlainData } from '../../../src/core/memo.js';
import { RULES } from '../../../src/core/rules/index.js';
import { itemFrom } from '../../support/rule-harness.js';

describe("rules' claims", () => {
  for (const rule of RULES) {
    const texts = [...rule.examples.match, ...(rule.examples.verdicts ?? []).map((example) => example.item)];
    it(`${rule.id}: plain data for every example item`, () => {
      for (const text of texts) {
        for (const claim of rule.match(itemFrom(text)))
          expect(isPlainData(claim), `${rule.id}: ${text}`).toBe(true);
      }
    });
  }

  it('isPlainData refuses functions and class instances, at any depth', () => {
    expect(isPlainData({ a: [1, 'x', null, new Map([['k', new Set([/r/])]])] })).toBe(true);
    expect(isPlainData({ a: [{ test: () => true }] })).toBe(false);
    expect(isPlainData(new Map([['k', new Date(0)]]))).toBe(false);
  });
});
