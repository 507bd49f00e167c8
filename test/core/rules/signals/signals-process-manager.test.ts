import { describe, expect, it } from 'vitest';
import { signalsProcessManager } from '../../../../src/core/rules/signals/signals-process-manager.js';
import { judgeOne } from '../../../support/rule-harness.js';

describe('signals.process-manager', () => {
  it('passes on a systemd unit', async () => {
    const finding = await judgeOne(
      signalsProcessManager,
      {
        'deploy/app.service':
          '[Unit]\nDescription=App\n\n[Service]\nExecStart=/usr/bin/node /srv/app/dist/main.js\nRestart=always\n',
      },
      'Process manager configured (PM2/systemd)',
    );
    expect(finding).toMatchObject({ verdict: 'pass', evidence: [{ path: 'deploy/app.service', line: 5 }] });
  });

  it('passes on a PM2 ecosystem file', async () => {
    const finding = await judgeOne(
      signalsProcessManager,
      { 'ecosystem.config.js': "module.exports = { apps: [{ name: 'api', script: 'dist/main.js' }] };\n" },
      'PM2 ecosystem file committed',
    );
    expect(finding.verdict).toBe('pass');
  });

  it('fails a claim of an ecosystem file when none exists', async () => {
    const finding = await judgeOne(
      signalsProcessManager,
      { 'src/main.ts': 'export {};\n' },
      'PM2 ecosystem file committed',
    );
    expect(finding.verdict).toBe('fail');
  });

  it('is unknown for a conditional systemd item', async () => {
    const finding = await judgeOne(
      signalsProcessManager,
      { 'src/main.ts': 'export {};\n' },
      'Systemd service file created (if using systemd)',
    );
    expect(finding.verdict).toBe('unknown');
  });
});
