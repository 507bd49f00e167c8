import { createRequire as __readinessCreateRequire } from 'node:module';
const require = __readinessCreateRequire(import.meta.url);

// src/core/errors.ts
var UserError = class extends Error {
  name = "UserError";
};
var NoChecklistError = class extends UserError {
  name = "NoChecklistError";
};

export {
  UserError,
  NoChecklistError
};
//# sourceMappingURL=chunk-SA333BNF.js.map
