import { describe, expect, it } from 'vitest';
import { k8sPodSecurityLabels } from '../../../../src/core/rules/k8s/k8s-pod-security-labels.js';
import { judgeOne } from '../../../support/rule-harness.js';
import { deployment } from './fixtures.js';

const namespace = (level: string) =>
  `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: prod\n  labels:\n    pod-security.kubernetes.io/enforce: ${level}\n`;
const ITEM = 'Pod Security Standards enforced (restricted)';

describe('k8s.pod-security-labels', () => {
  it('passes a namespace enforcing restricted', async () => {
    const finding = await judgeOne(k8sPodSecurityLabels, { 'k8s/ns.yaml': namespace('restricted') }, ITEM);
    expect(finding.verdict).toBe('pass');
  });

  it('fails a namespace enforcing a weaker profile', async () => {
    const finding = await judgeOne(k8sPodSecurityLabels, { 'k8s/ns.yaml': namespace('baseline') }, ITEM);
    expect(finding).toMatchObject({
      verdict: 'fail',
      message:
        '1 of 1 namespaces without pod-security enforce restricted: Namespace/prod enforces baseline (k8s/ns.yaml:6)',
    });
  });

  it('stays unknown when no Namespace manifest is committed', async () => {
    const finding = await judgeOne(k8sPodSecurityLabels, { 'k8s/api.yaml': deployment('api', '') }, ITEM);
    expect(finding.verdict).toBe('unknown');
  });
});
