// The yaml parser is quadratic on some very long lines (a 100 KB run of `"` takes seconds), so
// YAML with such a line is recorded as unparsable instead of parsed. Real manifests, workflows
// and compose files never come close to this length.

export const MAX_YAML_LINE = 10_000;

/** Throws (into the caller's own error handling) when a line is longer than MAX_YAML_LINE. */
export function assertYamlLinesBounded(text: string): void {
  let start = 0;
  while (start < text.length) {
    const end = text.indexOf('\n', start);
    const stop = end < 0 ? text.length : end;
    if (stop - start > MAX_YAML_LINE) {
      throw new Error(`a line is longer than ${MAX_YAML_LINE} characters; not parsed as YAML`);
    }
    start = stop + 1;
  }
}
