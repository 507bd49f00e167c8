// Credential formats the scanner knows. Each pattern names the literal strings one of which
// must appear in a line before its regex runs (the prefilter), and every regex is linear:
// no nested quantifiers, every repetition bounded, so a hostile line cannot stall a scan.

import { isPlaceholderToken, looksLikeSecretValue, type Strength } from './values.js';

export type SecretKind =
  | 'aws-access-key-id'
  | 'aws-secret-access-key'
  | 'github-token'
  | 'gitlab-token'
  | 'slack-token'
  | 'slack-webhook'
  | 'stripe-live-key'
  | 'google-api-key'
  | 'private-key'
  | 'gcp-service-account-key'
  | 'azure-storage-key'
  | 'openai-api-key'
  | 'anthropic-api-key'
  | 'npm-token'
  | 'pypi-token'
  | 'jwt'
  | 'url-credentials'
  | 'secret-assignment'
  | 'env-file-secret'
  | 'k8s-secret-data';

export const KIND_LABELS: Record<SecretKind, string> = {
  'aws-access-key-id': 'AWS access key id',
  'aws-secret-access-key': 'AWS secret access key',
  'github-token': 'GitHub token',
  'gitlab-token': 'GitLab token',
  'slack-token': 'Slack token',
  'slack-webhook': 'Slack webhook URL',
  'stripe-live-key': 'Stripe live key',
  'google-api-key': 'Google API key',
  'private-key': 'private key',
  'gcp-service-account-key': 'GCP service account private key',
  'azure-storage-key': 'Azure storage account key',
  'openai-api-key': 'OpenAI API key',
  'anthropic-api-key': 'Anthropic API key',
  'npm-token': 'npm token',
  'pypi-token': 'PyPI token',
  jwt: 'JWT',
  'url-credentials': 'password in URL',
  'secret-assignment': 'secret assigned in code or config',
  'env-file-secret': 'secret in .env file',
  'k8s-secret-data': 'Kubernetes Secret data',
};

/** What a pattern's check sees of a match. */
export interface Candidate {
  match: RegExpExecArray;
  /** The line (or, for very long lines, the window around the prefilter hit). */
  line: string;
  /** Up to ~1 KB of text after the line, for formats that span lines (PEM bodies). */
  following(): string;
  /** Whether unquoted values count (config files such as YAML, .properties, .env). */
  configFile: boolean;
}

export interface SecretPattern {
  kind: SecretKind;
  /** Lower-case literals; a line must contain one (case-insensitively) before the regex runs. */
  literals: readonly string[];
  /**
   * A bounded regex source (case-insensitive), starting with one of the literals, that must match
   * where a literal was found: common literals (`://`, `token`) alone would send too many lines on.
   */
  hint?: string;
  /** Global regex; the secret is the named group `secret` or else the whole match. */
  regex: RegExp;
  /** The value to report (and redact), or null when the match is not a real secret. */
  accept(candidate: Candidate): string | null;
}

const secretOf = (match: RegExpExecArray): string => match.groups?.secret ?? match[0];

/** Structured tokens: accept unless the value is a published example or a low-entropy stand-in. */
function token(minEntropy: number) {
  return ({ match }: Candidate): string | null => {
    const value = secretOf(match);
    return isPlaceholderToken(value, minEntropy) ? null : value;
  };
}

const PEM_BODY_LINE = /^[ \t]{0,8}([A-Za-z0-9+/=]{40,100})[ \t\r]{0,8}$/;
const PEM_HEADER_LINE = /^[ \t]{0,8}(?:Proc-Type|DEK-Info|Comment|Version):|^[ \t\r]{0,8}$/;
const ESCAPED_PEM_BODY = /^(?:\\r)?\\n([A-Za-z0-9+/=]{40,100})/;

/** A private key header is only a secret when a key body follows it (not a constant in a PEM parser). */
function privateKeyBody({ match, line, following }: Candidate): string | null {
  const afterHeader = line.slice(match.index + match[0].length);
  const escaped = ESCAPED_PEM_BODY.exec(afterHeader);
  if (escaped?.[1]) return isPlaceholderToken(escaped[1], 3.5) ? null : escaped[1];
  const lines = following().split('\n', 6);
  for (const next of lines) {
    const body = PEM_BODY_LINE.exec(next);
    if (body?.[1]) return isPlaceholderToken(body[1], 3.5) ? null : body[1];
    if (!PEM_HEADER_LINE.test(next)) return null;
  }
  return null;
}

function decodeJsonSegment(segment: string): Record<string, unknown> | null {
  try {
    const base64 = segment.replace(/-/g, '+').replace(/_/g, '/');
    const parsed: unknown = JSON.parse(atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '=')));
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/**
 * A signed JWT whose header and payload decode. Publishable tokens (Supabase `anon` keys) and
 * jwt.io's documented example are not secrets.
 */
function signedJwt({ match }: Candidate): string | null {
  const [header, payload] = match[0].split('.', 2);
  const head = decodeJsonSegment(header ?? '');
  const body = decodeJsonSegment(payload ?? '');
  if (!head || typeof head.alg !== 'string' || head.alg.toLowerCase() === 'none' || !body) return null;
  if (body.role === 'anon') return null;
  if (body.sub === '1234567890' && body.name === 'John Doe') return null;
  return match[0];
}

const DEFAULT_DB_PASSWORDS = new Set([
  'password',
  'pass',
  'postgres',
  'root',
  'admin',
  'secret',
  'guest',
  'mysql',
  'redis',
  'mongo',
  'test',
  'dev',
  'user',
  'pwd',
]);
const LOCAL_HOST = /^(?:localhost|127\.0\.0\.1|0\.0\.0\.0|\[?::1\]?|host\.docker\.internal)$/i;

/** `scheme://user:password@host` with a password that is neither a default, a reference nor a local dev URL. */
function urlPassword({ match }: Candidate): string | null {
  const { user = '', secret = '', host = '' } = match.groups ?? {};
  if (LOCAL_HOST.test(host) || host.endsWith('.example.com') || /^example\./i.test(host)) return null;
  if (secret === user || DEFAULT_DB_PASSWORDS.has(secret.toLowerCase())) return null;
  return looksLikeSecretValue(decodeURIComponentSafe(secret), 'password') ? secret : null;
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** Names whose value is a password (short, human-made) rather than a key or token. */
const PASSWORD_NAME = /pass|pwd/i;

/**
 * `name = "value"` where the name ends in a secret-like word. In code the value must be a
 * quoted literal (`password = getPassword()` is not a secret); config files may leave it unquoted.
 */
function secretAssignment({ match, line, configFile }: Candidate): string | null {
  const { name = '', quote = '', secret = '' } = match.groups ?? {};
  const end = match.index + match[0].length;
  if (quote ? line[end] !== quote : !configFile) return null;
  const strength: Strength = PASSWORD_NAME.test(name) ? 'password' : 'key';
  return looksLikeSecretValue(secret, strength) ? secret : null;
}

/** Names that end in a secret-like word: `DB_PASSWORD`, `jwtSecret`, `api_key`, `GITHUB_TOKEN`. */
const SECRET_NAME =
  'password|passwd|passphrase|pwd|secret[_-]?key|secret|token|api[_-]?key|access[_-]?key|private[_-]?key|auth[_-]?key|' +
  'signing[_-]?key|encryption[_-]?key|master[_-]?key|credentials?';

export const SECRET_PATTERNS: readonly SecretPattern[] = [
  {
    kind: 'gcp-service-account-key',
    literals: ['"private_key"'],
    regex: /"private_key"[ \t]{0,8}:[ \t]{0,8}"-----BEGIN (?:RSA )?PRIVATE KEY-----/g,
    accept: privateKeyBody,
  },
  {
    kind: 'private-key',
    literals: ['private key'],
    regex: /-----BEGIN (?:(?:RSA|EC|OPENSSH|DSA|PGP|ENCRYPTED) )?PRIVATE KEY(?: BLOCK)?-----/g,
    accept: privateKeyBody,
  },
  {
    kind: 'aws-access-key-id',
    literals: ['akia', 'asia'],
    hint: '(?:akia|asia)[a-z2-7]{16}',
    regex: /(?<![A-Za-z0-9/+])(?:AKIA|ASIA)[A-Z2-7]{16}(?![A-Za-z0-9/+])/g,
    // A pre-signed URL carries a key id by design; the signature expires, the id alone grants nothing.
    accept: (candidate) =>
      /X-Amz-Credential=$/i.test(
        candidate.line.slice(Math.max(0, candidate.match.index - 20), candidate.match.index),
      )
        ? null
        : token(2.5)(candidate),
  },
  {
    kind: 'aws-secret-access-key',
    literals: ['aws_secret', 'aws-secret', 'awssecret', 'secretaccesskey', 'secret_access_key'],
    regex:
      /(?:aws_?secret_?(?:access_?)?key|secret_?access_?key)["']?[ \t]{0,8}(?:=>|:=|=|:)[ \t]{0,8}["']?(?<secret>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+])/gi,
    accept: token(3.5),
  },
  {
    kind: 'github-token',
    literals: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_', 'github_pat_'],
    regex:
      /(?<![A-Za-z0-9_])(?:gh[pousr]_[A-Za-z0-9]{36,251}|github_pat_[A-Za-z0-9_]{50,240})(?![A-Za-z0-9_])/g,
    accept: token(3.5),
  },
  {
    kind: 'gitlab-token',
    literals: ['glpat-'],
    regex: /(?<![A-Za-z0-9_-])glpat-[A-Za-z0-9_-]{20,64}(?![A-Za-z0-9_-])/g,
    accept: token(3.3),
  },
  {
    kind: 'slack-token',
    literals: ['xox'],
    regex: /(?<![A-Za-z0-9])xox[abposr]-[0-9A-Za-z-]{10,250}(?![A-Za-z0-9-])/g,
    accept: token(3.3),
  },
  {
    kind: 'slack-webhook',
    literals: ['hooks.slack.com'],
    regex:
      /https:\/\/hooks\.slack\.com\/(?:services|workflows|triggers)\/(?<secret>[A-Za-z0-9+/_-]{20,200})/g,
    accept: ({ match }) => {
      const path = secretOf(match);
      return /[A-Z]0{6,}|X{6,}/.test(path) || isPlaceholderToken(path, 3.3) ? null : path;
    },
  },
  {
    kind: 'stripe-live-key',
    literals: ['sk_live_', 'rk_live_'],
    regex: /(?<![A-Za-z0-9_])[sr]k_live_[A-Za-z0-9]{20,247}(?![A-Za-z0-9_])/g,
    accept: token(3.5),
  },
  {
    kind: 'google-api-key',
    literals: ['aiza'],
    regex: /(?<![A-Za-z0-9_-])AIza[0-9A-Za-z_-]{35}(?![A-Za-z0-9_-])/g,
    accept: token(3.5),
  },
  {
    kind: 'azure-storage-key',
    literals: ['accountkey='],
    regex: /AccountKey=(?<secret>[A-Za-z0-9+/]{86}==)/g,
    accept: token(4),
  },
  {
    kind: 'anthropic-api-key',
    literals: ['sk-ant-'],
    hint: '(?<![a-z0-9_-])sk-ant-',
    regex: /(?<![A-Za-z0-9_-])sk-ant-[a-z]{3,8}[0-9]{2}-[A-Za-z0-9_-]{32,200}(?![A-Za-z0-9_-])/g,
    accept: token(3.5),
  },
  {
    kind: 'openai-api-key',
    literals: ['sk-'],
    hint: '(?<![a-z0-9_-])sk-(?:proj-|svcacct-|admin-|[a-z0-9]{20})',
    regex:
      /(?<![A-Za-z0-9_-])sk-(?:(?:proj|svcacct|admin)-[A-Za-z0-9_-]{40,250}|[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20}|[A-Za-z0-9]{48})(?![A-Za-z0-9_-])/g,
    accept: token(3.5),
  },
  {
    kind: 'npm-token',
    literals: ['npm_'],
    regex: /(?<![A-Za-z0-9_])npm_[A-Za-z0-9]{36}(?![A-Za-z0-9_])/g,
    accept: token(3.5),
  },
  {
    kind: 'pypi-token',
    literals: ['pypi-ageic'],
    regex: /(?<![A-Za-z0-9_-])pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,400}/g,
    accept: token(3.5),
  },
  {
    kind: 'jwt',
    literals: ['eyj'],
    hint: 'eyj[a-z0-9_-]{10}',
    regex: /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{10,2000}\.eyJ[A-Za-z0-9_-]{10,4000}\.[A-Za-z0-9_-]{16,1000}/g,
    accept: signedJwt,
  },
  {
    kind: 'url-credentials',
    literals: ['://'],
    hint: ':\\/\\/[^\\s/@:"\'`<>]{1,64}:[^\\s/@"\'`<>]{1,128}@',
    regex:
      /(?<![A-Za-z0-9+.-])[a-z][a-z0-9+.-]{1,20}:\/\/(?<user>[^\s:@/"'`<>]{1,64}):(?<secret>[^\s:@/"'`<>]{1,128})@(?<host>[A-Za-z0-9.-]{1,253}|\[[0-9a-fA-F:]{2,39}\])/gi,
    accept: urlPassword,
  },
  {
    kind: 'secret-assignment',
    literals: [
      'pass',
      'pwd',
      'secret',
      'token',
      'credential',
      ...['api', 'access', 'private', 'auth', 'signing', 'encryption', 'master'].flatMap((word) =>
        ['key', '_key', '-key'].map((suffix) => `${word}${suffix}`),
      ),
    ],
    hint: `(?:${SECRET_NAME})["']?[ \\t]{0,8}[:=]`,
    regex: new RegExp(
      `(?<name>${SECRET_NAME})["']?[ \\t]{0,8}(?:=>|:=|=|:)[ \\t]{0,8}(?<quote>["'\`]?)(?<secret>[^\\s"'\`]{1,512})`,
      'gi',
    ),
    accept: secretAssignment,
  },
];

/** Kinds that only the generic assignment heuristic produces (weaker evidence than a known format). */
export const HEURISTIC_KINDS: ReadonlySet<SecretKind> = new Set(['secret-assignment', 'url-credentials']);
