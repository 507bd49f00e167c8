// The one package.json reader. npm drops a leading byte-order mark before parsing, so it is
// dropped here too. Valid JSON that is not an object declares nothing: an empty manifest.

export type PackageJson = { manifest: Record<string, unknown> } | { problem: string };

export function parsePackageJson(text: string): PackageJson {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { problem: `not valid JSON (${error instanceof Error ? error.message : 'parse error'})` };
  }
  const isObject = parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed);
  return { manifest: isObject ? (parsed as Record<string, unknown>) : {} };
}
