import { describe, expect, it } from 'vitest';
import { signalsGrafanaDashboards } from '../../../../src/core/rules/signals/signals-grafana-dashboards.js';
import { judge, judgeOne } from '../../../support/rule-harness.js';

describe('signals.grafana-dashboards', () => {
  it('passes on dashboard JSON with panels', async () => {
    const finding = await judgeOne(
      signalsGrafanaDashboards,
      {
        'monitoring/grafana/dashboards/api.json':
          '{\n  "title": "API latency",\n  "panels": [\n    { "type": "timeseries", "title": "p95" }\n  ]\n}\n',
      },
      'Grafana dashboard for checkout latency',
    );
    expect(finding).toMatchObject({
      verdict: 'pass',
      evidence: [{ path: 'monitoring/grafana/dashboards/api.json', line: 3 }],
    });
    expect(finding.message).toContain('"API latency"');
  });

  it('fails when no dashboard JSON is committed', async () => {
    const finding = await judgeOne(
      signalsGrafanaDashboards,
      { 'grafana/datasources.json': '{ "datasources": [] }\n' },
      'Grafana dashboard for checkout latency',
      { checked: false },
    );
    expect(finding.verdict).toBe('fail');
  });

  it('checks the nested bullet under a bold parent once', async () => {
    const findings = await judge(
      signalsGrafanaDashboards,
      { 'src/index.ts': 'export {};\n' },
      '**Monitoring & Observability**\n  - Prometheus metrics collection\n  - Grafana dashboards',
    );
    expect(findings).toHaveLength(1);
  });
});
