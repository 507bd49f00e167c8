import { makefilesCollector, type TaskDeclaration, type TaskRunners } from '../../collectors/makefiles.js';
import { candidatePaths, inScope } from '../../evidence.js';
import { type CommandRef, extractCommands } from '../../extract/commands.js';
import type { EvalContext, Rule } from '../../rule.js';
import type { Finding } from '../../types.js';

/** Tasks that ship with Elixir, Hex, Phoenix and Ecto: present without any declaration in the repository. */
const MIX_BUILT_INS =
  /^(app\.\w+|archive(\.\w+)?|clean|cmd|compile(\.\w+)?|deps(\.\w+)?|do|escript(\.\w+)?|format|help|loadconfig|local(\.\w+)?|new|profile\.\w+|release(\.init)?|run|test(\.\w+)?|xref|hex(\.\w+)?|phx\.\w+|ecto\.\w+)$/;

export const refMakeTarget: Rule<CommandRef> = {
  id: 'ref.make-target',
  title: 'Make targets and mix tasks the item names exist',
  why: 'A deployment step such as `make release` that no Makefile defines breaks the runbook when it is needed.',
  fix: 'Add the target to the Makefile (or the alias to mix.exs), or correct the command in the checklist.',
  recognises:
    '`make x` and `mix x` inside code spans (in prose "make" and "mix" are ordinary words). Targets come from Makefile, ' +
    'GNUmakefile, makefile and *.mk files; mix tasks from aliases in mix.exs and Mix.Tasks modules.',
  needs: [makefilesCollector],
  match: (item) =>
    extractCommands(item).filter((command) => command.runner === 'make' || command.runner === 'mix'),
  evaluate(command, ctx) {
    const runners = ctx.get(makefilesCollector);
    return command.runner === 'make' ? makeTarget(command, runners, ctx) : mixTask(command, runners, ctx);
  },
  examples: {
    match: [
      'Docker image built successfully: `make docker.build`',
      'Production release built: `make release`',
      'Database migrated with `mix ecto.migrate`',
      'Deploy with `make deploy ENV=prod`',
      'Seeds loaded: `mix run priv/repo/seeds.exs`',
    ],
    noMatch: [
      'Make sure backups are tested',
      'A mix of unit and integration tests',
      'Run `npm run deploy:check` - verify dependencies',
      'Makefile reviewed',
    ],
    verdicts: [
      {
        files: { Makefile: '.PHONY: release\nrelease:\n	go build -o bin/app ./cmd/app\n' },
        item: 'Production release built: `make release`',
        verdict: 'pass',
      },
      {
        files: { Makefile: 'build:\n	go build ./...\n' },
        item: 'Production release built: `make release`',
        verdict: 'fail',
      },
    ],
  },
};

function makeTarget(command: CommandRef, runners: TaskRunners, ctx: EvalContext): Finding {
  const dirs = [...new Set(candidatePaths('', ctx.scope).map((dir) => dir.replace(/\/$/, '')))];
  const dirOf = (path: string) => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '');
  const makefiles = dirs.flatMap((dir) =>
    runners.makefiles.filter((path) => dirOf(path) === dir || (path.endsWith('.mk') && inScope(path, dir))),
  );
  if (!makefiles.some((path) => !path.endsWith('.mk'))) {
    const looked = dirs.map((dir) => (dir ? `${dir}/Makefile` : 'Makefile'));
    return {
      verdict: 'fail',
      message: `\`${command.written}\` needs a Makefile, and there is none (looked for Makefile, GNUmakefile, makefile in ${dirs.map((d) => d || 'the root').join(' and ')})`,
      evidence: looked.map((path) => ({ path })),
    };
  }
  const declarations = runners.makeTargets.filter(
    (t) => t.name === command.name && makefiles.includes(t.path),
  );
  // A rule line is better evidence than the `.PHONY` list that also names the target.
  const target = declarations.find((t) => !t.excerpt.startsWith('.PHONY')) ?? declarations[0];
  if (target) return declared(`make target "${command.name}"`, target);
  const open = makefiles.filter((path) => runners.openMakefiles.includes(path));
  if (open.length) {
    return {
      verdict: 'unknown',
      message: `no rule for "${command.name}" written out in ${makefiles.join(', ')}, but ${open[0]} has pattern rules or includes that may define it`,
      evidence: open.map((path) => ({ path })),
    };
  }
  const targets = [
    ...new Set(runners.makeTargets.filter((t) => makefiles.includes(t.path)).map((t) => t.name)),
  ];
  return {
    verdict: 'fail',
    message: `no target "${command.name}" in ${makefiles.join(', ')} (targets: ${targets.slice(0, 10).join(', ') || 'none'})`,
    evidence: makefiles.map((path) => ({ path })),
  };
}

function mixTask(command: CommandRef, runners: TaskRunners, ctx: EvalContext): Finding {
  const task = runners.mixTasks.find((t) => t.name === command.name && inScope(t.path, ctx.scope));
  if (task) return declared(`mix task "${command.name}"`, task);
  if (!runners.mixProjects.length) {
    return {
      verdict: 'fail',
      message: `\`${command.written}\` needs an Elixir project, and the repository has no mix.exs`,
      evidence: [{ path: ctx.scope ? `${ctx.scope}/mix.exs` : 'mix.exs' }],
    };
  }
  if (MIX_BUILT_INS.test(command.name)) {
    const project =
      runners.mixProjects.find((path) => inScope(path, ctx.scope)) ?? (runners.mixProjects[0] as string);
    return {
      verdict: 'pass',
      message: `"mix ${command.name}" is a built-in task of the Elixir project ${project}`,
      evidence: [{ path: project }],
    };
  }
  return {
    verdict: 'unknown',
    message: `"mix ${command.name}" is neither an alias in mix.exs nor a Mix.Tasks module here; a dependency may provide it`,
    evidence: runners.mixProjects.map((path) => ({ path })),
  };
}

function declared(what: string, at: TaskDeclaration): Finding {
  return {
    verdict: 'pass',
    message: `${what} is defined at ${at.path}:${at.line}`,
    evidence: [{ path: at.path, line: at.line, excerpt: at.excerpt }],
  };
}
