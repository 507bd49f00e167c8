import { codeSignalsCollector } from '../../collectors/code-signals.js';
import type { Rule } from '../../rule.js';
import { at, matchClaim, ref, type SignalClaim, wiredInScope } from './signals-evidence.js';

const GRAFANA_DASHBOARD = /\bgrafana\b[^.]*\bdashboards?\b|\bdashboards?\b[^.]*\bgrafana\b/i;

export const signalsGrafanaDashboards: Rule<SignalClaim> = {
  id: 'signals.grafana-dashboards',
  title: 'Grafana dashboards are committed as JSON',
  why: 'Dashboards built by hand in a UI drift and disappear; committed JSON is reviewed and restorable.',
  fix: 'Export the dashboard JSON (with its "panels") into the repository, e.g. `monitoring/grafana/dashboards/service.json`, and provision it.',
  recognises:
    'Grafana together with "dashboard(s)" in the item or a nested bullet; not Grafana being installed.',
  needs: [codeSignalsCollector],
  match: (item) => matchClaim(item, GRAFANA_DASHBOARD),
  evaluate(_claim, ctx) {
    const found = wiredInScope(ctx.get(codeSignalsCollector), 'grafana-dashboard', ctx.scope);
    const first = found[0];
    if (first) {
      return {
        verdict: 'pass',
        message: `Grafana ${first.excerpt} at ${at(first)}${found.length > 1 ? ` and ${found.length - 1} more` : ''}`,
        evidence: found.slice(0, 3).map(ref),
      };
    }
    return {
      verdict: 'fail',
      message: `no Grafana dashboard JSON (a file under a grafana/ or dashboards path with "panels")${ctx.scope ? ` in ${ctx.scope}/` : ''}`,
      evidence: [],
    };
  },
  examples: {
    match: [
      'Grafana dashboards',
      'Set up Grafana dashboards',
      'Grafana dashboard for checkout latency',
      '**Monitoring Dashboard** - Grafana/Prometheus setup',
    ],
    noMatch: [
      'Grafana installed and configured',
      'Generate secure passwords for Redis and Grafana',
      'System metrics dashboard created',
    ],
    verdicts: [
      {
        files: {
          'monitoring/grafana/dashboards/api.json':
            '{\n  "title": "API latency",\n  "panels": [\n    { "type": "timeseries", "title": "p95" }\n  ]\n}\n',
        },
        item: 'Grafana dashboard for checkout latency',
        verdict: 'pass',
      },
      {
        files: {
          'grafana/datasources.json': '{ "datasources": [] }\n',
        },
        item: 'Grafana dashboard for checkout latency',
        verdict: 'fail',
      },
    ],
  },
};
