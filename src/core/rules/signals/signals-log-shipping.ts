import { codeSignalsCollector, type SignalHit } from '../../collectors/code-signals.js';
import { inScope, isNonProductionPath } from '../../evidence.js';
import type { Rule } from '../../rule.js';
import { at, matchClaim, ref, type SignalClaim } from './signals-evidence.js';

/** Claims that logs leave the process for a shipper or aggregator, not that the app logs well. */
const LOG_SHIPPING =
  /\blogs?\s+(?:shipping|shipper|forwarding|forwarder|aggregation|aggregator|pipeline)\b|\b(?:centrali[sz]ed|aggregated)\s+log(?:s|ging)?\b|\blogs?\s+(?:are\s+)?(?:shipped|forwarded|aggregated|collected|sent|streamed)\s+(?:to|into|via|with)\b|\b(?:ELK|EFK)\b|\bfluent[- ]?(?:d|bit)\b|\bpromtail\b|\bfilebeat\b|\bloki\b|\blogstash\b(?![- ](?:logback|encoder))/i;

/** Shippers and aggregators an item may name, each with how its evidence is labelled. */
const TOOLS: { mention: RegExp; library: RegExp; shown: string }[] = [
  { mention: /\bfluent-?d\b|\bEFK\b/i, library: /fluentd/i, shown: 'Fluentd' },
  { mention: /\bfluent[- ]?bit\b/i, library: /fluent bit/i, shown: 'Fluent Bit' },
  { mention: /\bvector\b/i, library: /vector/i, shown: 'Vector' },
  { mention: /\bpromtail\b/i, library: /promtail/i, shown: 'Promtail' },
  { mention: /\blogstash\b|\bELK\b/i, library: /logstash|elastic/i, shown: 'Logstash' },
  { mention: /\bfilebeat\b/i, library: /filebeat|elastic/i, shown: 'Filebeat' },
  { mention: /\bloki\b/i, library: /loki|promtail|alloy/i, shown: 'Loki' },
  {
    mention: /\belastic(?:search)?\b|\bkibana\b/i,
    library: /elastic|logstash|filebeat|kibana/i,
    shown: 'Elasticsearch',
  },
];

export const signalsLogShipping: Rule<SignalClaim> = {
  id: 'signals.log-shipping',
  title: 'A log shipping or aggregation pipeline is configured or deployed',
  why: 'Logs left on a container’s stdout disappear with it; an incident needs them shipped somewhere searchable.',
  fix: 'Commit the shipper’s configuration (fluent-bit.conf, vector.toml, promtail.yaml, logstash.conf, filebeat.yml) or its deployment (a compose service, a DaemonSet, Helm values), or a compose logging driver that ships.',
  recognises:
    '"log shipping", "log aggregation", "centralized logging", "logs shipped to …", ELK/EFK, Fluentd, Fluent Bit, Promtail, Filebeat, Logstash, Loki; ' +
    'a logging library in the code is not a pipeline.',
  needs: [codeSignalsCollector],
  match: (item) => matchClaim(item, LOG_SHIPPING),
  evaluate(claim, ctx) {
    const signals = ctx.get(codeSignalsCollector);
    const anywhere = signals.wired.filter(
      (hit) => hit.signal === 'log-shipping' && !hit.test && inScope(hit.path, ctx.scope),
    );
    // Example stacks and local overlays do not speak for production.
    const found = anywhere.filter((hit) => !isNonProductionPath(hit.path));
    const elsewhere = anywhere.find((hit) => isNonProductionPath(hit.path));
    if (!found.length && elsewhere) {
      return {
        verdict: 'unknown',
        message: `log shipping appears only outside production paths: ${elsewhere.library} at ${at(elsewhere)}`,
        evidence: [ref(elsewhere)],
      };
    }
    const named = TOOLS.filter((tool) => tool.mention.test(claim.claim));
    const fits = named.length
      ? found.filter((hit) => named.some((tool) => tool.library.test(hit.library)))
      : found;
    if (fits.length) {
      const first = fits[0] as SignalHit;
      return {
        verdict: 'pass',
        message: `log shipping: ${first.library} at ${at(first)}${fits.length > 1 ? ` (and ${fits.length - 1} more)` : ''}`,
        evidence: fits.slice(0, 3).map(ref),
      };
    }
    if (found.length) {
      const first = found[0] as SignalHit;
      return {
        verdict: 'unknown',
        message: `the item names ${named.map((tool) => tool.shown).join('/')}, but the log shipping found is ${first.library} at ${at(first)}`,
        evidence: [ref(first)],
      };
    }
    const logger = signals.wired.find(
      (hit) => hit.signal === 'structured-logging' && !hit.test && inScope(hit.path, ctx.scope),
    );
    const note = logger ? `; ${logger.library} at ${at(logger)} writes logs, which does not ship them` : '';
    return {
      verdict: 'unknown',
      message: `no log shipper configuration or deployment in the repository (looked for Fluentd, Fluent Bit, Vector, Promtail, Logstash, Filebeat and Loki files, their images in compose and Kubernetes files, and compose logging drivers)${note}; shipping set up outside the repository cannot be ruled out`,
      evidence: logger ? [ref(logger)] : [],
    };
  },
  examples: {
    match: [
      'Log aggregation (ELK stack)',
      'Centralized logging configured',
      'Logs shipped to Loki via Promtail',
      'Fluent Bit forwards container logs',
    ],
    noMatch: [
      'Structured logging with pino',
      'Structured JSON logging (logstash-logback-encoder)',
      'Log levels configurable via LOG_LEVEL',
      'Centralized logging verified in production',
    ],
    verdicts: [
      {
        files: {
          'src/log.ts': "import pino from 'pino';\nexport const log = pino();\n",
          'deploy/fluent-bit/fluent-bit.conf': '[OUTPUT]\n    Name loki\n',
        },
        item: 'Centralized logging with Fluent Bit',
        verdict: 'pass',
      },
      {
        files: {
          'src/log.ts': "import pino from 'pino';\nexport const log = pino();\n",
          'docker-compose.yml': 'services:\n  api:\n    image: node:22\n',
        },
        item: 'Log aggregation (ELK stack)',
        verdict: 'unknown',
      },
    ],
  },
};
