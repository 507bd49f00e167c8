// Command-line parsing and help (docs/architecture.md, "The CLI"). One table of options per
// command drives both the parser and the help text, so a flag cannot exist without its help.
// Usage errors exit 2 with a message saying what to fix.

import { parseArgs } from 'node:util';
import { didYouMean } from '../config/did-you-mean.js';
import { UserError } from '../core/errors.js';
import type { GateMode } from '../core/types.js';

export const FORMATS = ['text', 'markdown', 'json', 'sarif'] as const;
export type Format = (typeof FORMATS)[number];
const RULES_FORMATS = ['text', 'markdown', 'json'] as const;
const GATES = ['pr', 'release'] as const;
/** The files in templates/; test/cli/templates.test.ts keeps this list in step with them. */
export const TEMPLATES = ['web-service', 'kubernetes-service', 'library-cli'] as const;

export type Command =
  | {
      kind: 'check';
      dir: string;
      format: Format;
      gate: GateMode;
      base?: string;
      config?: string;
      checklists: string[];
      color: boolean;
      /** Where per-file results are kept between runs; null: not kept (`--no-cache`); undefined: the default folder. */
      cacheDir?: string | null;
    }
  | { kind: 'init'; dir: string; template: string; force: boolean }
  | { kind: 'rules'; format: 'text' | 'markdown' | 'json' }
  | { kind: 'version' }
  | { kind: 'help'; topic?: CommandName };

export class UsageError extends UserError {
  /** The command whose usage to print under the message; none prints the overview. */
  constructor(
    message: string,
    readonly topic?: CommandName,
  ) {
    super(message);
  }
}

interface OptionSpec {
  name: string;
  /** Placeholder for the value; none for a switch. */
  value?: string;
  multiple?: boolean;
  help: string;
  default?: string;
}

const COMMANDS = {
  check: {
    args: '[DIR]',
    summary: "evaluate the checklists in DIR (default: .) and exit with the gate's verdict",
    options: [
      { name: 'format', value: FORMATS.join('|'), help: 'output format', default: 'text' },
      {
        name: 'gate',
        value: GATES.join('|'),
        help: 'pr fails only on what the change made worse; release fails on anything unproven',
        default: 'pr',
      },
      {
        name: 'base',
        value: 'GIT_REF',
        help: 'compare with this revision, read from git objects, and report the diff',
        default: 'no comparison',
      },
      {
        name: 'config',
        value: 'FILE',
        help: 'configuration file',
        default: '.github/readiness.yml in DIR, if present',
      },
      {
        name: 'checklist',
        value: 'GLOB',
        multiple: true,
        help: 'checklist files to read; repeat for more',
        default: '*readiness*.md, *checklist*.md, *launch*.md, *production*.md',
      },
      {
        name: 'cache-dir',
        value: 'DIR',
        help: 'keep per-file results here between runs, so a re-run reads only changed files',
        default: '$XDG_CACHE_HOME/readiness, else ~/.cache/readiness',
      },
      { name: 'no-cache', help: 'keep nothing between runs', default: 'off' },
      {
        name: 'no-color',
        help: 'plain text output',
        default: 'colour when stdout is a terminal and NO_COLOR is unset',
      },
    ],
    examples: [
      'readiness check',
      'readiness check . --base origin/main --format markdown',
      'readiness check path/to/repo --gate release --format json > report.json',
    ],
  },
  init: {
    args: '[DIR]',
    summary: `write a starter checklist to DIR/PRODUCTION_READINESS.md (default DIR: .)`,
    options: [
      {
        name: 'template',
        value: TEMPLATES.join('|'),
        help: 'which starter checklist',
        default: 'web-service',
      },
      { name: 'force', help: 'overwrite an existing PRODUCTION_READINESS.md', default: 'off' },
    ],
    examples: ['readiness init', 'readiness init services/api --template kubernetes-service'],
  },
  rules: {
    args: '',
    summary: 'list the rules that check items (docs/rules.md is the same list)',
    options: [{ name: 'format', value: RULES_FORMATS.join('|'), help: 'output format', default: 'text' }],
    examples: ['readiness rules', 'readiness rules --format json'],
  },
} satisfies Record<string, { args: string; summary: string; options: OptionSpec[]; examples: string[] }>;

export type CommandName = keyof typeof COMMANDS;
const COMMAND_NAMES = Object.keys(COMMANDS) as CommandName[];
const GLOBAL_OPTIONS: OptionSpec[] = [
  { name: 'help', help: 'show help (also: readiness help [COMMAND])' },
  { name: 'version', help: 'print the version' },
];
const SHORT: Record<string, string> = { h: 'help', v: 'version' };

const EXIT_STATUS = 'Exit status: 0 gate passed · 1 gate failed · 2 usage, config or input error.';

/** Words of `text` in lines of at most `width` characters, each starting with `indent`. */
function wrap(text: string, indent: string, width = 92): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && indent.length + line.length + 1 + word.length > width) {
      lines.push(indent + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(indent + line);
  return lines;
}

function optionLines(options: readonly OptionSpec[]): string[] {
  return options.flatMap((option) => {
    const notes = [option.multiple ? 'repeatable' : '', option.default ? `default: ${option.default}` : '']
      .filter(Boolean)
      .join('; ');
    return [
      `  --${option.name}${option.value ? ` ${option.value}` : ''}`,
      ...wrap(`${option.help}${notes ? ` (${notes})` : ''}`, '      '),
    ];
  });
}

/** `readiness --help`: every command, every flag with its default, and examples. */
export function overviewHelp(): string {
  const lines = [
    'readiness: verify production-readiness checklists against repository evidence.',
    '',
    'Usage:',
    ...COMMAND_NAMES.map(
      (name) => `  ${`readiness ${name} ${COMMANDS[name].args}`.padEnd(24)}  ${COMMANDS[name].summary}`,
    ),
    `  ${'readiness help [COMMAND]'.padEnd(24)}  help for one command (same as readiness COMMAND --help)`,
    `  ${'readiness --version'.padEnd(24)}  print the version`,
  ];
  for (const name of COMMAND_NAMES)
    lines.push('', `${name} options:`, ...optionLines(COMMANDS[name].options));
  lines.push(
    '',
    'Examples:',
    ...COMMAND_NAMES.flatMap((name) => COMMANDS[name].examples.slice(0, 2).map((example) => `  ${example}`)),
    '',
    EXIT_STATUS,
  );
  return lines.join('\n');
}

/** `readiness COMMAND --help` and `readiness help COMMAND`. */
export function commandHelp(name: CommandName): string {
  const spec = COMMANDS[name];
  return [
    `Usage: readiness ${name}${spec.args ? ` ${spec.args}` : ''} [options]`,
    '',
    `${spec.summary[0]?.toUpperCase()}${spec.summary.slice(1)}.`,
    '',
    'Options:',
    ...optionLines([...spec.options, GLOBAL_OPTIONS[0] as OptionSpec]),
    '',
    'Examples:',
    ...spec.examples.map((example) => `  ${example}`),
    '',
    EXIT_STATUS,
  ].join('\n');
}

/** The short usage printed under a usage error. */
export function usageLine(topic?: CommandName): string {
  if (!topic) return `Usage: readiness check|init|rules ... — run readiness --help for every option.`;
  const spec = COMMANDS[topic];
  return `Usage: readiness ${topic}${spec.args ? ` ${spec.args}` : ''} [options] — run readiness ${topic} --help for every option.`;
}

function oneOf<T extends string>(
  value: string | undefined,
  allowed: readonly T[],
  flag: string,
  fallback: T,
  topic: CommandName,
): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(
    `${flag} must be one of ${allowed.join(', ')} (got "${value}").${didYouMean(value, allowed, (name) => `"${name}"`)}`,
    topic,
  );
}

function commandNamed(word: string): CommandName {
  if ((COMMAND_NAMES as string[]).includes(word)) return word as CommandName;
  throw new UsageError(
    `unknown command "${word}".${didYouMean(word, COMMAND_NAMES, (name) => `"${name}"`)} Commands: ${COMMAND_NAMES.join(', ')}.`,
  );
}

const ALL_OPTIONS = Object.fromEntries(
  [...COMMAND_NAMES.flatMap((name) => COMMANDS[name].options as OptionSpec[]), ...GLOBAL_OPTIONS].map(
    (option) => [
      option.name,
      { type: option.value ? 'string' : 'boolean', multiple: Boolean(option.multiple) },
    ],
  ),
) as Record<string, { type: 'string' | 'boolean'; multiple: boolean }>;

export function parseCommand(argv: readonly string[], isTty: boolean): Command {
  // Not strict: unknown flags come back as tokens, so the message can name the command's own
  // flags and suggest the closest one instead of Node's generic parser error.
  const { tokens } = parseArgs({
    args: [...argv],
    options: ALL_OPTIONS,
    allowPositionals: true,
    strict: false,
    tokens: true,
  });
  const positionals = tokens.flatMap((token) => (token.kind === 'positional' ? [token.value] : []));
  const options = tokens.flatMap((token) => (token.kind === 'option' ? [token] : []));
  const first = positionals[0];

  const names = options.map((option) => SHORT[option.name] ?? option.name);
  if (names.includes('version')) return { kind: 'version' };
  if (first === 'help') {
    if (positionals.length > 2) throw new UsageError(`unexpected argument "${positionals[2]}"`);
    return positionals[1] === undefined
      ? { kind: 'help' }
      : { kind: 'help', topic: commandNamed(positionals[1]) };
  }
  const topic = first === undefined ? undefined : commandNamed(first);
  if (names.includes('help')) return topic ? { kind: 'help', topic } : { kind: 'help' };
  if (topic === undefined) {
    const option = options[0];
    if (!option) return { kind: 'help' };
    if (!(option.name in ALL_OPTIONS))
      throw new UsageError(
        `unknown option ${option.rawName}.${didYouMean(option.name, Object.keys(ALL_OPTIONS), (n) => `--${n}`)}`,
      );
    throw new UsageError(
      `${option.rawName} needs a command first, e.g. readiness check ${option.rawName} ...`,
    );
  }

  const spec = COMMANDS[topic];
  const allowed = new Map<string, OptionSpec>(
    spec.options.map((option: OptionSpec) => [option.name, option]),
  );
  const values = new Map<string, string[]>();
  for (const token of options) {
    const name = SHORT[token.name] ?? token.name;
    const option = allowed.get(name);
    if (!option) {
      const own = [...allowed.keys()];
      const other = COMMAND_NAMES.find(
        (command) => command !== topic && COMMANDS[command].options.some((o: OptionSpec) => o.name === name),
      );
      throw new UsageError(
        other
          ? `${token.rawName} is an option of readiness ${other}, not of readiness ${topic}.`
          : `unknown option ${token.rawName} for readiness ${topic}.${didYouMean(name, own, (n) => `--${n}`)}`,
        topic,
      );
    }
    if (option.value) {
      if (token.value === undefined || (!token.inlineValue && token.value.startsWith('--')))
        throw new UsageError(`${token.rawName} needs a value: ${token.rawName} ${option.value}`, topic);
    } else if (token.value !== undefined) {
      throw new UsageError(`${token.rawName} takes no value (got "${token.value}")`, topic);
    }
    if (values.has(name) && !option.multiple)
      throw new UsageError(`${token.rawName} was given twice; give it once`, topic);
    values.set(name, [...(values.get(name) ?? []), token.value ?? 'true']);
  }
  const value = (name: string) => values.get(name)?.[0];

  const rest = positionals.slice(1);
  const maxArgs = spec.args ? 1 : 0;
  if (rest.length > maxArgs) {
    const extra = rest[maxArgs] ?? '';
    throw new UsageError(
      maxArgs === 0
        ? `readiness ${topic} takes no arguments (got "${extra}")`
        : `unexpected argument "${extra}": readiness ${topic} takes one folder`,
      topic,
    );
  }
  const dir = rest[0] ?? '.';
  switch (topic) {
    case 'check': {
      const command: Command = {
        kind: 'check',
        dir,
        format: oneOf(value('format'), FORMATS, '--format', 'text', topic),
        gate: oneOf(value('gate'), GATES, '--gate', 'pr', topic),
        checklists: values.get('checklist') ?? [],
        color: isTty && !values.has('no-color') && !process.env.NO_COLOR,
      };
      const base = value('base');
      const config = value('config');
      if (base) command.base = base;
      if (config) command.config = config;
      const cacheDir = value('cache-dir');
      if (values.has('no-cache') && cacheDir !== undefined)
        throw new UsageError('--cache-dir and --no-cache contradict each other; pass one of them', topic);
      if (values.has('no-cache')) command.cacheDir = null;
      else if (cacheDir !== undefined) {
        if (!cacheDir) throw new UsageError('--cache-dir needs a folder (or pass --no-cache)', topic);
        command.cacheDir = cacheDir;
      }
      return command;
    }
    case 'init':
      return {
        kind: 'init',
        dir,
        template: oneOf(value('template'), TEMPLATES, '--template', 'web-service', topic),
        force: values.has('force'),
      };
    case 'rules':
      return { kind: 'rules', format: oneOf(value('format'), RULES_FORMATS, '--format', 'text', topic) };
  }
}
