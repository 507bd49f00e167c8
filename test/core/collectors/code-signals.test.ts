import { describe, expect, it } from 'vitest';
import { codeSignalsCollector } from '../../../src/core/collectors/code-signals.js';
import { DEFAULT_CONFIG } from '../../../src/core/config.js';
import { collectEvidence, createRepoView } from '../../../src/core/evidence.js';
import { MemoryRepo } from '../../support/memory-repo.js';

async function collect(files: Record<string, string>) {
  return collectEvidence(codeSignalsCollector, await createRepoView(new MemoryRepo(files)), DEFAULT_CONFIG);
}

describe('code-signals collector', () => {
  it('keeps declared dependencies apart from wired ones, with manifest lines', async () => {
    const signals = await collect({
      'package.json':
        '{\n  "dependencies": {\n    "@sentry/node": "^8.0.0",\n    "@opentelemetry/sdk-node": "^0.53.0"\n  }\n}\n',
      'src/server.ts': "import * as Sentry from '@sentry/node';\n",
    });
    expect(signals.declared.map((d) => [d.signal, d.name, d.line])).toEqual([
      ['error-tracking', '@sentry/node', 3],
      ['tracing', '@opentelemetry/sdk-node', 4],
    ]);
    expect(signals.wired.map((w) => [w.signal, w.path, w.line, w.how])).toEqual([
      ['error-tracking', 'src/server.ts', 1, 'import'],
    ]);
  });

  it('reads manifests of every ecosystem', async () => {
    const signals = await collect({
      'requirements.txt': 'structlog==24.4.0  # logs\n',
      'pyproject.toml': '[project]\ndependencies = ["sentry-sdk>=2"]\n',
      'go.mod': 'module x\n\nrequire (\n\tgo.uber.org/zap v1.27.0\n)\n',
      'mix.exs': 'defp deps do\n  [{:sentry, "~> 10.0"}, {:hammer, "~> 6.0"}]\nend\n',
      'pom.xml': '<dependency><artifactId>micrometer-registry-prometheus</artifactId></dependency>\n',
      'build.gradle.kts': 'implementation("io.github.resilience4j:resilience4j-ratelimiter:2.2.0")\n',
      'Cargo.toml': '[package]\nname = "x"\n\n[dependencies]\nsentry = "0.34"\n',
    });
    expect(signals.declared.map((d) => `${d.path}:${d.line} ${d.library}`).sort()).toEqual([
      'Cargo.toml:5 Sentry',
      'build.gradle.kts:1 Resilience4j RateLimiter',
      'go.mod:4 zap',
      'mix.exs:2 Hammer',
      'mix.exs:2 Sentry',
      'pom.xml:1 Micrometer Prometheus registry',
      'pyproject.toml:2 Sentry',
      'requirements.txt:1 structlog',
    ]);
  });

  it('skips vendored and minified code and marks test files', async () => {
    const signals = await collect({
      'node_modules/pino/index.js': "require('pino');\n",
      'dist/app.min.js': "require('pino');\n",
      'src/app.test.ts': "import pino from 'pino';\n",
    });
    expect(signals.wired).toEqual([expect.objectContaining({ path: 'src/app.test.ts', test: true })]);
  });

  it('records string-built SQL and open CORS but never throws on malformed manifests', async () => {
    const signals = await collect({
      'package.json': '{ not json',
      'src/db.js': 'db.query("SELECT * FROM users WHERE id = " + req.params.id);\napp.use(cors());\n',
      'main.go': 'q := fmt.Sprintf("SELECT * FROM t WHERE name = \'%s\'", name)\n',
    });
    expect(signals.declared).toEqual([]);
    expect(signals.stringBuiltSql.map((s) => `${s.path}:${s.line}`)).toEqual(['main.go:1', 'src/db.js:1']);
    expect(signals.openCors.map((s) => `${s.path}:${s.line}`)).toEqual(['src/db.js:2']);
  });
});
