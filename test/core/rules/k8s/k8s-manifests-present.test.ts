import { describe, expect, it } from 'vitest';
import { k8sManifestsPresent } from '../../../../src/core/rules/k8s/k8s-manifests-present.js';
import { judge, judgeOne } from '../../../support/rule-harness.js';
import { deployment } from './fixtures.js';

const ITEM = 'Kubernetes manifests (Deployments, Services, Ingress, ConfigMaps, Secrets, HPAs, PDBs)';
const DEPLOYMENT = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\n';
const SERVICE = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: api\n';

describe('k8s.manifests-present', () => {
  it('passes when every listed kind is committed', async () => {
    const finding = await judgeOne(
      k8sManifestsPresent,
      {
        'k8s/app.yaml': [
          DEPLOYMENT,
          SERVICE,
          'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: { name: api }\n',
          'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: api }\n',
          'apiVersion: bitnami.com/v1alpha1\nkind: SealedSecret\nmetadata: { name: api }\n',
          'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: { name: api }\n',
          'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: { name: api }\n',
        ].join('---\n'),
      },
      ITEM,
    );
    expect(finding.verdict).toBe('pass');
    expect(finding.message).toContain('Deployment (k8s/app.yaml:2)');
    expect(finding.message).toContain('Secret (k8s/app.yaml:');
  });

  it('fails naming the kinds that are missing', async () => {
    const finding = await judgeOne(
      k8sManifestsPresent,
      { 'k8s/app.yaml': `${DEPLOYMENT}---\n${SERVICE}` },
      ITEM,
    );
    expect(finding.verdict).toBe('fail');
    expect(finding.message).toBe(
      'no Ingress, ConfigMap, Secret, HorizontalPodAutoscaler, PodDisruptionBudget among the Kubernetes manifests in the repository (found Deployment, Service)',
    );
    expect(finding.evidence[0]).toEqual({ path: 'k8s/app.yaml', line: 2, excerpt: 'kind: Deployment' });
  });

  it('fails saying where it looked when there are no manifests at all', async () => {
    const finding = await judgeOne(k8sManifestsPresent, { 'docker-compose.yml': 'services: {}\n' }, ITEM);
    expect(finding.verdict).toBe('fail');
    expect(finding.message).toContain('none of 1 YAML files has apiVersion and kind');
    expect(finding.evidence.map((ref) => ref.path)).toContain('k8s/');
  });

  it('stays unknown for a deployment claim when the manifests may live elsewhere', async () => {
    const finding = await judgeOne(
      k8sManifestsPresent,
      { 'src/index.ts': '' },
      'Service deployed to Kubernetes',
    );
    expect(finding.verdict).toBe('unknown');
  });

  it('counts kinds from Helm templates and files it could not parse', async () => {
    const finding = await judgeOne(
      k8sManifestsPresent,
      {
        'charts/api/Chart.yaml': 'apiVersion: v2\nname: api\n',
        'charts/api/templates/deployment.yaml': `${DEPLOYMENT}spec:\n  replicas: {{ .Values.replicas | default 2 }}\n`,
        'charts/api/templates/service.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: [oops\n',
      },
      'Helm chart (Deployments, Services)',
    );
    expect(finding.verdict).toBe('pass');
    expect(finding.message).toContain('Helm chart charts/api/Chart.yaml');
  });

  it('an item that is only kind names, under a Kubernetes heading, claims those kinds', async () => {
    const files = {
      'deploy/k8s/app.yaml': `${deployment('api', '')}---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: api\ndata: {}\n`,
    };
    const heading = 'K8s 部署配置';
    const configMap = await judgeOne(k8sManifestsPresent, files, 'ConfigMap', { heading });
    expect(configMap).toMatchObject({ verdict: 'pass' });
    expect(configMap.message).toContain('ConfigMap (deploy/k8s/app.yaml');
    const secret = await judgeOne(k8sManifestsPresent, files, 'Secret / ServiceAccount', {
      heading,
      checked: false,
    });
    expect(secret.verdict).toBe('fail');
    expect(secret.message).toContain('no Secret, ServiceAccount among');
    // Elsewhere, "Deployment" is the act of deploying.
    expect(await judge(k8sManifestsPresent, files, 'Deployment', { heading: 'Release process' })).toEqual([]);
  });
});
