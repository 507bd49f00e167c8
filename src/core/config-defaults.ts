// The configuration that applies when a repository has no `.github/readiness.yml`: what the
// schema in config.ts gives an empty file (config.ts types it as a Config, and a test holds the
// two equal, key order included, since the cache key is its JSON). Kept apart, without imports,
// so a check of a repository without a config file never loads zod.

export const DEFAULT_CONFIG = {
  exclude: [] as string[],
  'release-branches': ['release/**'],
  optional: [] as string[],
  rules: { disable: [] as string[] },
  coverage: { paths: [] as string[] },
  secrets: { allow: [] as { path?: string; pattern?: string; reason: string }[] },
};
