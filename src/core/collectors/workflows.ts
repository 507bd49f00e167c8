// GitHub Actions workflows, parsed once: triggers, jobs and steps with their 1-based
// lines, each step classified by what it does (test, lint, build, scan, deploy...).
// Workflow files are untrusted input: YAML is parsed with a low alias budget and any
// error is recorded, never thrown. Nothing from the repository is ever executed.

import { isMap, isScalar } from 'yaml';
import type { Collector, RepoView } from '../evidence.js';
import { type Makefile, parseMakefile } from '../formats/makefile.js';
import { parsePackageJson } from '../formats/package-json.js';
import { joinPath } from '../formats/paths.js';
import { type LoadedYaml, loadYaml, type UnparsableFile } from '../formats/yaml.js';

export type StepKind = 'test' | 'lint' | 'typecheck' | 'build' | 'security' | 'deploy';

export interface WorkflowStep {
  /** 1-based line of the step in its workflow file. */
  line: number;
  name?: string;
  uses?: string;
  run?: string;
  with: Record<string, string>;
  /** Effective working directory (step, job default or workflow default), as written. */
  workingDirectory?: string;
  kinds: StepKind[];
  /** Canonical names of security scanners the step runs ("CodeQL", "gitleaks"). */
  scanners: string[];
  /** Runs something whose content this collector cannot see (a local script, an unknown npm script). */
  opaque: boolean;
  /** Folders the step works on; empty when it works on the whole repository or that is unknown. */
  targets: string[];
  /** Short human label: the step name, else its action, else its first command. */
  label: string;
}

export interface WorkflowJob {
  id: string;
  name?: string;
  line: number;
  steps: WorkflowStep[];
  /** A reusable workflow the job calls (`./.github/workflows/test.yml` or `owner/repo/...@ref`). */
  uses?: string;
  /** Deployment environment the job targets (`environment: production`). */
  environment?: string;
}

export interface WorkflowTrigger {
  event: string;
  line: number;
  branches: string[];
  branchesIgnore: string[];
  tags: string[];
  paths: string[];
  pathsIgnore: string[];
}

export interface Workflow {
  path: string;
  name?: string;
  triggers: WorkflowTrigger[];
  jobs: WorkflowJob[];
}

export interface WorkflowsEvidence {
  workflows: Workflow[];
  unparsable: UnparsableFile[];
  /** CI configurations of other systems (GitLab, CircleCI, Jenkins...), which this collector does not read. */
  otherCi: string[];
}

const WORKFLOW_FILE = /^\.github\/workflows\/[^/]+\.ya?ml$/;
const OTHER_CI = [
  /^\.gitlab-ci\.ya?ml$/,
  /^\.circleci\/config\.ya?ml$/,
  /(^|\/)Jenkinsfile$/,
  /^azure-pipelines\.ya?ml$/,
  /^\.azure-pipelines\//,
  /^\.travis\.ya?ml$/,
  /^bitbucket-pipelines\.ya?ml$/,
  /^\.buildkite\//,
  /^\.drone\.ya?ml$/,
  /^\.woodpecker(\.ya?ml|\/)/,
  /^appveyor\.ya?ml$/,
  /^cloudbuild\.ya?ml$/,
  /^buildspec\.ya?ml$/,
  /^\.semaphore\//,
  /^\.tekton\//,
];
/** How deep `npm run a` → `npm run b` → ... is followed through package.json scripts. */
const MAX_SCRIPT_DEPTH = 4;

export const workflowsCollector: Collector<WorkflowsEvidence> = {
  id: 'workflows',
  unparsable: (evidence) => evidence.unparsable.map((file) => ({ path: file.path, reason: file.error })),
  async collect(repo) {
    const evidence: WorkflowsEvidence = {
      workflows: [],
      unparsable: [],
      otherCi: repo.files.filter((path) => OTHER_CI.some((pattern) => pattern.test(path))),
    };
    const scripts = new ScriptBook(repo);
    for (const path of repo.files.filter((file) => WORKFLOW_FILE.test(file))) {
      const text = await repo.read(path);
      if (text === null) continue;
      const loaded = loadYaml(text);
      if ('error' in loaded) {
        evidence.unparsable.push({ path, error: loaded.error });
        continue;
      }
      evidence.workflows.push(await readWorkflow(path, loaded, scripts));
    }
    return evidence;
  },
};

type Dict = Record<string, unknown>;

function isDict(value: unknown): value is Dict {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

function strings(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(text).filter((item): item is string => item !== undefined);
  const single = text(value);
  return single === undefined ? [] : [single];
}

async function readWorkflow(path: string, loaded: LoadedYaml, scripts: ScriptBook): Promise<Workflow> {
  const root = isDict(loaded.value) ? loaded.value : {};
  // YAML 1.1 readers turn a bare `on` key into `true`; accept both spellings.
  const onKey = 'on' in root ? 'on' : 'true' in root ? 'true' : undefined;
  const triggers = onKey ? readTriggers(root[onKey], onKey, loaded) : [];
  const workflow: Workflow = { path, name: text(root.name), triggers, jobs: [] };
  const triggerTargets = targetsOfPathFilters(triggers);
  const defaultDir = workingDirectoryOf(root.defaults);
  const jobs = isDict(root.jobs) ? root.jobs : {};
  for (const [id, rawJob] of Object.entries(jobs)) {
    if (!isDict(rawJob)) continue;
    const job: WorkflowJob = {
      id,
      name: text(rawJob.name),
      line: loaded.lineOf(['jobs', id]) ?? 1,
      steps: [],
      uses: text(rawJob.uses),
      environment: text(isDict(rawJob.environment) ? rawJob.environment.name : rawJob.environment),
    };
    const jobDir = workingDirectoryOf(rawJob.defaults) ?? defaultDir;
    const rawSteps = Array.isArray(rawJob.steps) ? rawJob.steps : [];
    for (const [index, rawStep] of rawSteps.entries()) {
      if (!isDict(rawStep)) continue;
      const line = loaded.lineOf(['jobs', id, 'steps', index]) ?? job.line;
      job.steps.push(await readStep(rawStep, line, jobDir, triggerTargets, scripts));
    }
    workflow.jobs.push(job);
  }
  return workflow;
}

function readTriggers(on: unknown, onKey: string, loaded: LoadedYaml): WorkflowTrigger[] {
  const onLine = loaded.lineOf([onKey]) ?? 1;
  const bare = (event: string): WorkflowTrigger => ({
    event,
    line: onLine,
    branches: [],
    branchesIgnore: [],
    tags: [],
    paths: [],
    pathsIgnore: [],
  });
  if (typeof on === 'string') return [bare(on)];
  if (Array.isArray(on)) return strings(on).map(bare);
  if (!isDict(on)) return [];
  return Object.entries(on).map(([event, filters]) => {
    const trigger = bare(event);
    trigger.line = lineOfKey(loaded, onKey, event) ?? onLine;
    if (isDict(filters)) {
      trigger.branches = strings(filters.branches);
      trigger.branchesIgnore = strings(filters['branches-ignore']);
      trigger.tags = strings(filters.tags);
      trigger.paths = strings(filters.paths);
      trigger.pathsIgnore = strings(filters['paths-ignore']);
    }
    return trigger;
  });
}

/** Line of a key itself (its value may be empty, as in `pull_request:`). */
function lineOfKey(loaded: LoadedYaml, mapKey: string, key: string): number | undefined {
  const map = loaded.doc.get(mapKey, true);
  if (!isMap(map)) return undefined;
  for (const pair of map.items) {
    if (isScalar(pair.key) && String(pair.key.value) === key && pair.key.range)
      return loaded.lineAt(pair.key.range[0]);
  }
  return undefined;
}

function workingDirectoryOf(defaults: unknown): string | undefined {
  if (!isDict(defaults) || !isDict(defaults.run)) return undefined;
  return text(defaults.run['working-directory']);
}

async function readStep(
  raw: Dict,
  line: number,
  jobDir: string | undefined,
  triggerTargets: string[],
  scripts: ScriptBook,
): Promise<WorkflowStep> {
  const withInputs: Record<string, string> = {};
  if (isDict(raw.with)) {
    for (const [key, value] of Object.entries(raw.with)) {
      const input = text(value);
      if (input !== undefined) withInputs[key] = input;
    }
  }
  const name = text(raw.name);
  const uses = text(raw.uses);
  const run = text(raw.run);
  const workingDirectory = text(raw['working-directory']) ?? jobDir;
  const found = emptyClassification();
  if (uses?.startsWith('./')) merge(found, await classifyLocalAction(uses, scripts));
  else if (uses) merge(found, classifyAction(uses, withInputs));
  if (run) merge(found, await classifyScript(run, scripts, literalDir(workingDirectory) ?? '', 0));
  if (found.opaque && name) {
    const byName = kindsFromName(name);
    if (byName.length) {
      found.kinds.push(...byName);
      found.opaque = false;
    }
  }
  const targets = stepTargets(workingDirectory, run, withInputs) ?? triggerTargets;
  const label = name ?? uses ?? firstCommand(run ?? '') ?? 'step';
  const step: WorkflowStep = {
    line,
    with: withInputs,
    kinds: [...new Set(found.kinds)],
    scanners: [...new Set(found.scanners)],
    opaque: found.opaque,
    targets,
    label,
  };
  if (name !== undefined) step.name = name;
  if (uses !== undefined) step.uses = uses;
  if (run !== undefined) step.run = run;
  if (workingDirectory !== undefined) step.workingDirectory = workingDirectory;
  return step;
}

function firstCommand(run: string): string | undefined {
  const line = run
    .split('\n')
    .map((part) => part.trim())
    .find((part) => part && !part.startsWith('#'));
  return line && line.length > 80 ? `${line.slice(0, 77)}...` : line;
}

// ---- targets: which folder a step works on -------------------------------------------

/** A literal folder, normalised; undefined for expressions (`${{ matrix.dir }}`) and absent values. */
function literalDir(dir: string | undefined): string | undefined {
  if (dir === undefined || dir.includes('${{') || dir.includes('$')) return undefined;
  const clean = dir
    .trim()
    .replace(/^\.\/+/, '')
    .replace(/\/+$/, '');
  return clean === '.' ? '' : clean;
}

function stepTargets(
  workingDirectory: string | undefined,
  run: string | undefined,
  withInputs: Record<string, string>,
): string[] | undefined {
  const candidates = [
    literalDir(workingDirectory),
    literalDir(withInputs['working-directory'] ?? withInputs.working_directory ?? withInputs.context),
    run ? literalDir(/^\s*cd\s+([^\s;&|]+)/.exec(run)?.[1]) : undefined,
    run ? literalDir(/(?:--prefix|--cwd|\s-C)\s+([^\s;&|]+)/.exec(run)?.[1]) : undefined,
  ];
  const dir = candidates.find((candidate) => candidate !== undefined);
  if (dir === undefined) return undefined;
  return dir === '' ? [] : [dir];
}

/** Folders named by path filters; empty when any filter reaches the whole repository. */
function targetsOfPathFilters(triggers: WorkflowTrigger[]): string[] {
  const folders = new Set<string>();
  for (const trigger of triggers) {
    for (const pattern of trigger.paths) {
      if (pattern.startsWith('!')) continue;
      const literal = pattern.replace(/^\.\//, '').split(/[*?[{]/)[0] ?? '';
      const folder = literal.includes('/') ? literal.slice(0, literal.lastIndexOf('/')) : '';
      if (folder === '' || folder.startsWith('.github')) return [];
      folders.add(folder);
    }
  }
  return [...folders];
}

// ---- classification ------------------------------------------------------------------

interface Classification {
  kinds: StepKind[];
  scanners: string[];
  opaque: boolean;
}

function emptyClassification(): Classification {
  return { kinds: [], scanners: [], opaque: false };
}

function merge(into: Classification, from: Classification): void {
  into.kinds.push(...from.kinds);
  into.scanners.push(...from.scanners);
  into.opaque ||= from.opaque;
}

interface KnownAction {
  prefix: string;
  kinds: StepKind[];
  scanner?: string;
}

const KNOWN_ACTIONS: KnownAction[] = [
  { prefix: 'github/codeql-action/analyze', kinds: ['security'], scanner: 'CodeQL' },
  { prefix: 'github/codeql-action/init', kinds: ['security'], scanner: 'CodeQL' },
  { prefix: 'aquasecurity/trivy-action', kinds: ['security'], scanner: 'Trivy' },
  { prefix: 'aquasecurity/setup-trivy', kinds: [] },
  { prefix: 'gitleaks/gitleaks-action', kinds: ['security'], scanner: 'gitleaks' },
  { prefix: 'zricethezav/gitleaks-action', kinds: ['security'], scanner: 'gitleaks' },
  { prefix: 'trufflesecurity/trufflehog', kinds: ['security'], scanner: 'TruffleHog' },
  { prefix: 'gitguardian/ggshield', kinds: ['security'], scanner: 'GitGuardian' },
  { prefix: 'secretlint/', kinds: ['security'], scanner: 'secretlint' },
  { prefix: 'returntocorp/semgrep-action', kinds: ['security'], scanner: 'Semgrep' },
  { prefix: 'semgrep/semgrep-action', kinds: ['security'], scanner: 'Semgrep' },
  { prefix: 'snyk/actions', kinds: ['security'], scanner: 'Snyk' },
  { prefix: 'actions/dependency-review-action', kinds: ['security'], scanner: 'dependency review' },
  { prefix: 'anchore/scan-action', kinds: ['security'], scanner: 'Grype' },
  { prefix: 'anchore/sbom-action', kinds: [] },
  { prefix: 'ossf/scorecard-action', kinds: ['security'], scanner: 'OpenSSF Scorecard' },
  { prefix: 'google/osv-scanner-action', kinds: ['security'], scanner: 'OSV-Scanner' },
  { prefix: 'golang/govulncheck-action', kinds: ['security'], scanner: 'govulncheck' },
  { prefix: 'pypa/gh-action-pip-audit', kinds: ['security'], scanner: 'pip-audit' },
  { prefix: 'bridgecrewio/checkov-action', kinds: ['security'], scanner: 'Checkov' },
  { prefix: 'aquasecurity/tfsec', kinds: ['security'], scanner: 'tfsec' },
  { prefix: 'docker/scout-action', kinds: ['security'], scanner: 'Docker Scout' },
  { prefix: 'sonarsource/sonarcloud-github-action', kinds: ['lint'] },
  { prefix: 'sonarsource/sonarqube-scan-action', kinds: ['lint'] },
  { prefix: 'golangci/golangci-lint-action', kinds: ['lint'] },
  { prefix: 'actions-rs/clippy-check', kinds: ['lint'] },
  { prefix: 'super-linter/super-linter', kinds: ['lint'] },
  { prefix: 'github/super-linter', kinds: ['lint'] },
  { prefix: 'astral-sh/ruff-action', kinds: ['lint'] },
  { prefix: 'chartboost/ruff-action', kinds: ['lint'] },
  { prefix: 'reviewdog/', kinds: ['lint'] },
  { prefix: 'hadolint/hadolint-action', kinds: ['lint'] },
  { prefix: 'ludeeus/action-shellcheck', kinds: ['lint'] },
  { prefix: 'wearerequired/lint-action', kinds: ['lint'] },
  { prefix: 'pre-commit/action', kinds: ['lint'] },
  { prefix: 'jakebailey/pyright-action', kinds: ['typecheck'] },
  { prefix: 'cypress-io/github-action', kinds: ['test'] },
  { prefix: 'docker/build-push-action', kinds: ['build'] },
  { prefix: 'redhat-actions/buildah-build', kinds: ['build'] },
  { prefix: 'goreleaser/goreleaser-action', kinds: ['build', 'deploy'] },
  { prefix: 'softprops/action-gh-release', kinds: ['deploy'] },
  { prefix: 'actions/create-release', kinds: ['deploy'] },
  { prefix: 'ncipollo/release-action', kinds: ['deploy'] },
  { prefix: 'googleapis/release-please-action', kinds: ['deploy'] },
  { prefix: 'google-github-actions/release-please-action', kinds: ['deploy'] },
  { prefix: 'changesets/action', kinds: ['deploy'] },
  { prefix: 'cycjimmy/semantic-release-action', kinds: ['deploy'] },
  { prefix: 'js-devtools/npm-publish', kinds: ['deploy'] },
  { prefix: 'pypa/gh-action-pypi-publish', kinds: ['deploy'] },
  { prefix: 'actions/deploy-pages', kinds: ['deploy'] },
  { prefix: 'peaceiris/actions-gh-pages', kinds: ['deploy'] },
  { prefix: 'jamesives/github-pages-deploy-action', kinds: ['deploy'] },
  { prefix: 'aws-actions/amazon-ecs-deploy-task-definition', kinds: ['deploy'] },
  { prefix: 'azure/webapps-deploy', kinds: ['deploy'] },
  { prefix: 'azure/k8s-deploy', kinds: ['deploy'] },
  { prefix: 'azure/functions-action', kinds: ['deploy'] },
  { prefix: 'google-github-actions/deploy-cloudrun', kinds: ['deploy'] },
  { prefix: 'google-github-actions/deploy-appengine', kinds: ['deploy'] },
  { prefix: 'superfly/flyctl-actions', kinds: ['deploy'] },
  { prefix: 'amondnet/vercel-action', kinds: ['deploy'] },
  { prefix: 'cloudflare/wrangler-action', kinds: ['deploy'] },
  { prefix: 'cloudflare/pages-action', kinds: ['deploy'] },
  { prefix: 'nwtgck/actions-netlify', kinds: ['deploy'] },
  { prefix: 'akhileshns/heroku-deploy', kinds: ['deploy'] },
  { prefix: 'appleboy/ssh-action', kinds: [] },
];

/** Inputs through which generic actions run a command (`nick-fields/retry` with `command: npm test`). */
const COMMAND_INPUTS = ['run', 'command', 'script', 'cmd'];

function classifyAction(uses: string, withInputs: Record<string, string>): Classification {
  const found = emptyClassification();
  const action = uses.toLowerCase().replace(/@.*$/, '');
  const known = KNOWN_ACTIONS.find((entry) => action.startsWith(entry.prefix));
  if (known) {
    found.kinds.push(...known.kinds);
    if (known.scanner) found.scanners.push(known.scanner);
    if (known.prefix === 'aquasecurity/trivy-action' && withInputs['scan-type'] === 'config')
      found.kinds.push('lint');
    return found;
  }
  if (/^gradle\/(gradle-build-action|actions\/setup-gradle)/.test(action) && withInputs.arguments) {
    merge(found, classifyTokens(['gradle', ...withInputs.arguments.split(/\s+/)]));
  }
  for (const input of COMMAND_INPUTS) {
    const command = withInputs[input];
    if (command) for (const part of splitCommands(command)) merge(found, classifyTokens(part, true));
  }
  return found;
}

/**
 * A composite action in the repository (`uses: ./.github/actions/test`): its own steps say
 * what it does. Opaque when it is missing, unparsable, or runs JavaScript or a container.
 */
async function classifyLocalAction(uses: string, scripts: ScriptBook): Promise<Classification> {
  const found = emptyClassification();
  const folder = joinPath('', uses);
  const source =
    (await scripts.file(`${folder}/action.yml`)) ?? (await scripts.file(`${folder}/action.yaml`));
  const loaded = source === null ? undefined : loadYaml(source);
  const runs = loaded && !('error' in loaded) && isDict(loaded.value) ? loaded.value.runs : undefined;
  if (!isDict(runs) || runs.using !== 'composite' || !Array.isArray(runs.steps)) {
    found.opaque = true;
    return found;
  }
  for (const step of runs.steps) {
    if (!isDict(step)) continue;
    const run = text(step.run);
    const nested = text(step.uses);
    const inputs: Record<string, string> = {};
    if (isDict(step.with)) for (const [key, value] of Object.entries(step.with)) inputs[key] = String(value);
    if (run) merge(found, await classifyScript(run, scripts, '', MAX_SCRIPT_DEPTH - 1));
    // One level of local actions is read; deeper nesting stays opaque rather than recursing without end.
    if (nested)
      merge(
        found,
        nested.startsWith('./') ? { kinds: [], scanners: [], opaque: true } : classifyAction(nested, inputs),
      );
  }
  return found;
}

/** Step names that say what an opaque step does ("Run unit tests", "Lint"). */
function kindsFromName(name: string): StepKind[] {
  const lower = name.toLowerCase();
  if (/\b(set ?up|install|cache|upload|download|report|prepare|start)\b/.test(lower)) return [];
  const kinds: StepKind[] = [];
  if (/\b(unit |integration |e2e |end-to-end )?tests?\b/.test(lower)) kinds.push('test');
  if (/\blint(ing|er)?\b/.test(lower)) kinds.push('lint');
  if (/\btype[- ]?check(ing)?\b/.test(lower)) kinds.push('typecheck');
  if (/\bdeploy/.test(lower)) kinds.push('deploy');
  return kinds;
}

async function classifyScript(
  script: string,
  scripts: ScriptBook,
  directory: string,
  depth: number,
): Promise<Classification> {
  const found = emptyClassification();
  for (const tokens of splitCommands(script)) {
    const packageScript = packageScriptName(tokens);
    if (packageScript !== undefined) {
      merge(found, await classifyPackageScript(packageScript, scripts, directory, depth));
      continue;
    }
    const local =
      depth < MAX_SCRIPT_DEPTH ? await classifyLocalCommand(tokens, scripts, directory, depth) : undefined;
    merge(found, local ?? classifyTokens(tokens));
  }
  return found;
}

/**
 * `make ci` and `./scripts/ci.sh` read through: the Makefile recipe or the script's own
 * lines say what runs. Undefined when the command is neither, or its file is not in the repository.
 */
async function classifyLocalCommand(
  tokens: string[],
  scripts: ScriptBook,
  directory: string,
  depth: number,
): Promise<Classification | undefined> {
  const rest = stripPrefixes(tokens);
  const head = rest[0] ?? '';
  const args = rest.slice(1);
  if (/^g?make$/.test(head)) {
    const dirFlag = args.indexOf('-C');
    const makeDir = dirFlag >= 0 ? joinPath(directory, args[dirFlag + 1] ?? '') : directory;
    const makefile = await scripts.makefile(makeDir);
    if (!makefile) return undefined;
    const named = withoutFlags(args).filter((arg) => !arg.includes('='));
    const goals = named.length ? named : makefile.first ? [makefile.first] : [];
    const found = emptyClassification();
    for (const goal of goals)
      merge(found, await classifyMakeTarget(goal, makefile, scripts, makeDir, depth + 1));
    return found;
  }
  if (!isLocalScript(head, args)) return undefined;
  const scriptPath = /^(bash|sh|zsh)$/.test(head) ? (args[0] as string) : head;
  const text = await scripts.file(joinPath(directory, scriptPath));
  if (text === null) return undefined;
  const found = await classifyScript(text, scripts, directory, depth + 1);
  const byName = kindsFromScriptName(scriptPath.replace(/^.*\//, '').replace(/\.[a-z]+$/, ''));
  found.kinds.push(...byName);
  return found;
}

async function classifyMakeTarget(
  target: string,
  makefile: Makefile,
  scripts: ScriptBook,
  directory: string,
  depth: number,
): Promise<Classification> {
  const found = emptyClassification();
  found.kinds.push(...kindsFromScriptName(target));
  const rule = makefile.targets.get(target);
  if (!rule || depth > MAX_SCRIPT_DEPTH) {
    if (!found.kinds.length && !CHORE.test(target)) found.opaque = true;
    return found;
  }
  for (const prerequisite of rule.prerequisites) {
    if (makefile.targets.has(prerequisite)) {
      merge(found, await classifyMakeTarget(prerequisite, makefile, scripts, directory, depth + 1));
    }
  }
  const recipe = rule.recipe
    .replace(/^\$\((info|warning|error|eval)\b.*$/gm, '')
    .replace(/\$\(MAKE\)|\$\{MAKE\}/g, 'make');
  merge(found, await classifyScript(recipe, scripts, directory, depth));
  return found;
}

async function classifyPackageScript(
  name: string,
  scripts: ScriptBook,
  directory: string,
  depth: number,
): Promise<Classification> {
  const found = emptyClassification();
  found.kinds.push(...kindsFromScriptName(name));
  const body = depth < MAX_SCRIPT_DEPTH ? await scripts.body(directory, name) : undefined;
  if (body !== undefined) merge(found, await classifyScript(body, scripts, directory, depth + 1));
  if (body === undefined && name === 'test') found.kinds.push('test');
  if (!found.kinds.length && !found.scanners.length && !CHORE.test(name)) found.opaque = true;
  return found;
}

/** Script and target names that plainly do none of the classified kinds of work. */
const CHORE =
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
function packageScriptName(tokens: string[]): string | undefined {
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
function withoutFlags(args: string[]): string[] {
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
function stripPrefixes(tokens: string[]): string[] {
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
  kinds: StepKind[];
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
  { head: /^(bundle-audit|bundler-audit|brakeman)$/, kinds: ['security'], scanner: 'bundler-audit' },
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
function classifyTokens(tokens: string[], insideAction = false): Classification {
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

function isLocalScript(head: string, args: string[]): boolean {
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
export function kindsFromScriptName(name: string): StepKind[] {
  const lower = name.toLowerCase();
  const part = (words: string) => new RegExp(`(^|[:_./-])(${words})([:_./-]|$)`).test(lower);
  const kinds: StepKind[] = [];
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

/** package.json scripts of the root and of working directories, read once each. */
class ScriptBook {
  private readonly books = new Map<string, Promise<Record<string, string>>>();

  private readonly makefiles = new Map<string, Promise<Makefile | undefined>>();

  constructor(private readonly repo: RepoView) {}

  /** A tracked file's text; untracked paths are not scripts anyone's CI checks out. */
  async file(path: string): Promise<string | null> {
    return this.repo.has(path) ? this.repo.read(path) : null;
  }

  makefile(directory: string): Promise<Makefile | undefined> {
    let pending = this.makefiles.get(directory);
    if (!pending) {
      const prefix = directory ? `${directory}/` : '';
      const path = ['GNUmakefile', 'makefile', 'Makefile']
        .map((name) => prefix + name)
        .find((p) => this.repo.has(p));
      pending = path
        ? this.repo.read(path).then((text) => (text === null ? undefined : parseMakefile(text)))
        : Promise.resolve(undefined);
      this.makefiles.set(directory, pending);
    }
    return pending;
  }

  async body(directory: string, name: string): Promise<string | undefined> {
    const local = await this.scripts(directory);
    if (name in local) return local[name];
    if (directory === '') return undefined;
    const root = await this.scripts('');
    return root[name];
  }

  private scripts(directory: string): Promise<Record<string, string>> {
    let book = this.books.get(directory);
    if (!book) {
      book = this.load(directory ? `${directory}/package.json` : 'package.json');
      this.books.set(directory, book);
    }
    return book;
  }

  private async load(path: string): Promise<Record<string, string>> {
    const source = await this.repo.read(path);
    if (source === null) return {};
    const parsed = parsePackageJson(source);
    if ('problem' in parsed || !isDict(parsed.manifest.scripts)) return {};
    const scripts: Record<string, string> = {};
    for (const [name, body] of Object.entries(parsed.manifest.scripts))
      if (typeof body === 'string') scripts[name] = body;
    return scripts;
  }
}
