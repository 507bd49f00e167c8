/** A problem the user can fix (bad arguments, config, input): reported without a stack, exit 2. */
export class UserError extends Error {
  override name = 'UserError';
}
