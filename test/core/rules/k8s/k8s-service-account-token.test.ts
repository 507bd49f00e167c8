import { describe, expect, it } from 'vitest';
import { k8sServiceAccountToken } from '../../../../src/core/rules/k8s/k8s-service-account-token.js';
import { judgeOne } from '../../../support/rule-harness.js';

const ITEM = 'automountServiceAccountToken disabled for all pods';
const pod = (spec: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: api\nspec:\n${spec}  containers:\n    - name: api\n      image: api:1\n`;

describe('k8s.service-account-token', () => {
  it('passes when the pod turns automounting off', async () => {
    const finding = await judgeOne(
      k8sServiceAccountToken,
      { 'k8s/pod.yaml': pod('  automountServiceAccountToken: false\n') },
      ITEM,
    );
    expect(finding).toMatchObject({ verdict: 'pass', evidence: [{ path: 'k8s/pod.yaml', line: 6 }] });
  });

  it('fails a pod that mounts the default token', async () => {
    const finding = await judgeOne(k8sServiceAccountToken, { 'k8s/pod.yaml': pod('') }, ITEM);
    expect(finding.verdict).toBe('fail');
    expect(finding.message).toContain('Pod/api mounts the default token');
  });

  it('stays unknown when a named ServiceAccount may switch it off', async () => {
    const finding = await judgeOne(
      k8sServiceAccountToken,
      { 'k8s/pod.yaml': pod('  serviceAccountName: api\n') },
      ITEM,
    );
    expect(finding.verdict).toBe('unknown');
  });
});

describe('k8s.service-account-token through the ServiceAccount', () => {
  const account = (automount: string) =>
    `apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: api\n${automount}`;

  it('passes when the ServiceAccount the pod uses disables automounting', async () => {
    const files = {
      'k8s/pod.yaml': pod('  serviceAccountName: api\n'),
      'k8s/sa.yaml': account('automountServiceAccountToken: false\n'),
    };
    const finding = await judgeOne(k8sServiceAccountToken, files, ITEM);
    expect(finding).toMatchObject({ verdict: 'pass', evidence: [{ path: 'k8s/sa.yaml', line: 5 }] });
  });

  it('fails when that ServiceAccount keeps the default', async () => {
    const files = { 'k8s/pod.yaml': pod('  serviceAccountName: api\n'), 'k8s/sa.yaml': account('') };
    const finding = await judgeOne(k8sServiceAccountToken, files, ITEM);
    expect(finding.verdict).toBe('fail');
    expect(finding.message).toContain('uses ServiceAccount api, which mounts its token (k8s/sa.yaml:2)');
  });
});
