/** A problem the user can fix (bad arguments, config, input): reported without a stack, exit 2. */
export class UserError extends Error {
  override name = 'UserError';
}

/** No checklist to evaluate: not a pass (the gate contract); the CLI exits 2, the Action and App are neutral. */
export class NoChecklistError extends UserError {
  override name = 'NoChecklistError';
}
