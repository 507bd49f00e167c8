// What a broken `.github/readiness.yml` says: where, what is wrong, and the key that was meant.

import { describe, expect, it } from 'vitest';
import { configFromText } from '../../src/config/load-config.js';

function messageOf(text: string): string {
  try {
    configFromText(text, '.github/readiness.yml');
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('the config was accepted');
}

describe('config errors', () => {
  it('broken YAML says what is wrong after "line N, column M:" and shows the lines', () => {
    expect(messageOf('checklists: [a\nrules: x\n')).toBe(
      '.github/readiness.yml is not valid YAML: line 2, column 1: Flow sequence in block collection ' +
        'must be sufficiently indented and end with a ]\n  | checklists: [a\n  | rules: x\n  | ^',
    );
    expect(messageOf('rules:\n\t- x\n')).toMatch(
      /^\.github\/readiness\.yml is not valid YAML: line 2, column 1: Tabs are not allowed as indentation\n/,
    );
  });

  it('an unknown key gets "did you mean", at any depth', () => {
    const message = messageOf(
      'checklist: [a.md]\nrules: { disabel: [x] }\nsecrets:\n  allow:\n    - { path: a, reasn: b }\n',
    );
    expect(message).toContain('  - (top level): Unrecognized key: "checklist"');
    expect(message).toContain('\n  "checklist" is not a key. Did you mean "checklists"?');
    expect(message).toContain('\n  "disabel" is not a key under rules. Did you mean "disable"?');
    expect(message).toContain('\n  "reasn" is not a key under secrets.allow.0. Did you mean "reason"?');
  });

  it('an unknown key like no other lists the keys allowed there', () => {
    expect(messageOf('coverage: { zzz: 1 }\n')).toContain(
      '\n  "zzz" is not a key under coverage. Keys here: paths, threshold.',
    );
  });
});
