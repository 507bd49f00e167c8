// One RegExp that finds any of a list of literal strings: the catalogue scans test a file's text
// once for every name they know instead of once per name.

/** `text` with every RegExp metacharacter escaped. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** An alternation of the literals, longest first, so `circuitbreaker` wins over `circuit` where both start. */
export function anyLiteral(literals: Iterable<string>, flags: string): RegExp {
  return new RegExp(
    [...literals]
      .sort((a, b) => b.length - a.length)
      .map(escapeRegExp)
      .join('|'),
    flags,
  );
}
