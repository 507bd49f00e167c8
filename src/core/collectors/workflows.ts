// GitHub Actions workflows, parsed once: triggers, jobs and steps with their 1-based
// lines, each step classified by what it does (test, lint, build, scan, deploy...).
// Workflow files are untrusted input: YAML is parsed with a low alias budget and any
// error is recorded, never thrown. Nothing from the repository is ever executed.

import { isMap, isScalar } from 'yaml';
import type { Collector, RepoView } from '../evidence.js';
import { type Makefile, parseMakefile } from '../formats/makefile.js';
import { parsePackageJson } from '../formats/package-json.js';
import { joinPath } from '../formats/paths.js';
import {
  CHORE,
  type Classification,
  type CommandKind,
  classifyTokens,
  emptyClassification,
  isLocalScript,
  kindsFromScriptName,
  merge,
  packageScriptName,
  splitCommands,
  stripPrefixes,
  withoutFlags,
} from '../formats/shell-commands.js';
import { type LoadedYaml, loadYaml, type UnparsableFile } from '../formats/yaml.js';
import { KNOWN_ACTIONS } from './workflows/known-actions.js';

export type StepKind = CommandKind;

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
  /**
   * Scanners whose failure cannot fail the step: every line running them ends in `|| true`
   * (or `|| exit 0`), or the step has `continue-on-error: true`.
   */
  failureIgnored?: string[];
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
  const ignored = ignoredScanners(step.scanners, run, raw['continue-on-error']);
  if (ignored.length) step.failureIgnored = ignored;
  if (name !== undefined) step.name = name;
  if (uses !== undefined) step.uses = uses;
  if (run !== undefined) step.run = run;
  if (workingDirectory !== undefined) step.workingDirectory = workingDirectory;
  return step;
}

/** A command whose failure the shell swallows: `scan || true`, `scan || :`, `scan || exit 0`. */
const SWALLOWED = /\|\|\s*(?:true|:|exit\s+0)\s*(?:;\s*)?$/;

function ignoredScanners(
  scanners: readonly string[],
  run: string | undefined,
  continueOnError: unknown,
): string[] {
  if (!scanners.length) return [];
  if (continueOnError === true || continueOnError === 'true') return [...scanners];
  if (!run) return [];
  const lines = run.replace(/\\\r?\n/g, ' ').split(/\r?\n/);
  return scanners.filter((scanner) => {
    const running = lines.filter((line) =>
      splitCommands(line.replace(/\|\|.*$/, '')).some((tokens) =>
        classifyTokens(tokens).scanners.includes(scanner),
      ),
    );
    return running.length > 0 && running.every((line) => SWALLOWED.test(line.trim()));
  });
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

// ---- classification: actions by name (workflows/known-actions.ts), commands by formats/shell-commands.ts

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
