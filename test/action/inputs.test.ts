import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { InputError, parseInputs } from '../../src/action/inputs.js';

function parse(values: Record<string, string>) {
  return parseInputs((name) => values[name] ?? '');
}

describe('parseInputs', () => {
  it('fills defaults for empty inputs', () => {
    expect(parse({ 'github-token': 'ghs_x' })).toEqual({
      'github-token': 'ghs_x',
      checklists: [],
      config: undefined,
      gate: 'auto',
      'release-branches': ['release/**'],
      comment: 'auto',
      annotations: true,
      'fail-on': { kind: 'gate' },
      'working-directory': '.',
      sarif: undefined,
      'api-timeout': 30,
      'cache-dir': undefined,
    });
  });

  it('knows exactly the inputs action.yml declares, with the same defaults', () => {
    const declared = (
      parseYaml(readFileSync(join(import.meta.dirname, '../../action.yml'), 'utf8')) as {
        inputs: Record<string, { default: string }>;
      }
    ).inputs;
    const token = { 'github-token': 'ghs_x' };
    expect(Object.keys(parse(token)).sort()).toEqual(Object.keys(declared).sort());
    const asDeclared = Object.fromEntries(
      Object.entries(declared).map(([name, input]) => [name, input.default]),
    );
    expect(parse({ ...asDeclared, ...token })).toEqual(parse(token));
  });

  it('reads lists separated by newlines or commas', () => {
    const inputs = parse({
      'github-token': 't',
      checklists: 'docs/*.md\n services/*/READINESS.md ',
      'release-branches': 'release/**, hotfix/*',
    });
    expect(inputs.checklists).toEqual(['docs/*.md', 'services/*/READINESS.md']);
    expect(inputs['release-branches']).toEqual(['release/**', 'hotfix/*']);
  });

  it('reads fail-on as never or a list of statuses', () => {
    expect(parse({ 'github-token': 't', 'fail-on': 'never' })['fail-on']).toEqual({ kind: 'never' });
    expect(parse({ 'github-token': 't', 'fail-on': 'unbacked, unmet' })['fail-on']).toEqual({
      kind: 'statuses',
      statuses: ['unbacked', 'unmet'],
    });
  });

  it('reads api-timeout as seconds, fractions allowed', () => {
    expect(parse({ 'github-token': 't', 'api-timeout': '90' })['api-timeout']).toBe(90);
    expect(parse({ 'github-token': 't', 'api-timeout': ' 0.5 ' })['api-timeout']).toBe(0.5);
  });

  it('names the input and the accepted values on a mistake', () => {
    expect(() => parse({ 'github-token': 't', comment: 'sometimes', 'fail-on': 'broken' })).toThrow(
      InputError,
    );
    expect(() => parse({ 'github-token': 't', comment: 'sometimes' })).toThrow(/input "comment"/);
    expect(() => parse({ 'github-token': 't', 'fail-on': 'broken' })).toThrow(/unknown status broken/);
    expect(() => parse({ 'github-token': 't', annotations: 'yes' })).toThrow(
      /input "annotations": expected true or false/,
    );
    expect(() => parse({})).toThrow(/input "github-token"/);
    expect(() => parse({ 'github-token': 't', 'api-timeout': '30s' })).toThrow(
      /input "api-timeout": expected a number of seconds above 0, such as 30; got "30s"/,
    );
    expect(() => parse({ 'github-token': 't', 'api-timeout': '-1' })).toThrow(/input "api-timeout"/);
  });
});
