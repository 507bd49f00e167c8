import { describe, expect, it } from 'vitest';
import { signalsRunbook } from '../../../../src/core/rules/signals/signals-runbook.js';
import { judgeOne } from '../../../support/rule-harness.js';

describe('signals.runbook', () => {
  it('passes on docs/runbook.md', async () => {
    const finding = await judgeOne(
      signalsRunbook,
      { 'docs/runbook.md': '# Runbook\n' },
      'Deployment runbooks',
    );
    expect(finding).toMatchObject({ verdict: 'pass', evidence: [{ path: 'docs/runbook.md' }] });
  });

  it('passes on a Troubleshooting section in the README, not in the checklist', async () => {
    const finding = await judgeOne(
      signalsRunbook,
      {
        'README.md': '# App\n\n## Troubleshooting\n\nRestart it.\n',
        'DEPLOYMENT_CHECKLIST.md': '## Troubleshooting\n',
      },
      'Troubleshooting guides',
    );
    expect(finding).toMatchObject({ verdict: 'pass', evidence: [{ path: 'README.md', line: 3 }] });
  });

  it('fails when no runbook exists', async () => {
    const finding = await judgeOne(
      signalsRunbook,
      { 'README.md': '# App\n', 'DEPLOYMENT_CHECKLIST.md': '## Troubleshooting\n' },
      'Runbooks ready',
    );
    expect(finding.verdict).toBe('fail');
  });

  it('is unknown when the item links to a wiki', async () => {
    const finding = await judgeOne(
      signalsRunbook,
      { 'README.md': '# App\n' },
      '[Runbook](https://wiki.example.com/runbook) ready',
    );
    expect(finding.verdict).toBe('unknown');
  });

  it('a README Troubleshooting section does not prove runbooks for a named topic', async () => {
    const files = {
      'README.md': '# App\n\n## Monitoring\n\nSee /health.\n\n## Troubleshooting\n\nRestart it.\n',
    };
    const topical = await judgeOne(signalsRunbook, files, 'Monitoring runbooks');
    expect(topical).toMatchObject({ verdict: 'unknown', evidence: [{ path: 'README.md', line: 7 }] });
    expect(topical.message).toMatch(/monitoring/);
    const withRunbook = await judgeOne(
      signalsRunbook,
      { ...files, 'docs/runbooks/alerts.md': '# High error rate\n' },
      'Monitoring runbooks',
    );
    expect(withRunbook).toMatchObject({ verdict: 'pass', evidence: [{ path: 'docs/runbooks/alerts.md' }] });
  });
});
