// What the container rules share: recognising a container context in item text, and
// choosing which Dockerfiles and Compose services an item speaks about (the file it
// names, else those in the checklist's scope, production files before dev/test ones).

import {
  type ComposeEvidence,
  type ComposeService,
  type ComposeVolume,
  composeCollector,
  isComposePath,
} from '../../collectors/compose.js';
import {
  type DockerfilesEvidence,
  dockerfilesCollector,
  isDockerfilePath,
  type Located,
  type ParsedDockerfile,
} from '../../collectors/dockerfiles.js';
import { candidatePaths, inScope } from '../../evidence.js';
import { baseName, folderOf } from '../../formats/paths.js';
import type { EvalContext } from '../../rule.js';
import type { ChecklistItem, EvidenceRef, Finding, Verdict } from '../../types.js';

const CONTAINER_WORDS = /\b(?:docker\w*|containers?|containeri[sz]\w*|containerfiles?|compose|podman|oci)\b/i;
const KUBERNETES_WORDS =
  /\b(?:pods?|kubernetes|k8s|helm|securityContext|probes?|liveness|readiness|kubectl|manifests?)\b/i;

/** Whether the item's own text speaks of containers. */
export function saysContainer(item: ChecklistItem): boolean {
  return (
    CONTAINER_WORDS.test(item.text) || namedDockerfiles(item).length > 0 || namedComposeFiles(item).length > 0
  );
}

/** The item's text, or else its headings and parent items, speak of containers (and not of Kubernetes). */
export function inContainerContext(item: ChecklistItem): boolean {
  if (saysContainer(item)) return true;
  if (KUBERNETES_WORDS.test(item.text)) return false;
  return [...item.section, ...item.parents].some((text) => CONTAINER_WORDS.test(text));
}

export function saysKubernetes(item: ChecklistItem): boolean {
  return KUBERNETES_WORDS.test(item.text);
}

/** Compose is what the item (or its heading/parent) talks about. */
export function inComposeContext(item: ChecklistItem): boolean {
  if (/\bcompose\b/i.test(item.text) || namedComposeFiles(item).length > 0) return true;
  if (/\bdockerfile\b/i.test(item.text) || namedDockerfiles(item).length > 0) return false;
  return [...item.section, ...item.parents].some((text) => /\bcompose\b/i.test(text));
}

export function namedDockerfiles(item: ChecklistItem): string[] {
  return item.codeSpans.filter((span) => !/\s/.test(span) && isDockerfilePath(span));
}

export function namedComposeFiles(item: ChecklistItem): string[] {
  return item.codeSpans.filter((span) => !/\s/.test(span) && isComposePath(span));
}

const FIXTURE = /(?:^|\/)(?:fixtures|__fixtures__|testdata)\//;
const NON_PRODUCTION =
  /(?:^|[./_-])(?:dev|develop|development|test|tests|testing|ci|local|debug|e2e)(?:[./_-]|$)/i;

/** Whether `dir` is the scope folder or one of its parents (where shared build files live). */
function isScopeOrAncestor(dir: string, scope: string): boolean {
  return dir === '' || dir === scope || scope.startsWith(`${dir}/`);
}

/** Files in scope; in a subfolder without any, those in the folders above it. Fixtures never count. */
function forScope<T extends { path: string }>(files: readonly T[], scope: string): T[] {
  const real = files.filter((file) => !FIXTURE.test(file.path));
  const inside = real.filter((file) => inScope(file.path, scope));
  if (inside.length > 0 || scope === '') return inside;
  return real.filter((file) => isScopeOrAncestor(folderOf(file.path), scope));
}

/** Production files first: dev/test/CI-named files only count when nothing else exists. */
export function preferProduction<T extends { path: string }>(files: T[]): T[] {
  const production = files.filter((file) => !NON_PRODUCTION.test(baseName(file.path)));
  return production.length > 0 ? production : files;
}

export interface DockerfileSelection {
  dockerfiles: ParsedDockerfile[];
  /** When the item named a Dockerfile that does not exist: the paths looked at. */
  missing?: string[];
}

export function selectDockerfiles(ctx: EvalContext, named?: string): DockerfileSelection {
  const { dockerfiles } = ctx.get(dockerfilesCollector);
  if (named) {
    const candidates = candidatePaths(named, ctx.scope);
    const found = candidates
      .map((path) => dockerfiles.find((file) => file.path === path))
      .find((file) => file !== undefined);
    return found ? { dockerfiles: [found] } : { dockerfiles: [], missing: candidates };
  }
  return { dockerfiles: forScope(dockerfiles, ctx.scope) };
}

export function whereDockerfilesWereSought(scope: string): string {
  const where = scope ? `${scope} or the folders above it` : 'the repository';
  return `no Dockerfile or Containerfile in ${where} (looked for Dockerfile, Dockerfile.*, *.Dockerfile, Containerfile)`;
}

export function missingFileFinding(kind: string, candidates: string[]): Finding {
  return {
    verdict: 'fail',
    message: `${kind} ${candidates.at(-1)} not found (looked for ${candidates.join(', ')})`,
    evidence: candidates.map((path) => ({ path })),
  };
}

/** A Compose setting with the file it was found in. */
export type Setting = Located & { path: string };

/** One service as it runs: its primary definition plus settings from the base file in the same folder. */
export interface ServiceView {
  name: string;
  path: string;
  line: number;
  image?: string;
  build?: ComposeService['build'];
  healthcheck?: { path: string; line: number; disabled: boolean; excerpt: string };
  memoryLimit?: Setting;
  cpuLimit?: Setting;
  restart?: Setting;
  user?: Setting;
  volumes: (ComposeVolume & { path: string })[];
  /** Opt-in (profiles) or one-shot job: long-running-service expectations do not apply. */
  auxiliary: boolean;
}

export interface ComposeSelection {
  files: string[];
  services: ServiceView[];
  unparsable: { path: string; reason: string }[];
  /** When the item named a Compose file that does not exist: the paths looked at. */
  missing?: string[];
}

const BASE_COMPOSE = /^(?:docker-|podman-)?compose\.ya?ml$/i;
const PRODUCTION_COMPOSE = /prod/i;

/**
 * The Compose services an item speaks about. Files: the one it names, else production-named
 * files in scope, else all non-dev files in scope. An override file's services take settings
 * it does not define from the base file of the same folder, as `docker compose -f base -f override` does.
 */
export function selectCompose(ctx: EvalContext, named?: string): ComposeSelection {
  const { files } = ctx.get(composeCollector) as ComposeEvidence;
  let primary: typeof files;
  if (named) {
    const candidates = candidatePaths(named, ctx.scope);
    const found = candidates.map((path) => files.find((file) => file.path === path)).find(Boolean);
    if (!found) return { files: [], services: [], unparsable: [], missing: candidates };
    primary = [found];
  } else {
    const scoped = forScope(files, ctx.scope);
    const production = scoped.filter((file) => PRODUCTION_COMPOSE.test(baseName(file.path)));
    primary = production.length > 0 ? production : preferProduction(scoped);
  }
  const unparsable = primary.flatMap((file) =>
    file.unparsable ? [{ path: file.path, reason: file.unparsable }] : [],
  );
  const services = new Map<string, ServiceView>();
  for (const file of primary) {
    const bases = files.filter(
      (base) =>
        base !== file &&
        folderOf(base.path) === folderOf(file.path) &&
        BASE_COMPOSE.test(baseName(base.path)),
    );
    for (const service of file.services) {
      const key = `${folderOf(file.path)}\u0000${service.name}`;
      const view = services.get(key) ?? emptyView(service, file.path);
      apply(view, service, file.path);
      for (const base of bases) {
        const inherited = base.services.find((candidate) => candidate.name === service.name);
        if (inherited) apply(view, inherited, base.path);
      }
      services.set(key, view);
    }
  }
  return { files: primary.map((file) => file.path), services: [...services.values()], unparsable };
}

function emptyView(service: ComposeService, path: string): ServiceView {
  return { name: service.name, path, line: service.line, volumes: [], auxiliary: false };
}

/** Fills settings the view does not have yet (the first file applied wins). */
function apply(view: ServiceView, service: ComposeService, path: string): void {
  const withPath = (setting: Located | undefined) => (setting ? { ...setting, path } : undefined);
  view.image ??= service.image?.value;
  view.build ??= service.build;
  if (!view.healthcheck && service.healthcheck) view.healthcheck = { ...service.healthcheck, path };
  view.memoryLimit ??= withPath(service.memoryLimit);
  view.cpuLimit ??= withPath(service.cpuLimit);
  view.restart ??= withPath(service.restart);
  view.user ??= withPath(service.user);
  if (view.volumes.length === 0) view.volumes = service.volumes.map((volume) => ({ ...volume, path }));
  view.auxiliary ||= service.profiles.length > 0 || service.oneShot;
}

export function lookedForCompose(scope: string): string {
  const where = scope ? `${scope} or the folders above it` : 'the repository';
  return `no Compose file in ${where} (looked for docker-compose*.yml, compose*.yaml)`;
}

/** Services built from a Dockerfile, in every Compose file (a Dockerfile can be used by any of them). */
export function servicesBuiltFrom(
  ctx: EvalContext,
  dockerfile: string,
): (ComposeService & { path: string })[] {
  return ctx
    .get(composeCollector)
    .files.flatMap((file) => file.services.map((service) => ({ ...service, path: file.path })))
    .filter((service) => service.build?.dockerfile === dockerfile);
}

export function workloadManifests(ctx: EvalContext): DockerfilesEvidence['workloadManifests'] {
  return ctx.get(dockerfilesCollector).workloadManifests;
}

export function at(path: string, line: number): string {
  return `${path}:${line}`;
}

export function ref(path: string, line?: number, excerpt?: string): EvidenceRef {
  const evidence: EvidenceRef = { path };
  if (line !== undefined) evidence.line = line;
  if (excerpt) evidence.excerpt = excerpt;
  return evidence;
}

const SEVERITY: Record<Verdict, number> = { fail: 2, unknown: 1, pass: 0 };
const MAX_MESSAGES = 3;

/** One finding for several files: the worst verdict, with the messages and evidence behind it. */
export function combine(findings: Finding[]): Finding {
  const [first] = findings;
  if (!first || findings.length === 1)
    return first ?? { verdict: 'unknown', message: 'nothing to judge', evidence: [] };
  const worst = findings.reduce((a, b) => (SEVERITY[b.verdict] > SEVERITY[a.verdict] ? b : a)).verdict;
  const chosen = findings.filter((finding) => finding.verdict === worst);
  const shown = chosen.slice(0, MAX_MESSAGES).map((finding) => finding.message);
  const more = chosen.length > MAX_MESSAGES ? `; and ${chosen.length - MAX_MESSAGES} more` : '';
  return {
    verdict: worst,
    message: `${shown.join('; ')}${more}`,
    evidence: chosen.flatMap((f) => f.evidence),
  };
}

/** A list of names for a message, cut after a few. */
export function listed(names: string[], limit = 4): string {
  const shown = names.slice(0, limit).join(', ');
  return names.length > limit ? `${shown} and ${names.length - limit} more` : shown;
}

/** The services that keep running: one-shot jobs and helpers are not what a claim is about. */
export function longRunningServices(selection: ComposeSelection): ServiceView[] {
  return selection.services.filter((service) => !service.auxiliary);
}

/** Unknown when the Compose files hold no long-running service, or could not be read. */
export function noLongRunningService(selection: ComposeSelection): Finding {
  const problems = selection.unparsable.map((u) => `${u.path}: ${u.reason}`);
  const why =
    problems.length > 0
      ? `could not read ${listed(problems, 2)}`
      : `no long-running service in ${listed(selection.files, 2)}`;
  return { verdict: 'unknown', message: why, evidence: selection.files.map((path) => ref(path)) };
}

/** A Dockerfile without a stage says nothing about its image. */
export function noFromInstruction(file: ParsedDockerfile): Finding {
  return { verdict: 'unknown', message: `${file.path} has no FROM instruction`, evidence: [ref(file.path)] };
}
