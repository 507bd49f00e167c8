import { describe, expect, it } from 'vitest';
import { k8sSecurityContext } from '../../../../src/core/rules/k8s/k8s-security-context.js';
import { judge, judgeOne } from '../../../support/rule-harness.js';
import { deployment, HARDENED_CONTAINER, HELM_CHART } from './fixtures.js';

const ITEM = 'securityContext: runAsNonRoot, readOnlyRootFilesystem and drop ALL capabilities';

describe('k8s.security-context', () => {
  it('checks each claim and passes a hardened container', async () => {
    const findings = await judge(
      k8sSecurityContext,
      { 'k8s/api.yaml': deployment('api', HARDENED_CONTAINER) },
      ITEM,
    );
    expect(findings.map((finding) => finding.verdict)).toEqual(['pass', 'pass', 'pass']);
  });

  it('fails the claims a container contradicts, pointing at the line', async () => {
    const container =
      '          securityContext:\n            runAsUser: 0\n            capabilities:\n              drop: [NET_RAW]\n';
    const findings = await judge(k8sSecurityContext, { 'k8s/api.yaml': deployment('api', container) }, ITEM);
    expect(findings.map((finding) => finding.verdict)).toEqual(['fail', 'fail', 'fail']);
    expect(findings[0]?.message).toBe(
      '1 of 1 containers without non-root user: Deployment/api container api runs as root (runAsUser: 0) (k8s/api.yaml:12)',
    );
    expect(findings[2]?.message).toContain('drops only NET_RAW, not ALL (k8s/api.yaml:14)');
  });

  it('leaves non-root undecided when neither the item nor the manifest names the setting (the image decides)', async () => {
    const findings = await judge(
      k8sSecurityContext,
      { 'k8s/api.yaml': deployment('api', '') },
      'Kubernetes pods run as non-root user',
    );
    expect(findings.map((finding) => finding.verdict)).toEqual(['unknown']);
  });

  it('stays unknown when the securityContext comes from empty Helm values', async () => {
    const findings = await judge(k8sSecurityContext, HELM_CHART, 'Helm chart: read-only root filesystem');
    expect(findings.map((finding) => finding.verdict)).toEqual(['unknown']);
  });
});

describe('k8s.security-context with a sidecar', () => {
  const manifest = [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: api',
    'spec:',
    '  template:',
    '    spec:',
    '      containers:',
    '        - name: api',
    '          image: api:1.0.0',
    '          securityContext:',
    '            readOnlyRootFilesystem: true',
    '        - name: log-shipper',
    '          image: fluent/fluent-bit:3.0.4',
    '',
  ].join('\n');

  it('is unknown when only some containers comply and the item does not say every container', async () => {
    const finding = await judgeOne(
      k8sSecurityContext,
      { 'k8s/app.yaml': manifest },
      'Kubernetes pods use a read-only root filesystem',
    );
    expect(finding.verdict).toBe('unknown');
    expect(finding.message).toMatch(/log-shipper/);
  });

  it('fails when the item says every container', async () => {
    const finding = await judgeOne(
      k8sSecurityContext,
      { 'k8s/app.yaml': manifest },
      'Every Kubernetes container has a read-only root filesystem',
    );
    expect(finding.verdict).toBe('fail');
  });
});
