import { describe, expect, it } from 'vitest';
import { signalsBackups } from '../../../../src/core/rules/signals/signals-backups.js';
import { judgeOne } from '../../../support/rule-harness.js';

const CRONJOB = `apiVersion: batch/v1
kind: CronJob
metadata:
  name: db-backup
spec:
  schedule: "0 2 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          containers:
            - name: dump
              image: postgres:16
              command: ["sh", "-c", "pg_dump $DATABASE_URL | gzip > /backup/db.sql.gz"]
`;

describe('signals.backups', () => {
  it('passes on a CronJob running pg_dump', async () => {
    const finding = await judgeOne(
      signalsBackups,
      { 'k8s/backup.yaml': CRONJOB },
      'Database backups automated (daily)',
    );
    expect(finding).toMatchObject({ verdict: 'pass', evidence: [{ path: 'k8s/backup.yaml', line: 14 }] });
  });

  it('fails a claim of a backup cron job when nothing is committed', async () => {
    const finding = await judgeOne(
      signalsBackups,
      { 'src/index.ts': 'export {};\n' },
      'Setup database backups (cron job)',
    );
    expect(finding.verdict).toBe('fail');
  });

  it('is unknown for automated backups that may be run by the provider', async () => {
    const finding = await judgeOne(
      signalsBackups,
      { 'src/index.ts': 'export {};\n' },
      'Automated database backups',
    );
    expect(finding.verdict).toBe('unknown');
    expect(finding.message).toContain('database provider');
  });
});
