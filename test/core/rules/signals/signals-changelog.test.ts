import { describe, expect, it } from 'vitest';
import { signalsChangelog } from '../../../../src/core/rules/signals/signals-changelog.js';
import { judgeOne } from '../../../support/rule-harness.js';

describe('signals.changelog', () => {
  it('passes on CHANGELOG.md', async () => {
    const finding = await judgeOne(
      signalsChangelog,
      { 'CHANGELOG.md': '# Changelog\n\n## 2.3.0\n' },
      'CHANGELOG maintained',
    );
    expect(finding).toMatchObject({ verdict: 'pass', evidence: [{ path: 'CHANGELOG.md' }] });
  });

  it('fails when there is no changelog', async () => {
    const finding = await judgeOne(signalsChangelog, { 'README.md': '# x\n' }, 'CHANGELOG maintained');
    expect(finding.verdict).toBe('fail');
  });

  it('is unknown whether the changelog was updated for this release', async () => {
    const finding = await judgeOne(
      signalsChangelog,
      { 'CHANGELOG.md': '# Changelog\n' },
      'Changelog updated',
    );
    expect(finding.verdict).toBe('unknown');
  });
});
