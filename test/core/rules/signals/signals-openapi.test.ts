import { describe, expect, it } from 'vitest';
import { signalsOpenapi } from '../../../../src/core/rules/signals/signals-openapi.js';
import { judgeOne } from '../../../support/rule-harness.js';

describe('signals.openapi', () => {
  it('passes on a spec found by its content', async () => {
    const finding = await judgeOne(
      signalsOpenapi,
      { 'api/orders.yaml': 'openapi: 3.0.3\ninfo:\n  title: Orders\n  version: 1.0.0\npaths: {}\n' },
      'API documented with OpenAPI',
    );
    expect(finding).toMatchObject({ verdict: 'pass', evidence: [{ path: 'api/orders.yaml' }] });
  });

  it('passes on FastAPI, which serves OpenAPI by default', async () => {
    const finding = await judgeOne(
      signalsOpenapi,
      { 'app/main.py': 'from fastapi import FastAPI\n\napp = FastAPI(title="inventory")\n' },
      'API documentation (OpenAPI/Swagger)',
    );
    expect(finding.verdict).toBe('pass');
    expect(finding.message).toContain('FastAPI');
  });

  it('fails when neither a spec nor a generator exists', async () => {
    const finding = await judgeOne(
      signalsOpenapi,
      {
        'pom.xml': '<project><artifactId>orders</artifactId></project>\n',
        'src/main/java/App.java': 'class App {}\n',
      },
      'API documented with OpenAPI',
    );
    expect(finding.verdict).toBe('fail');
  });

  it('is unknown for generic API docs with no spec', async () => {
    const finding = await judgeOne(
      signalsOpenapi,
      { 'src/app.ts': 'export {};\n' },
      'API documentation complete',
    );
    expect(finding.verdict).toBe('unknown');
  });

  it('a spec does not prove documentation rendered from it into static HTML', async () => {
    const files = { 'docs/openapi.yaml': 'openapi: 3.0.0\ninfo: { title: API, version: "1" }\npaths: {}\n' };
    const rendered = await judgeOne(signalsOpenapi, files, 'Generate API docs from Swagger → static HTML', {
      checked: false,
    });
    expect(rendered).toMatchObject({ verdict: 'unknown', evidence: [{ path: 'docs/openapi.yaml' }] });
    expect(rendered.message).toContain('static HTML');
    expect((await judgeOne(signalsOpenapi, files, 'API documented with OpenAPI')).verdict).toBe('pass');
  });
});
