// The only way a secret leaves the scanner: as a Redacted string. The brand is a module-private
// symbol, so no other module can make one without a visible cast, and a SecretFinding cannot
// be built from a raw value by accident.

declare const redactedBrand: unique symbol;

/** At most a 4-character prefix of a secret, an ellipsis and its length: `ghp_…(40 chars)`. */
export type Redacted = string & { readonly [redactedBrand]: true };

/** Values shorter than this show no prefix at all: four characters of a short password is too much. */
const MIN_LENGTH_FOR_PREFIX = 12;
const PREFIX_LENGTH = 4;

export function redact(value: string): Redacted {
  const prefix = value.length >= MIN_LENGTH_FOR_PREFIX ? value.slice(0, PREFIX_LENGTH) : '';
  return `${prefix}…(${value.length} chars)` as Redacted;
}
