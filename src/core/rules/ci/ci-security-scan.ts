import { workflowsCollector } from '../../collectors/workflows.js';
import { claimText, type EvalContext, type Rule } from '../../rule.js';
import type { Finding } from '../../types.js';
import {
  allSteps,
  CHANGE_EVENTS,
  CI_CONTEXT,
  describeTriggers,
  lookedAt,
  ONE_OFF,
  preferScope,
  runsOn,
  type StepHit,
  sample,
  stepRef,
  where,
  whyUndecidable,
  workflowCount,
} from './ci-evidence.js';

interface Params {
  /** Canonical scanner name the item requires ("CodeQL"); undefined when any scanner will do. */
  scanner?: string;
  /** The item places the scan in CI or says it is automatic; otherwise it may run elsewhere. */
  inCi?: boolean;
}

/** "Trivy or equivalent": the scanner is an example, any scanner will do. */
const ANY_EQUIVALENT = /\bor (?:equivalent|similar|another|alternatives?)\b|\be\.g\./i;

/** Scanners an item can name, as the workflows collector names them. */
const NAMED_SCANNERS: [RegExp, string][] = [
  [/\bcodeql\b/i, 'CodeQL'],
  [/\btrivy\b/i, 'Trivy'],
  [/\bsnyk\b/i, 'Snyk'],
  [/\bsemgrep\b/i, 'Semgrep'],
  [/\b(npm|yarn|pnpm) audit\b/i, 'npm audit'],
  [/\bpip-audit\b/i, 'pip-audit'],
  [/\bgovulncheck\b/i, 'govulncheck'],
  [/\bosv[- ]scanner\b/i, 'OSV-Scanner'],
  [/\bgrype\b/i, 'Grype'],
  [/\bdependency[- ]review\b/i, 'dependency review'],
  [/\b(openssf )?scorecard\b/i, 'OpenSSF Scorecard'],
  [/\bbandit\b/i, 'Bandit'],
  [/\bdocker scout\b/i, 'Docker Scout'],
  [/\bbundle[- ]?audit\b|\bbundler-audit\b/i, 'bundler-audit'],
  [/\bbrakeman\b/i, 'Brakeman'],
];
const SCANNING =
  /\b(security|vulnerabilit(y|ies)|code|dependency|container|image|sast)[- ](scan(s|ning|ner)?|analysis|audit(s|ing)?)\b|\bsast\b/i;
const AUTOMATED = /\b(automated|automatic(ally)?|continuous|scheduled|nightly|weekly)\b/i;
/** Secret scanning is secrets.scanning-configured's claim; audits and pen tests are done by people. */
const OTHER_CLAIM = /\bsecrets?\b|\bpenetration\b|\bpen[- ]?test/i;
/** What a scan found ("no vulnerabilities", "npm audit clean"): a result at run time, not the scanner's presence. */
const OUTCOME =
  /\b(?:no|zero|0)\s+(?:known\s+|open\s+|outstanding\s+)?(?:security\s+|critical\s+|high\s+|(?:high|critical)[/ ](?:high|critical)\s+)?vulnerabilit|\bvulnerabilit(?:y|ies)\s+(?:fixed|resolved|addressed|patched)|\b(?:passes|passing|clean)\b/i;
/** Scheduled scans count: security scanners often run nightly rather than on every change. */
const SCAN_EVENTS = new Set([...CHANGE_EVENTS, 'schedule']);
/** CodeQL's default setup runs from repository settings, without a workflow file. */
const SETTINGS_SCANNERS = new Set(['CodeQL']);

export const ciSecurityScan: Rule<Params> = {
  id: 'ci.security-scan',
  title: 'A security scanner runs in CI',
  why: 'Vulnerable dependencies and insecure code patterns appear with every change; only a scanner that runs automatically keeps finding them.',
  fix: 'Add a workflow that runs a scanner on pull requests or on a schedule: github/codeql-action, aquasecurity/trivy-action, `npm audit --audit-level=high`, `pip-audit`, `govulncheck ./...`.',
  recognises:
    'Items about automated security, vulnerability, dependency or code scanning in CI, or naming a scanner (CodeQL, Trivy, Snyk, Semgrep, npm audit...); not one-off "scan completed" items nor secret scanning.',
  needs: [workflowsCollector],
  match(item) {
    const text = claimText(item);
    if (ONE_OFF.test(text) || OTHER_CLAIM.test(text) || OUTCOME.test(text)) return [];
    // Under a "CI" heading or parent, the scan is placed in CI as much as by the item's own words.
    const inCi =
      [text, ...item.parents, ...item.section].some((context) => CI_CONTEXT.test(context)) ||
      AUTOMATED.test(text);
    const named = NAMED_SCANNERS.filter(([pattern]) => pattern.test(text)).map(([, name]) => ({
      scanner: name,
      inCi,
    }));
    if (named.length) return ANY_EQUIVALENT.test(text) ? [{ inCi }] : named;
    return SCANNING.test(text) && inCi ? [{ inCi }] : [];
  },
  evaluate({ scanner, inCi }, ctx) {
    const evidence = ctx.get(workflowsCollector);
    const all = allSteps(evidence);
    const scanning = preferScope(
      all.filter((hit) => hit.step.scanners.length),
      ctx.scope,
    );
    const wanted = scanner ? scanning.filter((hit) => hit.step.scanners.includes(scanner)) : scanning;
    const scheduled = wanted.filter((hit) => runsOn(hit, SCAN_EVENTS));
    // `brakeman || true`: the scan runs, but nothing it finds can fail the build.
    const automatic = scheduled.filter((hit) => !ignoresAll(hit, scanner));
    const what = scanner ?? 'a security scanner';
    if (!automatic.length && scheduled.length) {
      const first = scheduled[0] as StepHit;
      return {
        verdict: 'unknown',
        message: `${what} runs in ${first.workflow.path} (${where(first)}), but its failure is ignored (\`|| true\` or continue-on-error), so what it finds never fails the build`,
        evidence: [stepRef(first)],
      };
    }
    const brakeman = scanner === 'Brakeman' ? brakemanWithoutRails(automatic, ctx) : undefined;
    if (brakeman) return brakeman;
    if (automatic.length) {
      const shown = sample(automatic);
      const first = shown[0] as StepHit;
      const names = [...new Set(automatic.flatMap((hit) => hit.step.scanners))];
      return {
        verdict: 'pass',
        message: `${names.join(', ')} run${names.length === 1 ? 's' : ''} in ${first.workflow.path} on ${describeTriggers(first.triggers)}: ${shown.map(where).join(', ')}`,
        evidence: shown.map(stepRef),
      };
    }
    if (wanted.length) {
      const first = wanted[0] as StepHit;
      return {
        verdict: 'unknown',
        message: `${what} runs in ${first.workflow.path} only on ${describeTriggers(first.triggers)}, not automatically (${where(first)})`,
        evidence: [stepRef(first)],
      };
    }
    if (scanner && scanning.length) {
      const shown = sample(scanning);
      const others = [...new Set(scanning.flatMap((hit) => hit.step.scanners))].join(', ');
      return {
        verdict: SETTINGS_SCANNERS.has(scanner) || inCi === false ? 'unknown' : 'fail',
        message: `the item names ${scanner}, but the workflows run ${others} instead (${shown.map(where).join(', ')})`,
        evidence: shown.map(stepRef),
      };
    }
    const undecidable = whyUndecidable(evidence, all);
    if (undecidable) {
      return {
        verdict: 'unknown',
        message: `no workflow visibly runs ${what}; ${undecidable.message}`,
        evidence: undecidable.evidence,
      };
    }
    if (!scanner || SETTINGS_SCANNERS.has(scanner)) {
      return {
        verdict: 'unknown',
        message: `no ${scanner ?? 'security scanner'} in ${workflowCount(evidence)}; GitHub code scanning default setup is a repository setting the repository cannot show, so add a scanning workflow to make this provable`,
        evidence: lookedAt(evidence),
      };
    }
    // "Image scanned with Trivy" does not say where: a registry or a developer may run it.
    return {
      verdict: inCi === false ? 'unknown' : 'fail',
      message: `no step in ${workflowCount(evidence)} runs ${scanner}${inCi === false ? '; the item does not say the scan runs in CI, and it may run elsewhere (a registry, a developer)' : ''}`,
      evidence: lookedAt(evidence),
    };
  },
  examples: {
    match: [
      'Automated security scanning',
      'Security scanning (CodeQL)',
      'Dependency vulnerability scanning in CI (npm audit)',
      'Container image scanning with Trivy in the pipeline',
      '**SAST** - Semgrep runs on every pull request',
    ],
    noMatch: [
      'No security vulnerabilities (npm audit)',
      'npm audit clean',
      'Security scanning completed',
      'Security scan completed',
      'Security scanning performed on container image',
      'Penetration testing',
      'Security audit',
      'Secret scanning enabled',
      'npm audit clean',
    ],
    verdicts: [
      {
        files: {
          '.github/workflows/codeql.yml':
            'name: codeql\non:\n  pull_request:\njobs:\n  analyze:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: github/codeql-action/init@v3\n      - uses: github/codeql-action/analyze@v3\n',
        },
        item: 'Security scanning (CodeQL)',
        verdict: 'pass',
      },
      {
        files: {
          '.github/workflows/ci.yml':
            'name: ci\non:\n  pull_request:\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: npx vitest run\n',
        },
        item: 'Security scanning (CodeQL)',
        verdict: 'unknown',
      },
    ],
  },
};

/** Every scanner the step runs (or the one the item names) has its failure swallowed. */
function ignoresAll(hit: StepHit, scanner: string | undefined): boolean {
  const ignored = hit.step.failureIgnored ?? [];
  return scanner ? ignored.includes(scanner) : hit.step.scanners.every((name) => ignored.includes(name));
}

/** Files only a Rails application has: Brakeman scans Rails applications and nothing else. */
const RAILS_APP = /(?:^|\/)(?:config\/application\.rb|bin\/rails)$/;

/**
 * Brakeman run where there is no Rails application stops with "Please supply the path to a Rails
 * application" unless told to `--force`: the scan the item claims never happens.
 */
function brakemanWithoutRails(hits: StepHit[], ctx: EvalContext): Finding | undefined {
  if (!hits.length || ctx.files.some((path) => RAILS_APP.test(path))) return undefined;
  if (hits.some((hit) => /\bbrakeman\b[^\n]*\s(?:--force|-f)\b/.test(hit.step.run ?? ''))) return undefined;
  const shown = sample(hits);
  return {
    verdict: 'fail',
    message: `Brakeman runs at ${shown.map(where).join(', ')}, but it scans only Rails applications and the repository has none (no config/application.rb or bin/rails) and no --force`,
    evidence: shown.map(stepRef),
  };
}
