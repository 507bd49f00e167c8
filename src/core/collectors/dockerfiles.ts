// Dockerfiles parsed by hand, in one linear pass: stages, their base images (with global
// ARG defaults substituted), USER, HEALTHCHECK, EXPOSE, plus the .dockerignore files and
// whether orchestrator manifests exist that could override what the image declares (taken from
// the Kubernetes collector's facts, not found a second way).

import type { Collector, RepoView } from '../evidence.js';
import { inFolders } from '../formats/folders.js';
import { type KubernetesEvidence, kubernetesCollector, type WorkloadFacts } from './kubernetes.js';

/** A fact that sits on one line of a file. */
export interface Located {
  value: string;
  line: number;
  excerpt: string;
}

export interface BaseImage {
  /** The image reference as written after FROM (`node:${NODE_VERSION}-alpine`). */
  written: string;
  /** With global ARG defaults substituted; absent when some ARG has no default. */
  resolved?: string;
  /** ARGs the reference uses that have no default before the first FROM. */
  unresolvedArgs: string[];
  /** ARGs the reference uses (resolved or not): the build can override them. */
  args: string[];
  /** Name of an earlier stage this stage builds on (lowercase). */
  stage?: string;
  scratch: boolean;
  /** Repository part of the resolved reference, without tag or digest. */
  name?: string;
  tag?: string;
  digest?: string;
}

export interface HealthcheckInstruction {
  line: number;
  /** `HEALTHCHECK NONE`: disables any check inherited from the base image. */
  none: boolean;
  excerpt: string;
}

export interface DockerStage {
  index: number;
  /** `AS name`, lowercase. */
  name?: string;
  line: number;
  excerpt: string;
  base: BaseImage;
  /** Last USER of this stage itself. */
  user?: Located;
  /** Last HEALTHCHECK of this stage itself. */
  healthcheck?: HealthcheckInstruction;
  expose: Located[];
  /** Stages or images named by `COPY --from=` (stage names lowercase). */
  copiesFrom: string[];
  /** ARG defaults declared in the stage (a global ARG redeclared without value inherits its default). */
  args: Record<string, string | undefined>;
  /** A tool that switches user at run time (gosu, su-exec, setpriv...), seen in this stage. */
  privilegeDrop?: Located;
  /** What the stage inherits through `FROM <earlier stage>` chains, its own instructions winning. */
  effective: {
    user?: Located;
    healthcheck?: HealthcheckInstruction;
    privilegeDrop?: Located;
    /** The external image at the root of the chain. */
    base: BaseImage;
  };
}

export interface ParsedDockerfile {
  path: string;
  stages: DockerStage[];
  /** Non-fatal problems met while parsing (no FROM, instruction before FROM...). */
  problems: string[];
}

export interface WorkloadManifest {
  path: string;
  /** The manifest sets `runAsNonRoot: true` or a non-zero `runAsUser` somewhere. */
  setsNonRootUser: boolean;
}

export interface DockerfilesEvidence {
  dockerfiles: ParsedDockerfile[];
  dockerignores: string[];
  /**
   * Kubernetes workloads and Helm charts: they can add probes or a non-root user the
   * Dockerfile lacks, so a missing HEALTHCHECK or USER is not proof when they exist.
   */
  workloadManifests: WorkloadManifest[];
}

const DOCKERFILE_NAME = /^(?:(?:dockerfile|containerfile)(?:\..+)?|.+\.(?:dockerfile|containerfile))$/i;
const NOT_A_DOCKERFILE = /\.(?:dockerignore|md|txt|rst|adoc|html)$/i;
const VENDORED = inFolders(['node_modules', 'vendor', '.git']);

export function isDockerfilePath(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return DOCKERFILE_NAME.test(name) && !NOT_A_DOCKERFILE.test(name) && !VENDORED.test(path);
}

export const dockerfilesCollector: Collector<DockerfilesEvidence> = {
  id: 'dockerfiles',
  needs: [kubernetesCollector],
  async collect(repo, _config, facts) {
    const dockerfiles: ParsedDockerfile[] = [];
    for (const path of repo.files.filter(isDockerfilePath)) {
      const text = await repo.read(path);
      if (text === null) continue;
      dockerfiles.push(parseDockerfile(path, text));
    }
    const dockerignores = repo.files.filter((path) => /(?:^|\/|\.)\.?dockerignore$/.test(path));
    return {
      dockerfiles,
      dockerignores,
      workloadManifests: workloadManifestsOf(facts.get(kubernetesCollector), repo),
    };
  },
};

/**
 * Workloads and charts as the Kubernetes collector found them, so the Dockerfile rules and the
 * Kubernetes rules agree on which manifests exist (same skip list, same `exclude`, Helm
 * templates read the same way). A chart counts by its Chart.yaml even before its templates.
 */
function workloadManifestsOf(kubernetes: KubernetesEvidence, repo: RepoView): WorkloadManifest[] {
  const byPath = new Map<string, WorkloadManifest>();
  for (const chart of kubernetes.charts) {
    const path = [`${chart.dir}Chart.yaml`, `${chart.dir}Chart.yml`].find((candidate) => repo.has(candidate));
    if (path) byPath.set(path, { path, setsNonRootUser: false });
  }
  for (const workload of kubernetes.workloads) {
    const path = workload.object.at.path;
    const known = byPath.get(path) ?? { path, setsNonRootUser: false };
    known.setsNonRootUser ||= setsNonRootUser(workload);
    byPath.set(path, known);
  }
  return [...byPath.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** `runAsNonRoot: true` or a non-zero (or templated) `runAsUser`, on the pod or any container. */
function setsNonRootUser(workload: WorkloadFacts): boolean {
  const contexts = [workload.pod.securityContext, ...workload.containers.map((c) => c.securityContext)];
  return contexts.some((context) => {
    if (!context) return false;
    const user = context.runAsUser;
    return (
      context.runAsNonRoot?.value === true ||
      context.runAsNonRoot?.templated === true ||
      (user !== undefined && (user.templated === true || (user.value !== undefined && user.value > 0)))
    );
  });
}

interface Instruction {
  keyword: string;
  args: string;
  line: number;
  excerpt: string;
}

const PRIVILEGE_DROP = /\b(gosu|su-exec|setpriv|runuser|s6-setuidgid|setuidgid|chpst\s+-u|su\s+-c)\b/;
const MAX_EXCERPT = 120;

/** Parses one Dockerfile; never throws. Linear in the file's length. */
export function parseDockerfile(path: string, text: string): ParsedDockerfile {
  const problems: string[] = [];
  const stages: DockerStage[] = [];
  const stagesByName = new Map<string, DockerStage>();
  const globalArgs: Record<string, string | undefined> = {};
  let current: DockerStage | undefined;

  const close = (stage: DockerStage | undefined) => {
    if (!stage) return;
    const parent = stage.base.stage ? stagesByName.get(stage.base.stage) : undefined;
    stage.effective = {
      user: stage.user ?? parent?.effective.user,
      healthcheck: stage.healthcheck ?? parent?.effective.healthcheck,
      privilegeDrop: stage.privilegeDrop ?? parent?.effective.privilegeDrop,
      base: parent ? parent.effective.base : stage.base,
    };
  };

  for (const instruction of instructions(text)) {
    const { keyword, args, line, excerpt } = instruction;
    if (keyword === 'FROM') {
      close(current);
      current = startStage(args, line, excerpt, stages.length, globalArgs, stagesByName);
      stages.push(current);
      if (current.name) stagesByName.set(current.name, current);
      continue;
    }
    if (!current) {
      if (keyword === 'ARG') Object.assign(globalArgs, argDeclarations(args));
      else problems.push(`${keyword} at line ${line} comes before any FROM`);
      continue;
    }
    recordInstruction(current, instruction, globalArgs);
  }
  close(current);
  if (stages.length === 0) problems.push('no FROM instruction');
  return { path, stages, problems };
}

function recordInstruction(
  stage: DockerStage,
  instruction: Instruction,
  globalArgs: Record<string, string | undefined>,
) {
  const { keyword, args, line, excerpt } = instruction;
  switch (keyword) {
    case 'USER':
      stage.user = { value: args.split(/\s+/)[0] ?? '', line, excerpt };
      break;
    case 'HEALTHCHECK':
      stage.healthcheck = { line, none: /^none\b/i.test(args), excerpt };
      break;
    case 'EXPOSE':
      for (const port of args.split(/\s+/).filter(Boolean)) stage.expose.push({ value: port, line, excerpt });
      break;
    case 'ARG':
      for (const [name, value] of Object.entries(argDeclarations(args))) {
        stage.args[name] = value ?? globalArgs[name];
      }
      break;
    case 'COPY':
    case 'ADD': {
      const from = /--from=(\S+)/i.exec(args);
      if (from?.[1]) stage.copiesFrom.push(from[1].toLowerCase());
      break;
    }
  }
  if (keyword === 'RUN' || keyword === 'ENTRYPOINT' || keyword === 'CMD') {
    const tool = PRIVILEGE_DROP.exec(args);
    if (tool?.[1]) stage.privilegeDrop = { value: tool[1], line, excerpt };
  }
}

function startStage(
  args: string,
  line: number,
  excerpt: string,
  index: number,
  globalArgs: Record<string, string | undefined>,
  stagesByName: Map<string, DockerStage>,
): DockerStage {
  const words = args.split(/\s+/).filter((word) => word && !word.startsWith('--'));
  const written = words[0] ?? '';
  const name = words[1]?.toLowerCase() === 'as' ? words[2]?.toLowerCase() : undefined;
  const base = baseImage(written, globalArgs, stagesByName);
  const stage: DockerStage = {
    index,
    line,
    excerpt,
    base,
    expose: [],
    copiesFrom: [],
    args: {},
    effective: { base },
  };
  if (name) stage.name = name;
  return stage;
}

function baseImage(
  written: string,
  globalArgs: Record<string, string | undefined>,
  stagesByName: Map<string, DockerStage>,
): BaseImage {
  const { value, used, unresolved } = substitute(written, globalArgs);
  const base: BaseImage = { written, unresolvedArgs: unresolved, args: used, scratch: false };
  if (unresolved.length > 0) return base;
  base.resolved = value;
  const lower = value.toLowerCase();
  if (stagesByName.has(lower)) {
    base.stage = lower;
    return base;
  }
  if (lower === 'scratch') {
    base.scratch = true;
    return base;
  }
  const at = value.indexOf('@');
  const reference = at >= 0 ? value.slice(0, at) : value;
  if (at >= 0) base.digest = value.slice(at + 1);
  const colon = reference.lastIndexOf(':');
  if (colon > reference.lastIndexOf('/')) {
    base.name = reference.slice(0, colon);
    base.tag = reference.slice(colon + 1);
  } else {
    base.name = reference;
  }
  return base;
}

const VARIABLE = /\$(?:\{([A-Za-z_]\w*)(?::?([-+])([^}]*))?\}|([A-Za-z_]\w*))/g;

/** Substitutes `$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR:+alt}` with known defaults. */
export function substitute(
  text: string,
  defaults: Record<string, string | undefined>,
): { value: string; used: string[]; unresolved: string[] } {
  const used: string[] = [];
  const unresolved: string[] = [];
  const value = text.replace(
    VARIABLE,
    (_whole, braced?: string, operator?: string, operand?: string, bare?: string) => {
      const name = (braced ?? bare) as string;
      used.push(name);
      const known = defaults[name];
      if (operator === '-') return known ? known : (operand ?? '');
      if (operator === '+') return known ? (operand ?? '') : '';
      if (known === undefined) unresolved.push(name);
      return known ?? '';
    },
  );
  return { value, used, unresolved };
}

function argDeclarations(args: string): Record<string, string | undefined> {
  const declared: Record<string, string | undefined> = {};
  for (const match of args.matchAll(/([A-Za-z_]\w*)(?:=("[^"]*"|'[^']*'|\S*))?/g)) {
    const [, name, raw] = match;
    if (!name) continue;
    declared[name] = raw === undefined ? undefined : raw.replace(/^(["'])(.*)\1$/, '$2');
  }
  return declared;
}

/** Logical instructions: directives read, comments dropped, continuations joined, heredoc bodies skipped. */
export function* instructions(text: string): Generator<Instruction> {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  let escapeChar = '\\';
  let index = 0;
  for (; index < lines.length; index++) {
    const directive = /^#\s*([A-Za-z][\w-]*)\s*=\s*(\S*)\s*$/.exec(lines[index] as string);
    if (!directive) break;
    if (directive[1]?.toLowerCase() === 'escape' && (directive[2] === '`' || directive[2] === '\\')) {
      escapeChar = directive[2];
    }
  }
  while (index < lines.length) {
    const first = lines[index] as string;
    const trimmed = first.trim();
    if (trimmed === '' || trimmed.startsWith('#')) {
      index++;
      continue;
    }
    const line = index + 1;
    let joined = '';
    let part = first;
    for (;;) {
      const end = part.trimEnd();
      index++;
      if (!end.endsWith(escapeChar)) {
        joined += part;
        break;
      }
      joined += end.slice(0, -1);
      // Docker drops comment and blank lines inside a continued instruction.
      while (index < lines.length && /^\s*(#.*)?$/.test(lines[index] as string)) index++;
      if (index >= lines.length) break;
      part = lines[index] as string;
    }
    const parsed = /^\s*([A-Za-z]+)(?:\s+([\s\S]*))?$/.exec(joined);
    if (!parsed) continue;
    const keyword = (parsed[1] as string).toUpperCase();
    const args = (parsed[2] ?? '').trim();
    index = skipHeredocs(keyword, args, lines, index);
    yield { keyword, args, line, excerpt: trimmed.slice(0, MAX_EXCERPT) };
  }
}

function skipHeredocs(keyword: string, args: string, lines: string[], from: number): number {
  if (keyword !== 'RUN' && keyword !== 'COPY' && keyword !== 'ADD') return from;
  let index = from;
  for (const heredoc of args.matchAll(/<<(-?)(["']?)([A-Za-z_][\w-]*)\2/g)) {
    const stripTabs = heredoc[1] === '-';
    const delimiter = heredoc[3];
    while (index < lines.length) {
      const body = lines[index] as string;
      index++;
      if ((stripTabs ? body.replace(/^\t+/, '') : body) === delimiter) break;
    }
  }
  return index;
}
