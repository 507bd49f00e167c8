// Every rule's own examples are tests: the texts it documents as matching must match,
// and the ones it documents as out of scope must not.

import { describe, expect, it } from 'vitest';
import { RULES } from '../../../src/core/rules/index.js';
import { matches } from '../../support/rule-harness.js';

describe('rule catalogue', () => {
  it('has unique, well-formed ids and complete metadata', () => {
    const ids = RULES.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of RULES) {
      expect(rule.id).toMatch(/^[a-z0-9-]+\.[a-z0-9-]+(\.[a-z0-9-]+)*$/);
      for (const field of [rule.title, rule.why, rule.fix, rule.recognises])
        expect(field.length).toBeGreaterThan(5);
      expect(rule.examples.match.length).toBeGreaterThan(0);
    }
  });

  for (const rule of RULES) {
    describe(rule.id, () => {
      for (const text of rule.examples.match) {
        it(`matches: ${text}`, () => expect(matches(rule, text)).toBe(true));
      }
      for (const text of rule.examples.noMatch) {
        it(`leaves alone: ${text}`, () => expect(matches(rule, text)).toBe(false));
      }
    });
  }
});
