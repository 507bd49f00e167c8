import { describe, expect, it } from 'vitest';
import { refPathExists } from '../../../../src/core/rules/ref/ref-path-exists.js';
import { judge, judgeOne } from '../../../support/rule-harness.js';

const backupScript = '#!/bin/sh\nset -eu\npg_dump "$DATABASE_URL" > backup.sql\n';
const routes = `${Array.from({ length: 280 }, (_, i) => `// line ${i + 1}`).join('\n')}\n`;

describe('ref.path-exists', () => {
  it('passes when the named script exists', async () => {
    const finding = await judgeOne(
      refPathExists,
      { 'scripts/backup-db.sh': backupScript },
      'Backups (`scripts/backup-db.sh`)',
    );
    expect(finding.verdict).toBe('pass');
    expect(finding.evidence).toEqual([{ path: 'scripts/backup-db.sh' }]);
  });

  it('fails with the paths looked at when the file is missing', async () => {
    const finding = await judgeOne(
      refPathExists,
      { 'README.md': '# app\n' },
      'Backups (`scripts/backup-db.sh`)',
      {
        checklistPath: 'services/api/READINESS.md',
      },
    );
    expect(finding).toMatchObject({
      verdict: 'fail',
      message:
        'no file or folder services/api/scripts/backup-db.sh or scripts/backup-db.sh in the repository',
    });
  });

  it('keeps dunder file names written without code quotes (`__init__.py` is not emphasis)', async () => {
    const files = { 'app/__init__.py': '', 'app/main.py': 'print("hi")\n' };
    const nested = await judgeOne(refPathExists, files, 'Package marker app/__init__.py committed');
    expect(nested).toMatchObject({ verdict: 'pass', evidence: [{ path: 'app/__init__.py' }] });
    const bare = await judgeOne(refPathExists, files, 'Every package has an __init__.py');
    expect(bare).toMatchObject({ verdict: 'pass', evidence: [{ path: 'app/__init__.py' }] });
  });

  it('finds a bare file name anywhere in the repository', async () => {
    const files = { 'server/services/health-monitor.ts': 'export function monitor() {}\n' };
    const finding = await judgeOne(refPathExists, files, 'Health Monitoring (`health-monitor.ts`)');
    expect(finding).toMatchObject({
      verdict: 'pass',
      message: 'health-monitor.ts found at server/services/health-monitor.ts',
    });
    const missing = await judgeOne(
      refPathExists,
      { 'src/app.ts': '' },
      'Log Management (`log-cleanup-job.ts`)',
    );
    expect(missing.verdict).toBe('fail');
  });

  it('checks a cited line range against the file length', async () => {
    const long = await judgeOne(
      refPathExists,
      { 'server/routes.ts': routes },
      'Daemons (`routes.ts` lines 271-278)',
    );
    expect(long).toMatchObject({ verdict: 'pass', evidence: [{ path: 'server/routes.ts', line: 271 }] });
    const short = await judgeOne(
      refPathExists,
      { 'server/routes.ts': 'export {};\n' },
      'Daemons (`routes.ts` lines 271-278)',
    );
    expect(short).toMatchObject({
      verdict: 'fail',
      message: 'server/routes.ts has 1 lines; the item cites lines 271-278',
    });
  });

  it('checks files cited in nested plain bullets and GitHub line anchors in links', async () => {
    const files = { 'infra/main.tf': 'resource "null_resource" "x" {}\n', 'server/routes.ts': routes };
    const cited = await judgeOne(
      refPathExists,
      files,
      'Terraform variables documented\n  - see `infra/variables.tf`',
    );
    expect(cited).toMatchObject({ verdict: 'fail', evidence: [{ path: 'infra/variables.tf' }] });
    const present = await judgeOne(
      refPathExists,
      files,
      'Terraform in place\n  - entry point: `infra/main.tf`',
    );
    expect(present).toMatchObject({ verdict: 'pass', evidence: [{ path: 'infra/main.tf' }] });
    const anchored = await judgeOne(
      refPathExists,
      files,
      'Daemons started ([routes](server/routes.ts#L275))',
    );
    expect(anchored).toMatchObject({ verdict: 'pass', evidence: [{ path: 'server/routes.ts', line: 275 }] });
    const beyond = await judgeOne(
      refPathExists,
      files,
      'Daemons started ([routes](server/routes.ts#L300-L310))',
    );
    expect(beyond).toMatchObject({
      verdict: 'fail',
      message: 'server/routes.ts has 280 lines; the item cites lines 300-310',
    });
  });

  it('is unknown about a line range in a file it does not measure', async () => {
    const finding = await judgeOne(
      refPathExists,
      { 'docs/runbook.md': '# Runbook\n' },
      'Runbook (`docs/runbook.md:10-20`)',
    );
    expect(finding.verdict).toBe('unknown');
  });

  it('is unknown about runtime folders an item asks to create', async () => {
    const finding = await judgeOne(
      refPathExists,
      { 'mix.exs': '' },
      '`log/` - For log files (if file logging enabled)',
    );
    expect(finding.verdict).toBe('unknown');
    const folder = await judgeOne(
      refPathExists,
      { 'priv/repo/seeds.exs': '' },
      '`priv/` - For persistent data',
    );
    expect(folder).toMatchObject({ verdict: 'pass', message: 'folder priv/ exists' });
  });

  it('follows relative links and ignores never-committed files', async () => {
    const findings = await judge(
      refPathExists,
      { '.env.production.example': 'PORT=4000\n', 'docs/runbook.md': '# Runbook\n' },
      'Copy `.env.production.example` to `.env.production`, see [runbook](docs/runbook.md)',
    );
    expect(findings.map((finding) => finding.verdict)).toEqual(['pass', 'pass']);
  });

  it('an output a framework renders from code is not missing: robots.txt from app/robots.ts', async () => {
    const app = { 'apps/web/app/page.tsx': 'export default () => null;\n' };
    const generated = await judgeOne(
      refPathExists,
      { ...app, 'apps/web/app/robots.ts': 'export default function robots() { return {}; }\n' },
      'Sitemap and robots.txt accessible',
      { checked: false },
    );
    expect(generated).toMatchObject({ verdict: 'unknown', evidence: [{ path: 'apps/web/app/robots.ts' }] });
    const absent = await judgeOne(refPathExists, app, 'Sitemap and robots.txt accessible', {
      checked: false,
    });
    expect(absent).toMatchObject({ verdict: 'fail', evidence: [{ path: 'robots.txt' }] });
  });
});
