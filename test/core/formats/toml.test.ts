import { describe, expect, it } from 'vitest';
import { parseToml } from '../../../src/core/formats/toml.js';

describe('parseToml', () => {
  it('gives every key with its table, array element and line, strings unquoted', () => {
    const entries = parseToml(
      [
        'app = "shop-api"  # the app',
        '',
        '[env]',
        "  LOG_LEVEL = 'info'",
        '',
        '[[http_service.checks]]',
        '  path = "/health"',
        '[[http_service.checks]]',
        '  path = "/ready"',
        'build.command = "npm run build"',
      ].join('\n'),
    );
    expect(entries).toEqual([
      { table: '', element: 0, key: 'app', value: 'shop-api', line: 1 },
      { table: 'env', element: 0, key: 'LOG_LEVEL', value: 'info', line: 4 },
      { table: 'http_service.checks', element: 0, key: 'path', value: '/health', line: 7 },
      { table: 'http_service.checks', element: 1, key: 'path', value: '/ready', line: 9 },
      { table: 'http_service.checks.build', element: 1, key: 'command', value: 'npm run build', line: 10 },
    ]);
  });

  it('skips the inside of multi-line arrays and strings, and lines it does not understand', () => {
    const entries = parseToml('a = [\n  "x = 1",\n]\nb = """\nc = 2\n"""\nnot toml at all\nd = true\n');
    expect(entries.map((entry) => `${entry.key}@${entry.line}`)).toEqual(['a@1', 'b@4', 'd@8']);
  });

  it('keeps a # inside a string', () => {
    expect(parseToml('color = "#fff" # comment')[0]?.value).toBe('#fff');
  });
});
