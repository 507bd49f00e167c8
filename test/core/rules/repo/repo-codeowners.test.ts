import { describe, expect, it } from 'vitest';
import { repoCodeowners } from '../../../../src/core/rules/repo/repo-codeowners.js';
import { judgeOne } from '../../../support/rule-harness.js';

const CODEOWNERS = '# Default owners\n* @acme/platform\n\n/services/api/ @acme/api\n*.md @acme/docs\n';

describe('repo.codeowners', () => {
  it('passes with a CODEOWNERS file that names owners', async () => {
    const finding = await judgeOne(repoCodeowners, { '.github/CODEOWNERS': CODEOWNERS }, 'CODEOWNERS file');
    expect(finding).toEqual({
      verdict: 'pass',
      message: '.github/CODEOWNERS assigns owners with 3 rules',
      evidence: [{ path: '.github/CODEOWNERS', line: 2, excerpt: '* @acme/platform' }],
    });
  });

  it('passes for a subfolder with the rule that covers it', async () => {
    const finding = await judgeOne(repoCodeowners, { '.github/CODEOWNERS': CODEOWNERS }, 'CODEOWNERS file', {
      checklistPath: 'services/api/READINESS.md',
    });
    expect(finding.message).toBe('.github/CODEOWNERS:4 assigns services/api to @acme/api');
  });

  it('fails without CODEOWNERS, listing where it looked', async () => {
    const finding = await judgeOne(repoCodeowners, { 'README.md': '#' }, 'CODEOWNERS file');
    expect(finding.verdict).toBe('fail');
    expect(finding.evidence.map((ref) => ref.path)).toEqual([
      '.github/CODEOWNERS',
      'CODEOWNERS',
      'docs/CODEOWNERS',
    ]);
  });

  it('fails when CODEOWNERS holds only comments', async () => {
    const finding = await judgeOne(repoCodeowners, { CODEOWNERS: '# TODO: add owners\n' }, 'CODEOWNERS file');
    expect(finding).toMatchObject({ verdict: 'fail', evidence: [{ path: 'CODEOWNERS' }] });
  });

  it('fails for a subfolder no rule covers', async () => {
    const finding = await judgeOne(
      repoCodeowners,
      { CODEOWNERS: '/services/web/ @acme/web\n' },
      'CODEOWNERS file',
      {
        checklistPath: 'services/api/READINESS.md',
      },
    );
    expect(finding.verdict).toBe('fail');
  });

  it('is unknown when only a glob it cannot settle might cover the subfolder', async () => {
    const finding = await judgeOne(
      repoCodeowners,
      { CODEOWNERS: '/services/web/ @acme/web\n/services/*-api/ @acme/api\n' },
      'CODEOWNERS file',
      { checklistPath: 'services/api/READINESS.md' },
    );
    expect(finding.verdict).toBe('unknown');
  });
});
