import { createRequire as __readinessCreateRequire } from 'node:module';
const require = __readinessCreateRequire(import.meta.url);

// src/core/errors.ts
var UserError = class extends Error {
  name = "UserError";
};

export {
  UserError
};
//# sourceMappingURL=chunk-DO4GF7LR.js.map
