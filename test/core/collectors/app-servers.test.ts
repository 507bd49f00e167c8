import { describe, expect, it } from 'vitest';
import { appServersCollector, serverLines } from '../../../src/core/collectors/app-servers.js';
import { DEFAULT_CONFIG } from '../../../src/core/config.js';
import { collectEvidence, createRepoView } from '../../../src/core/evidence.js';
import { MemoryRepo } from '../../support/memory-repo.js';

describe('app-servers collector', () => {
  it('reads worker counts from commands in every form: flags, exec arrays, variables, CPUs', () => {
    const lines = serverLines(
      'deploy/start.sh',
      [
        '#!/bin/sh',
        '# gunicorn app:app --workers 8',
        'pip install gunicorn uvicorn',
        // biome-ignore lint/suspicious/noTemplateCurlyInString: a shell default, not a template
        'exec gunicorn app:app --workers=${WEB_CONCURRENCY:-4} --log-file /var/log/gunicorn/app.log',
        'uvicorn main:app --workers 2',
        'celery -A proj worker --concurrency=6',
        'celery -A proj beat',
        'gunicorn -w $(nproc) app:app',
        'cp gunicorn.conf.py /etc/',
      ].join('\n'),
    );
    expect(lines.map((line) => [line.server, line.line, line.workers])).toEqual([
      ['gunicorn', 4, { kind: 'env', variable: 'WEB_CONCURRENCY', fallback: 4 }],
      ['uvicorn', 5, { kind: 'number', count: 2 }],
      ['celery', 6, { kind: 'number', count: 6 }],
      ['gunicorn', 8, { kind: 'computed' }],
    ]);
    const exec = serverLines('Dockerfile', 'FROM python:3.12\nCMD ["gunicorn", "app:app", "-w", "3"]\n');
    expect(exec).toMatchObject([{ server: 'gunicorn', line: 2, workers: { kind: 'number', count: 3 } }]);
  });

  it('reads settings from gunicorn.conf.py and puma.rb, and uvicorn.run calls, nothing else from them', () => {
    expect(
      serverLines(
        'gunicorn.conf.py',
        'bind = "0.0.0.0:8000"\nworkers = 4  # 2 x cores\naccesslog = "/var/log/gunicorn/a.log"\n',
      ),
    ).toMatchObject([
      { server: 'gunicorn', line: 2, source: 'config', workers: { kind: 'number', count: 4 } },
    ]);
    expect(serverLines('config/puma.rb', 'workers ENV.fetch("WEB_CONCURRENCY") { 2 }\n')).toMatchObject([
      { server: 'puma', workers: { kind: 'env', variable: 'WEB_CONCURRENCY', fallback: 2 } },
    ]);
    expect(
      serverLines('main.py', 'import uvicorn\nuvicorn.run("app:app", host="0.0.0.0", workers=4)\n'),
    ).toMatchObject([{ server: 'uvicorn', line: 2, workers: { kind: 'number', count: 4 } }]);
  });

  it('reads only files that start processes, never vendored ones', async () => {
    const view = await createRepoView(
      new MemoryRepo({
        Procfile: 'web: gunicorn app:app --workers 3\n',
        'docs/deploy.md': 'gunicorn app:app --workers 9\n',
        'node_modules/x/start.sh': 'gunicorn app:app --workers 9\n',
      }),
    );
    const evidence = await collectEvidence(appServersCollector, view, DEFAULT_CONFIG);
    expect(evidence.lines.map((line) => line.path)).toEqual(['Procfile']);
  });
});
