// Docker Compose files: per service the settings production-readiness items talk about
// (image/build, healthcheck, limits, restart, volumes, user), each with the 1-based line
// of its key. Values come from yaml's JS conversion (so `<<` merges and anchors apply,
// bounded by an alias limit); lines come from the node tree.

import { type Document, isAlias, isMap, isScalar, LineCounter, type Node } from 'yaml';
import type { Collector } from '../evidence.js';
import { inFolders } from '../formats/folders.js';
import { folderOf, joinPath } from '../formats/paths.js';
import { MAX_ALIASES, parseYamlStream } from '../formats/yaml.js';
import type { Located } from './dockerfiles.js';

export type VolumeKind = 'named' | 'bind' | 'anonymous' | 'tmpfs' | 'other' | 'unresolved';

export interface ComposeVolume {
  kind: VolumeKind;
  /** Host path or volume name, as written. */
  source?: string;
  target: string;
  line: number;
  excerpt: string;
}

export interface ComposeService {
  name: string;
  line: number;
  image?: Located;
  build?: {
    line: number;
    /** Repository-relative build context folder ('' for the root). */
    context: string;
    /** Repository-relative path of the Dockerfile the service is built from. */
    dockerfile: string;
  };
  healthcheck?: { line: number; disabled: boolean; excerpt: string };
  /** Memory limit (`mem_limit`, `deploy.resources.limits.memory`). */
  memoryLimit?: Located;
  /** CPU limit (`cpus`, `cpu_quota`, `deploy.resources.limits.cpus`). */
  cpuLimit?: Located;
  /** `restart`, or `deploy.restart_policy.condition`. */
  restart?: Located;
  volumes: ComposeVolume[];
  user?: Located;
  /** Services with profiles only start when asked for. */
  profiles: string[];
  /** Another service waits for this one to complete: a one-shot job, not a long-running service. */
  oneShot: boolean;
  /** Variable names the service sets (`environment:`, list or map), with the line of each; values are not kept. */
  environment: { name: string; line: number }[];
}

export interface ComposeFile {
  path: string;
  services: ComposeService[];
  /** Why the file could not be read as Compose (YAML errors, alias bomb). */
  unparsable?: string;
}

export interface ComposeEvidence {
  files: ComposeFile[];
}

/** Compose files, also Podman's (`podman-compose.prod.yml`): the same format. */
const COMPOSE_NAME = /^(?:docker-|podman-)?compose(?:[.-][^/]*)?\.ya?ml$/i;
const VENDORED = inFolders(['node_modules', 'vendor', '.git']);
const MAX_EXCERPT = 120;

export function isComposePath(path: string): boolean {
  return COMPOSE_NAME.test(path.slice(path.lastIndexOf('/') + 1)) && !VENDORED.test(path);
}

export const composeCollector: Collector<ComposeEvidence> = {
  id: 'compose',
  unparsable: (evidence) =>
    evidence.files.flatMap((file) => (file.unparsable ? [{ path: file.path, reason: file.unparsable }] : [])),
  async collect(repo) {
    const files: ComposeFile[] = [];
    for (const path of repo.files.filter(isComposePath)) {
      const text = await repo.read(path);
      if (text !== null) files.push(parseCompose(path, text));
    }
    return { files };
  },
};

type Json = Record<string, unknown>;

/** Parses one Compose file; never throws. */
export function parseCompose(path: string, text: string): ComposeFile {
  const lineCounter = new LineCounter();
  const lines = text.split(/\r\n|\r|\n/);
  const services: ComposeService[] = [];
  const awaited = new Set<string>();
  try {
    const documents = parseYamlStream(text, { lineCounter, merge: true });
    if (!Array.isArray(documents)) return { path, services };
    for (const document of documents) {
      const error = document.errors[0];
      if (error) return { path, services: [], unparsable: `YAML error: ${error.message.split('\n')[0]}` };
      const value = document.toJS({ maxAliasCount: MAX_ALIASES.compose }) as unknown;
      const tree = (document.contents ?? undefined) as Node | undefined;
      if (!isObject(value) || !isObject(value.services)) continue;
      const locate = (keys: (string | number)[]) => lineOf(document, tree, keys, lineCounter);
      const dir = folderOf(path);
      for (const [name, raw] of Object.entries(value.services)) {
        if (!isObject(raw)) continue;
        services.push(service(name, raw, dir, locate, lines));
        for (const dependency of completedDependencies(raw.depends_on)) awaited.add(dependency);
      }
    }
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { path, services: [], unparsable: reason ?? 'unreadable YAML' };
  }
  for (const service of services) service.oneShot = awaited.has(service.name);
  return { path, services };
}

function service(
  name: string,
  raw: Json,
  dir: string,
  locate: (keys: (string | number)[]) => number | undefined,
  lines: string[],
): ComposeService {
  const serviceLine = locate(['services', name]) ?? 1;
  const at = (...keys: (string | number)[]) => locate(['services', name, ...keys]) ?? serviceLine;
  const located = (value: unknown, ...keys: (string | number)[]): Located | undefined => {
    if (value === undefined || value === null || isObject(value) || Array.isArray(value)) return undefined;
    const line = at(...keys);
    return { value: String(value), line, excerpt: excerptAt(lines, line) };
  };
  const deploy = isObject(raw.deploy) ? raw.deploy : {};
  const limits =
    isObject(deploy.resources) && isObject(deploy.resources.limits) ? deploy.resources.limits : {};
  const restartPolicy = isObject(deploy.restart_policy) ? deploy.restart_policy : undefined;
  const result: ComposeService = {
    name,
    line: serviceLine,
    volumes: volumes(raw.volumes, (index) => at('volumes', index), lines),
    profiles: Array.isArray(raw.profiles) ? raw.profiles.map(String) : [],
    oneShot: false,
    environment: environmentOf(raw.environment, (key) => at('environment', key)),
  };
  const image = located(raw.image, 'image');
  if (image) result.image = image;
  if (raw.build !== undefined && raw.build !== null) {
    result.build = { line: at('build'), ...buildOf(raw.build, dir) };
  }
  if (isObject(raw.healthcheck)) {
    const line = at('healthcheck');
    const disabled = raw.healthcheck.disable === true || isNoneTest(raw.healthcheck.test);
    result.healthcheck = { line, disabled, excerpt: excerptAt(lines, line) };
  }
  const memory =
    located(limits.memory, 'deploy', 'resources', 'limits', 'memory') ?? located(raw.mem_limit, 'mem_limit');
  if (memory) result.memoryLimit = memory;
  const cpu =
    located(limits.cpus, 'deploy', 'resources', 'limits', 'cpus') ??
    located(raw.cpus, 'cpus') ??
    located(raw.cpu_quota, 'cpu_quota');
  if (cpu) result.cpuLimit = cpu;
  const restart =
    located(raw.restart, 'restart') ??
    located(restartPolicy?.condition, 'deploy', 'restart_policy', 'condition') ??
    (restartPolicy ? located('any', 'deploy', 'restart_policy') : undefined);
  if (restart) result.restart = restart;
  const user = located(raw.user, 'user');
  if (user) result.user = user;
  return result;
}

/** `environment: [KEY=value, KEY]` or `environment: { KEY: value }`: the names, never the values. */
function environmentOf(
  environment: unknown,
  lineAt: (key: string | number) => number,
): ComposeService['environment'] {
  const entries: [string, string | number][] = Array.isArray(environment)
    ? environment.map((entry, index) => [String(entry).split('=')[0]?.trim() ?? '', index])
    : isObject(environment)
      ? Object.keys(environment).map((name) => [name, name])
      : [];
  return entries
    .filter(([name]) => /^[A-Za-z_]\w*$/.test(name))
    .map(([name, key]) => ({ name, line: lineAt(key) }));
}

/** Services this one waits for to complete (`condition: service_completed_successfully`). */
function completedDependencies(dependsOn: unknown): string[] {
  if (!isObject(dependsOn)) return [];
  return Object.entries(dependsOn)
    .filter(([, spec]) => isObject(spec) && spec.condition === 'service_completed_successfully')
    .map(([name]) => name);
}

function isNoneTest(test: unknown): boolean {
  if (Array.isArray(test)) return test[0] === 'NONE';
  return test === 'NONE';
}

function buildOf(build: unknown, dir: string): { context: string; dockerfile: string } {
  const written = typeof build === 'string' ? build : isObject(build) ? String(build.context ?? '.') : '.';
  const dockerfile =
    isObject(build) && typeof build.dockerfile === 'string' ? build.dockerfile : 'Dockerfile';
  const context = fromFolder(dir, written);
  return { context, dockerfile: fromFolder(context, dockerfile) };
}

/** Compose resolves a path starting with `/` from the root, any other from the file's folder. */
function fromFolder(folder: string, path: string): string {
  return joinPath(path.startsWith('/') ? '' : folder, path);
}

function volumes(raw: unknown, lineAt: (index: number) => number, lines: string[]): ComposeVolume[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((entry, index): ComposeVolume[] => {
    const line = lineAt(index);
    const excerpt = excerptAt(lines, line);
    if (typeof entry === 'string') return [shortVolume(entry, line, excerpt)];
    if (!isObject(entry) || typeof entry.target !== 'string') return [];
    const source = typeof entry.source === 'string' ? entry.source : undefined;
    const type = typeof entry.type === 'string' ? entry.type : source ? kindOfSource(source) : 'anonymous';
    const kind: VolumeKind =
      type === 'volume' ? (source ? 'named' : 'anonymous') : isVolumeKind(type) ? type : 'other';
    return [{ kind, ...(source ? { source } : {}), target: entry.target, line, excerpt }];
  });
}

function shortVolume(entry: string, line: number, excerpt: string): ComposeVolume {
  const colon = entry.indexOf(':', /^[A-Za-z]:[\\/]/.test(entry) ? 2 : 0);
  if (colon < 0) return { kind: 'anonymous', target: entry, line, excerpt };
  const source = entry.slice(0, colon);
  const target = entry.slice(colon + 1).replace(/:(?:ro|rw|z|Z|[a-z,]+)$/, '');
  return { kind: kindOfSource(source), source, target, line, excerpt };
}

function kindOfSource(source: string): VolumeKind {
  if (source.startsWith('$')) return 'unresolved';
  if (/^(?:[./~]|[A-Za-z]:[\\/])/.test(source)) return 'bind';
  return 'named';
}

function isVolumeKind(type: string): type is VolumeKind {
  return type === 'bind' || type === 'tmpfs';
}

/** Line of the key at `keys` (map keys or sequence indexes), following aliases and `<<` merges. */
function lineOf(
  document: Document,
  tree: Node | undefined,
  keys: (string | number)[],
  counter: LineCounter,
): number | undefined {
  let node: Node | undefined = tree;
  let line: number | undefined;
  for (const key of keys) {
    node = unalias(document, node);
    const found = childOf(document, node, key);
    if (!found) return line;
    line = found.line !== undefined ? counter.linePos(found.line).line : line;
    node = found.value;
  }
  return line;
}

function childOf(
  document: Document,
  node: Node | undefined,
  key: string | number,
): { line?: number; value?: Node } | undefined {
  if (!node) return undefined;
  if (typeof key === 'number') {
    const item =
      'items' in node && Array.isArray(node.items) ? (node.items[key] as Node | undefined) : undefined;
    return item && !isMap(node) ? { line: item.range?.[0], value: item } : undefined;
  }
  if (!isMap(node)) return undefined;
  let merged: { line?: number; value?: Node } | undefined;
  for (const pair of node.items) {
    // With `merge: true`, yaml parses the `<<` key's value as a symbol.
    const pairKey = isScalar(pair.key)
      ? typeof pair.key.value === 'symbol'
        ? '<<'
        : String(pair.key.value)
      : undefined;
    if (pairKey === key)
      return { line: (pair.key as Node).range?.[0], value: pair.value as Node | undefined };
    if (pairKey === '<<' && !merged) {
      const sources = (
        pair.value && 'items' in (pair.value as object)
          ? (pair.value as { items: Node[] }).items
          : [pair.value]
      ) as Node[];
      for (const source of sources) {
        const inSource = childOf(document, unalias(document, source), key);
        if (inSource) {
          merged = { line: (pair.key as Node).range?.[0], value: inSource.value };
          break;
        }
      }
    }
  }
  return merged;
}

function unalias(document: Document, node: Node | undefined): Node | undefined {
  let current = node;
  for (let hops = 0; current && isAlias(current) && hops < MAX_ALIASES.compose; hops++) {
    current = current.resolve(document) as Node | undefined;
  }
  return current;
}

function excerptAt(lines: string[], line: number): string {
  return (lines[line - 1] ?? '').trim().slice(0, MAX_EXCERPT);
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
