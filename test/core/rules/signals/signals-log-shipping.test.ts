import { describe, expect, it } from 'vitest';
import { signalsLogShipping } from '../../../../src/core/rules/signals/signals-log-shipping.js';
import { signalsStructuredLogging } from '../../../../src/core/rules/signals/signals-structured-logging.js';
import { judgeOne, matches } from '../../../support/rule-harness.js';

const logger = "import pino from 'pino';\nexport const log = pino();\n";

describe('signals.log-shipping', () => {
  it('is unknown when only a logging library is in the code: writing logs is not shipping them', async () => {
    const finding = await judgeOne(
      signalsLogShipping,
      { 'src/log.ts': logger, 'docker-compose.yml': 'services:\n  api:\n    image: node:22\n' },
      'Log aggregation (ELK stack)',
    );
    expect(finding.verdict).toBe('unknown');
    expect(finding.message).toContain('pino at src/log.ts:1 writes logs, which does not ship them');
  });

  it('passes on a shipper configuration file and on a shipper deployed by compose', async () => {
    const config = await judgeOne(
      signalsLogShipping,
      { 'src/log.ts': logger, 'deploy/fluent-bit/fluent-bit.conf': '[OUTPUT]\n    Name loki\n' },
      'Centralized logging with Fluent Bit',
    );
    expect(config).toMatchObject({
      verdict: 'pass',
      evidence: [{ path: 'deploy/fluent-bit/fluent-bit.conf' }],
    });
    const compose = await judgeOne(
      signalsLogShipping,
      {
        'docker-compose.yml':
          'services:\n  api:\n    image: node:22\n  promtail:\n    image: grafana/promtail:3.0.0\n  loki:\n    image: grafana/loki:3.0.0\n',
      },
      'Logs shipped to Loki via Promtail',
    );
    expect(compose).toMatchObject({
      verdict: 'pass',
      evidence: [
        { path: 'docker-compose.yml', line: 5 },
        { path: 'docker-compose.yml', line: 7 },
      ],
    });
  });

  it('passes on a compose logging driver that sends logs off the host, not on json-file', async () => {
    const shipping = await judgeOne(
      signalsLogShipping,
      {
        'docker-compose.yml':
          'services:\n  api:\n    image: node:22\n    logging:\n      driver: awslogs\n      options:\n        awslogs-group: api\n',
      },
      'Centralized logging configured',
    );
    expect(shipping).toMatchObject({ verdict: 'pass', evidence: [{ path: 'docker-compose.yml', line: 5 }] });
    const local = await judgeOne(
      signalsLogShipping,
      {
        'docker-compose.yml':
          'services:\n  api:\n    image: node:22\n    logging:\n      driver: json-file\n',
      },
      'Centralized logging configured',
    );
    expect(local.verdict).toBe('unknown');
  });

  it('keeps a named shipper apart from another, and an example stack apart from production', async () => {
    const other = await judgeOne(
      signalsLogShipping,
      { 'ops/vector.toml': '[sources.docker]\ntype = "docker_logs"\n' },
      'Log forwarding with Fluentd',
    );
    expect(other.verdict).toBe('unknown');
    expect(other.message).toBe(
      'the item names Fluentd, but the log shipping found is Vector config at ops/vector.toml',
    );
    const example = await judgeOne(
      signalsLogShipping,
      { 'examples/observability/docker-compose.yaml': 'services:\n  loki:\n    image: grafana/loki:3.0.0\n' },
      'Log aggregation with Loki',
    );
    expect(example.verdict).toBe('unknown');
    expect(example.message).toMatch(/^log shipping appears only outside production paths/);
  });

  it('leaves shipping claims to this rule and log format claims to structured logging', () => {
    expect(matches(signalsStructuredLogging, 'Logs shipped to Logstash')).toBe(false);
    expect(matches(signalsStructuredLogging, 'Structured JSON logs shipped to Loki')).toBe(true);
    expect(matches(signalsLogShipping, 'Structured JSON logs shipped to Loki')).toBe(true);
    expect(matches(signalsLogShipping, 'Structured logging (logstash-logback-encoder)')).toBe(false);
  });
});
