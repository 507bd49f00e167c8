// What `npm publish` would ship works: `npm pack`, install the tarball into an empty project
// (dependencies from the npm cache that `npm ci` filled), run the installed `readiness` on a
// small git repository. In the slow lane (`npm run test:hostile`): the install takes tens of seconds.

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TempGitRepo } from '../support/git-repo.js';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const work = mkdtempSync(join(tmpdir(), 'readiness-pack-'));
const repo = new TempGitRepo();
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  repo.cleanup();
});

describe('the npm package', () => {
  it('packs, installs from the tarball and checks a repository', () => {
    const version = JSON.parse(readFileSync('package.json', 'utf8')).version;
    const [packed] = JSON.parse(
      execFileSync(npm, ['pack', '--json', '--ignore-scripts', '--pack-destination', work], {
        encoding: 'utf8',
      }),
    ) as { filename: string; files: { path: string }[] }[];
    const files = packed?.files.map((file) => file.path) ?? [];
    expect(files).toContain('dist/cli.js');
    expect(files).toContain('templates/web-service.md');
    expect(files).toContain('schema/readiness-report.schema.json');
    expect(files.filter((path) => /^(src|test|scripts)\//.test(path))).toEqual([]);

    const project = join(work, 'project');
    mkdirSync(project);
    writeFileSync(join(project, 'package.json'), '{ "name": "pack-test", "private": true }\n');
    execFileSync(
      npm,
      [
        'install',
        '--prefer-offline',
        '--ignore-scripts',
        '--no-audit',
        '--no-fund',
        join(work, packed?.filename ?? ''),
      ],
      { cwd: project, stdio: 'pipe' },
    );
    const bin = join(project, 'node_modules/.bin/readiness');

    expect(execFileSync(bin, ['--version'], { encoding: 'utf8' }).trim()).toBe(version);

    repo.write({
      'PRODUCTION_READINESS.md': '# Launch\n\n- [x] Deploy script `scripts/deploy.sh`\n- [ ] Staff trained\n',
      'scripts/deploy.sh': '#!/bin/sh\n',
    });
    repo.commit();
    const check = spawnSync(bin, ['check', repo.dir, '--format', 'json'], { encoding: 'utf8' });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
    const report = JSON.parse(check.stdout);
    expect(report.checklists[0].items.map((item: { status: string }) => item.status)).toEqual([
      'verified',
      'manual',
    ]);
  }, 240_000);
});
