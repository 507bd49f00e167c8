// Finds and validates `.github/readiness.yml`. In PR runs the base revision's config is
// used, so a pull request cannot switch off its own checks.

import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { type Config, ConfigError, DEFAULT_CONFIG, parseConfig } from '../core/config.js';
import type { RepoReader } from '../core/repo.js';

export const CONFIG_PATH = '.github/readiness.yml';
const CONFIG_PATHS = [CONFIG_PATH, '.github/readiness.yaml'];

export function configFromText(text: string, source: string): Config {
  let raw: unknown;
  try {
    raw = parseYaml(text, { maxAliasCount: 50 });
  } catch (error) {
    throw new ConfigError(`${source} is not valid YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  return parseConfig(raw, source);
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
