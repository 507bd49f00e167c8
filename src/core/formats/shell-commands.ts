// One classifier for shell commands: what a command line does (test, lint, typecheck, build,
// security scan, deploy), read from its tokens, never run. Used for workflow `run:` steps,
// the recipes of the Makefile targets and the package.json scripts they call, so every place
// that reads a command reads it the same way.

/** What a command does, as far as its words tell. */
export type CommandKind = 'test' | 'lint' | 'typecheck' | 'build' | 'security' | 'deploy';

export interface Classification {
  kinds: CommandKind[];
  scanners: string[];
  opaque: boolean;
}

export function emptyClassification(): Classification {
  return { kinds: [], scanners: [], opaque: false };
}

export function merge(into: Classification, from: Classification): void {
  into.kinds.push(...from.kinds);
  into.scanners.push(...from.scanners);
  into.opaque ||= from.opaque;
}

/** Script and target names that plainly do none of the classified kinds of work. */
export const CHORE =
  /(^|[:_./-])(format|fmt|prettier|clean|docs?|codegen|generate|gen|install|setup|bootstrap|prepare|postinstall|changelog|version|serve|start|dev|watch)([:_./-]|$)/i;

/** Lines and `&&`/`||`/`;`/`|` chains of a shell script, each as tokens, comments and continuations removed. */
export function splitCommands(script: string): string[][] {
  return script
    .replace(/\$\{\{[^}]*\}\}/g, '$EXPR')
    .replace(/\\\r?\n/g, ' ')
    .split(/\r?\n/)
    .map((line) => line.replace(/(^|\s)#.*$/, ''))
    .flatMap((line) => line.split(/&&|\|\||;|\|/))
    .map((command) => command.trim().replace(/["']/g, '').split(/\s+/).filter(Boolean))
    .filter((tokens) => tokens.length > 0);
}

const PACKAGE_MANAGERS = new Set(['npm', 'yarn', 'pnpm', 'bun']);
/** Package-manager subcommands that are not project scripts. */
const PM_BUILTINS = new Set([
  'install',
  'i',
  'ci',
  'add',
  'remove',
  'exec',
  'dlx',
  'x',
  'audit',
  'publish',
  'config',
  'set',
  'version',
  'pack',
  'link',
  'init',
  'create',
  'cache',
  'why',
  'list',
  'ls',
  'outdated',
  'update',
  'upgrade',
  'rebuild',
  'prune',
  'dedupe',
  'workspaces',
  'workspace',
  'npm',
  'import',
  'setup',
  'env',
]);

/** `npm test`, `npm run lint`, `yarn build`, `pnpm -r run typecheck` → the script name. */
export function packageScriptName(tokens: string[]): string | undefined {
  const rest = stripPrefixes(tokens);
  const manager = rest[0];
  if (!manager || !PACKAGE_MANAGERS.has(manager)) return undefined;
  const args = withoutFlags(rest.slice(1));
  const first = args[0];
  if (!first) return undefined;
  if (first === 'run' || first === 'run-script') return args[1];
  if (first === 't' || first === 'tst') return 'test';
  if (manager === 'bun' && first === 'test') return undefined;
  if (manager === 'npm' && !['test', 'start', 'stop', 'restart'].includes(first)) return undefined;
  if (PM_BUILTINS.has(first)) return undefined;
  return first;
}

/** Drops flags and the values of flags that take one (`--filter api`, `-w web`). */
export function withoutFlags(args: string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg.startsWith('-')) {
      if (/^(--filter|-F|--prefix|-C|--cwd|-w|--workspace|--dir)$/.test(arg)) i++;
      continue;
    }
    kept.push(arg);
  }
  return kept;
}

const WRAPPERS = new Set(['sudo', 'time', 'env', 'exec', 'command', 'xvfb-run', 'nohup']);

/** Removes environment assignments, wrappers and runners (`CI=1 npx vitest` → `vitest`). */
export function stripPrefixes(tokens: string[]): string[] {
  let rest = tokens;
  for (;;) {
    const head = rest[0];
    const next = rest[1];
    if (head === undefined) return rest;
    if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(head) || WRAPPERS.has(head)) rest = rest.slice(1);
    else if (head === 'npx' || head === 'bunx') rest = runnerArgs(rest.slice(1));
    else if (['pnpm', 'yarn', 'npm'].includes(head) && (next === 'exec' || next === 'dlx'))
      rest = runnerArgs(rest.slice(2));
    else if (['poetry', 'uv', 'pipenv', 'hatch', 'pdm', 'rye'].includes(head) && next === 'run')
      rest = runnerArgs(rest.slice(2));
    else if (head === 'uvx' || head === 'pipx')
      rest = runnerArgs(rest.slice(head === 'pipx' && next === 'run' ? 2 : 1));
    else if (head === 'bundle' && next === 'exec') rest = rest.slice(2);
    // `go run golang.org/x/vuln/cmd/govulncheck@latest ./...` runs the tool the module path names.
    else if (head === 'go' && next === 'run' && rest[2] && /^[\w.-]+\.[\w-]+\/[^\s@]+(@\S+)?$/.test(rest[2]))
      rest = [rest[2].replace(/@.*$/, '').split('/').pop() as string, ...rest.slice(3)];
    else if (/^python[0-9.]*$/.test(head) && next === '-m') rest = rest.slice(2);
    else if (head.includes('node_modules/.bin/'))
      rest = [head.slice(head.lastIndexOf('/') + 1), ...rest.slice(1)];
    else return rest;
  }
}

/** Runner flags that take a value (`uv run --group dev tox`, `npx -p typescript tsc`). */
const RUNNER_VALUE_FLAGS = new Set([
  '--group',
  '--with',
  '--python',
  '-p',
  '--package',
  '--extra',
  '--env-file',
  '--from',
  '--project',
  '--directory',
  '--spec',
]);

/** The command a runner starts, after the runner's own flags. */
function runnerArgs(args: string[]): string[] {
  let index = 0;
  while (index < args.length && (args[index] as string).startsWith('-')) {
    index += RUNNER_VALUE_FLAGS.has(args[index] as string) ? 2 : 1;
  }
  return args.slice(index);
}

interface ToolPattern {
  head: RegExp;
  /** First non-flag argument, when the tool needs one (`go test`, `mix credo`). */
  sub?: RegExp;
  /** Something the whole argument list must contain (`--check` for a formatter that would otherwise write). */
  flag?: RegExp;
  kinds: CommandKind[];
  scanner?: string;
}

const TOOLS: ToolPattern[] = [
  {
    head: /^(vitest|jest|mocha|ava|tap|karma|jasmine|pytest|py\.test|rspec|phpunit|ctest)$/,
    kinds: ['test'],
  },
  { head: /^(playwright|cypress)$/, sub: /^(test|run)$/, kinds: ['test'] },
  // Compiled toolchains build the code before they test it.
  { head: /^(go|mix|cargo|dotnet|swift|zig)$/, sub: /^test$/, kinds: ['test', 'build'] },
  { head: /^(deno|bun|flutter|dart|rails|rake)$/, sub: /^test$/, kinds: ['test'] },
  { head: /^richgo$/, sub: /^test$/, kinds: ['test', 'build'] },
  { head: /^gotestsum$/, kinds: ['test', 'build'] },
  { head: /^cargo$/, sub: /^nextest$/, kinds: ['test'] },
  {
    head: /^(mvn|mvnw|\.\/mvnw)$/,
    sub: /^(test|verify|install|integration-test)$/,
    kinds: ['test', 'build'],
  },
  { head: /^(mvn|mvnw|\.\/mvnw)$/, sub: /^(package|compile)$/, kinds: ['build'] },
  { head: /^(gradle|gradlew|\.\/gradlew)$/, sub: /^:?(.*:)?(test|check|integrationTest)$/, kinds: ['test'] },
  { head: /^(gradle|gradlew|\.\/gradlew)$/, sub: /^:?(.*:)?build$/, kinds: ['build', 'test'] },
  { head: /^(gradle|gradlew|\.\/gradlew)$/, sub: /^:?(.*:)?(assemble|compile.*)$/, kinds: ['build'] },
  {
    head: /^(eslint|biome|oxlint|xo|standard|stylelint|ruff|flake8|pylint|golangci-lint|staticcheck|rubocop|standardrb|hadolint|shellcheck|actionlint|ktlint|detekt|swiftlint|phpcs|phpstan|tflint|markdownlint|markdownlint-cli2|yamllint)$/,
    kinds: ['lint'],
  },
  { head: /^go$/, sub: /^vet$/, kinds: ['lint'] },
  // Format checks fail the build on unformatted code; checklists call that linting too.
  {
    head: /^(prettier|black|isort|shfmt|rustfmt)$/,
    flag: /(^|\s)(--check|-c|--list-different|-l|-d|--diff)(\s|$)/,
    kinds: ['lint'],
  },
  { head: /^mix$/, sub: /^format$/, flag: /--check-formatted/, kinds: ['lint'] },
  { head: /^(cargo|terraform|tofu)$/, sub: /^fmt$/, flag: /(^|\s)-?-check(\s|$)/, kinds: ['lint'] },
  { head: /^gofmt$/, flag: /(^|\s)-[ld](\s|$)/, kinds: ['lint'] },
  { head: /^dotnet$/, sub: /^format$/, flag: /--verify-no-changes/, kinds: ['lint'] },
  { head: /^mix$/, sub: /^credo$/, kinds: ['lint'] },
  { head: /^cargo$/, sub: /^clippy$/, kinds: ['lint'] },
  { head: /^deno$/, sub: /^lint$/, kinds: ['lint'] },
  { head: /^pre-commit$/, sub: /^run$/, kinds: ['lint'] },
  { head: /^(tsc|vue-tsc|mypy|pyright|basedpyright|pytype|dialyzer|svelte-check)$/, kinds: ['typecheck'] },
  { head: /^mix$/, sub: /^dialyzer$/, kinds: ['typecheck'] },
  { head: /^(deno|astro)$/, sub: /^check$/, kinds: ['typecheck'] },
  { head: /^flow$/, sub: /^check$/, kinds: ['typecheck'] },
  { head: /^docker$/, sub: /^(build|buildx)$/, kinds: ['build'] },
  { head: /^(docker-compose|podman|buildah)$/, sub: /^(build|bud)$/, kinds: ['build'] },
  { head: /^(go|cargo|swift|dotnet|zig|bazel|bazelisk)$/, sub: /^build$/, kinds: ['build'] },
  { head: /^dotnet$/, sub: /^publish$/, kinds: ['build'] },
  { head: /^mix$/, sub: /^(compile|release|escript\.build)$/, kinds: ['build'] },
  { head: /^(vite|next|nuxt|astro|remix|ng|flutter)$/, sub: /^build$/, kinds: ['build'] },
  { head: /^(webpack|rollup|esbuild|tsup|parcel)$/, kinds: ['build'] },
  { head: /^(poetry|hatch|uv|pdm)$/, sub: /^build$/, kinds: ['build'] },
  { head: /^build$/, kinds: ['build'] },
  { head: /^(npm|yarn|pnpm)$/, sub: /^audit$/, kinds: ['security'], scanner: 'npm audit' },
  { head: /^(audit-ci|better-npm-audit)$/, kinds: ['security'], scanner: 'npm audit' },
  { head: /^pip-audit$/, kinds: ['security'], scanner: 'pip-audit' },
  { head: /^safety$/, sub: /^(check|scan)$/, kinds: ['security'], scanner: 'Safety' },
  { head: /^bandit$/, kinds: ['security'], scanner: 'Bandit' },
  { head: /^govulncheck$/, kinds: ['security'], scanner: 'govulncheck' },
  { head: /^osv-scanner$/, kinds: ['security'], scanner: 'OSV-Scanner' },
  { head: /^trivy$/, kinds: ['security'], scanner: 'Trivy' },
  { head: /^grype$/, kinds: ['security'], scanner: 'Grype' },
  { head: /^snyk$/, sub: /^(test|monitor|code|container|iac)$/, kinds: ['security'], scanner: 'Snyk' },
  { head: /^semgrep$/, kinds: ['security'], scanner: 'Semgrep' },
  { head: /^gitleaks$/, kinds: ['security'], scanner: 'gitleaks' },
  { head: /^trufflehog$/, kinds: ['security'], scanner: 'TruffleHog' },
  { head: /^secretlint$/, kinds: ['security'], scanner: 'secretlint' },
  { head: /^detect-secrets(-hook)?$/, kinds: ['security'], scanner: 'detect-secrets' },
  { head: /^ggshield$/, kinds: ['security'], scanner: 'GitGuardian' },
  { head: /^cargo$/, sub: /^(audit|deny)$/, kinds: ['security'], scanner: 'cargo audit' },
  { head: /^(bundle-audit|bundler-audit)$/, kinds: ['security'], scanner: 'bundler-audit' },
  { head: /^bundle$/, sub: /^audit$/, kinds: ['security'], scanner: 'bundler-audit' },
  { head: /^brakeman$/, kinds: ['security'], scanner: 'Brakeman' },
  { head: /^mix$/, sub: /^(deps\.audit|sobelow|hex\.audit)$/, kinds: ['security'], scanner: 'mix audit' },
  { head: /^(checkov|tfsec|kics)$/, kinds: ['security'], scanner: 'Checkov' },
  { head: /^dependency-check(\.sh)?$/, kinds: ['security'], scanner: 'OWASP Dependency-Check' },
  { head: /^kubectl$/, sub: /^(apply|set|rollout|replace|create)$/, kinds: ['deploy'] },
  { head: /^helm$/, sub: /^(upgrade|install)$/, kinds: ['deploy'] },
  { head: /^helmfile$/, sub: /^(apply|sync)$/, kinds: ['deploy'] },
  { head: /^(terraform|tofu)$/, sub: /^apply$/, kinds: ['deploy'] },
  { head: /^pulumi$/, sub: /^up$/, kinds: ['deploy'] },
  {
    head: /^(flyctl|fly|firebase|serverless|sls|cdk|sam|wrangler|netlify|railway|eb)$/,
    sub: /^deploy$/,
    kinds: ['deploy'],
  },
  { head: /^vercel$/, kinds: ['deploy'] },
  { head: /^gcloud$/, sub: /^(run|app|functions|builds)$/, kinds: ['deploy'] },
  { head: /^aws$/, sub: /^(ecs|lambda|deploy|elasticbeanstalk|cloudformation)$/, kinds: ['deploy'] },
  { head: /^az$/, sub: /^(webapp|containerapp|functionapp)$/, kinds: ['deploy'] },
  {
    head: /^(npm|yarn|pnpm|cargo|poetry|twine|gem|flit)$/,
    sub: /^(publish|upload|push)$/,
    kinds: ['deploy'],
  },
  { head: /^mix$/, sub: /^hex\.publish$/, kinds: ['deploy'] },
  { head: /^docker$/, sub: /^push$/, kinds: ['deploy'] },
  { head: /^(semantic-release|goreleaser|release-it)$/, kinds: ['deploy'] },
  { head: /^changeset$/, sub: /^publish$/, kinds: ['deploy'] },
  { head: /^gh$/, sub: /^release$/, kinds: ['deploy'] },
];

/** Tools whose first argument may be a subcommand hidden behind flags (`docker compose -f x build`). */
export function classifyTokens(tokens: string[], insideAction = false): Classification {
  const found = emptyClassification();
  const rest = stripPrefixes(tokens);
  let head = rest[0];
  if (!head) return found;
  let args = withoutFlags(rest.slice(1));
  if (head === 'docker' && args[0] === 'compose') {
    head = 'docker-compose';
    args = args.slice(1);
  }
  if ((head === 'docker' || head === 'docker-compose') && (args[0] === 'run' || args[0] === 'exec')) {
    return classifyInsideContainer(rest);
  }
  const headName =
    head.startsWith('./') && !/^\.\/(mvnw|gradlew)$/.test(head)
      ? head
      : head.replace(/^.*\//, '').replace(/:.*$/, '');
  for (const tool of TOOLS) {
    if (!tool.head.test(headName)) continue;
    if (tool.sub && !tool.sub.test(args[0] ?? '')) continue;
    if (tool.flag && !tool.flag.test(rest.slice(1).join(' '))) continue;
    found.kinds.push(...tool.kinds);
    if (tool.scanner) found.scanners.push(tool.scanner);
    return found;
  }
  if (headName === 'tox' || headName === 'nox') return classifyTestEnvironments(rest.slice(1));
  if (head.startsWith('$')) {
    // `${{ env.CARGO }} test`: the program is chosen at run time, its subcommand still says what it does.
    const kinds = kindsFromScriptName(args[0] ?? '');
    if (kinds.length) found.kinds.push(...kinds);
    else found.opaque = true;
    return found;
  }
  if (/^(make|just|task|mage|invoke|rake|gmake)$/.test(headName)) {
    const targets = args.filter((arg) => !arg.includes('='));
    const kinds = targets.length ? targets.flatMap(kindsFromScriptName) : ['build' as const];
    if (kinds.length) found.kinds.push(...kinds);
    else found.opaque = !targets.every((target) => CHORE.test(target));
    return found;
  }
  if (isLocalScript(head, args)) {
    const script = head === 'bash' || head === 'sh' || head === 'zsh' ? (args[0] as string) : head;
    const scriptName = script.replace(/^.*\//, '').replace(/\.[a-z]+$/, '');
    const kinds = kindsFromScriptName(scriptName);
    if (kinds.length) found.kinds.push(...kinds);
    else found.opaque = !CHORE.test(scriptName);
    return found;
  }
  if (insideAction && /^(npm|yarn|pnpm)$/.test(head)) found.opaque = true;
  return found;
}

/** `tox` runs the test environments; `tox -e typing,lint` or `nox -s lint` only the named ones. */
function classifyTestEnvironments(args: string[]): Classification {
  const found = emptyClassification();
  const flag = args.findIndex((arg) => arg === '-e' || arg === '-s' || arg === '--session' || arg === '-m');
  const named = flag >= 0 ? (args[flag + 1] ?? '').split(',').filter(Boolean) : [];
  if (!named.length) {
    found.kinds.push('test');
    return found;
  }
  for (const environment of named) {
    const kinds = /^(py|pypy)\d/.test(environment) ? ['test' as const] : kindsFromScriptName(environment);
    found.kinds.push(...kinds);
  }
  return found;
}

export function isLocalScript(head: string, args: string[]): boolean {
  if (/^(bash|sh|zsh)$/.test(head)) return args[0] !== undefined && !args[0].startsWith('-');
  return head.startsWith('./') || head.startsWith('scripts/') || head.startsWith('bin/');
}

/** `docker compose run --rm api pytest -q`: the command after the service or image. */
function classifyInsideContainer(tokens: string[]): Classification {
  for (let start = 2; start < tokens.length; start++) {
    const inner = classifyTokens(tokens.slice(start));
    if (inner.kinds.length || inner.scanners.length) return { ...inner, opaque: false };
  }
  return emptyClassification();
}

/** What a script, make target or shell file does, judging by its name (`test:unit`, `lint-fix`, `deploy.sh`). */
export function kindsFromScriptName(name: string): CommandKind[] {
  const lower = name.toLowerCase();
  const part = (words: string) => new RegExp(`(^|[:_./-])(${words})([:_./-]|$)`).test(lower);
  const kinds: CommandKind[] = [];
  if (
    part('test|tests|spec|specs|e2e|unit|integration|coverage|cov|vitest|jest|pytest') ||
    /(^|[:_./-])(unit|rich|go|ci|py|all|full|int)tests?([:_./-]|$)/.test(lower)
  )
    kinds.push('test');
  if (part('lint|eslint|biome|stylelint|ruff|credo|clippy')) kinds.push('lint');
  if (part('typecheck|type-check|typing|typescript|types|tsc|check-types|mypy|pyright|dialyzer'))
    kinds.push('typecheck');
  if (part('build|compile|bundle|dist')) kinds.push('build');
  if (part('audit|security|snyk|vulncheck')) kinds.push('security');
  if (part('deploy|release|publish|ship')) kinds.push('deploy');
  return kinds;
}
