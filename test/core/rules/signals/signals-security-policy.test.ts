import { describe, expect, it } from 'vitest';
import { signalsSecurityPolicy } from '../../../../src/core/rules/signals/signals-security-policy.js';
import { judgeOne } from '../../../support/rule-harness.js';

describe('signals.security-policy', () => {
  it('passes on .github/SECURITY.md explaining how to report', async () => {
    const finding = await judgeOne(
      signalsSecurityPolicy,
      { '.github/SECURITY.md': '# Security\n\nReport vulnerabilities to security@example.com.\n' },
      'SECURITY.md with disclosure policy',
    );
    expect(finding).toMatchObject({ verdict: 'pass', evidence: [{ path: '.github/SECURITY.md' }] });
  });

  it('fails when there is no SECURITY.md', async () => {
    const finding = await judgeOne(
      signalsSecurityPolicy,
      { 'README.md': '# x\n' },
      'SECURITY.md with a disclosure policy',
      {
        checked: false,
      },
    );
    expect(finding.verdict).toBe('fail');
    expect(finding.message).toContain('SECURITY.md in the root, .github/ and docs/');
  });

  it('is unknown when SECURITY.md says nothing about reporting', async () => {
    const finding = await judgeOne(
      signalsSecurityPolicy,
      { 'SECURITY.md': '# Security\n\nWe take security seriously.\n' },
      'SECURITY.md with disclosure policy',
    );
    expect(finding.verdict).toBe('unknown');
  });
});
