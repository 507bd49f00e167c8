import { codeSignalsCollector } from '../../collectors/code-signals.js';
import { extractRoutes } from '../../extract/routes.js';
import type { EvalContext, Rule } from '../../rule.js';
import type { Finding } from '../../types.js';
import { judgeSignal, librariesNamed, matchBehaviourClaim, type SignalClaim } from './signals-evidence.js';

const METRICS =
  /\bprometheus\b[^.]*\bmetrics?\b|\bmetrics?\b[^.]*\bprometheus\b|\bmetrics? (?:collection|endpoint|exporter|instrumentation|exposed)\b|\b(?:application|app|service|http|request) metrics\b|\bprom-client\b|\bmicrometer\b/i;
/** Infrastructure metrics and business KPIs are not what a metrics client library shows. */
const NOT_APP_METRICS =
  /\b(?:node[- ]exporter|cadvisor|system|container|host|custom|business|success)\b|\/\w/i;

/** The item claims a scraper can reach the endpoint, not only that metrics are exported. */
const REACHABLE = /\breachable\b|\baccessible\b|\bscrap(?:e|ed|able|ing)\b|\bpublicly\b/i;

/**
 * Spring Security on the classpath puts every Actuator endpoint behind a login unless a security
 * configuration permits it: "reachable" then depends on code this rule does not read.
 */
function behindSpringSecurity(finding: Finding, ctx: EvalContext): Finding {
  if (!/Spring Boot Actuator/.test(finding.message)) return finding;
  const security = ctx
    .get(codeSignalsCollector)
    .declared.find((dependency) => dependency.name === 'spring-boot-starter-security');
  if (!security) return finding;
  return {
    verdict: 'unknown',
    message: `${finding.message}; but Spring Security is declared at ${security.path}:${security.line}, which requires a login for every endpoint its configuration does not permit, so whether a scraper reaches it is not shown`,
    evidence: [...finding.evidence, { path: security.path, line: security.line }],
  };
}

export const signalsMetrics: Rule<SignalClaim> = {
  id: 'signals.metrics',
  title: 'The service exports metrics through a Prometheus client library',
  why: 'Without application metrics, dashboards and alerts have nothing to read about request rates, errors and latency.',
  fix: 'Add a Prometheus client (prom-client, prometheus_client, client_golang, PromEx, micrometer-registry-prometheus) and expose its registry.',
  recognises:
    '"Prometheus metrics", "metrics collection", "metrics endpoint", "application metrics", prom-client or Micrometer; ' +
    'items that name a route (`/metrics`) are left to http.route-served, infrastructure metrics (node-exporter) are not matched.',
  needs: [codeSignalsCollector],
  match(item) {
    if (extractRoutes(item).length) return [];
    return matchBehaviourClaim(item, METRICS, NOT_APP_METRICS);
  },
  evaluate(claim, ctx) {
    const finding = judgeSignal(
      {
        signal: 'metrics',
        what: 'metrics',
        // Metrics may go to StatsD, Datadog or CloudWatch: only a named Prometheus client is missing for sure.
        failWhenAbsent: (text, named) => named.length > 0 || librariesNamed('metrics', text).length > 0,
      },
      claim,
      ctx,
    );
    return finding.verdict === 'pass' && REACHABLE.test(claim.claim)
      ? behindSpringSecurity(finding, ctx)
      : finding;
  },
  examples: {
    match: [
      'Prometheus metrics collection',
      'Metrics collection (Prometheus-compatible)',
      'Prometheus metrics exposed',
      'Application metrics instrumented with prom-client',
    ],
    noMatch: [
      'Metrics endpoint (/api/metrics)',
      'Application metrics exposed on `/metrics`',
      'System metrics collected (node-exporter)',
      'Custom business metrics defined',
      'Performance metrics collection active',
    ],
    verdicts: [
      {
        files: {
          'src/metrics.ts':
            "import client from 'prom-client';\nclient.collectDefaultMetrics();\napp.get('/metrics', async (_req, res) => res.end(await client.register.metrics()));\n",
        },
        item: 'Metrics collection (Prometheus-compatible)',
        verdict: 'pass',
      },
      {
        files: {
          'src/metrics.ts': "import client from 'prom-client';\nclient.collectDefaultMetrics();\n",
        },
        item: 'Metrics endpoint for Prometheus',
        verdict: 'unknown',
      },
      {
        files: {
          'lib/app.ex': 'defmodule App do\nend\n',
          'mix.exs': 'defp deps do\n  [{:phoenix, "~> 1.7"}]\nend\n',
        },
        item: 'Prometheus metrics collection',
        verdict: 'fail',
      },
    ],
  },
};
