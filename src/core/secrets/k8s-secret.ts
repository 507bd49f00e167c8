// Plaintext data in committed Kubernetes `Secret` manifests, read at the text level: the
// Kubernetes collector parses manifests fully; this only needs to point at committed values.

export interface SecretDataValue {
  line: number;
  key: string;
  /** Raw (for `data`, still base64-encoded) value: stays inside the scanner. */
  value: string;
  encoded: boolean;
}

const KIND_SECRET = /^kind:[ \t]{0,8}["']?Secret["']?[ \t]*(?:#.*)?$/m;
const SECTION = /^(data|stringData):[ \t]*(?:#.*)?$/;
const ENTRY = /^([ \t]{1,16})["']?([A-Za-z0-9_.-]{1,253})["']?:[ \t]{0,8}(.{0,8192})$/;

export function mightHoldSecretManifest(text: string): boolean {
  return text.includes('Secret') && KIND_SECRET.test(text);
}

/** Values under top-level `data:` / `stringData:` of every `kind: Secret` document. */
export function secretDataValues(text: string): SecretDataValue[] {
  const values: SecretDataValue[] = [];
  const lines = text.split('\n');
  let documentStart = 0;
  for (let index = 0; index <= lines.length; index++) {
    const line = lines[index];
    if (line === undefined || /^---/.test(line)) {
      const document = lines.slice(documentStart, index);
      if (KIND_SECRET.test(document.join('\n'))) values.push(...documentValues(document, documentStart));
      documentStart = index + 1;
    }
  }
  return values;
}

function documentValues(lines: string[], offset: number): SecretDataValue[] {
  const values: SecretDataValue[] = [];
  let section: string | null = null;
  for (let index = 0; index < lines.length; index++) {
    const line = (lines[index] as string).replace(/\r$/, '');
    if (/^\S/.test(line)) {
      section = SECTION.exec(line)?.[1] ?? null;
      continue;
    }
    const entry = section ? ENTRY.exec(line) : null;
    if (!entry) continue;
    const indent = (entry[1] as string).length;
    let value = stripYamlScalar(entry[3] as string);
    if (/^[|>][-+]?$/.test(value)) value = firstBlockLine(lines, index + 1, indent);
    values.push({ line: offset + index + 1, key: entry[2] as string, value, encoded: section === 'data' });
  }
  return values;
}

function stripYamlScalar(raw: string): string {
  const value = raw.replace(/[ \t]+#.*$/, '').trim();
  const quote = value[0];
  if ((quote === '"' || quote === "'") && value.endsWith(quote) && value.length >= 2)
    return value.slice(1, -1);
  return value;
}

function firstBlockLine(lines: string[], from: number, indent: number): string {
  for (let index = from; index < lines.length; index++) {
    const line = lines[index] as string;
    if (!line.trim()) continue;
    const lineIndent = line.length - line.trimStart().length;
    return lineIndent > indent ? line.trim() : '';
  }
  return '';
}

/** Decoded text of a `data` value, or null when it is not base64 of text. */
export function decodeSecretData(value: string): string | null {
  try {
    return atob(value);
  } catch {
    return null;
  }
}
