import { codeSignalsCollector } from '../../collectors/code-signals.js';
import type { Rule } from '../../rule.js';
import { judgeSignal, matchBehaviourClaim, type SignalClaim } from './signals-evidence.js';

const STRUCTURED_LOGGING =
  /\bstructured\b[^.]*\blog|\bjson\b[^.]*\blog|\blog\w*\b[^.]*\b(?:json|structured)\b|\blog\w*\b[^.]*\b(?:pino|winston|bunyan|structlog|zap|zerolog|logrus|slog|logstash)\b|\b(?:pino|winston|bunyan|structlog|zerolog|logrus)\b|结构化日志/i;

/**
 * Where logs go, how much and for how long, is not how they are written: shipping and aggregation
 * claims belong to signals.log-shipping unless they also say the logs are structured or JSON.
 */
const NOT_LOG_FORMAT =
  /\bcentrali[sz]ed\b|\baggregat|\bLOG_LEVEL\b|\bretention\b|^(?!.*\b(?:structured|json)\b).*(?:\bship|\bforward|\bELK\b|\bEFK\b|\bfluent|\bpromtail\b|\bfilebeat\b|\bloki\b|\blogstash\b(?![- ](?:logback|encoder)))/i;

export const signalsStructuredLogging: Rule<SignalClaim> = {
  id: 'signals.structured-logging',
  title: 'Logs are structured (JSON) through a logging library',
  why: 'Plain-text logs cannot be queried by field; incidents take longer when every search is a regex.',
  fix: 'Log through a structured logger (pino, winston, structlog, zap, slog, LoggerJSON, logstash-logback-encoder) that writes JSON.',
  recognises:
    '"structured logging", "JSON logging" or a structured logger by name (pino, winston, bunyan, structlog, zap, ' +
    'zerolog, logrus, slog); not centralised log shipping, log levels or audit logging.',
  needs: [codeSignalsCollector],
  match: (item) => matchBehaviourClaim(item, STRUCTURED_LOGGING, NOT_LOG_FORMAT),
  evaluate: (claim, ctx) =>
    judgeSignal({ signal: 'structured-logging', what: 'structured logging' }, claim, ctx),
  examples: {
    match: [
      '结构化日志 (JSON)',
      'Structured logging system',
      'Structured JSON logging',
      'Structured logging (zap)',
      'Logs written as JSON with pino',
    ],
    noMatch: [
      'Centralized logging configured',
      '`LOG_LEVEL=info` - Appropriate logging level',
      '**Audit Logging** - All critical actions logged',
      'Request/response logging',
      'Logs shipped to Logstash',
    ],
    verdicts: [
      {
        files: {
          'src/index.js': "import Fastify from 'fastify';\n\nconst app = Fastify({ logger: true });\n",
        },
        item: 'Structured JSON logging',
        verdict: 'pass',
      },
      {
        files: {
          'main.go': 'package main\n\nimport "github.com/rs/zerolog/log"\n',
        },
        item: 'Structured logging (zap)',
        verdict: 'unknown',
      },
    ],
  },
};
