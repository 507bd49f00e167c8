import { codeSignalsCollector } from '../../collectors/code-signals.js';
import { inScope } from '../../evidence.js';
import type { Rule } from '../../rule.js';
import { judgeSignal, matchBehaviourClaim, type SignalClaim } from './signals-evidence.js';

const GRACEFUL =
  /\bgraceful(?:ly)?\b[^.]*\b(?:shut ?down|terminat\w+|stop\w*)\b|\bSIGTERM\b|\bshutdown hooks?\b|\bdrain\w* connections\b|优雅关闭|优雅停机|优雅退出/i;

export const signalsGracefulShutdown: Rule<SignalClaim> = {
  id: 'signals.graceful-shutdown',
  title: 'The service handles SIGTERM and shuts down gracefully',
  why: 'Orchestrators send SIGTERM before killing a pod; without a handler in-flight requests fail on every deploy.',
  fix: "Handle SIGTERM: stop accepting connections and close the server (`process.on('SIGTERM', () => server.close())`, `signal.Notify` + `srv.Shutdown(ctx)`, `server.shutdown: graceful`).",
  recognises:
    '"graceful shutdown", "SIGTERM", "shutdown hooks" or "drain connections" in the item or a nested bullet.',
  needs: [codeSignalsCollector],
  match: (item) => matchBehaviourClaim(item, GRACEFUL),
  evaluate(claim, ctx) {
    const found = judgeSignal({ signal: 'graceful-shutdown', what: 'SIGTERM handling' }, claim, ctx);
    if (found.verdict === 'pass' || found.evidence.length > 0) return found;
    const scanned = ctx.get(codeSignalsCollector).scanned.filter((file) => inScope(file.path, ctx.scope));
    // BEAM releases stop applications in order on SIGTERM (OTP 20+), with no code needed.
    const elixir = scanned.find((file) => file.languages.includes('elixir'));
    if (elixir) {
      return {
        verdict: 'unknown',
        message: `no SIGTERM handler in code, but Elixir releases shut down gracefully on SIGTERM by default (${elixir.path}); check the shutdown timeouts of the supervision tree`,
        evidence: [{ path: elixir.path }],
      };
    }
    return found;
  },
  examples: {
    match: [
      '优雅关闭',
      'Graceful shutdown configured',
      'Graceful shutdown on SIGTERM',
      'Graceful shutdown handling',
      'Server drains connections on SIGTERM',
    ],
    noMatch: [
      'Graceful degradation when Redis is down',
      'Shutdown procedure documented for on-call',
      'Container runs as non-root',
    ],
    verdicts: [
      {
        files: {
          'cmd/server/main.go':
            'package main\n\nfunc main() {\n\tstop := make(chan os.Signal, 1)\n\tsignal.Notify(stop, syscall.SIGTERM, syscall.SIGINT)\n\t<-stop\n}\n',
        },
        item: 'Graceful shutdown on SIGTERM',
        verdict: 'pass',
      },
      {
        files: {
          'src/index.js': "import http from 'node:http';\nhttp.createServer(handler).listen(3000);\n",
        },
        item: 'Graceful shutdown configured',
        verdict: 'unknown',
      },
    ],
  },
};
