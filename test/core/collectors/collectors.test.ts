import { describe, expect, it } from 'vitest';
import { envDocsCollector } from '../../../src/core/collectors/env-docs.js';
import { envReadsCollector } from '../../../src/core/collectors/env-reads.js';
import { httpRoutesCollector } from '../../../src/core/collectors/http-routes.js';
import { makefilesCollector } from '../../../src/core/collectors/makefiles.js';
import { packageScriptsCollector } from '../../../src/core/collectors/package-scripts.js';
import { DEFAULT_CONFIG } from '../../../src/core/config.js';
import { collectEvidence, createRepoView, EvidenceStore } from '../../../src/core/evidence.js';
import { MemoryRepo } from '../../support/memory-repo.js';

const view = (files: Record<string, string>, exclude: string[] = []) =>
  createRepoView(new MemoryRepo(files), exclude);

describe('references collectors', () => {
  it('never throw on malformed files and record what they could not read', async () => {
    const repo = await view({
      'package.json': '{ "scripts": ',
      'docker-compose.yml': 'services: [unclosed',
      Makefile: ':::\n\t\n',
      'src/app.ts': 'process.env.',
    });
    expect(
      (await collectEvidence(packageScriptsCollector, repo, DEFAULT_CONFIG)).manifests[0]?.problem,
    ).toMatch(/not valid JSON/);
    // Env docs take Compose facts from the compose collector, which names the file it could not parse.
    const store = new EvidenceStore(repo, DEFAULT_CONFIG);
    await store.load([envDocsCollector]);
    expect(store.unparsable().map((entry) => entry.path)).toEqual(['docker-compose.yml']);
    await expect(collectEvidence(makefilesCollector, repo, DEFAULT_CONFIG)).resolves.toBeDefined();
    await expect(collectEvidence(httpRoutesCollector, repo, DEFAULT_CONFIG)).resolves.toBeDefined();
  });

  it('takes documented variables from the compose and Kubernetes facts', async () => {
    const repo = await view({
      'docker-compose.yml':
        'services:\n  api:\n    image: api\n    environment:\n      - DATABASE_URL=postgres://x\n',
      'charts/api/Chart.yaml': 'apiVersion: v2\nname: api\n',
      'charts/api/values.yaml': 'image: api\n',
      'charts/api/templates/deployment.yaml': [
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata:',
        '  name: {{ .Release.Name }}',
        'spec:',
        '  template:',
        '    spec:',
        '      containers:',
        '        - name: api',
        '          image: {{ .Values.image }}',
        '          env:',
        '            - name: REDIS_URL',
        '              value: {{ .Values.redis | quote }}',
      ].join('\n'),
      // A test fixture is not the deployment: the Kubernetes rules skip it, and so do env docs.
      'tests/k8s/pod.yaml':
        'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: t\n      env:\n        - name: FIXTURE_ONLY\n',
    });
    const docs = await collectEvidence(envDocsCollector, repo, DEFAULT_CONFIG);
    expect(docs.documented.get('DATABASE_URL')).toEqual([
      { path: 'docker-compose.yml', line: 5, excerpt: '- DATABASE_URL= …', kind: 'compose' },
    ]);
    expect(docs.documented.get('REDIS_URL')?.[0]).toMatchObject({
      path: 'charts/api/templates/deployment.yaml',
      line: 12,
      kind: 'kubernetes',
    });
    expect(docs.documented.has('FIXTURE_ONLY')).toBe(false);
  });

  it('skips vendored, minified and excluded files', async () => {
    const repo = await view(
      {
        'node_modules/x/index.js': 'process.env.VENDORED_VAR',
        'public/app.min.js': 'process.env.MINIFIED_VAR',
        'src/big.js': `${'x'.repeat(6000)}\nprocess.env.LONG_LINE_VAR`,
        'legacy/old.ts': 'process.env.EXCLUDED_VAR',
        'src/ok.ts': 'process.env.KEPT_VAR',
      },
      ['legacy/**'],
    );
    // `exclude` is applied once, by the view every collector reads through.
    const reads = await collectEvidence(envReadsCollector, repo, DEFAULT_CONFIG);
    expect([...reads.reads.keys()]).toEqual(['KEPT_VAR']);
  });
});
