import { describe, expect, it } from 'vitest';
import { signalsPrometheusConfig } from '../../../../src/core/rules/signals/signals-prometheus-config.js';
import { judgeOne } from '../../../support/rule-harness.js';

const RULES = `groups:
  - name: api
    rules:
      - alert: HighErrorRate
        expr: sum(rate(http_requests_total{status=~"5.."}[5m])) > 1
`;

describe('signals.prometheus-config', () => {
  it('passes on a committed alert rule file', async () => {
    const finding = await judgeOne(
      signalsPrometheusConfig,
      { 'config/prometheus/rules/alerts.yml': RULES },
      'Alerting rules for error rate in Prometheus',
    );
    expect(finding).toMatchObject({
      verdict: 'pass',
      evidence: [{ path: 'config/prometheus/rules/alerts.yml', line: 4 }],
    });
  });

  it('passes on a scrape config', async () => {
    const finding = await judgeOne(
      signalsPrometheusConfig,
      {
        'config/prometheus/prometheus.yml':
          "scrape_configs:\n  - job_name: api\n    static_configs:\n      - targets: ['api:3000']\n",
      },
      'Configure Prometheus scraping',
    );
    expect(finding.verdict).toBe('pass');
  });

  it('fails Prometheus alert rules that are not committed', async () => {
    const finding = await judgeOne(
      signalsPrometheusConfig,
      { 'k8s/deployment.yaml': 'apiVersion: apps/v1\nkind: Deployment\n' },
      'Alerting rules for error rate in Prometheus',
      { checked: false },
    );
    expect(finding.verdict).toBe('fail');
  });

  it('is unknown for scrape configuration that may live with the monitoring stack', async () => {
    const finding = await judgeOne(
      signalsPrometheusConfig,
      { 'main.go': 'package main\n' },
      'Configure Prometheus scraping',
    );
    expect(finding.verdict).toBe('unknown');
  });
});
