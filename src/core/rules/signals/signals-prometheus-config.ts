import { codeSignalsCollector } from '../../collectors/code-signals.js';
import type { Rule } from '../../rule.js';
import type { ChecklistItem } from '../../types.js';
import { at, matchClaim, ref, type SignalClaim, wiredInScope } from './signals-evidence.js';

interface PrometheusClaim extends SignalClaim {
  kind: 'scrape' | 'alerts';
}

const SCRAPE =
  /\bprometheus\b[^.]*\b(?:scrap\w*|config\w*|jobs?|targets?|set ?up)\b|\bscrape config\w*|\bServiceMonitor\b/i;
const ALERTS =
  /\balert(?:ing)? rules?\b|\bprometheus\b[^.]*\balert\w*|\balert\w*\b[^.]*\bprometheus\b|\bPrometheusRule\b/i;
const PROMETHEUS = /\bprometheus\b/i;

function claims(item: ChecklistItem): PrometheusClaim[] {
  const alerts = matchClaim(item, ALERTS, /\brunbooks?\b|\bPagerDuty\b|\bescalation\b/i).map((c) => ({
    ...c,
    kind: 'alerts' as const,
  }));
  if (alerts.length) return alerts;
  return matchClaim(item, SCRAPE, /\bmetrics\b/i).map((c) => ({ ...c, kind: 'scrape' as const }));
}

export const signalsPrometheusConfig: Rule<PrometheusClaim> = {
  id: 'signals.prometheus-config',
  title: 'Prometheus scrape configuration or alerting rules are committed',
  why: 'Alerts and scrape targets kept only in a console are lost with it and never reviewed.',
  fix: 'Commit `prometheus.yml` scrape configs / ServiceMonitors and alert rule files (`groups:` with `- alert:` entries, or a PrometheusRule).',
  recognises:
    '"alerting rules", "Prometheus alerts", "Prometheus scraping/configuration", ServiceMonitor or PrometheusRule; ' +
    'not Prometheus being installed, and not metrics in code (signals.metrics).',
  needs: [codeSignalsCollector],
  match: claims,
  evaluate(claim, ctx) {
    const signal = claim.kind === 'alerts' ? 'prometheus-alerts' : 'prometheus-scrape';
    const found = wiredInScope(ctx.get(codeSignalsCollector), signal, ctx.scope);
    const what = claim.kind === 'alerts' ? 'Prometheus alerting rules' : 'Prometheus scrape configuration';
    const first = found[0];
    if (first) {
      return {
        verdict: 'pass',
        message: `${what} at ${at(first)} (${first.excerpt.slice(0, 60)})`,
        evidence: found.slice(0, 3).map(ref),
      };
    }
    const looked = `no ${what} in YAML files${ctx.scope ? ` in ${ctx.scope}/` : ''} (looked for ${claim.kind === 'alerts' ? '`- alert:` rules and PrometheusRule' : '`scrape_configs:`, ServiceMonitor/PodMonitor and prometheus.io/scrape annotations'})`;
    // Scrape targets usually live with the monitoring stack; alert rules the item ties to Prometheus belong with the service.
    return claim.kind === 'alerts' && PROMETHEUS.test(claim.claim)
      ? { verdict: 'fail', message: looked, evidence: [] }
      : {
          verdict: 'unknown',
          message: `${looked}; they may live in the monitoring stack's repository`,
          evidence: [],
        };
  },
  examples: {
    match: [
      'Alerting rules for error rate in Prometheus',
      'Configure Prometheus scraping',
      '**Monitoring Dashboard** - Grafana/Prometheus setup',
      'Alert rules configured',
    ],
    noMatch: [
      'Prometheus installed and configured',
      'Runbooks linked in alerts',
      'Prometheus metrics collection',
    ],
    verdicts: [
      {
        files: {
          'config/prometheus/rules/alerts.yml':
            'groups:\n  - name: api\n    rules:\n      - alert: HighErrorRate\n        expr: sum(rate(http_requests_total{status=~"5.."}[5m])) > 1\n',
        },
        item: 'Alerting rules for error rate in Prometheus',
        verdict: 'pass',
      },
      {
        files: {
          'k8s/deployment.yaml': 'apiVersion: apps/v1\nkind: Deployment\n',
        },
        item: 'Alerting rules for error rate in Prometheus',
        verdict: 'fail',
      },
      {
        files: {
          'main.go': 'package main\n',
        },
        item: 'Configure Prometheus scraping',
        verdict: 'unknown',
      },
    ],
  },
};
