// Help and usage errors pin their wording: a new user reads these before anything else.

import { describe, expect, it } from 'vitest';
import { commandHelp, overviewHelp, parseCommand, UsageError } from '../../src/cli/args.js';

function usageError(argv: string[]): UsageError {
  try {
    parseCommand(argv, false);
  } catch (error) {
    if (error instanceof UsageError) return error;
    throw error;
  }
  throw new Error(`no usage error for ${argv.join(' ')}`);
}

describe('help', () => {
  it('readiness --help explains every flag of every command with its default, and gives examples', () => {
    const help = overviewHelp();
    for (const flag of ['--format', '--gate', '--base', '--config', '--checklist', '--no-color']) {
      expect(help).toContain(`  ${flag}`);
    }
    expect(help).toContain('--template web-service|kubernetes-service|library-cli');
    expect(help).toContain('--force');
    expect(help).toMatch(/output format \(default: text\)/);
    expect(help).toMatch(/\(default: pr\)/);
    expect(help).toContain('Examples:\n  readiness check\n');
    expect(help).toContain('Exit status: 0 gate passed · 1 gate failed · 2 usage, config or input error.');
  });

  it('readiness check --help is about check only', () => {
    const help = commandHelp('check');
    expect(help.split('\n')[0]).toBe('Usage: readiness check [DIR] [options]');
    expect(help).toContain(
      '  --checklist GLOB\n      checklist files to read; repeat for more (repeatable; default:',
    );
    expect(help).toContain('readiness check . --base origin/main --format markdown');
    expect(help).not.toContain('--template');
  });

  it('routes --help, -h, help and help COMMAND', () => {
    expect(parseCommand([], false)).toEqual({ kind: 'help' });
    expect(parseCommand(['help'], false)).toEqual({ kind: 'help' });
    expect(parseCommand(['--help'], false)).toEqual({ kind: 'help' });
    expect(parseCommand(['check', '--help'], false)).toEqual({ kind: 'help', topic: 'check' });
    expect(parseCommand(['rules', '-h'], false)).toEqual({ kind: 'help', topic: 'rules' });
    expect(parseCommand(['help', 'init'], false)).toEqual({ kind: 'help', topic: 'init' });
  });
});

describe('usage errors', () => {
  it('an unknown flag names the command and suggests the closest flag', () => {
    const error = usageError(['check', '--frmat', 'json']);
    expect(error.message).toBe('unknown option --frmat for readiness check. Did you mean --format?');
    expect(error.topic).toBe('check');
    expect(usageError(['check', '--zzzzzz']).message).toBe('unknown option --zzzzzz for readiness check.');
    expect(usageError(['--frmat']).message).toBe('unknown option --frmat. Did you mean --format?');
  });

  it('a flag of another command says whose it is', () => {
    expect(usageError(['rules', '--gate', 'pr']).message).toBe(
      '--gate is an option of readiness check, not of readiness rules.',
    );
  });

  it('a flag without its value, a switch with one, a flag given twice', () => {
    expect(usageError(['check', '--format']).message).toBe(
      '--format needs a value: --format text|markdown|json|sarif',
    );
    expect(usageError(['check', '--base', '--format', 'json']).message).toBe(
      '--base needs a value: --base GIT_REF',
    );
    expect(usageError(['init', '--force=yes']).message).toBe('--force takes no value (got "yes")');
    expect(usageError(['check', '--gate', 'pr', '--gate', 'release']).message).toBe(
      '--gate was given twice; give it once',
    );
  });

  it('a bad value lists the allowed ones and suggests the closest', () => {
    expect(usageError(['check', '--format', 'jsn']).message).toBe(
      '--format must be one of text, markdown, json, sarif (got "jsn"). Did you mean "json"?',
    );
    expect(usageError(['init', '--template', 'k8s']).message).toBe(
      '--template must be one of web-service, kubernetes-service, library-cli (got "k8s").',
    );
  });

  it('extra words are usage errors', () => {
    expect(usageError(['rules', 'extra']).message).toBe('readiness rules takes no arguments (got "extra")');
    expect(usageError(['check', 'a', 'b']).message).toBe(
      'unexpected argument "b": readiness check takes one folder',
    );
  });

  it('an unknown command suggests the closest', () => {
    expect(usageError(['chek']).message).toBe(
      'unknown command "chek". Did you mean "check"? Commands: check, init, rules.',
    );
    expect(usageError(['help', 'rulez']).message).toBe(
      'unknown command "rulez". Did you mean "rules"? Commands: check, init, rules.',
    );
  });

  it('parses a full check command', () => {
    expect(
      parseCommand(['check', 'repo', '--base', 'main', '--checklist', 'a.md', '--checklist', 'b.md'], true),
    ).toMatchObject({ kind: 'check', dir: 'repo', base: 'main', checklists: ['a.md', 'b.md'], gate: 'pr' });
  });
});
