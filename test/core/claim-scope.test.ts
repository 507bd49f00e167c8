// Evidence must be about the claim's subject, in the claim's scope (real-world error classes
// measured by npm run eval:real-world): monorepo-relative paths, checklists kept in folders of
// documents, retired and example manifests, and feature claims with no known library.

import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/core/config.js';
import { evaluateRevision } from '../../src/core/engine.js';
import { MemoryRepo } from '../support/memory-repo.js';

async function statusesOf(files: Record<string, string>, checklistPath = 'READINESS.md') {
  const result = await evaluateRevision(new MemoryRepo(files, 'rev'), { config: DEFAULT_CONFIG });
  const checklist = result.checklists.find((one) => one.path === checklistPath);
  return (checklist?.items ?? []).map((item) => [
    item.status,
    item.checks.map((c) => `${c.rule}=${c.verdict}`),
  ]);
}

const DEPLOYMENT = (name: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          image: app:1.0.0\n`;
const NETPOL =
  'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: deny\nspec:\n  podSelector: {}\n';

describe('claims judged in their scope', () => {
  it('finds a path a root checklist cites relative to the app in a monorepo', async () => {
    const statuses = await statusesOf({
      'READINESS.md':
        '## Web\n- [x] Created `app/error.tsx` for client-side errors\n- [x] Created `app/robots.ts`\n',
      'apps/web/app/error.tsx': 'export default function Error() {}\n',
      'apps/web/package.json': '{}\n',
    });
    expect(statuses).toEqual([
      ['verified', ['ref.path-exists=pass']],
      ['unbacked', ['ref.path-exists=fail']],
    ]);
  });

  it('does not take a retired or example copy of a cited path for the real one', async () => {
    const statuses = await statusesOf({
      'READINESS.md': '- [x] Worker registry in `workers/index.ts`\n',
      'examples/demo/workers/index.ts': 'export {};\n',
    });
    expect(statuses).toEqual([['unbacked', ['ref.path-exists=fail']]]);
  });

  it('reads a checklist kept in a folder of documents as speaking for the project around it', async () => {
    const statuses = await statusesOf(
      {
        'archive/reports-2026/CHECKLIST.md': '- [x] OpenAPI specification\n',
        'api/openapi.yaml': 'openapi: 3.0.0\n',
        'main.go': 'package main\n',
      },
      'archive/reports-2026/CHECKLIST.md',
    );
    expect(statuses).toEqual([['verified', ['signals.openapi=pass']]]);
  });

  it('reads a folder of documents and generated reports (coverage profiles, .out) as documents', async () => {
    const statuses = await statusesOf(
      {
        'archive/reports-2026/CHECKLIST.md':
          '- [x] OpenAPI specification\n- [x] Docker Compose configuration\n',
        'archive/reports-2026/coverage_security': 'mode: set\nexample.com/x/a.go:1.1,2.2 1 1\n',
        'archive/reports-2026/bench.out': 'BenchmarkX 100 ns/op\n',
        'api/openapi.yaml': 'openapi: 3.0.0\n',
        'deployments/docker/docker-compose.yml': 'services:\n  app:\n    build: ../..\n',
        'main.go': 'package main\n',
      },
      'archive/reports-2026/CHECKLIST.md',
    );
    expect(statuses).toEqual([
      ['verified', ['signals.openapi=pass']],
      ['verified', ['compose.file-present=pass']],
    ]);
  });

  it('climbs past an archive of old code to the project a document folder describes', async () => {
    const pdb =
      'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: api\nspec:\n  minAvailable: 2\n';
    const statuses = await statusesOf(
      {
        'archive/reports-2026/CHECKLIST.md': '- [x] PodDisruptionBudget\n',
        'archive/old-agent/k8s/deployment.yaml': DEPLOYMENT('agent'),
        'archive/old-agent/main.go': 'package main\n',
        'deployments/kubernetes/deployment.yaml': DEPLOYMENT('api'),
        'deployments/kubernetes/pdb.yaml': pdb,
        'main.go': 'package main\n',
      },
      'archive/reports-2026/CHECKLIST.md',
    );
    expect(statuses).toEqual([['verified', ['k8s.pdb=pass']]]);
  });

  it('ignores NetworkPolicies in example and archived folders when judging production manifests', async () => {
    const files = {
      'READINESS.md': '- [ ] NetworkPolicy restricting pod traffic\n',
      'deploy/k8s/deployment.yaml': DEPLOYMENT('api'),
      'archive/examples/k8s/netpol.yaml': NETPOL,
    };
    const [status] = await statusesOf(files);
    expect(status?.[0]).not.toBe('satisfied');
    const withReal = await statusesOf({ ...files, 'deploy/k8s/netpol.yaml': NETPOL });
    expect(withReal[0]?.[0]).toBe('satisfied');
  });

  it('does not call hand-written security headers and limiters unbacked for want of a known library', async () => {
    const statuses = await statusesOf({
      'READINESS.md': '- [x] Security headers (HSTS, X-Frame-Options)\n- [x] Rate limiting on the API\n',
      'app.rb': "before do\n  headers 'X-Frame-Options' => 'DENY'\nend\n",
      'web/index.js': "console.log('frontend');\n",
    });
    for (const [status] of statuses) expect(status).not.toBe('unbacked');
  });
});

describe('documentation claims', () => {
  it('passes a topic a document or heading covers, and leaves an undocumented one unknown', async () => {
    const statuses = await statusesOf({
      'READINESS.md':
        '- [x] Architecture overview\n- [ ] Rollback procedures documented\n- [x] Disaster recovery procedures\n',
      'docs/ARCHITECTURE.md': '# Architecture\n',
      'README.md': '# Shop\n\n## Rollback\n\nRedeploy the previous image tag.\n',
    });
    expect(statuses).toEqual([
      ['verified', ['signals.topic-documented=pass']],
      ['satisfied', ['signals.topic-documented=pass']],
      ['inconclusive', ['signals.topic-documented=unknown']],
    ]);
  });
});
