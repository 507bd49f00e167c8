import { describe, expect, it } from 'vitest';
import { secretsScanningConfigured } from '../../../../src/core/rules/secrets/secrets-scanning-configured.js';
import { judgeOne } from '../../../support/rule-harness.js';

const GITLEAKS = `on: [pull_request, push]
jobs:
  secrets:
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0
      - uses: gitleaks/gitleaks-action@v2
`;

describe('secrets.scanning-configured', () => {
  it('passes when a workflow runs gitleaks', async () => {
    const finding = await judgeOne(
      secretsScanningConfigured,
      { '.github/workflows/secrets.yml': GITLEAKS },
      'Secrets scanning in CI (gitleaks)',
    );
    expect(finding.verdict).toBe('pass');
    expect(finding.evidence).toEqual([
      { path: '.github/workflows/secrets.yml', line: 8, excerpt: 'gitleaks/gitleaks-action@v2' },
    ]);
  });

  it('passes with a detect-secrets pre-commit hook', async () => {
    const finding = await judgeOne(
      secretsScanningConfigured,
      {
        '.pre-commit-config.yaml': `repos:
  - repo: https://github.com/Yelp/detect-secrets
    rev: v1.5.0
    hooks:
      - id: detect-secrets
        args: ['--baseline', '.secrets.baseline']
`,
        '.secrets.baseline': '{}',
      },
      'Pre-commit hook scans for secrets with detect-secrets',
    );
    expect(finding.verdict).toBe('pass');
    expect(finding.evidence).toEqual([
      { path: '.pre-commit-config.yaml', line: 5, excerpt: 'detect-secrets' },
    ]);
  });

  it('passes with secretlint in a husky hook', async () => {
    const finding = await judgeOne(
      secretsScanningConfigured,
      { '.husky/pre-commit': '#!/bin/sh\nnpx lint-staged\nnpx secretlint "**/*"\n' },
      'Secret scanning enabled',
    );
    expect(finding).toMatchObject({ verdict: 'pass', evidence: [{ path: '.husky/pre-commit', line: 3 }] });
  });

  it('fails when the named scanner runs nowhere', async () => {
    const finding = await judgeOne(
      secretsScanningConfigured,
      { '.github/workflows/secrets.yml': GITLEAKS },
      '**Secret Detection** - TruffleHog runs on every PR',
    );
    expect(finding.verdict).toBe('fail');
    expect(finding.message).toContain('no TruffleHog runs');
  });

  it('fails a generic CI claim when nothing scans', async () => {
    const finding = await judgeOne(
      secretsScanningConfigured,
      { '.github/workflows/ci.yml': 'on: push\njobs:\n  t:\n    steps:\n      - run: npm test\n' },
      'Secret scanning in the CI pipeline',
    );
    expect(finding.verdict).toBe('fail');
  });

  it('is unknown for a generic claim: GitHub secret scanning is a setting', async () => {
    const finding = await judgeOne(
      secretsScanningConfigured,
      { 'README.md': '#' },
      'Secret scanning enabled',
    );
    expect(finding.verdict).toBe('unknown');
    expect(finding.message).toContain('repository setting');
  });

  it('is unknown when a config exists but nothing runs it', async () => {
    const finding = await judgeOne(
      secretsScanningConfigured,
      { '.gitleaks.toml': '[allowlist]\npaths = ["test/"]\n' },
      'Secrets scanning in CI (gitleaks)',
    );
    expect(finding).toMatchObject({ verdict: 'unknown', evidence: [{ path: '.gitleaks.toml' }] });
  });

  it('is unknown for push protection', async () => {
    const finding = await judgeOne(
      secretsScanningConfigured,
      { '.github/workflows/secrets.yml': GITLEAKS },
      'Secret scanning push protection enabled',
    );
    expect(finding.verdict).toBe('unknown');
  });
});
