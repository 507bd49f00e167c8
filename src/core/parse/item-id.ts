// Stable item ids. An id is `<heading>/<parent items…>/<text>`, each part a slug:
// lower case, emoji, punctuation, markup and checkbox state dropped, words joined by
// "-", cut at a word boundary to 48 characters. Only the nearest heading takes part, so
// renaming a chapter heading above it does not move every id. Adding, removing or
// reordering other items never changes an id. When the same text appears twice under the
// same heading and parent, the later ones get "~2", "~3" in document order.

const MAX_SLUG = 48;

export function slug(text: string): string {
  const words = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/`|\*\*|__/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  let out = '';
  for (const word of words) {
    const next = out ? `${out}-${word}` : word;
    if (next.length > MAX_SLUG) return out || word.slice(0, MAX_SLUG);
    out = next;
  }
  return out;
}

export function itemIdBase(section: readonly string[], parents: readonly string[], text: string): string {
  const heading = slug(section.at(-1) ?? '') || 'top';
  return [heading, ...parents.map(slug), slug(text) || 'item'].join('/');
}

/** Makes ids unique within one file, in document order. */
export function uniqueIds(bases: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return bases.map((base) => {
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base}~${count}`;
  });
}
