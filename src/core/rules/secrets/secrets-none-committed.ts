import { type SecretScan, secretScanCollector } from '../../collectors/secret-scan.js';
import { inScope } from '../../evidence.js';
import type { Rule } from '../../rule.js';
import { KIND_LABELS } from '../../secrets/patterns.js';
import type { SecretFinding } from '../../secrets/scanner.js';
import type { EvidenceRef, Finding } from '../../types.js';

const SECRET_NOUN = '(?:secrets?|credentials?|(?:api[ -]?)?keys?|passwords?|tokens?|private keys?)';
const PLACE = String.raw`(?:the\s+)?(?:code(?:base)?|source(?:\s+code)?|repo(?:sitory)?|git|version control|config(?:uration)?(?:\s+files?)?|images?|commits?)`;

/** Ways checklists say no credential is committed (each phrase names where secrets must not be). */
const NOT_COMMITTED = [
  // "No hardcoded secrets", "No plaintext credentials", "Remove hard-coded API keys"
  new RegExp(
    String.raw`\b(?:no|remove[ds]?|without)\s+(?:hard[- ]?coded|committed|plain[- ]?text|embedded)\s+(?:\w+\s+)?${SECRET_NOUN}`,
    'i',
  ),
  // "Hardcoded secrets removed"
  new RegExp(String.raw`\bhard[- ]?coded\s+(?:\w+\s+)?${SECRET_NOUN}\s+(?:removed|eliminated)`, 'i'),
  // "No secrets in code or config files", "No API keys committed to the repository"
  new RegExp(
    String.raw`\bno\s+(?:\w+\s+)?${SECRET_NOUN}\s+(?:(?:are\s+)?(?:in|committed(?:\s+(?:to|in))?|checked\s+in(?:to)?|stored\s+in|leaked\s+(?:in|to))\s+)${PLACE}`,
    'i',
  ),
  // "Secrets stored securely (not in code)", "Credentials are never committed"
  new RegExp(
    String.raw`\b${SECRET_NOUN}\b[^.;]{0,40}\b(?:not|never)\s+(?:(?:be\s+)?(?:committed|checked\s+in|hard[- ]?coded)|(?:stored\s+)?in\s+${PLACE})`,
    'i',
  ),
  // "Secrets kept out of the repository"
  new RegExp(String.raw`\b${SECRET_NOUN}\b[^.;]{0,30}\b(?:kept\s+)?out\s+of\s+${PLACE}`, 'i'),
];

/** Claims about runtime handling, scanning tools or rotation: other questions than "is one committed". */
const OTHER_QUESTION = /\blogs?\b|logging|error messages|responses?\b|\bscann(?:ing|er)\b|rotat|\bvault\b/i;

/** Findings named in one message, and locations attached as evidence. */
const NAMED_IN_MESSAGE = 3;
const MAX_EVIDENCE = 10;

export const secretsNoneCommitted: Rule<null> = {
  id: 'secrets.none-committed',
  title: 'No credentials are committed to the repository',
  why: 'A credential in a tracked file is readable by everyone with access to the repository, its forks and its history, and stays valid until someone rotates it.',
  fix: 'Remove the value, rotate the credential (it is in the history), and read it from the environment or a secret manager; if it is not a secret, add `readiness-allow-secret: <reason>` on its line or a `secrets.allow` entry in .github/readiness.yml.',
  recognises:
    'Items that say secrets, credentials, API keys, tokens or passwords are not hardcoded or not in code, config, git or the repository ("No hardcoded secrets", "Secrets stored securely (not in code)"); not items about logs, rotation, vaults or scanning tools.',
  needs: [secretScanCollector],
  match(item) {
    if (OTHER_QUESTION.test(item.text)) return [];
    return NOT_COMMITTED.some((phrase) => phrase.test(item.text)) ? [null] : [];
  },
  evaluate(_claim, ctx) {
    const scan = ctx.get(secretScanCollector);
    const findings = scan.findings.filter((finding) => inScope(finding.path, ctx.scope));
    const inCode = findings.filter((finding) => finding.context === 'code');
    if (inCode.length) {
      return {
        verdict: 'fail',
        message: `${count(inCode.length, 'committed credential')}: ${describe(inCode)}`,
        evidence: inCode.slice(0, MAX_EVIDENCE).map(evidenceOf),
      };
    }
    if (findings.length) {
      return {
        verdict: 'unknown',
        message:
          `no credentials in application code, but ${count(findings.length, 'credential-like value')} in tests, docs or vendored files ` +
          `(${describe(findings)}); mark each one that is not real with "readiness-allow-secret: <reason>" or a secrets.allow entry`,
        evidence: findings.slice(0, MAX_EVIDENCE).map(evidenceOf),
      };
    }
    return passed(scan, ctx.scope);
  },
  examples: {
    match: [
      'Secrets stored securely (not in code)',
      'No secrets in code or config files',
      'No hardcoded secrets',
      'No hard-coded API keys or passwords',
      'Credentials are never committed to the repository',
      'No API keys committed to git',
      'Hardcoded credentials removed',
    ],
    noMatch: [
      'No secrets in logs',
      '**Secrets Vault** - AES-256 encryption for credentials (`secrets-service.ts`)',
      'Secrets properly stored (Kubernetes Secrets, etc.)',
      'API keys secured and rotated',
      'Bot token generated and securely stored',
      'JWT secret changed from default',
      'Secret scanning enabled in CI (no hardcoded secrets)',
      '`.env.production` file created',
    ],
    verdicts: [
      {
        files: { 'src/config.ts': 'export const apiUrl = process.env.API_URL;\n' },
        item: 'No hardcoded secrets',
        verdict: 'pass',
      },
      {
        files: {
          'src/config.ts': 'export const stripeKey = "sk_live_51HxQ2bKZ8yQeLrT4vN9pW3mA7cD1fG6hJ0kL2";\n',
        },
        item: 'No hardcoded secrets',
        verdict: 'fail',
      },
    ],
  },
};

function passed(scan: SecretScan, scope: string): Finding {
  const where = scope ? ` under ${scope}/` : '';
  const allowed = scan.allowed.filter((finding) => inScope(finding.path, scope)).length;
  const allowedNote = allowed ? `; ${count(allowed, 'value')} allowed with a reason` : '';
  return {
    verdict: 'pass',
    message:
      `no committed credentials${where}: scanned ${count(scan.filesScanned, 'tracked text file')} ` +
      `(${formatBytes(scan.bytesScanned)}) for known credential formats, secret assignments, .env files and Kubernetes Secret data${allowedNote}`,
    evidence: [],
  };
}

function describe(findings: readonly SecretFinding[]): string {
  const named = findings
    .slice(0, NAMED_IN_MESSAGE)
    .map(
      (finding) => `${KIND_LABELS[finding.kind]} at ${finding.path}:${finding.line} (${finding.redacted})`,
    );
  const more = findings.length - named.length;
  return more > 0 ? `${named.join(', ')} and ${more} more` : named.join(', ');
}

function evidenceOf(finding: SecretFinding): EvidenceRef {
  return {
    path: finding.path,
    line: finding.line,
    excerpt: `${KIND_LABELS[finding.kind]} ${finding.redacted}`,
  };
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}
