import { describe, expect, it } from 'vitest';
import { k8sHpa } from '../../../../src/core/rules/k8s/k8s-hpa.js';
import { judgeOne } from '../../../support/rule-harness.js';
import { deployment } from './fixtures.js';

const HPA = `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: api
spec:
  scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: api }
  minReplicas: 2
  maxReplicas: 4
  metrics:
    - type: Resource
      resource:
        name: cpu
        target: { type: Utilization, averageUtilization: 70 }
`;

describe('k8s.hpa', () => {
  it('passes when an HPA scales as the item says', async () => {
    const finding = await judgeOne(
      k8sHpa,
      { 'k8s/hpa.yaml': HPA },
      'HPA configured: 2–4 replicas at 70% CPU',
    );
    expect(finding).toMatchObject({
      verdict: 'pass',
      message: 'HorizontalPodAutoscaler/api at k8s/hpa.yaml:2 scales min 2, max 4, 70% CPU',
    });
  });

  it('fails naming the numbers that differ', async () => {
    const finding = await judgeOne(
      k8sHpa,
      { 'k8s/hpa.yaml': HPA },
      'Horizontal Pod Autoscaler: min 3, max 10, CPU at 60%',
    );
    expect(finding.verdict).toBe('fail');
    expect(finding.message).toBe(
      'HorizontalPodAutoscaler/api has minReplicas 2 at k8s/hpa.yaml:7, not 3, maxReplicas 4 at k8s/hpa.yaml:8, not 10, CPU target % 70 at k8s/hpa.yaml:13, not 60',
    );
  });

  it('fails when manifests exist but none is an HPA', async () => {
    const finding = await judgeOne(
      k8sHpa,
      { 'k8s/api.yaml': deployment('api', '') },
      'Auto-scaling configured (if K8s/cloud)',
    );
    expect(finding.verdict).toBe('fail');
    expect(finding.message).toBe(
      'no HorizontalPodAutoscaler among 1 Kubernetes manifest files in the repository (k8s/api.yaml)',
    );
  });

  it('stays unknown when the chart switches the HPA off by default', async () => {
    const files = {
      'charts/api/Chart.yaml': 'apiVersion: v2\nname: api\n',
      'charts/api/values.yaml': 'autoscaling:\n  enabled: false\n  minReplicas: 2\n',
      'charts/api/templates/hpa.yaml': `{{- if .Values.autoscaling.enabled }}\n${HPA.replace('minReplicas: 2', 'minReplicas: {{ .Values.autoscaling.minReplicas }}')}{{- end }}\n`,
    };
    const finding = await judgeOne(k8sHpa, files, 'HPA with min 2 replicas');
    expect(finding.verdict).toBe('unknown');
    expect(finding.message).toContain('off with default values (if .Values.autoscaling.enabled)');
  });

  it('stays unknown without manifests', async () => {
    const finding = await judgeOne(k8sHpa, { 'main.go': 'package main' }, 'HPA configured');
    expect(finding.verdict).toBe('unknown');
  });

  it('"with custom metrics": a named custom metric is unknown (nothing shows it is exported), CPU only fails', async () => {
    const custom = `${HPA}    - type: Pods
      pods:
        metric: { name: queue_saturation_ratio }
        target: { type: AverageValue, averageValue: "0.7" }
`;
    const files = { 'k8s/api.yaml': deployment('api', '') };
    const named = await judgeOne(k8sHpa, { ...files, 'k8s/hpa.yaml': custom }, 'HPA with custom metrics');
    expect(named).toMatchObject({ verdict: 'unknown', evidence: [{ path: 'k8s/hpa.yaml', line: 16 }] });
    expect(named.message).toContain('queue_saturation_ratio');
    const cpuOnly = await judgeOne(k8sHpa, { ...files, 'k8s/hpa.yaml': HPA }, 'HPA with custom metrics');
    expect(cpuOnly).toMatchObject({ verdict: 'fail', evidence: [{ path: 'k8s/hpa.yaml', line: 2 }] });
  });
});
