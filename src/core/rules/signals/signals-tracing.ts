import { codeSignalsCollector } from '../../collectors/code-signals.js';
import type { Rule } from '../../rule.js';
import { judgeSignal, matchBehaviourClaim, type SignalClaim, wiredInScope } from './signals-evidence.js';

/** Packages, imports and settings that start OpenTelemetry rather than just call its API. */
const OTEL_SDK =
  /\bsdk\b|sdk[-_/]|[-_/]sdk|exporter|otlp|auto[-_]?instrument|distro|javaagent|spring-boot-starter|bridge|NodeSDK|TracerProvider|opentelemetry-instrument|OpenTelemetry\.Extensions/i;

const TRACING =
  /\b(?:distributed )?tracing\b|\bopen[- ]?telemetry\b|\botel\b|\bjaeger\b|\bzipkin\b|\bdd-trace\b|\btraces? (?:exported|collected|propagated)\b|链路追踪|分布式追踪/i;

export const signalsTracing: Rule<SignalClaim> = {
  id: 'signals.tracing',
  title: 'A tracing SDK (OpenTelemetry & co.) is wired into the code',
  why: 'Without traces, a slow request across services is guesswork; a tracing SDK that is only declared records nothing.',
  fix: 'Start the SDK before the app loads (`new NodeSDK({...}).start()` in an instrumentation file loaded with `--import`, `opentelemetry-instrument`, the Java agent).',
  recognises:
    '"tracing", "distributed tracing", OpenTelemetry/OTel, Jaeger, Zipkin or dd-trace in the item or a nested bullet.',
  needs: [codeSignalsCollector],
  match: (item) =>
    matchBehaviourClaim(item, TRACING, /\b(?:stack|error) trac|\btrack(?:ing)?\b(?!.*\btracing\b)/i),
  evaluate(claim, ctx) {
    const found = judgeSignal({ signal: 'tracing', what: 'tracing' }, claim, ctx);
    if (found.verdict !== 'pass') return found;
    // The OpenTelemetry API is a no-op until an SDK (or an agent) is started: spans created
    // against the API alone record nothing. Installed is not working.
    const signals = ctx.get(codeSignalsCollector);
    const otelOnly = wiredInScope(signals, 'tracing', ctx.scope).every(
      (hit) => hit.library === 'OpenTelemetry' && hit.how === 'import',
    );
    // An SDK declared in a manifest but imported nowhere starts nothing either: it must be
    // imported, or loaded by an agent or a --require flag, to count.
    const sdk = signals.wired.some(
      (hit) => hit.signal === 'tracing' && !hit.test && OTEL_SDK.test(hit.excerpt ?? ''),
    );
    if (!otelOnly || sdk) return found;
    const declared = signals.declared.find(
      (dep) => dep.library === 'OpenTelemetry' && OTEL_SDK.test(dep.name),
    );
    return {
      verdict: 'unknown',
      message: `${found.message.replace(/^tracing: /, '')}, but no OpenTelemetry SDK, exporter or agent is started${declared ? ` (${declared.name} is declared at ${declared.path}:${declared.line} and imported nowhere)` : ''}, and the API alone records nothing`,
      evidence: found.evidence,
    };
  },
  examples: {
    match: [
      '分布式链路追踪',
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
    verdicts: [
      {
        files: {
          'package.json':
            '{\n  "name": "portal",\n  "dependencies": { "express": "^4.21.0", "@opentelemetry/sdk-node": "^0.53.0" }\n}\n',
          'src/instrumentation.ts':
            "import { NodeSDK } from '@opentelemetry/sdk-node';\n\nnew NodeSDK({ serviceName: 'portal' }).start();\n",
        },
        item: 'Tracing with OpenTelemetry wired in',
        verdict: 'pass',
      },
      {
        files: {
          'package.json':
            '{\n  "name": "portal",\n  "dependencies": { "express": "^4.21.0", "@opentelemetry/sdk-node": "^0.53.0" }\n}\n',
          'src/server.ts': "import express from 'express';\nconst app = express();\n",
        },
        item: 'Tracing with OpenTelemetry wired in',
        verdict: 'fail',
      },
    ],
  },
};
