import { describe, expect, it } from 'vitest';
import { depsUpdateBot } from '../../../../src/core/rules/deps/deps-update-bot.js';
import { judgeOne } from '../../../support/rule-harness.js';

const DEPENDABOT = `version: 2
updates:
  - package-ecosystem: npm
    directory: /
    schedule:
      interval: weekly
  - package-ecosystem: github-actions
    directory: /
    schedule:
      interval: weekly
`;

describe('deps.update-bot', () => {
  it('passes with dependabot.yml, naming the ecosystems', async () => {
    const finding = await judgeOne(
      depsUpdateBot,
      { '.github/dependabot.yml': DEPENDABOT },
      'Automated dependency updates (Dependabot)',
    );
    expect(finding).toEqual({
      verdict: 'pass',
      message: '.github/dependabot.yml updates npm, github-actions',
      evidence: [{ path: '.github/dependabot.yml', line: 3, excerpt: 'package-ecosystem: npm' }],
    });
  });

  it('passes with Renovate when the item names Dependabot, and says so', async () => {
    const finding = await judgeOne(
      depsUpdateBot,
      { 'renovate.json': '{ "extends": ["config:recommended"] }' },
      'Automated dependency updates (Dependabot)',
    );
    expect(finding.verdict).toBe('pass');
    expect(finding.message).toContain('the item names Dependabot');
  });

  it('fails without any bot configuration', async () => {
    const finding = await judgeOne(
      depsUpdateBot,
      { 'package.json': '{}' },
      'Dependabot configured for npm and Docker',
    );
    expect(finding.verdict).toBe('fail');
    expect(finding.evidence).toEqual([{ path: '.github/dependabot.yml' }, { path: 'renovate.json' }]);
  });

  it('fails when Renovate is switched off', async () => {
    const finding = await judgeOne(
      depsUpdateBot,
      { 'renovate.json': '{ "enabled": false }' },
      'Renovate bot keeps dependencies current',
    );
    expect(finding).toMatchObject({ verdict: 'fail', evidence: [{ path: 'renovate.json' }] });
  });

  it('is unknown for security updates, which settings can enable', async () => {
    const finding = await judgeOne(depsUpdateBot, {}, 'Dependabot security updates enabled');
    expect(finding.verdict).toBe('unknown');
  });

  it('is unknown when a subfolder has no Dependabot entry of its own', async () => {
    const finding = await judgeOne(
      depsUpdateBot,
      { '.github/dependabot.yml': DEPENDABOT },
      'Dependabot configured',
      {
        checklistPath: 'services/api/READINESS.md',
      },
    );
    expect(finding.verdict).toBe('unknown');
    expect(finding.message).toContain('/services/api');
  });
});
