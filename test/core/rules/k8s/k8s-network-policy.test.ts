import { describe, expect, it } from 'vitest';
import { k8sNetworkPolicy } from '../../../../src/core/rules/k8s/k8s-network-policy.js';
import { judgeOne } from '../../../support/rule-harness.js';
import { deployment } from './fixtures.js';

const DENY = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny
spec:
  podSelector: {}
  policyTypes: [Ingress]
`;
const ALLOW = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: allow-web
spec:
  podSelector:
    matchLabels: { app: api }
  ingress:
    - from: [{ podSelector: { matchLabels: { app: web } } }]
`;
const ITEM = 'Kubernetes: default deny NetworkPolicy in every namespace';

describe('k8s.network-policy', () => {
  it('passes a default-deny policy', async () => {
    const finding = await judgeOne(k8sNetworkPolicy, { 'k8s/netpol.yaml': `${DENY}---\n${ALLOW}` }, ITEM);
    expect(finding).toMatchObject({
      verdict: 'pass',
      message: 'NetworkPolicy default-deny denies ingress traffic by default (k8s/netpol.yaml:2)',
    });
  });

  it('fails when no policy denies by default', async () => {
    const finding = await judgeOne(k8sNetworkPolicy, { 'k8s/netpol.yaml': ALLOW }, ITEM);
    expect(finding.verdict).toBe('fail');
    expect(finding.message).toContain('none of 1 NetworkPolicies denies by default');
  });

  it('fails when the manifests have no NetworkPolicy, passes any policy for a plain claim', async () => {
    expect(
      (await judgeOne(k8sNetworkPolicy, { 'k8s/a.yaml': deployment('a', '') }, 'Network policies configured'))
        .verdict,
    ).toBe('fail');
    expect(
      (await judgeOne(k8sNetworkPolicy, { 'k8s/n.yaml': ALLOW }, 'Network policies configured')).verdict,
    ).toBe('pass');
  });

  it('stays unknown when only a Cilium policy exists', async () => {
    const cilium =
      'apiVersion: cilium.io/v2\nkind: CiliumNetworkPolicy\nmetadata:\n  name: lockdown\nspec: {}\n';
    const finding = await judgeOne(k8sNetworkPolicy, { 'k8s/cilium.yaml': cilium }, ITEM);
    expect(finding.verdict).toBe('unknown');
  });
});
