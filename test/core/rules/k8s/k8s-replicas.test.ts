import { describe, expect, it } from 'vitest';
import { k8sReplicas } from '../../../../src/core/rules/k8s/k8s-replicas.js';
import { judgeOne } from '../../../support/rule-harness.js';
import { deployment, HELM_CHART } from './fixtures.js';

const ITEM = 'Kubernetes deployment runs at least 2 replicas';

describe('k8s.replicas', () => {
  it('passes when replicas, or an HPA minimum, reach the number', async () => {
    const hpa =
      'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: { name: worker }\nspec:\n  scaleTargetRef: { kind: Deployment, name: worker }\n  minReplicas: 2\n  maxReplicas: 5\n';
    const files = {
      'k8s/api.yaml': deployment('api', '', '  replicas: 3\n'),
      'k8s/worker.yaml': deployment('worker', ''),
      'k8s/hpa.yaml': hpa,
    };
    const finding = await judgeOne(k8sReplicas, files, ITEM);
    expect(finding.verdict).toBe('pass');
  });

  it('fails naming the workload that defaults to one replica', async () => {
    const finding = await judgeOne(k8sReplicas, { 'k8s/api.yaml': deployment('api', '') }, ITEM);
    expect(finding.verdict).toBe('fail');
    expect(finding.message).toBe(
      '1 of 1 workloads without at least 2 replicas: Deployment/api sets no replicas (defaults to 1) (k8s/api.yaml:2)',
    );
  });

  it('stays unknown when only values.yaml sets too few replicas', async () => {
    const finding = await judgeOne(k8sReplicas, HELM_CHART, 'Multiple pod replicas for high availability');
    expect(finding.verdict).toBe('unknown');
    expect(finding.evidence).toContainEqual({ path: 'charts/api/values.yaml', line: 1 });
  });
});

describe('k8s.replicas with Kustomize overlays', () => {
  const base = {
    'deploy/base/deployment.yaml': deployment('api', ''),
    'deploy/base/kustomization.yaml': 'resources: [deployment.yaml]\n',
  };

  it('counts the replicas an overlay sets with the replicas field', async () => {
    const files = {
      ...base,
      'deploy/prod/kustomization.yaml': 'resources: [../base]\nreplicas:\n  - name: api\n    count: 3\n',
    };
    const finding = await judgeOne(k8sReplicas, files, ITEM);
    expect(finding).toMatchObject({
      verdict: 'pass',
      evidence: [{ path: 'deploy/prod/kustomization.yaml', line: 3 }],
    });
  });

  it('stays unknown when an inline patch it cannot read targets the workload', async () => {
    const overlay =
      'resources: [../base]\npatches:\n  - target: { kind: Deployment, name: api }\n    patch: |-\n      - op: replace\n        path: /spec/replicas\n        value: 3\n';
    const finding = await judgeOne(k8sReplicas, { ...base, 'deploy/prod/kustomization.yaml': overlay }, ITEM);
    expect(finding.verdict).toBe('unknown');
    expect(finding.message).toContain(
      'unless the Kustomize patch at deploy/prod/kustomization.yaml:3 sets it',
    );
  });
});
