import { describe, expect, it } from 'vitest';
import { signalsLockfile } from '../../../../src/core/rules/signals/signals-lockfile.js';
import { judgeOne } from '../../../support/rule-harness.js';

describe('signals.lockfile', () => {
  it('passes when a workspace package is locked at the root', async () => {
    const finding = await judgeOne(
      signalsLockfile,
      {
        'package.json': '{ "workspaces": ["services/*"] }\n',
        'package-lock.json': '{ "lockfileVersion": 3 }\n',
        'services/api/package.json': '{ "dependencies": { "fastify": "^5.0.0" } }\n',
      },
      'Lockfile committed',
    );
    expect(finding.verdict).toBe('pass');
  });

  it('fails on requirements that are not pinned', async () => {
    const finding = await judgeOne(
      signalsLockfile,
      { 'requirements.txt': 'fastapi==0.115.0\nsqlalchemy>=2.0\n' },
      'Dependency versions locked',
    );
    expect(finding).toMatchObject({ verdict: 'fail', evidence: [{ path: 'requirements.txt', line: 2 }] });
  });

  it('fails on a go.mod without go.sum', async () => {
    const finding = await judgeOne(
      signalsLockfile,
      { 'go.mod': 'module example.com/x\n\nrequire github.com/go-chi/chi/v5 v5.0.12\n' },
      'Lockfile committed',
    );
    expect(finding.verdict).toBe('fail');
  });

  it('is unknown with no manifest to lock', async () => {
    const finding = await judgeOne(signalsLockfile, { 'README.md': '# x\n' }, 'Lockfile committed');
    expect(finding.verdict).toBe('unknown');
  });
});
