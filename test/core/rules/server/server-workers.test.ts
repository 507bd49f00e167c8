import { describe, expect, it } from 'vitest';
import { serverWorkers } from '../../../../src/core/rules/server/server-workers.js';
import { judgeOne } from '../../../support/rule-harness.js';

describe('server.workers', () => {
  it('passes on the line that starts more than one worker, preferring production over dev copies', async () => {
    const files = {
      'dev/Procfile': 'web: gunicorn app:app --workers 1\n',
      'deploy/gunicorn.service': '[Service]\nExecStart=/srv/venv/bin/gunicorn --workers 3 app.wsgi\n',
    };
    expect(await judgeOne(serverWorkers, files, 'Enable Gunicorn with multiple workers')).toMatchObject({
      verdict: 'pass',
      evidence: [{ path: 'deploy/gunicorn.service', line: 2 }],
    });
  });

  it('fails only when every start sets one worker; a variable or no flag is unknown', async () => {
    expect(
      (
        await judgeOne(
          serverWorkers,
          { Procfile: 'web: gunicorn app:app -w 1\n' },
          'Gunicorn with multiple workers',
        )
      ).verdict,
    ).toBe('fail');
    expect(
      (
        await judgeOne(
          serverWorkers,
          { Procfile: 'web: gunicorn app:app -w $WORKERS\n' },
          'Gunicorn with multiple workers',
        )
      ).verdict,
    ).toBe('unknown');
    const bare = await judgeOne(
      serverWorkers,
      { Procfile: 'web: gunicorn app:app\n' },
      'Gunicorn with multiple workers',
    );
    expect(bare.verdict).toBe('unknown');
    expect(bare.message).toMatch(/without a worker count/);
  });

  it('a named count must be the count found; Celery concurrency counts for worker scaling', async () => {
    const files = { Procfile: 'web: uvicorn main:app --workers 2\nworker: celery -A app worker -c 4\n' };
    expect((await judgeOne(serverWorkers, files, 'Uvicorn runs 4 workers in production')).verdict).toBe(
      'unknown',
    );
    expect((await judgeOne(serverWorkers, files, 'Uvicorn runs 2 workers in production')).verdict).toBe(
      'pass',
    );
    expect(await judgeOne(serverWorkers, files, 'Celery worker scaling')).toMatchObject({
      verdict: 'pass',
      evidence: [{ path: 'Procfile', line: 2 }],
    });
  });

  it('does not count another server', async () => {
    const files = { Procfile: 'worker: celery -A app worker -c 4\n' };
    expect((await judgeOne(serverWorkers, files, 'Enable Gunicorn with multiple workers')).verdict).toBe(
      'unknown',
    );
  });
});
