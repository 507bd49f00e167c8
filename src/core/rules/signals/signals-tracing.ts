import { codeSignalsCollector } from '../../collectors/code-signals.js';
import type { Rule } from '../../rule.js';
import { judgeSignal, matchClaim, type SignalClaim } from './signal-evidence.js';

const TRACING =
  /\b(?:distributed )?tracing\b|\bopen[- ]?telemetry\b|\botel\b|\bjaeger\b|\bzipkin\b|\bdd-trace\b|\btraces? (?:exported|collected|propagated)\b/i;

export const signalsTracing: Rule<SignalClaim> = {
  id: 'signals.tracing',
  title: 'A tracing SDK (OpenTelemetry & co.) is wired into the code',
  why: 'Without traces, a slow request across services is guesswork; a tracing SDK that is only declared records nothing.',
  fix: 'Start the SDK before the app loads (`new NodeSDK({...}).start()` in an instrumentation file loaded with `--import`, `opentelemetry-instrument`, the Java agent).',
  recognises:
    '"tracing", "distributed tracing", OpenTelemetry/OTel, Jaeger, Zipkin or dd-trace in the item or a nested bullet.',
  needs: [codeSignalsCollector],
  match: (item) => matchClaim(item, TRACING, /\b(?:stack|error) trac|\btrack(?:ing)?\b(?!.*\btracing\b)/i),
  evaluate: (claim, ctx) => judgeSignal({ signal: 'tracing', what: 'tracing' }, claim, ctx),
  examples: {
    match: [
      'Tracing with OpenTelemetry wired in',
      'Distributed tracing with OpenTelemetry',
      'OpenTelemetry traces exported to the collector',
      'Request tracing (Jaeger)',
    ],
    noMatch: [
      '**Metrics Collection** - Real-time performance tracking',
      'Stack traces included in error reports',
      'Distributed tracing verified in production',
      'Error tracking with Sentry',
    ],
  },
};
