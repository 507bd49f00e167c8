import { describe, expect, it } from 'vitest';
import { ciSecurityScan } from '../../../../src/core/rules/ci/ci-security-scan.js';
import { judge, judgeOne } from '../../../support/rule-harness.js';

const CODEQL = `name: CodeQL
on:
  push:
    branches: [main]
  pull_request:
  schedule:
    - cron: '0 3 * * 1'
jobs:
  analyze:
    steps:
      - uses: actions/checkout@v4
      - uses: github/codeql-action/init@v3
        with:
          languages: javascript
      - uses: github/codeql-action/analyze@v3
`;

const TRIVY = `on: pull_request
jobs:
  scan:
    steps:
      - uses: aquasecurity/trivy-action@0.28.0
        with:
          scan-type: fs
`;

describe('ci.security-scan', () => {
  it('passes when the named scanner runs automatically', async () => {
    const finding = await judgeOne(
      ciSecurityScan,
      { '.github/workflows/codeql.yml': CODEQL },
      'Security scanning (CodeQL)',
    );
    expect(finding.verdict).toBe('pass');
    expect(finding.message).toContain('CodeQL');
    expect(finding.evidence[0]).toEqual({
      path: '.github/workflows/codeql.yml',
      line: 12,
      excerpt: 'github/codeql-action/init@v3',
    });
  });

  it('passes a generic claim with any scanner, naming it', async () => {
    const finding = await judgeOne(
      ciSecurityScan,
      { '.github/workflows/trivy.yml': TRIVY },
      'Automated security scanning',
    );
    expect(finding).toMatchObject({ verdict: 'pass', message: expect.stringContaining('Trivy') });
  });

  it('fails when the item names a scanner the workflows do not run', async () => {
    const finding = await judgeOne(
      ciSecurityScan,
      { '.github/workflows/trivy.yml': TRIVY },
      '**SAST** - Semgrep runs on every pull request',
    );
    expect(finding.verdict).toBe('fail');
    expect(finding.message).toBe(
      'the item names Semgrep, but the workflows run Trivy instead (.github/workflows/trivy.yml:5 (aquasecurity/trivy-action@0.28.0))',
    );
  });

  it('fails when a named scanner appears nowhere', async () => {
    const finding = await judgeOne(
      ciSecurityScan,
      { '.github/workflows/ci.yml': 'on: push\njobs:\n  t:\n    steps:\n      - run: npm test\n' },
      'Dependency vulnerability scanning in CI (npm audit)',
    );
    expect(finding).toMatchObject({
      verdict: 'fail',
      message: 'no step in 1 workflow in .github/workflows runs npm audit',
    });
  });

  it('is unknown for CodeQL without a workflow: default setup lives in settings', async () => {
    const finding = await judgeOne(
      ciSecurityScan,
      { '.github/workflows/ci.yml': 'on: push\njobs:\n  t:\n    steps:\n      - run: npm test\n' },
      'Security scanning (CodeQL)',
    );
    expect(finding.verdict).toBe('unknown');
    expect(finding.message).toContain('default setup');
  });

  it('is unknown for a generic claim with no scanner', async () => {
    const finding = await judgeOne(ciSecurityScan, {}, 'Automated security scanning');
    expect(finding.verdict).toBe('unknown');
  });

  it('is unknown when the scanner only runs on manual dispatch', async () => {
    const finding = await judgeOne(
      ciSecurityScan,
      {
        '.github/workflows/s.yml':
          'on: workflow_dispatch\njobs:\n  s:\n    steps:\n      - run: trivy fs .\n',
      },
      'Container image scanning with Trivy in the pipeline',
    );
    expect(finding.verdict).toBe('unknown');
    expect(finding.message).toContain('only on workflow_dispatch');
  });

  it('makes one check per scanner an item names', async () => {
    const findings = await judge(
      ciSecurityScan,
      { '.github/workflows/codeql.yml': CODEQL, '.github/workflows/trivy.yml': TRIVY },
      'CodeQL and Trivy scans run in CI',
    );
    expect(findings.map((finding) => finding.verdict)).toEqual(['pass', 'pass']);
  });
});

describe('ci.security-scan: tools started with go run', () => {
  it('recognises `go run golang.org/x/vuln/cmd/govulncheck@latest`', async () => {
    const workflow =
      'on: pull_request\njobs:\n  vuln:\n    steps:\n      - run: go run golang.org/x/vuln/cmd/govulncheck@latest ./...\n';
    const finding = await judgeOne(
      ciSecurityScan,
      { '.github/workflows/ci.yml': workflow },
      'Vulnerability scanning with govulncheck',
    );
    expect(finding).toMatchObject({
      verdict: 'pass',
      evidence: [{ path: '.github/workflows/ci.yml', line: 5 }],
    });
  });

  it('a scan the item does not place in CI may run elsewhere; "or equivalent" accepts any scanner', async () => {
    const ci = {
      '.github/workflows/ci.yml':
        'on: [pull_request]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm test\n',
    };
    const elsewhere = await judgeOne(ciSecurityScan, ci, 'Container image scanned with Trivy', {
      checked: false,
    });
    expect(elsewhere.verdict).toBe('unknown');
    expect(elsewhere.message).toContain('may run elsewhere');
    const equivalent = await judgeOne(ciSecurityScan, ci, 'Container image scanned (Trivy or equivalent)', {
      checked: false,
    });
    expect(equivalent.verdict).toBe('unknown');
    expect(equivalent.message).toContain('no security scanner');
    const inCi = await judgeOne(ciSecurityScan, ci, 'Trivy image scanning in the CI pipeline');
    expect(inCi).toMatchObject({ verdict: 'fail', evidence: [{ path: '.github/workflows/ci.yml' }] });
  });
});

describe('ci.security-scan: scans whose failure is swallowed', () => {
  const RUBY = `on: [push, pull_request]
jobs:
  security:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - name: Audit gems
        run: |
          gem install bundle-audit
          bundle audit --update
      - name: Brakeman
        run: |
          gem install brakeman
          brakeman --no-pager --format json --output tmp/brakeman.json || true
`;

  it('passes a named scanner that can fail the build', async () => {
    const files = { '.github/workflows/ci.yml': RUBY };
    expect(await judgeOne(ciSecurityScan, files, 'Bundle-audit dependency scanning')).toMatchObject({
      verdict: 'pass',
      evidence: [{ path: '.github/workflows/ci.yml', line: 7 }],
    });
  });

  it('is unknown when every run of the scanner ends in || true or the step continues on error', async () => {
    const files = { '.github/workflows/ci.yml': RUBY };
    const brakeman = await judgeOne(ciSecurityScan, files, 'Brakeman security scanning');
    expect(brakeman).toMatchObject({ verdict: 'unknown', evidence: [{ line: 11 }] });
    expect(brakeman.message).toMatch(/failure is ignored/);
    const lenient = RUBY.replace(
      '      - name: Audit gems\n',
      '      - name: Audit gems\n        continue-on-error: true\n',
    );
    expect(
      (
        await judgeOne(
          ciSecurityScan,
          { '.github/workflows/ci.yml': lenient },
          'Bundle-audit dependency scanning',
        )
      ).verdict,
    ).toBe('unknown');
    // Any scanner that can fail the build is enough for an unnamed claim.
    expect((await judgeOne(ciSecurityScan, files, 'Automated security scanning in CI')).verdict).toBe('pass');
  });

  it('fails Brakeman where there is no Rails application to scan, unless it is forced', async () => {
    const scheduled = RUBY.replace(' || true', '');
    const sinatra = { '.github/workflows/ci.yml': scheduled, 'app.rb': "require 'sinatra'\n" };
    expect(await judgeOne(ciSecurityScan, sinatra, 'Brakeman security scanning')).toMatchObject({
      verdict: 'fail',
      evidence: [{ path: '.github/workflows/ci.yml', line: 11 }],
    });
    const rails = { ...sinatra, 'config/application.rb': 'module Shop; end\n' };
    expect((await judgeOne(ciSecurityScan, rails, 'Brakeman security scanning')).verdict).toBe('pass');
    const forced = {
      ...sinatra,
      '.github/workflows/ci.yml': scheduled.replace('brakeman --no-pager', 'brakeman --force --no-pager'),
    };
    expect((await judgeOne(ciSecurityScan, forced, 'Brakeman security scanning')).verdict).toBe('pass');
  });
});
