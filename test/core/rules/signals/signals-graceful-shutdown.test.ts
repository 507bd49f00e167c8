import { describe, expect, it } from 'vitest';
import { signalsGracefulShutdown } from '../../../../src/core/rules/signals/signals-graceful-shutdown.js';
import { judgeOne } from '../../../support/rule-harness.js';

describe('signals.graceful-shutdown', () => {
  it('passes on signal.Notify with SIGTERM', async () => {
    const finding = await judgeOne(
      signalsGracefulShutdown,
      {
        'cmd/server/main.go':
          'package main\n\nfunc main() {\n\tstop := make(chan os.Signal, 1)\n\tsignal.Notify(stop, syscall.SIGTERM, syscall.SIGINT)\n\t<-stop\n}\n',
      },
      'Graceful shutdown on SIGTERM',
    );
    expect(finding).toMatchObject({ verdict: 'pass', evidence: [{ path: 'cmd/server/main.go', line: 5 }] });
  });

  it('passes on Spring server.shutdown: graceful', async () => {
    const finding = await judgeOne(
      signalsGracefulShutdown,
      {
        'src/main/resources/application.yml': 'server:\n  shutdown: graceful\n',
        'src/main/java/App.java': 'class App {}\n',
      },
      'Graceful shutdown configured',
    );
    expect(finding.verdict).toBe('pass');
  });

  it('is unknown on a Node server with no known handler (one can be written by hand)', async () => {
    const finding = await judgeOne(
      signalsGracefulShutdown,
      { 'src/index.js': "import http from 'node:http';\nhttp.createServer(handler).listen(3000);\n" },
      'Graceful shutdown configured',
    );
    expect(finding.verdict).toBe('unknown');
    expect(finding.message).toContain('cannot be ruled out');
  });

  it('is unknown for Elixir, whose releases stop gracefully on SIGTERM', async () => {
    const finding = await judgeOne(
      signalsGracefulShutdown,
      { 'lib/notifier/application.ex': 'defmodule Notifier.Application do\n  use Application\nend\n' },
      'Graceful shutdown handling',
    );
    expect(finding.verdict).toBe('unknown');
    expect(finding.message).toContain('Elixir releases');
  });

  it('is unknown when uvicorn serves the app', async () => {
    const finding = await judgeOne(
      signalsGracefulShutdown,
      { 'app/main.py': 'import uvicorn\n\nuvicorn.run(app)\n' },
      'Graceful shutdown handling',
    );
    expect(finding.verdict).toBe('unknown');
  });
});
