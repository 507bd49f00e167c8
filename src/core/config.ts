// `.github/readiness.yml`: the only configuration file. Parsed with zod so a mistake is
// reported with its path ("rules.disable[0]: expected string"), never ignored.
// schema/readiness-config.schema.json is generated from this schema (npm run schema).

import picomatch from 'picomatch';
import { z } from 'zod';
import { DEFAULT_CONFIG as DEFAULTS } from './config-defaults.js';
import { UserError } from './errors.js';

const allowEntry = z
  .object({
    path: z.string().optional().describe('glob of files the entry applies to'),
    pattern: z.string().optional().describe('literal text or /regex/ of the value to allow'),
    reason: z.string().min(1).describe('why this is not a secret (required)'),
  })
  .strict()
  .refine((entry) => entry.path || entry.pattern, { message: 'give a path or a pattern' });

export const configSchema = z
  .object({
    checklists: z
      .array(z.string())
      .optional()
      .describe('globs of checklist files (replace the default patterns)'),
    exclude: z.array(z.string()).default([]).describe('globs of files never read as checklists or evidence'),
    'release-branches': z
      .array(z.string())
      .default(['release/**'])
      .describe('branches gated in release mode'),
    optional: z.array(z.string()).default([]).describe('item ids that never fail the release gate'),
    rules: z
      .object({
        disable: z.array(z.string()).default([]).describe('rule ids never applied'),
      })
      .strict()
      .default({ disable: [] }),
    coverage: z
      .object({
        paths: z
          .array(z.string())
          .default([])
          .describe('coverage reports to read, relative to the repository'),
        threshold: z
          .number()
          .min(0)
          .max(100)
          .optional()
          .describe('default threshold when an item names none'),
      })
      .strict()
      .default({ paths: [] }),
    secrets: z
      .object({
        allow: z.array(allowEntry).default([]).describe('findings that are not secrets, each with a reason'),
      })
      .strict()
      .default({ allow: [] }),
  })
  .strict();

export type Config = z.infer<typeof configSchema>;

export const DEFAULT_CONFIG: Config = DEFAULTS;

export class ConfigError extends UserError {}

/** Validates parsed YAML; throws ConfigError naming each problem and where. */
export function parseConfig(raw: unknown, source: string): Config {
  const result = configSchema.safeParse(raw ?? {});
  if (result.success) return result.data;
  const problems = result.error.issues.map(
    (issue) => `  - ${issue.path.join('.') || '(top level)'}: ${issue.message}`,
  );
  throw new ConfigError(
    `${source} is not valid readiness configuration:\n${problems.join('\n')}\n` +
      'Fix the keys above; schema/readiness-config.schema.json lists every key.',
  );
}

/** Matcher for the `exclude` globs of the configuration: files never read as evidence. */
export function excludedBy(config: Config): (path: string) => boolean {
  return config.exclude.length ? picomatch(config.exclude, { dot: true }) : () => false;
}
