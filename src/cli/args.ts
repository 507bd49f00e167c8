// Command-line parsing (DESIGN.md §4). Usage errors exit 2 with a message saying what to fix.

import { parseArgs } from 'node:util';
import { UserError } from '../core/errors.js';
import type { GateMode } from '../core/types.js';

export const FORMATS = ['text', 'markdown', 'json', 'sarif'] as const;
export type Format = (typeof FORMATS)[number];

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
  | { kind: 'help' };

export class UsageError extends UserError {}

export const USAGE = `Usage:
  readiness check [DIR] [--format text|markdown|json|sarif] [--gate pr|release]
                        [--base GIT_REF] [--config FILE] [--checklist GLOB]... [--no-color]
                        [--cache-dir DIR | --no-cache]
  readiness init [DIR] [--template web-service|kubernetes-service|library-cli] [--force]
  readiness rules [--format text|markdown|json]
  readiness --version | --help

Exit status: 0 gate passed · 1 gate failed · 2 usage, config or input error.`;

function oneOf<T extends string>(
  value: string | undefined,
  allowed: readonly T[],
  flag: string,
  fallback: T,
): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${flag} must be one of ${allowed.join(', ')} (got "${value}")`);
}

export function parseCommand(argv: readonly string[], isTty: boolean): Command {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        format: { type: 'string' },
        gate: { type: 'string' },
        base: { type: 'string' },
        config: { type: 'string' },
        checklist: { type: 'string', multiple: true },
        template: { type: 'string' },
        force: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        'cache-dir': { type: 'string' },
        'no-cache': { type: 'boolean' },
        version: { type: 'boolean', short: 'v' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.version) return { kind: 'version' };
  if (values.help || positionals.length === 0) return { kind: 'help' };
  const [command, ...rest] = positionals;
  if (rest.length > 1) throw new UsageError(`unexpected argument "${rest[1]}"`);
  const dir = rest[0] ?? '.';
  switch (command) {
    case 'check': {
      const command: Command = {
        kind: 'check',
        dir,
        format: oneOf(values.format as string | undefined, FORMATS, '--format', 'text'),
        gate: oneOf(values.gate as string | undefined, ['pr', 'release'] as const, '--gate', 'pr'),
        checklists: (values.checklist as string[] | undefined) ?? [],
        color: isTty && !values['no-color'] && !process.env.NO_COLOR,
      };
      if (values.base) command.base = values.base as string;
      if (values.config) command.config = values.config as string;
      if (values['no-cache'] && values['cache-dir'] !== undefined)
        throw new UsageError('--cache-dir and --no-cache contradict each other; pass one of them');
      if (values['no-cache']) command.cacheDir = null;
      else if (values['cache-dir'] !== undefined) {
        if (!values['cache-dir']) throw new UsageError('--cache-dir needs a folder (or pass --no-cache)');
        command.cacheDir = values['cache-dir'] as string;
      }
      return command;
    }
    case 'init':
      return {
        kind: 'init',
        dir,
        template: (values.template as string | undefined) ?? 'web-service',
        force: Boolean(values.force),
      };
    case 'rules':
      return {
        kind: 'rules',
        format: oneOf(
          values.format as string | undefined,
          ['text', 'markdown', 'json'] as const,
          '--format',
          'text',
        ),
      };
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}
