// "Did you mean …?" for mistyped flags, commands and config keys: the closest known name by
// edit distance, or nothing when no name is close enough to be a plausible typo.

/** Levenshtein distance, with a swap of two neighbouring letters counted as one edit. */
export function editDistance(a: string, b: string): number {
  const cols = b.length + 1;
  const d = new Uint16Array((a.length + 1) * cols);
  const at = (i: number, j: number) => d[i * cols + j] ?? 0;
  for (let i = 0; i <= a.length; i++) {
    for (let j = 0; j <= b.length; j++) {
      if (i === 0 || j === 0) {
        d[i * cols + j] = i + j;
        continue;
      }
      let best = Math.min(
        at(i - 1, j) + 1,
        at(i, j - 1) + 1,
        at(i - 1, j - 1) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, at(i - 2, j - 2) + 1);
      d[i * cols + j] = best;
    }
  }
  return at(a.length, b.length);
}

/**
 * The known name closest to `input`, if it is a plausible typo of it: at most a third of the
 * longer name's letters edited (so "frmat" → "format", but "x" suggests nothing), or a prefix.
 */
export function closest(input: string, known: readonly string[]): string | undefined {
  const lower = input.toLowerCase();
  let best: { name: string; distance: number } | undefined;
  for (const name of known) {
    const distance = editDistance(lower, name.toLowerCase());
    const limit = Math.max(1, Math.floor(Math.max(lower.length, name.length) / 3));
    const prefix = lower.length >= 3 && name.toLowerCase().startsWith(lower);
    if ((distance <= limit || prefix) && (!best || distance < best.distance)) best = { name, distance };
  }
  return best?.name;
}

/** " Did you mean X?" to append to a message, or "" when nothing is close. */
export function didYouMean(input: string, known: readonly string[], show = (name: string) => name): string {
  const name = closest(input, known);
  return name === undefined ? '' : ` Did you mean ${show(name)}?`;
}
