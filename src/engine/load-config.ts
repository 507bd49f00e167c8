// Finds and validates `.github/readiness.yml`. In PR runs the base revision's config is
// used, so a pull request cannot switch off its own checks.

import { readFileSync } from 'node:fs';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { z } from 'zod';
import { type Config, ConfigError, configSchema, DEFAULT_CONFIG, parseConfig } from '../core/config.js';
import type { RepoReader } from '../core/repo.js';
import { didYouMean } from './did-you-mean.js';

export const CONFIG_PATH = '.github/readiness.yml';
const CONFIG_PATHS = [CONFIG_PATH, '.github/readiness.yaml'];

export function configFromText(text: string, source: string): Config {
  let raw: unknown;
  try {
    raw = parseYaml(text, { maxAliasCount: 50 });
  } catch (error) {
    throw new ConfigError(`${source} is not valid YAML: ${yamlProblem(error)}`);
  }
  try {
    return parseConfig(raw, source);
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

/** The config committed in a revision, or the defaults when there is none. */
export async function configFromRevision(
  reader: RepoReader,
): Promise<{ config: Config; source: string | null }> {
  for (const path of CONFIG_PATHS) {
    const text = await reader.readFile(path);
    if (text !== null) return { config: configFromText(text, `${path} at ${reader.revision}`), source: path };
  }
  return { config: DEFAULT_CONFIG, source: null };
}
