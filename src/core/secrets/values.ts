// Judging a candidate value: is it random enough, and is it not a placeholder, a reference to
// somewhere else, or a well-known published example? These checks decide precision.

/** Shannon entropy in bits per character. */
export function shannonEntropy(value: string): number {
  if (value.length === 0) return 0;
  const counts = new Map<number, number>();
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  let bits = 0;
  for (const count of counts.values()) {
    const p = count / value.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/** Words that mark a value as a stand-in in any credential format ("AKIA…EXAMPLE", "ghp_xxxx…"). */
const PLACEHOLDER_WORD =
  /example|dummy|fake|redacted|placeholder|sample|xxxx|your[_-]?|notreal|not[_-]a[_-]real|changeme/i;

/** Further stand-ins in free-form values assigned to secret-like names. */
const FREEFORM_PLACEHOLDER =
  /change[_-]?(?:me|this|it)|replace|todo|insert|test|mock|foobar|secret|password|passwd|token|pass(?:word)?123|123456|qwerty|letmein|default|none|null|undefined|^\*+$|\*{3,}|x{3,}|\.{3}|…/i;

/** Syntax that points elsewhere instead of holding a value: templates, interpolation, format verbs. */
const REFERENCE =
  /\$\{|\$\(|^\$[A-Za-z_]|\{\{|\}\}|<[^>]*>|%[sd(]|%\{|\{[0-9]?\}|^#\{|^@|^env\(|process\.env|os\.environ|getenv/i;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Published example credentials that documentation and test suites copy verbatim. */
const KNOWN_EXAMPLES = new Set([
  'AKIAIOSFODNN7EXAMPLE',
  'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  // Azurite / Azure Storage Emulator's fixed development account key (documented by Microsoft).
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==',
]);

export function isKnownExample(value: string): boolean {
  return KNOWN_EXAMPLES.has(value);
}

/** Six equal characters in a row: `ghp_…000000`, typed by a person, not drawn from a generator. */
const REPEATED_RUN = /(.)\1{5}/;

/** A structured credential (fixed prefix and alphabet) that is still a stand-in. */
export function isPlaceholderToken(value: string, minEntropy: number): boolean {
  return (
    isKnownExample(value) ||
    PLACEHOLDER_WORD.test(value) ||
    REPEATED_RUN.test(value) ||
    shannonEntropy(value) < minEntropy
  );
}

export type Strength = 'password' | 'key';

const THRESHOLDS: Record<Strength, { minLength: number; minEntropy: number }> = {
  // Passwords are short and human-made; keys and tokens are long and machine-made.
  password: { minLength: 8, minEntropy: 2.8 },
  key: { minLength: 16, minEntropy: 3.3 },
};

/**
 * Whether a value assigned to a secret-like name looks like a real secret: long and random
 * enough, mixed characters, not a placeholder, reference, identifier, path, URL or digest.
 */
export function looksLikeSecretValue(
  value: string,
  strength: Strength,
  options: { hexIsSecret?: boolean } = {},
): boolean {
  const { minLength, minEntropy } = THRESHOLDS[strength];
  if (value.length < minLength || value.length > 512) return false;
  if (isKnownExample(value) || UUID.test(value)) return false;
  if (PLACEHOLDER_WORD.test(value) || FREEFORM_PLACEHOLDER.test(value) || REFERENCE.test(value)) return false;
  if (REPEATED_RUN.test(value)) return false;
  // Identifiers, constant names, dotted member access, paths, URLs and file names.
  if (/^[A-Z][A-Z0-9_]*$/.test(value) || /^[a-z]+(?:[-_][a-z]+)*$/.test(value)) return false;
  if (/^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+(?:\(\))?$/.test(value)) return false;
  if (/^[./~]|:\/\/|\.(?:json|ya?ml|pem|key|crt|txt|env|js|ts|py|toml|ini|cfg)$/i.test(value)) return false;
  // Commit SHAs and digests sit next to `token`-ish names in API payloads; in a .env file the name decides.
  if (/^sha\d{1,3}-/i.test(value) || (!options.hexIsSecret && /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/i.test(value)))
    return false;
  if (/[()[\]{};]/.test(value)) return false;
  const classes =
    Number(/[a-z]/.test(value)) +
    Number(/[A-Z]/.test(value)) +
    Number(/[0-9]/.test(value)) +
    Number(/[^A-Za-z0-9]/.test(value));
  // Generated keys and tokens practically always hold a digit; words in camelCase never do.
  const needed = strength === 'key' ? /[0-9]/ : /[0-9]|[^A-Za-z0-9]/;
  if (classes < 2 || !needed.test(value)) return false;
  return shannonEntropy(value) >= minEntropy;
}
