// Where a revision keeps its configuration, apart from the parser (yaml and zod): a check reads
// these paths first and loads the parser only when one of them exists.

export const CONFIG_PATH = '.github/readiness.yml';
export const CONFIG_PATHS: readonly string[] = [CONFIG_PATH, '.github/readiness.yaml'];
