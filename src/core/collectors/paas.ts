// Platform-as-a-service deployment files: Render blueprints (render.yaml), fly.toml, vercel.json,
// netlify.toml, Heroku's Procfile and app.json, railway.json/railway.toml. For each file, what it
// declares with the line it declares it on: services and processes, environment variables (and
// whether the file gives a value, has the platform generate one, links another service, or
// leaves it to the dashboard), and every other setting as a dotted key.

import type { Collector, RepoView } from '../evidence.js';
import { VENDORED_OR_GENERATED } from '../formats/folders.js';
import { lineOf } from '../formats/lines.js';
import { child, items, type LocatedNode, parseLocated, scalar, text } from '../formats/located-yaml.js';
import { baseName } from '../formats/paths.js';
import { parseToml } from '../formats/toml.js';

export type Platform = 'render' | 'fly' | 'vercel' | 'netlify' | 'heroku' | 'railway';

export interface PaasService {
  /** What the platform runs: `web`, `worker`, `cron`, `redis`, `postgres`, a Procfile process type, an add-on. */
  kind: string;
  name: string;
  line: number;
}

export interface PaasEnvVar {
  name: string;
  /** The value as written, when the file gives one. */
  value?: string;
  /** value: written in the file · generated: the platform generates it · linked: taken from another service · dashboard: left to be set on the platform. */
  how: 'value' | 'generated' | 'linked' | 'dashboard';
  line: number;
}

export interface PaasSetting {
  /** Dotted key (`healthCheckPath`, `http_service.checks.path`, `deploy.startCommand`). */
  key: string;
  value: string;
  line: number;
  /** The service or process the setting belongs to, when the file has several. */
  service?: string;
}

export interface PaasConfig {
  path: string;
  platform: Platform;
  services: PaasService[];
  env: PaasEnvVar[];
  settings: PaasSetting[];
  unparsable?: string;
}

export interface PaasEvidence {
  configs: PaasConfig[];
}

const FILES: readonly [RegExp, Platform][] = [
  [/^render\.ya?ml$/i, 'render'],
  [/^fly(?:\.[\w-]+)?\.toml$/i, 'fly'],
  [/^vercel\.json$/i, 'vercel'],
  [/^netlify\.toml$/i, 'netlify'],
  [/^Procfile(?:\.[\w-]+)?$/, 'heroku'],
  [/^app\.json$/i, 'heroku'],
  [/^railway\.(?:json|toml)$/i, 'railway'],
];

/** The platform a deployment file belongs to, by its name (app.json only when its keys are Heroku's). */
export function paasPlatformOf(path: string): Platform | undefined {
  const name = baseName(path);
  return FILES.find(([pattern]) => pattern.test(name))?.[1];
}

export const paasCollector: Collector<PaasEvidence> = {
  id: 'paas',
  unparsable: (evidence) =>
    evidence.configs.flatMap((config) =>
      config.unparsable ? [{ path: config.path, reason: config.unparsable }] : [],
    ),
  async collect(repo: RepoView): Promise<PaasEvidence> {
    const paths = repo.files.filter((path) => paasPlatformOf(path) && !VENDORED_OR_GENERATED.test(path));
    const parsed = await repo.perFiles('paas', paths, (source, index) =>
      parsePaas(paths[index] as string, source),
    );
    return {
      configs: parsed.filter((config): config is PaasConfig => config !== null && config !== undefined),
    };
  },
};

/** One deployment file; undefined when the name matched but the content is not one (an Expo app.json). */
export function parsePaas(path: string, source: string): PaasConfig | undefined {
  const platform = paasPlatformOf(path);
  if (!platform) return undefined;
  const name = baseName(path);
  if (platform === 'render') return parseRender(path, source);
  if (platform === 'heroku' && /^Procfile/.test(name)) return parseProcfile(path, source);
  if (/\.toml$/i.test(name)) return parseTomlConfig(path, platform, source);
  return parseJsonConfig(path, platform, source);
}

function empty(path: string, platform: Platform): PaasConfig {
  return { path, platform, services: [], env: [], settings: [] };
}

function parseProcfile(path: string, source: string): PaasConfig {
  const config = empty(path, 'heroku');
  source.split(/\r\n|\r|\n/).forEach((raw, index) => {
    const match = /^([A-Za-z0-9_-]+)\s*:\s*(.+)$/.exec(raw.trim());
    if (!match || raw.trim().startsWith('#')) return;
    const [, process = '', command = ''] = match;
    config.services.push({ kind: process, name: process, line: index + 1 });
    config.settings.push({ key: 'command', value: command.trim(), line: index + 1, service: process });
  });
  return config;
}

function parseRender(path: string, source: string): PaasConfig {
  const config = empty(path, 'render');
  const parsed = parseLocated(source);
  if (!parsed.ok) return { ...config, unparsable: parsed.error };
  const root = parsed.documents[0]?.root ?? null;
  for (const service of items(child(root, 'services'))) {
    const name = text(child(service, 'name')) ?? '';
    const kind = text(child(service, 'type')) ?? 'service';
    config.services.push({ kind, name, line: service.line });
    collectSettings(service, '', name, config.settings, ['envVars', 'name', 'type']);
    renderEnv(child(service, 'envVars'), config.env);
  }
  for (const database of items(child(root, 'databases'))) {
    config.services.push({
      kind: 'postgres',
      name: text(child(database, 'name')) ?? '',
      line: database.line,
    });
  }
  for (const group of items(child(root, 'envVarGroups'))) renderEnv(child(group, 'envVars'), config.env);
  return config;
}

function renderEnv(node: LocatedNode | undefined, env: PaasEnvVar[]): void {
  for (const entry of items(node)) {
    const name = text(child(entry, 'key'));
    if (!name) continue;
    const written = scalar(child(entry, 'value'));
    const value = written === undefined || written === null ? undefined : String(written);
    const how: PaasEnvVar['how'] =
      value !== undefined
        ? 'value'
        : [true, 'true', 'yes'].includes(scalar(child(entry, 'generateValue')) as never)
          ? 'generated'
          : child(entry, 'fromService') || child(entry, 'fromDatabase') || child(entry, 'fromGroup')
            ? 'linked'
            : 'dashboard';
    env.push({ name, ...(value !== undefined ? { value } : {}), how, line: entry.line });
  }
}

/** Scalars under a YAML node as dotted keys, one level of nesting deep enough for blueprints. */
function collectSettings(
  node: LocatedNode | undefined,
  prefix: string,
  service: string,
  into: PaasSetting[],
  skip: readonly string[] = [],
): void {
  if (node?.kind !== 'map') return;
  for (const [key, entry] of node.entries) {
    if (skip.includes(key)) continue;
    const dotted = prefix ? `${prefix}.${key}` : key;
    const value = text(entry.value);
    if (value !== undefined) into.push({ key: dotted, value, line: entry.keyLine, service });
    else if (entry.value.kind === 'map' && !prefix) collectSettings(entry.value, dotted, service, into);
    else if (entry.value.kind !== 'scalar')
      into.push({ key: dotted, value: '', line: entry.keyLine, service });
  }
}

function parseTomlConfig(path: string, platform: Platform, source: string): PaasConfig {
  const config = empty(path, platform);
  for (const entry of parseToml(source)) {
    const key = entry.table ? `${entry.table}.${entry.key}` : entry.key;
    if (/^(?:env|build\.environment|context\.[^.]+\.environment)$/.test(entry.table)) {
      config.env.push({ name: entry.key, value: entry.value, how: 'value', line: entry.line });
      continue;
    }
    if (platform === 'fly' && key === 'app')
      config.services.push({ kind: 'app', name: entry.value, line: entry.line });
    if (platform === 'fly' && entry.table === 'processes')
      config.services.push({ kind: 'process', name: entry.key, line: entry.line });
    config.settings.push({ key, value: entry.value, line: entry.line });
  }
  return config;
}

const HEROKU_KEYS = ['env', 'addons', 'formation', 'buildpacks', 'stack', 'scripts'];

function parseJsonConfig(path: string, platform: Platform, source: string): PaasConfig | undefined {
  const config = empty(path, platform);
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch (error) {
    return {
      ...config,
      unparsable: `invalid JSON: ${error instanceof Error ? error.message : 'unreadable'}`,
    };
  }
  if (!isObject(value)) return { ...config, unparsable: 'not a JSON object' };
  if (
    platform === 'heroku' &&
    !HEROKU_KEYS.some((key) => key in value && !(key === 'scripts' && !('env' in value)))
  )
    return undefined;
  const line = (key: string) => jsonKeyLine(source, key);
  for (const [key, entry] of Object.entries(value)) {
    if (key === 'env' && isObject(entry)) {
      for (const [name, spec] of Object.entries(entry)) {
        const written = typeof spec === 'string' ? spec : isObject(spec) ? spec.value : undefined;
        const how: PaasEnvVar['how'] =
          typeof written === 'string'
            ? 'value'
            : isObject(spec) && typeof spec.generator === 'string'
              ? 'generated'
              : 'dashboard';
        config.env.push({
          name,
          ...(typeof written === 'string' ? { value: written } : {}),
          how,
          line: line(name),
        });
      }
      continue;
    }
    if (key === 'addons' && Array.isArray(entry)) {
      for (const addon of entry) {
        const name = typeof addon === 'string' ? addon : isObject(addon) ? String(addon.plan ?? '') : '';
        if (name)
          config.services.push({ kind: name.split(':')[0] ?? name, name, line: jsonValueLine(source, name) });
      }
      continue;
    }
    if (key === 'formation' && isObject(entry)) {
      for (const process of Object.keys(entry))
        config.services.push({ kind: process, name: process, line: line(process) });
    }
    if (key === 'crons' && Array.isArray(entry)) {
      for (const _ of entry) config.services.push({ kind: 'cron', name: 'cron', line: line('crons') });
    }
    flattenJson(key, entry, config.settings, line);
  }
  return config;
}

function flattenJson(key: string, value: unknown, into: PaasSetting[], line: (key: string) => number): void {
  const leaf = key.slice(key.lastIndexOf('.') + 1);
  if (isObject(value) && key.split('.').length < 3) {
    for (const [inner, entry] of Object.entries(value)) flattenJson(`${key}.${inner}`, entry, into, line);
    return;
  }
  const written = typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
  into.push({ key, value: written.slice(0, 300), line: line(leaf) });
}

function jsonKeyLine(source: string, key: string): number {
  const index = source.indexOf(`${JSON.stringify(key)}`);
  return index < 0 ? 1 : lineOf(source, index);
}

function jsonValueLine(source: string, value: string): number {
  return jsonKeyLine(source, value);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
