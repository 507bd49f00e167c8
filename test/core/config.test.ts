import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configFromText } from '../../src/config/load-config.js';
import { ConfigError, configSchema, DEFAULT_CONFIG } from '../../src/core/config.js';
import { configSchemaJson } from '../../src/core/config-json-schema.js';

describe('.github/readiness.yml', () => {
  it('defaults everything when empty', () => {
    expect(configFromText('', 'c.yml')).toEqual(DEFAULT_CONFIG);
    expect(DEFAULT_CONFIG['release-branches']).toEqual(['release/**']);
  });

  it('writes the defaults out as the schema gives them, key order included (the cache key is their JSON)', () => {
    expect(JSON.stringify(DEFAULT_CONFIG)).toBe(JSON.stringify(configSchema.parse({})));
    expect(JSON.stringify(DEFAULT_CONFIG)).toBe(JSON.stringify(configFromText('', 'c.yml')));
  });

  it('reads every documented key', () => {
    const config = configFromText(
      [
        'checklists: [docs/LAUNCH.md]',
        'exclude: ["examples/**"]',
        'release-branches: ["release/**", "hotfix/*"]',
        'optional: [security/pen-test]',
        'rules: { disable: [docker.pinned-base] }',
        'coverage: { paths: [reports/lcov.info], threshold: 75 }',
        'secrets: { allow: [{ path: "fixtures/**", reason: "test keys" }] }',
      ].join('\n'),
      'c.yml',
    );
    expect(config).toMatchObject({
      checklists: ['docs/LAUNCH.md'],
      coverage: { paths: ['reports/lcov.info'], threshold: 75 },
      secrets: { allow: [{ path: 'fixtures/**', reason: 'test keys' }] },
    });
  });

  it('names each mistake and where it is', () => {
    const attempt = () =>
      configFromText(
        'rules: { disabled: [x] }\ncoverage: { threshold: 120 }\nsecrets: { allow: [{ path: a }] }',
        'c.yml',
      );
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/rules: Unrecognized key: "disabled"/);
    expect(attempt).toThrow(/coverage\.threshold/);
    expect(attempt).toThrow(/secrets\.allow\.0\.reason/);
  });

  it('rejects YAML that does not parse, and alias bombs', () => {
    expect(() => configFromText('checklists: [a', 'c.yml')).toThrow(/c\.yml is not valid YAML/);
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      ...'bcdefghij'
        .split('')
        .map((k, i) => `${k}: &${k} [${Array(10).fill(`*${'abcdefghij'[i]}`).join(', ')}]`),
    ].join('\n');
    expect(() => configFromText(bomb, 'c.yml')).toThrow(ConfigError);
  });

  it('publishes a JSON Schema that matches the validator (run npm run schema after changing it)', () => {
    const published = JSON.parse(readFileSync('schema/readiness-config.schema.json', 'utf8'));
    expect(published).toEqual(JSON.parse(JSON.stringify(configSchemaJson())));
  });
});
