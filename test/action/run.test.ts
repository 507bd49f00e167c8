import { describe, expect, it } from 'vitest';
import { gatePassed } from '../../src/action/run.js';
import type { Report } from '../../src/core/types.js';

function report(gatePasses: boolean, unbacked: number, unmet: number): Report {
  return {
    schemaVersion: 1,
    checklists: [],
    summary: {
      items: 5,
      verified: 5 - unbacked - unmet,
      unbacked,
      unmet,
      satisfied: 0,
      inconclusive: 0,
      manual: 0,
    },
    score: { proven: 0, checkable: 5, share: 0 },
    gate: { mode: 'pr', passed: gatePasses, failures: [] },
    diff: null,
    skipped: [],
    notes: [],
  };
}

describe('gatePassed', () => {
  it('follows the gate by default', () => {
    expect(gatePassed(report(false, 1, 0), { kind: 'gate' })).toBe(false);
    expect(gatePassed(report(true, 1, 0), { kind: 'gate' })).toBe(true);
  });

  it('never fails with fail-on: never', () => {
    expect(gatePassed(report(false, 3, 3), { kind: 'never' })).toBe(true);
  });

  it('fails on the listed statuses only', () => {
    expect(gatePassed(report(true, 0, 2), { kind: 'statuses', statuses: ['unmet'] })).toBe(false);
    expect(gatePassed(report(false, 2, 0), { kind: 'statuses', statuses: ['unmet'] })).toBe(true);
  });
});
