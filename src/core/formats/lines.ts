// Line numbers in file text, for `path:line` evidence.

/** The 1-based line holding the character at `index` of `text`. */
export function lineOf(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
