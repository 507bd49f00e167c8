import { describe, expect, it } from 'vitest';
import { k8sProbes } from '../../../../src/core/rules/k8s/k8s-probes.js';
import { judgeOne } from '../../../support/rule-harness.js';
import { deployment, HARDENED_CONTAINER, HELM_CHART } from './fixtures.js';

const ITEM = 'Liveness and readiness probes configured';
const JOB = `apiVersion: batch/v1
kind: Job
metadata:
  name: migrate
spec:
  template:
    spec:
      containers:
        - name: migrate
          image: api:1
`;

describe('k8s.probes', () => {
  it('passes when long-running containers have both probes (jobs need none)', async () => {
    const finding = await judgeOne(
      k8sProbes,
      { 'k8s/api.yaml': deployment('api', HARDENED_CONTAINER), 'k8s/job.yaml': JOB },
      ITEM,
    );
    expect(finding.verdict).toBe('pass');
  });

  it('fails naming the container without a readiness probe', async () => {
    const container = '          livenessProbe:\n            tcpSocket: { port: 5432 }\n';
    const finding = await judgeOne(k8sProbes, { 'deploy/db.yaml': deployment('db', container) }, ITEM);
    expect(finding.verdict).toBe('fail');
    expect(finding.message).toBe(
      '1 of 2 container probes without liveness and readiness probes: Deployment/db container db has no readinessProbe (deploy/db.yaml:9)',
    );
  });

  it('stays unknown when the probe comes from empty Helm values', async () => {
    const finding = await judgeOne(k8sProbes, HELM_CHART, 'Liveness probe in the Helm chart');
    expect(finding.verdict).toBe('unknown');
  });

  it('stays unknown without manifests', async () => {
    const finding = await judgeOne(k8sProbes, { 'src/server.ts': "app.get('/healthz')" }, ITEM);
    expect(finding.verdict).toBe('unknown');
  });
});

describe('k8s.probes when only some containers have probes', () => {
  const files = {
    'k8s/api.yaml': deployment('api', HARDENED_CONTAINER),
    'k8s/worker.yaml': deployment('worker', ''),
  };

  it('fails when the item says every container', async () => {
    const finding = await judgeOne(k8sProbes, files, 'Liveness and readiness probes on all containers');
    expect(finding.verdict).toBe('fail');
  });

  it('stays unknown when the item may mean only the serving containers', async () => {
    const finding = await judgeOne(k8sProbes, files, ITEM);
    expect(finding.verdict).toBe('unknown');
    expect(finding.message).toBe(
      'Deployment/api container api define liveness and readiness probes, but Deployment/worker container worker has no livenessProbe (k8s/worker.yaml:9), Deployment/worker container worker has no readinessProbe (k8s/worker.yaml:9); the item does not say it means every container',
    );
  });
});
