import { repoMetaCollector } from '../../collectors/repo-meta.js';
import { workflowsCollector } from '../../collectors/workflows.js';
import { claimText, type Rule } from '../../rule.js';
import type { EvidenceRef } from '../../types.js';
import {
  allSteps,
  excerpt,
  lookedAt,
  ONE_OFF,
  runsOn,
  sample,
  stepRef,
  where,
  whyUndecidable,
} from '../ci/ci-evidence.js';

interface Params {
  /** Scanner the item names ("gitleaks"); undefined when any will do. */
  tool?: string;
  /** The item places the scan in CI or a hook, where a missing scanner is certain. */
  inRepository: boolean;
  /** The item names GitHub push protection, which only repository settings hold. */
  pushProtection: boolean;
}

/** Secret scanners as the workflows collector names them, with how they appear in hooks. */
const SCANNERS: { name: string; item: RegExp; hook: RegExp }[] = [
  { name: 'gitleaks', item: /\bgitleaks\b/i, hook: /gitleaks/i },
  { name: 'TruffleHog', item: /\btruffle ?hog\b/i, hook: /trufflehog/i },
  { name: 'secretlint', item: /\bsecretlint\b/i, hook: /secretlint/i },
  { name: 'detect-secrets', item: /\bdetect-secrets\b/i, hook: /detect-secrets/i },
  { name: 'GitGuardian', item: /\b(gitguardian|ggshield)\b/i, hook: /ggshield/i },
  { name: 'git-secrets', item: /\bgit-secrets\b/i, hook: /git-secrets|\btalisman\b/i },
];
const SECRET_SCANNING =
  /\bsecrets? (scan(s|ning|ner)?|detection)\b|\bscan(s|ning)? for (secrets|credentials|leaked)|\b(credential|leak) (scan(ning)?|detection)\b|\bpush protection\b/i;
const IN_REPOSITORY = /\b(ci|ci\/cd|pipelines?|workflows?|github actions?|pre-commit|hooks?|husky)\b/i;
/** Events under which a workflow scan counts as configured (manual runs do not). */
const SCAN_EVENTS = new Set(['push', 'pull_request', 'pull_request_target', 'merge_group', 'schedule']);

export const secretsScanningConfigured: Rule<Params> = {
  id: 'secrets.scanning-configured',
  title: 'A secret scanner runs in CI or in a commit hook',
  why: 'A credential pushed once stays in git history; a scanner in CI or a pre-commit hook stops it before or as it lands.',
  fix: 'Run gitleaks (gitleaks/gitleaks-action), TruffleHog or secretlint in a workflow on pull requests, or add it to .pre-commit-config.yaml or a husky pre-commit hook.',
  recognises:
    'Items about secret scanning or leak detection, or naming gitleaks, TruffleHog, secretlint, detect-secrets, GitGuardian or git-secrets; not "no secrets in code" items, which the secrets scan checks itself.',
  needs: [workflowsCollector, repoMetaCollector],
  match(item) {
    const text = claimText(item);
    const named = SCANNERS.filter((scanner) => scanner.item.test(text));
    if (ONE_OFF.test(text) || (!named.length && !SECRET_SCANNING.test(text))) return [];
    const common = {
      inRepository: IN_REPOSITORY.test(text),
      pushProtection: /\bpush protection\b/i.test(text),
    };
    return named.length ? named.map((scanner) => ({ ...common, tool: scanner.name })) : [common];
  },
  evaluate({ tool, inRepository, pushProtection }, ctx) {
    if (pushProtection) {
      return {
        verdict: 'unknown',
        message:
          'push protection is a GitHub repository setting; the repository cannot show whether it is on',
        evidence: [],
      };
    }
    const workflows = ctx.get(workflowsCollector);
    const meta = ctx.get(repoMetaCollector);
    const wanted = SCANNERS.filter((scanner) => !tool || scanner.name === tool);
    const wantedNames = new Set(wanted.map((scanner) => scanner.name));
    const all = allSteps(workflows);
    const inWorkflows = all.filter(
      (hit) => runsOn(hit, SCAN_EVENTS) && hit.step.scanners.some((name) => wantedNames.has(name)),
    );
    const runners: EvidenceRef[] = sample(inWorkflows).map(stepRef);
    const places = sample(inWorkflows).map(where);
    for (const hook of meta.preCommit?.hooks ?? []) {
      if (wanted.some((scanner) => scanner.hook.test(`${hook.repo} ${hook.id}`))) {
        runners.push({
          path: meta.preCommit?.path ?? '.pre-commit-config.yaml',
          line: hook.line,
          excerpt: hook.id,
        });
        places.push(`${meta.preCommit?.path}:${hook.line} (pre-commit hook ${hook.id})`);
      }
    }
    for (const hook of meta.gitHooks) {
      const lines = hook.text.split(/\r?\n/);
      const index = lines.findIndex((line) => wanted.some((scanner) => scanner.hook.test(line)));
      if (index >= 0) {
        runners.push({ path: hook.path, line: index + 1, excerpt: excerpt(lines[index] ?? '') });
        places.push(`${hook.path}:${index + 1}`);
      }
    }
    const what = tool ?? 'a secret scanner';
    if (runners.length) {
      return {
        verdict: 'pass',
        message: `${what} runs from ${places.slice(0, 3).join(', ')}`,
        evidence: runners.slice(0, 3),
      };
    }
    const configOnly = meta.secretScannerConfigs[0];
    if (configOnly) {
      return {
        verdict: 'unknown',
        message: `${configOnly} configures a secret scanner, but no workflow, pre-commit hook or git hook runs ${what}`,
        evidence: [{ path: configOnly }],
      };
    }
    const undecidable = whyUndecidable(workflows, all);
    if (undecidable) {
      return {
        verdict: 'unknown',
        message: `no visible run of ${what}; ${undecidable.message}`,
        evidence: undecidable.evidence,
      };
    }
    const lookedIn = 'workflows, .pre-commit-config.yaml, .husky/ and lefthook';
    if (!tool && !inRepository) {
      return {
        verdict: 'unknown',
        message: `no secret scanner in ${lookedIn}; GitHub secret scanning is a repository setting the repository cannot show`,
        evidence: lookedAt(workflows),
      };
    }
    return {
      verdict: 'fail',
      message: `no ${what} runs in ${lookedIn}`,
      evidence: [...lookedAt(workflows), { path: '.pre-commit-config.yaml' }],
    };
  },
  examples: {
    match: [
      'Secret scanning enabled',
      'Secrets scanning in CI (gitleaks)',
      'Pre-commit hook scans for secrets with detect-secrets',
      '**Secret Detection** - TruffleHog runs on every PR',
      'Secret scanning push protection enabled',
    ],
    noMatch: [
      'No secrets in code or config files',
      'Secrets stored securely (not in code)',
      'JWT secret changed from default',
      'No secrets in logs',
      'Secret scan completed, no leaks found',
      'Automated security scanning',
    ],
    verdicts: [
      {
        files: {
          '.github/workflows/secrets.yml':
            'name: secrets\non:\n  pull_request:\njobs:\n  scan:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: gitleaks/gitleaks-action@v2\n',
        },
        item: 'Secrets scanning in CI (gitleaks)',
        verdict: 'pass',
      },
      {
        files: {
          '.github/workflows/ci.yml':
            'name: ci\non:\n  pull_request:\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: npx vitest run\n',
        },
        item: 'Secrets scanning in CI (gitleaks)',
        verdict: 'fail',
      },
    ],
  },
};
