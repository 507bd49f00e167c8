import { codeSignalsCollector } from '../../collectors/code-signals.js';
import type { Rule } from '../../rule.js';
import { at, matchClaim, ref, type SignalClaim, wiredInScope } from './signals-evidence.js';

const PROCESS_MANAGER = /\bprocess manager\b|\bpm2\b|\bsystemd\b|\bsupervisord?\b|\bProcfile\b/i;
/** Reading logs or checking status is operations, not configuration. */
const NOT_CONFIG = /\blogs?\b|\bstatus\b|\bsupervision tree\b/i;
const FILE_CLAIM = /\b(?:files?|units?|ecosystem|Procfile)\b/i;
const CONDITIONAL = /\bif (?:using|needed|applicable)\b/i;

export const signalsProcessManager: Rule<SignalClaim> = {
  id: 'signals.process-manager',
  title: 'A process manager configuration is committed (PM2, systemd, supervisord, Procfile)',
  why: 'Without a process manager the service does not come back after a crash or a reboot.',
  fix: 'Commit the unit or ecosystem file (`deploy/app.service`, `ecosystem.config.js`, `Procfile`) next to the code.',
  recognises:
    '"process manager", PM2, systemd, supervisord or Procfile in the item or a nested bullet; not log or status checks.',
  needs: [codeSignalsCollector],
  match: (item) => matchClaim(item, PROCESS_MANAGER, NOT_CONFIG),
  evaluate(claim, ctx) {
    const found = wiredInScope(ctx.get(codeSignalsCollector), 'process-manager', ctx.scope);
    const first = found[0];
    if (first) {
      return {
        verdict: 'pass',
        message: `${first.library} at ${at(first)}`,
        evidence: found.slice(0, 3).map(ref),
      };
    }
    const looked = `no PM2 ecosystem file, systemd unit, supervisord config or Procfile${ctx.scope ? ` in ${ctx.scope}/` : ''}`;
    return FILE_CLAIM.test(claim.claim) && !CONDITIONAL.test(claim.claim)
      ? { verdict: 'fail', message: looked, evidence: [] }
      : {
          verdict: 'unknown',
          message: `${looked}; the process may be managed on the host or by an orchestrator`,
          evidence: [],
        };
  },
  examples: {
    match: [
      'Process manager configured (PM2/systemd)',
      'Systemd service file created (if using systemd)',
      'PM2 ecosystem file committed',
    ],
    noMatch: [
      'PM2 processes started',
      '**Server Down**: Check process manager logs (`pm2 logs` or `systemctl status`)',
      'All supervision tree processes started successfully',
    ],
    verdicts: [
      {
        files: {
          'deploy/app.service':
            '[Unit]\nDescription=App\n\n[Service]\nExecStart=/usr/bin/node /srv/app/dist/main.js\nRestart=always\n',
        },
        item: 'Process manager configured (PM2/systemd)',
        verdict: 'pass',
      },
      {
        files: {
          'src/main.ts': 'export {};\n',
        },
        item: 'PM2 ecosystem file committed',
        verdict: 'fail',
      },
    ],
  },
};
