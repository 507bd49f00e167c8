// The one config loader of the CLI, the Action and the App: finds and validates
// `.github/readiness.yml` (or `.yaml`) in a revision, under the App's organisation-wide defaults
// when it has them, so the same repository gets the same config on every edge. In PR runs the
// callers read the base revision's config, so a pull request cannot switch off its own checks.

import { readFileSync } from 'node:fs';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { z } from 'zod';
import { type Config, ConfigError, configSchema, DEFAULT_CONFIG, parseConfig } from '../core/config.js';
import { MAX_ALIASES } from '../core/formats/yaml.js';
import type { RepoReader } from '../core/repo.js';
import { CONFIG_PATHS } from './config-paths.js';
import { didYouMean } from './did-you-mean.js';

export { CONFIG_PATH } from './config-paths.js';

export function configFromText(text: string, source: string): Config {
  return parseConfigText(text, source).config;
}

function parseConfigText(text: string, source: string): { raw: unknown; config: Config } {
  let raw: unknown;
  try {
    raw = parseYaml(text, { maxAliasCount: MAX_ALIASES.config });
  } catch (error) {
    throw new ConfigError(`${source} is not valid YAML: ${yamlProblem(error)}`);
  }
  try {
    return { raw, config: parseConfig(raw, source) };
  } catch (error) {
    const hints = error instanceof ConfigError ? unknownKeyHints(raw, configSchema) : [];
    if (hints.length === 0) throw error;
    throw new ConfigError(`${(error as Error).message}\n${hints.join('\n')}`);
  }
}

/**
 * "line 2, column 1: Tabs are not allowed as indentation", then the offending lines with a
 * caret: the yaml library puts the position at the end of its message and the excerpt after it.
 */
export function yamlProblem(error: unknown): string {
  if (!(error instanceof YAMLParseError)) return String((error as Error)?.message ?? error);
  const [head = '', ...excerpt] = error.message.split('\n');
  const reason = head.replace(/ at line \d+, column \d+:$/, '');
  const where = error.linePos ? `line ${error.linePos[0].line}, column ${error.linePos[0].col}: ` : '';
  const context = excerpt.filter((line) => line.trim() !== '').map((line) => `  | ${line}`);
  return `${where}${reason}${context.length ? `\n${context.join('\n')}` : ''}`;
}

/** "Did you mean …" for every key the schema does not know, at any depth of the config. */
export function unknownKeyHints(raw: unknown, schema: z.ZodType, path: string[] = []): string[] {
  let inner: z.ZodType = schema;
  while (inner instanceof z.ZodDefault || inner instanceof z.ZodOptional) inner = inner.unwrap() as z.ZodType;
  if (inner instanceof z.ZodArray && Array.isArray(raw))
    return raw.flatMap((entry, index) =>
      unknownKeyHints(entry, inner.element as z.ZodType, [...path, String(index)]),
    );
  if (!(inner instanceof z.ZodObject) || raw === null || typeof raw !== 'object' || Array.isArray(raw))
    return [];
  const shape = inner.shape as Record<string, z.ZodType>;
  const known = Object.keys(shape);
  return Object.entries(raw).flatMap(([key, value]) => {
    const at = [...path, key];
    const child = shape[key];
    if (child) return unknownKeyHints(value, child, at);
    const where = path.length ? ` under ${path.join('.')}` : '';
    const suggestion = didYouMean(key, known, (name) => `"${name}"`);
    return [`  "${key}" is not a key${where}.${suggestion || ` Keys here: ${known.join(', ')}.`}`];
  });
}

export function configFromFile(path: string): Config {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(
      `cannot read config ${path}: ${(error as NodeJS.ErrnoException).code ?? error}. Check the --config path.`,
    );
  }
  return configFromText(text, path);
}

/** Where config files are read from: a revision of a repository (a `RepoReader` is one). */
export type ConfigReader = Pick<RepoReader, 'revision' | 'readFile'>;

export interface LoadedConfig {
  config: Config;
  /** The files that apply, as "path at revision", the defaults first; empty when none exists. */
  sources: string[];
  /** The revision has its own config file, not only the organisation's defaults. */
  ownFile: boolean;
}

/**
 * The config committed in `reader`'s revision, over the one `defaults` holds (the App's
 * organisation-wide `.github` repository), or the built-in defaults when neither has one. Keys
 * the repository sets replace the defaults' whole (a repository listing `exclude:` replaces the
 * organisation's list); nested keys are not merged, so what applies can be read off two files.
 */
export async function loadConfig(
  reader: ConfigReader,
  options: { defaults?: ConfigReader } = {},
): Promise<LoadedConfig> {
  // Both reads finish before a mistake in either is thrown, so no request outlives the call.
  const [ownRead, orgRead] = await Promise.allSettled([
    readConfigFile(reader),
    options.defaults ? readConfigFile(options.defaults) : undefined,
  ]);
  if (ownRead.status === 'rejected') throw ownRead.reason;
  if (orgRead.status === 'rejected') throw orgRead.reason;
  const [own, org] = [ownRead.value, orgRead.value];
  const sources = [org?.source, own?.source].filter((source): source is string => source !== undefined);
  const ownFile = own !== undefined;
  if (!org) return { config: own?.config ?? DEFAULT_CONFIG, sources, ownFile };
  // Each file was validated on its own first, so a mistake is reported against the file holding it.
  const merged = { ...asObject(org.raw), ...asObject(own?.raw) };
  return { config: parseConfig(merged, sources.join(' over ')), sources, ownFile };
}

async function readConfigFile(
  reader: ConfigReader,
): Promise<{ raw: unknown; config: Config; source: string } | undefined> {
  for (const path of CONFIG_PATHS) {
    const text = await reader.readFile(path);
    if (text === null) continue;
    const source = `${path} at ${reader.revision}`;
    return { ...parseConfigText(text, source), source };
  }
  return undefined;
}

/** A config file that validated is a mapping, or empty (null). */
function asObject(raw: unknown): Record<string, unknown> {
  return (raw ?? {}) as Record<string, unknown>;
}
