// Commands an item names: `npm run deploy:check`, `yarn lint`, `make docker.build`, `mix ecto.migrate`.

export type Runner = 'npm' | 'yarn' | 'pnpm' | 'bun' | 'make' | 'mix';

export interface CommandRef {
  runner: Runner;
  /** Script, target or task name. */
  name: string;
  /** The command as written, for messages. */
  written: string;
}

/** npm commands that run a package.json script without `run`. */
const NPM_SCRIPT_SHORTHANDS = new Set(['test', 'start', 'stop', 'restart', 't', 'tst']);
/** Subcommands of yarn/pnpm/bun that are the tool's own, never a script name. */
const PACKAGE_MANAGER_BUILTINS = new Set(
  (
    'add remove install i ci up upgrade update outdated audit why info init create dlx exec x publish pack ' +
    'link unlink login logout config cache workspace workspaces global set version help import patch rebuild ' +
    'prune dedupe store env node bin list ls licenses plugin owner tag deploy fetch setup'
  ).split(' '),
);
const SCRIPT_NAME = /^[\w:.@/-]+$/;
const COMMAND =
  /(?:^|[\s`;&|(])(npm|yarn|pnpm|bun|make|mix)(?:\s+(?:-{1,2}[\w-]+(?:=\S+)?|-C\s+\S+|--prefix\s+\S+))*\s+(run(?:-script)?\s+)?([\w:.@/-]+)/g;

/**
 * Commands the item names, deduplicated by runner and name. `make` and `mix` are ordinary English
 * words ("make sure", "a mix of"), so they count only inside code spans; package managers count anywhere.
 */
export function extractCommands(item: { text: string; codeSpans: readonly string[] }): CommandRef[] {
  const found = new Map<string, CommandRef>();
  const sources = [
    ...item.codeSpans.map((span) => ({ text: span, code: true })),
    { text: item.text, code: false },
  ];
  for (const source of sources) collect(source.text, source.code, found);
  return [...found.values()];
}

function collect(text: string, inCode: boolean, found: Map<string, CommandRef>): void {
  for (const match of text.matchAll(COMMAND)) {
    const runner = match[1] as Runner;
    if (!inCode && (runner === 'make' || runner === 'mix')) continue;
    const explicitRun = Boolean(match[2]);
    const name = (match[3] as string).replace(/[.:,;]+$/, '');
    if (!SCRIPT_NAME.test(name) || /^-/.test(name)) continue;
    const ref = commandRef(runner, name, explicitRun, match[0].trim());
    const key = `${ref?.runner} ${ref?.name}`;
    if (ref && !found.has(key)) found.set(key, ref);
  }
}

function commandRef(
  runner: Runner,
  name: string,
  explicitRun: boolean,
  written: string,
): CommandRef | undefined {
  if (runner === 'make' || runner === 'mix') return { runner, name, written };
  if (runner === 'npm') {
    if (explicitRun) return { runner, name, written };
    return NPM_SCRIPT_SHORTHANDS.has(name)
      ? { runner, name: name === 't' || name === 'tst' ? 'test' : name, written }
      : undefined;
  }
  if (explicitRun) return { runner, name, written };
  // `bun x` without `run` is bun's own command (`bun test` is its test runner), never a script.
  if (runner === 'bun' || PACKAGE_MANAGER_BUILTINS.has(name)) return undefined;
  return { runner, name, written };
}
