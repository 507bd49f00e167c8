import { createRequire as __readinessCreateRequire } from 'node:module';
const require = __readinessCreateRequire(import.meta.url);

// src/config/config-paths.ts
var CONFIG_PATH = ".github/readiness.yml";
var CONFIG_PATHS = [CONFIG_PATH, ".github/readiness.yaml"];

// src/core/config-defaults.ts
var DEFAULT_CONFIG = {
  exclude: [],
  "release-branches": ["release/**"],
  optional: [],
  rules: { disable: [] },
  coverage: { paths: [] },
  secrets: { allow: [] }
};

export {
  CONFIG_PATH,
  CONFIG_PATHS,
  DEFAULT_CONFIG
};
//# sourceMappingURL=chunk-5QRNVHAB.js.map
