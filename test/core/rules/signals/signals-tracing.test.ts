import { describe, expect, it } from 'vitest';
import { signalsTracing } from '../../../../src/core/rules/signals/signals-tracing.js';
import { judgeOne } from '../../../support/rule-harness.js';

const pkg =
  '{\n  "name": "portal",\n  "dependencies": { "express": "^4.21.0", "@opentelemetry/sdk-node": "^0.53.0" }\n}\n';

describe('signals.tracing', () => {
  it('fails "wired in" when the SDK is declared in package.json but never imported', async () => {
    const finding = await judgeOne(
      signalsTracing,
      { 'package.json': pkg, 'src/server.ts': "import express from 'express';\nconst app = express();\n" },
      'Tracing with OpenTelemetry wired in',
    );
    expect(finding.verdict).toBe('fail');
    expect(finding.message).toBe(
      '@opentelemetry/sdk-node is declared at package.json:3 but never imported in 1 source files: declared, not wired in',
    );
    expect(finding.evidence).toEqual([
      { path: 'package.json', line: 3, excerpt: expect.stringContaining('@opentelemetry') },
    ]);
  });

  it('passes when the SDK is started in code', async () => {
    const finding = await judgeOne(
      signalsTracing,
      {
        'package.json': pkg,
        'src/instrumentation.ts':
          "import { NodeSDK } from '@opentelemetry/sdk-node';\n\nnew NodeSDK({ serviceName: 'portal' }).start();\n",
      },
      'Tracing with OpenTelemetry wired in',
    );
    expect(finding.verdict).toBe('pass');
    expect(finding.evidence[0]).toMatchObject({ path: 'src/instrumentation.ts', line: 1 });
  });

  it('passes when the SDK is loaded with --require in a package script', async () => {
    const finding = await judgeOne(
      signalsTracing,
      {
        'package.json':
          '{\n  "scripts": {\n    "start": "node --require @opentelemetry/auto-instrumentations-node/register dist/main.js"\n  },\n  "dependencies": { "@opentelemetry/auto-instrumentations-node": "^0.50.0" }\n}\n',
        'src/main.ts': 'console.log(1);\n',
      },
      'Distributed tracing with OpenTelemetry',
    );
    expect(finding.verdict).toBe('pass');
  });

  it('is unknown for a vaguer claim when the SDK is only declared', async () => {
    const finding = await judgeOne(
      signalsTracing,
      {
        'go.mod': 'module example.com/api\n\ngo 1.22\n\nrequire go.opentelemetry.io/otel v1.28.0\n',
        'main.go': 'package main\n',
      },
      'Distributed tracing with OpenTelemetry',
    );
    expect(finding.verdict).toBe('unknown');
    expect(finding.evidence[0]).toMatchObject({ path: 'go.mod', line: 5 });
  });

  it('fails when nothing declares or imports a tracer', async () => {
    const finding = await judgeOne(
      signalsTracing,
      {
        'pom.xml': '<project><artifactId>orders</artifactId></project>\n',
        'src/main/java/App.java': 'class App {}\n',
      },
      'Distributed tracing with OpenTelemetry',
    );
    expect(finding.verdict).toBe('fail');
  });

  it('is unknown when only the OpenTelemetry API is imported and no SDK starts it (installed is not working)', async () => {
    const files = {
      'go.mod': 'module shop\n\nrequire go.opentelemetry.io/otel v1.24.0\n',
      'internal/api/handler.go':
        'package api\n\nimport "go.opentelemetry.io/otel"\n\nvar tracer = otel.Tracer("api")\n',
    };
    const apiOnly = await judgeOne(signalsTracing, files, 'Distributed tracing');
    expect(apiOnly.verdict).toBe('unknown');
    expect(apiOnly.message).toContain('no OpenTelemetry SDK, exporter or agent');
    const withSdk = await judgeOne(
      signalsTracing,
      {
        ...files,
        'cmd/main.go':
          'package main\n\nimport sdktrace "go.opentelemetry.io/otel/sdk/trace"\n\nfunc main() { sdktrace.NewTracerProvider() }\n',
      },
      'Distributed tracing',
    );
    expect(withSdk.verdict).toBe('pass');
  });

  it('is unknown when the SDK is declared in package.json but only the API is imported: declared is not started', async () => {
    const finding = await judgeOne(
      signalsTracing,
      {
        'package.json': pkg,
        'src/orders.ts':
          "import { trace } from '@opentelemetry/api';\nconst tracer = trace.getTracer('orders');\nexport const place = () => tracer.startActiveSpan('place', (span) => span.end());\n",
      },
      'Distributed tracing with OpenTelemetry',
    );
    expect(finding.verdict).toBe('unknown');
    expect(finding.message).toContain('no OpenTelemetry SDK, exporter or agent is started');
  });
});
