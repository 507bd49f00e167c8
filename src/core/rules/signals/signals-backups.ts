import { codeSignalsCollector } from '../../collectors/code-signals.js';
import type { Rule } from '../../rule.js';
import {
  at,
  matchClaim,
  namesFileOrCommand,
  ref,
  type SignalClaim,
  sourcesInScope,
  wiredInScope,
} from './signals-evidence.js';

const BACKUPS = /\bbackups?\b/i;
/** Only automation is repository evidence; restores, retention, storage and testing happen elsewhere. */
const AUTOMATED =
  /\b(?:automat\w*|scripts?|cron\w*|schedul\w*|jobs?|daily|nightly|hourly|pg_dump|velero|restic)\b/i;
const NOT_AUTOMATION =
  /\b(?:restor\w*|retention|off-?site|encrypt\w*|strateg\w*|plan|polic\w*|procedures?|storage|bucket|status|completion|clean|verification)\b/i;
const SCRIPT_CLAIM = /\b(?:scripts?|cron\w*|jobs?)\b/i;

export const signalsBackups: Rule<SignalClaim> = {
  id: 'signals.backups',
  title: 'Backups are automated by a committed script or scheduled job',
  why: 'A backup that depends on someone remembering to run it is not a backup.',
  fix: 'Commit the backup script (pg_dump/mysqldump/velero/restic) and the schedule that runs it (Kubernetes CronJob, cron, CI schedule).',
  recognises:
    '"backups" with "automated", "script", "cron", "scheduled", "daily"; not restores, retention, off-site storage or ' +
    'backup testing, and not items naming the script path (ref.path-exists checks that).',
  needs: [codeSignalsCollector],
  match: (item) =>
    namesFileOrCommand(item)
      ? []
      : matchClaim(item, BACKUPS, NOT_AUTOMATION).filter((claim) => AUTOMATED.test(claim.claim)),
  evaluate(claim, ctx) {
    const signals = ctx.get(codeSignalsCollector);
    const found = wiredInScope(signals, 'backups', ctx.scope);
    const dump = found.find((hit) => hit.how !== 'file') ?? found[0];
    if (dump) {
      return {
        verdict: 'pass',
        message: `${dump.how === 'file' ? 'backup script' : `backup command (${dump.excerpt.slice(0, 60)})`} at ${at(dump)}`,
        evidence: [ref(dump)],
      };
    }
    const looked = `no backup script or job found${ctx.scope ? ` in ${ctx.scope}/` : ''} (looked for *backup* scripts and pg_dump/mysqldump/mongodump/velero/restic in ${sourcesInScope(signals, ctx.scope)} source files, shell scripts, CronJobs and workflows)`;
    return SCRIPT_CLAIM.test(claim.claim)
      ? { verdict: 'fail', message: looked, evidence: [] }
      : {
          verdict: 'unknown',
          message: `${looked}; backups may be managed by the database provider`,
          evidence: [],
        };
  },
  examples: {
    match: [
      'Database backups automated (daily)',
      'Setup database backups (cron job)',
      'Automated database backups',
      'Backups configured with a nightly CronJob',
    ],
    noMatch: [
      'Backup retention policy defined (30 days)',
      'Backup script tested: `./scripts/backup-db.sh`',
      'Off-site backup storage configured',
      'Backup restoration procedure documented',
      'Database backup strategy',
    ],
    verdicts: [
      {
        files: {
          'k8s/backup.yaml':
            'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: db-backup\nspec:\n  schedule: "0 2 * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers:\n            - name: dump\n              image: postgres:16\n              command: ["sh", "-c", "pg_dump $DATABASE_URL | gzip > /backup/db.sql.gz"]\n',
        },
        item: 'Database backups automated (daily)',
        verdict: 'pass',
      },
      {
        files: {
          'src/index.ts': 'export {};\n',
        },
        item: 'Setup database backups (cron job)',
        verdict: 'fail',
      },
      {
        files: {
          'src/index.ts': 'export {};\n',
        },
        item: 'Automated database backups',
        verdict: 'unknown',
      },
    ],
  },
};
