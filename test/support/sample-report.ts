// Hand-built reports for renderer tests: every status, a diff with every kind of change,
// gate failures, skipped files, declared verdicts, notes and more than one checklist.
// Summaries and scores are computed from the items so the fixtures stay consistent.

import {
  type Check,
  type ChecklistResult,
  type DiffEntry,
  type ItemResult,
  type Report,
  STATUSES,
  type Summary,
} from '../../src/core/types.js';

export function itemResult(
  fields: Partial<ItemResult> & Pick<ItemResult, 'id' | 'line' | 'text' | 'status'>,
): ItemResult {
  return {
    checked: fields.status === 'verified' || fields.status === 'unbacked',
    section: [],
    parents: [],
    codeSpans: [],
    links: [],
    details: [],
    detailCodeSpans: [],
    detailLinks: [],
    annotations: { rules: [], manual: false, optional: false },
    signOff: false,
    checks: [],
    ...fields,
  };
}

export function summarise(checklists: readonly ChecklistResult[]): Pick<Report, 'summary' | 'score'> {
  const items = checklists.flatMap((checklist) => checklist.items);
  const summary = Object.fromEntries([
    ['items', items.length],
    ...STATUSES.map((status) => [status, items.filter((item) => item.status === status).length]),
  ]) as Summary;
  const proven = summary.verified + summary.satisfied;
  const checkable = summary.items - summary.manual;
  return { summary, score: { proven, checkable, share: checkable ? proven / checkable : null } };
}

/** A report over `checklists` with a passing pr gate and no diff, unless overridden. */
export function reportOf(checklists: ChecklistResult[], overrides: Partial<Report> = {}): Report {
  return {
    schemaVersion: 1,
    checklists,
    ...summarise(checklists),
    gate: { mode: 'pr', passed: true, failures: [] },
    diff: null,
    skipped: [],
    notes: [],
    ...overrides,
  };
}

const nonRootFails: Check = {
  rule: 'docker.non-root',
  verdict: 'fail',
  message: 'final stage of Dockerfile runs as root (no USER after FROM node:20-alpine at Dockerfile:12)',
  evidence: [{ path: 'Dockerfile', line: 12, excerpt: 'FROM node:20-alpine' }],
};

const rootChecklist: ChecklistResult = {
  path: 'docs/PRODUCTION_READINESS.md',
  declared: [
    { line: 3, text: 'Production Deployment Status: READY' },
    { line: 150, text: 'Overall Score: 87/100', score: 0.87 },
  ],
  items: [
    itemResult({
      id: 'security/container-runs-as-non-root-user',
      line: 12,
      text: 'Container runs as non-root user',
      section: ['Security', 'Runtime Security'],
      status: 'unbacked',
      checks: [nonRootFails],
    }),
    itemResult({
      id: 'infrastructure/dockerfile-production',
      line: 14,
      text: 'Dockerfile.production',
      section: ['Infrastructure'],
      status: 'unbacked',
      checks: [
        {
          rule: 'references.path-exists',
          verdict: 'fail',
          message: 'Dockerfile.production does not exist (looked in the repository root)',
          evidence: [{ path: 'Dockerfile.production' }],
        },
      ],
    }),
    itemResult({
      id: 'testing/unit-tests-run-in-ci-on-every-pull-request',
      line: 20,
      text: 'Unit tests run in CI on every pull request',
      section: ['Testing'],
      status: 'unmet',
      checks: [
        {
          rule: 'ci.tests-on-pull-request',
          verdict: 'fail',
          message: 'no workflow runs tests on pull_request (2 workflows read)',
          evidence: [{ path: '.github/workflows/deploy.yml', line: 3, excerpt: 'on: push' }],
        },
      ],
    }),
    itemResult({
      id: 'testing/coverage-70',
      line: 21,
      text: 'Test coverage > 70%',
      section: ['Testing'],
      checked: true,
      status: 'inconclusive',
      checks: [
        {
          rule: 'coverage.above-threshold',
          verdict: 'unknown',
          message: 'no coverage report in the workspace; run the tests with coverage before readiness',
          evidence: [{ path: 'vitest.config.ts', line: 8, excerpt: "provider: 'v8'" }],
        },
      ],
    }),
    itemResult({
      id: 'operations/health-check-endpoint-health',
      line: 30,
      text: 'Health check endpoint (/health)',
      section: ['Operations'],
      status: 'satisfied',
      checks: [
        {
          rule: 'signals.health-route',
          verdict: 'pass',
          message: 'route GET /health defined in src/server.ts:41',
          evidence: [{ path: 'src/server.ts', line: 41, excerpt: "app.get('/health', health)" }],
        },
      ],
    }),
    itemResult({
      id: 'operations/database-backups-scripts-backup-db-sh',
      line: 31,
      text: 'Database Backups - Automated script with retention policy (scripts/backup-db.sh)',
      section: ['Operations'],
      status: 'verified',
      checks: [
        {
          rule: 'references.path-exists',
          verdict: 'pass',
          message: 'scripts/backup-db.sh exists',
          evidence: [{ path: 'scripts/backup-db.sh' }],
        },
      ],
    }),
    itemResult({
      id: 'sign-off/security-review-completed',
      line: 40,
      text: 'Security review completed',
      section: ['Sign-off'],
      checked: false,
      status: 'manual',
    }),
  ],
};

const serviceChecklist: ChecklistResult = {
  path: 'services/api/READINESS.md',
  declared: [],
  items: [
    itemResult({
      id: 'runtime/healthcheck-in-dockerfile',
      line: 5,
      text: 'HEALTHCHECK in Dockerfile',
      section: ['Runtime'],
      status: 'verified',
      checks: [
        {
          rule: 'docker.healthcheck',
          verdict: 'pass',
          message: 'final stage of services/api/Dockerfile declares a HEALTHCHECK',
          evidence: [
            {
              path: 'services/api/Dockerfile',
              line: 18,
              excerpt: 'HEALTHCHECK CMD wget -qO- localhost:8080/health',
            },
          ],
        },
      ],
    }),
    itemResult({
      id: 'runtime/run-npm-run-migrate-before-deploy',
      line: 6,
      text: 'Run `npm run migrate` before deploy',
      section: ['Runtime'],
      status: 'unmet',
      checks: [
        {
          rule: 'references.npm-script',
          verdict: 'fail',
          message: 'no "migrate" script in services/api/package.json (scripts: build, start, test)',
          evidence: [{ path: 'services/api/package.json', line: 6 }],
        },
      ],
    }),
  ],
};

function entry(checklist: ChecklistResult, id: string, before?: ItemResult['status']): DiffEntry {
  const item = checklist.items.find((candidate) => candidate.id === id);
  if (!item) throw new Error(`no item ${id} in ${checklist.path}`);
  return { path: checklist.path, id, text: item.text, line: item.line, before, after: item.status };
}

/** Two checklists, every status, a diff with every kind of change, a failing pr gate. */
export function sampleReport(): Report {
  const checklists = [rootChecklist, serviceChecklist];
  const added = [
    entry(rootChecklist, 'infrastructure/dockerfile-production'),
    entry(serviceChecklist, 'runtime/run-npm-run-migrate-before-deploy'),
  ];
  // A new unbacked item is a regression too (diffRevisions lists it under both).
  const regressed = [
    entry(rootChecklist, 'security/container-runs-as-non-root-user', 'verified'),
    entry(rootChecklist, 'infrastructure/dockerfile-production'),
  ];
  const fixed = [entry(rootChecklist, 'operations/health-check-endpoint-health', 'unmet')];
  const removed: DiffEntry[] = [
    {
      path: 'docs/PRODUCTION_READINESS.md',
      id: 'logging/winston-log-rotation',
      text: 'Winston log rotation',
      line: 33,
      before: 'verified',
    },
  ];
  return reportOf(checklists, {
    gate: {
      mode: 'pr',
      passed: false,
      failures: [
        {
          id: 'security/container-runs-as-non-root-user',
          path: 'docs/PRODUCTION_READINESS.md',
          line: 12,
          reason: 'was verified, now claimed but contradicted',
        },
        {
          id: 'infrastructure/dockerfile-production',
          path: 'docs/PRODUCTION_READINESS.md',
          line: 14,
          reason: 'added as checked, but contradicted',
        },
      ],
    },
    diff: {
      base: '3f2c1a9b8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a',
      regressed: regressed.map((change) => change.id),
      fixed: fixed.map((change) => change.id),
      added: added.map((change) => change.id),
      removed: removed.map((change) => change.id),
      entries: { regressed, fixed, added, removed },
    },
    skipped: [
      { path: 'assets/logo.png', reason: 'binary' },
      { path: 'vendor/link', reason: 'symlink out of the repository' },
    ],
    notes: ['coverage reports are read from the workspace only; none was found'],
  });
}

/** One checklist whose only item carries hostile text in every untrusted field. */
export function hostileReport(): Report {
  const hostile = itemResult({
    id: 'top/hostile',
    line: 2,
    text: 'Ping @octocat and @acme/security-team <img src=x onerror=alert(1)> </details> <!-- hide --> [click](https://evil.example) ![x](https://evil.example/x.png) https://evil.example see #12 \u001b[31mred\u001b[0m \u202eevil',
    status: 'unbacked',
    checks: [
      {
        rule: 'references.path-exists',
        verdict: 'fail',
        message: 'missing </details><details open> @octocat',
        evidence: [{ path: 'a`b</details>.md', line: 1, excerpt: '<script>alert(1)</script> @octocat' }],
      },
    ],
  });
  return reportOf(
    [{ path: 'READINESS.md', declared: [{ line: 1, text: 'Status: READY @octocat <b>' }], items: [hostile] }],
    {
      gate: {
        mode: 'pr',
        passed: false,
        failures: [{ id: 'top/hostile', path: 'READINESS.md', line: 2, reason: 'unbacked @octocat' }],
      },
      notes: ['note with <img src=x> and @octocat'],
    },
  );
}

/** `count` items cycling through every status in one checklist, each with a long-ish check message. */
export function largeReport(count: number): Report {
  const items = Array.from({ length: count }, (_, index) => {
    const status = STATUSES[index % STATUSES.length] ?? 'manual';
    return itemResult({
      id: `bulk/item-${index}`,
      line: index + 1,
      text: `Item ${index}: every service exposes metrics, structured logs and a health route with tests`,
      status,
      checks:
        status === 'manual'
          ? []
          : [
              {
                rule: 'signals.health-route',
                verdict:
                  status === 'unbacked' || status === 'unmet'
                    ? 'fail'
                    : status === 'inconclusive'
                      ? 'unknown'
                      : 'pass',
                message: `looked for a health route in src/service-${index}/server.ts and its router modules`,
                evidence: [
                  { path: `src/service-${index}/server.ts`, line: index + 10, excerpt: 'app.listen(port)' },
                ],
              },
            ],
    });
  });
  const failures = items
    .filter((item) => item.status === 'unbacked')
    .map((item) => ({
      id: item.id,
      path: 'READINESS.md',
      line: item.line,
      reason: 'unbacked with no base to compare',
    }));
  return reportOf([{ path: 'READINESS.md', declared: [], items }], {
    gate: { mode: 'pr', passed: false, failures },
  });
}
