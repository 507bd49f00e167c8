import { describe, expect, it } from 'vitest';
import { k8sResourceLimits } from '../../../../src/core/rules/k8s/k8s-resource-limits.js';
import { k8sResourceQuota } from '../../../../src/core/rules/k8s/k8s-resource-quota.js';
import { judgeOne, matches } from '../../../support/rule-harness.js';
import { deployment, HARDENED_CONTAINER } from './fixtures.js';

const LIMITED = deployment('api', HARDENED_CONTAINER);
const QUOTA =
  'apiVersion: v1\nkind: ResourceQuota\nmetadata:\n  name: team\nspec:\n  hard:\n    pods: "10"\n';

describe('k8s.resource-quota', () => {
  it('containers with limits do not prove a ResourceQuota: the item is unmet, not satisfied', async () => {
    const finding = await judgeOne(k8sResourceQuota, { 'deploy/k8s/api.yaml': LIMITED }, 'ResourceQuota', {
      checked: false,
    });
    expect(finding).toMatchObject({ verdict: 'fail', evidence: [{ path: 'deploy/k8s/api.yaml' }] });
    expect(finding.message).toContain('no ResourceQuota');
    // The per-container rule no longer claims the namespace object.
    expect(matches(k8sResourceLimits, 'Kubernetes: ResourceQuota per namespace')).toBe(false);
    expect(matches(k8sResourceLimits, 'Kubernetes: CPU and memory limits on every container')).toBe(true);
  });

  it('passes on a declared ResourceQuota, also inside a Helm template', async () => {
    const plain = await judgeOne(
      k8sResourceQuota,
      { 'deploy/k8s/api.yaml': LIMITED, 'deploy/k8s/quota.yaml': QUOTA },
      'Namespace resource quotas in place',
    );
    expect(plain).toMatchObject({ verdict: 'pass', evidence: [{ path: 'deploy/k8s/quota.yaml', line: 2 }] });
    const helm = await judgeOne(
      k8sResourceQuota,
      {
        'chart/Chart.yaml': 'apiVersion: v2\nname: app\nversion: 1.0.0\n',
        'chart/templates/limits.yaml':
          'apiVersion: v1\nkind: LimitRange\nmetadata:\n  name: {{ .Release.Name }}\nspec:\n  limits: []\n',
      },
      'LimitRange with default limits',
    );
    expect(helm).toMatchObject({ verdict: 'pass', evidence: [{ path: 'chart/templates/limits.yaml' }] });
  });

  it('without manifests: unknown when ticked, unmet when not', async () => {
    const files = { 'go.mod': 'module x\n' };
    expect((await judgeOne(k8sResourceQuota, files, 'ResourceQuota', { checked: true })).verdict).toBe(
      'unknown',
    );
    expect((await judgeOne(k8sResourceQuota, files, 'ResourceQuota', { checked: false })).verdict).toBe(
      'fail',
    );
  });
});
