import { describe, expect, it } from 'vitest';
import { signalsLicense } from '../../../../src/core/rules/signals/signals-license.js';
import { judgeOne } from '../../../support/rule-harness.js';

describe('signals.license', () => {
  it('passes on LICENSE', async () => {
    const finding = await judgeOne(signalsLicense, { LICENSE: 'MIT License\n' }, 'MIT license included');
    expect(finding).toMatchObject({ verdict: 'pass', evidence: [{ path: 'LICENSE' }] });
  });

  it('fails without a licence file', async () => {
    const finding = await judgeOne(signalsLicense, { 'README.md': '# x\n' }, 'LICENSE file added');
    expect(finding.verdict).toBe('fail');
  });
});
