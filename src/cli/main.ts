#!/usr/bin/env node
// The `readiness` command. Heavy modules load only for the command that needs them, so
// `readiness --version` starts in about the time of `node -e 0`.

import * as nodeModule from 'node:module';
import { resolve } from 'node:path';
import packageJson from '../../package.json' with { type: 'json' };
import { UserError } from '../core/errors.js';
import { type Command, commandHelp, overviewHelp, parseCommand, UsageError, usageLine } from './args.js';

/** The git listings a check of a work tree reads first, started before the engine loads. */
async function startGit(command: Extract<Command, { kind: 'check' }>): Promise<void> {
  // Loaded here, not at the top: `readiness --version` needs no child processes.
  const { startEarly } = await import('../adapters/git.js');
  const dir = resolve(command.dir);
  const commands = [['rev-parse', '--is-inside-work-tree']];
  // The base is resolved in the folder as given (GitObjectReader.open).
  if (command.base)
    startEarly(command.dir, [['rev-parse', '--verify', '--end-of-options', `${command.base}^{commit}`]]);
  // The index's stat data names unchanged files, for a kept cache or a base to compare with;
  // the index lists the tracked files too.
  if (command.cacheDir !== null || command.base) {
    startEarly(dir, commands);
    (await import('../adapters/git-index.js')).GitIndex.startEarly(dir);
  } else startEarly(dir, [...commands, ['ls-files', '-z', '--cached']]);
}

/**
 * Node 22.1 and later keep the engine's compiled code between runs (in the temp folder), which
 * saves about 60 ms of each check; Node 20 has no such cache. NODE_DISABLE_COMPILE_CACHE=1 turns
 * it off, NODE_COMPILE_CACHE=DIR moves it.
 */
function keepCompiledCode(): void {
  try {
    (nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache?.();
  } catch {
    // An unwritable temp folder only costs the compile time it would have saved.
  }
}

async function main(argv: readonly string[]): Promise<number> {
  const command = parseCommand(argv, Boolean(process.stdout.isTTY));
  switch (command.kind) {
    case 'version':
      process.stdout.write(`${packageJson.version}\n`);
      return 0;
    case 'help':
      process.stdout.write(`${command.topic ? commandHelp(command.topic) : overviewHelp()}\n`);
      return 0;
    case 'check':
      await startGit(command);
      keepCompiledCode();
      return (await import('./check.js')).check(command);
    case 'init':
      return (await import('./init.js')).init(command);
    case 'rules':
      return (await import('./catalogue.js')).printRules(command.format);
  }
}

// `readiness rules | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError)
      process.stderr.write(`readiness: ${error.message}\n${usageLine(error.topic)}\n`);
    else if (error instanceof UserError) process.stderr.write(`readiness: ${error.message}\n`);
    else
      process.stderr.write(
        `readiness: unexpected error: ${(error as Error)?.stack ?? error}\nPlease report this.\n`,
      );
    process.exitCode = 2;
  },
);
