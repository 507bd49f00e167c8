import { describe, expect, it } from 'vitest';
import { signalsMetrics } from '../../../../src/core/rules/signals/signals-metrics.js';
import { judgeOne } from '../../../support/rule-harness.js';

const POM = `<project>
  <dependencies>
    <dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-actuator</artifactId></dependency>
    <dependency><groupId>io.micrometer</groupId><artifactId>micrometer-registry-prometheus</artifactId></dependency>
  </dependencies>
</project>
`;

describe('signals.metrics', () => {
  it('passes when the Actuator prometheus endpoint is exposed', async () => {
    const finding = await judgeOne(
      signalsMetrics,
      {
        'pom.xml': POM,
        'src/main/java/App.java': 'class App {}\n',
        'src/main/resources/application.yml':
          'management:\n  endpoints:\n    web:\n      exposure:\n        include: health,prometheus\n',
      },
      'Prometheus metrics exposed',
    );
    expect(finding.verdict).toBe('pass');
    expect(finding.evidence[0]).toMatchObject({ path: 'src/main/resources/application.yml', line: 5 });
  });

  it('passes when a handler exposes the prom-client registry', async () => {
    const finding = await judgeOne(
      signalsMetrics,
      {
        'src/metrics.ts':
          "import client from 'prom-client';\nclient.collectDefaultMetrics();\napp.get('/metrics', async (_req, res) => res.end(await client.register.metrics()));\n",
      },
      'Metrics collection (Prometheus-compatible)',
    );
    expect(finding).toMatchObject({ verdict: 'pass', evidence: [{ path: 'src/metrics.ts', line: 3 }] });
  });

  it('is unknown when prom-client is imported and collects but no handler exposes it', async () => {
    const finding = await judgeOne(
      signalsMetrics,
      { 'src/metrics.ts': "import client from 'prom-client';\nclient.collectDefaultMetrics();\n" },
      'Metrics endpoint for Prometheus',
    );
    expect(finding.verdict).toBe('unknown');
    expect(finding.message).toMatch(/^prom-client is imported at src\/metrics\.ts:1 but never applied/);
  });

  it('passes a Go service that serves promhttp.Handler, not one that only imports the client', async () => {
    const served = await judgeOne(
      signalsMetrics,
      {
        'main.go':
          'package main\n\nimport (\n\t"net/http"\n\t"github.com/prometheus/client_golang/prometheus/promhttp"\n)\n\nfunc main() {\n\thttp.Handle("/metrics", promhttp.Handler())\n}\n',
      },
      'Prometheus metrics exposed',
    );
    expect(served).toMatchObject({ verdict: 'pass', evidence: [{ path: 'main.go', line: 9 }] });
    const imported = await judgeOne(
      signalsMetrics,
      {
        'main.go':
          'package main\n\nimport "github.com/prometheus/client_golang/prometheus"\n\nvar hits = prometheus.NewCounter(prometheus.CounterOpts{Name: "hits"})\n',
      },
      'Prometheus metrics exposed',
    );
    expect(imported.verdict).toBe('unknown');
  });

  it('is unknown when the registry is declared but not exposed', async () => {
    const finding = await judgeOne(
      signalsMetrics,
      { 'pom.xml': POM, 'src/main/java/App.java': 'class App {}\n' },
      'Prometheus metrics exposed',
    );
    expect(finding.verdict).toBe('unknown');
    expect(finding.message).toContain('micrometer-registry-prometheus is declared at pom.xml:4');
  });

  it('fails a Prometheus claim with no client anywhere', async () => {
    const finding = await judgeOne(
      signalsMetrics,
      { 'lib/app.ex': 'defmodule App do\nend\n', 'mix.exs': 'defp deps do\n  [{:phoenix, "~> 1.7"}]\nend\n' },
      'Prometheus metrics collection',
    );
    expect(finding.verdict).toBe('fail');
  });

  it('is unknown for a generic metrics claim with no client (metrics may go elsewhere)', async () => {
    const finding = await judgeOne(
      signalsMetrics,
      { 'main.go': 'package main\n' },
      'Application metrics instrumented',
    );
    expect(finding.verdict).toBe('unknown');
  });
});

const SPRING_POM = (security: boolean) => `<project>
  <dependencies>
    <dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-actuator</artifactId></dependency>
    <dependency><groupId>io.micrometer</groupId><artifactId>micrometer-registry-prometheus</artifactId></dependency>
${security ? '    <dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-security</artifactId></dependency>\n' : ''}  </dependencies>
</project>
`;
const APPLICATION =
  'management:\n  endpoints:\n    web:\n      exposure:\n        include: health,prometheus\n';

describe('signals.metrics: a reachable Actuator endpoint', () => {
  it('passes without Spring Security, and is unknown behind it', async () => {
    const open = { 'pom.xml': SPRING_POM(false), 'src/main/resources/application.yml': APPLICATION };
    expect((await judgeOne(signalsMetrics, open, 'Prometheus metrics endpoint reachable')).verdict).toBe(
      'pass',
    );
    const guarded = { ...open, 'pom.xml': SPRING_POM(true) };
    const finding = await judgeOne(signalsMetrics, guarded, 'Prometheus metrics endpoint reachable');
    expect(finding.verdict).toBe('unknown');
    expect(finding.message).toMatch(/Spring Security is declared at pom\.xml:5/);
    // Exporting metrics is not reaching them: that claim still passes.
    expect((await judgeOne(signalsMetrics, guarded, 'Prometheus metrics exposed')).verdict).toBe('pass');
  });
});
