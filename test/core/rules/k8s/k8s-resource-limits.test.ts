import { describe, expect, it } from 'vitest';
import { parseChecklist } from '../../../../src/core/parse/parse-checklist.js';
import { k8sResourceLimits } from '../../../../src/core/rules/k8s/k8s-resource-limits.js';
import { judgeOne } from '../../../support/rule-harness.js';
import { deployment, HARDENED_CONTAINER, HELM_CHART } from './fixtures.js';

const ITEM = 'K8s: CPU/memory requests and limits on every container';

describe('k8s.resource-limits', () => {
  it('passes when every container sets cpu and memory requests and limits', async () => {
    const finding = await judgeOne(
      k8sResourceLimits,
      { 'k8s/api.yaml': deployment('api', HARDENED_CONTAINER) },
      ITEM,
    );
    expect(finding).toMatchObject({
      verdict: 'pass',
      message: 'all 1 containers set resource requests and limits (k8s/api.yaml:11)',
    });
  });

  it('fails naming the container without limits, with its line', async () => {
    const files = {
      'k8s/api.yaml': deployment('api', HARDENED_CONTAINER),
      'k8s/worker.yaml': deployment(
        'worker',
        '          resources:\n            requests:\n              cpu: 50m\n',
      ),
    };
    const finding = await judgeOne(k8sResourceLimits, files, ITEM);
    expect(finding.verdict).toBe('fail');
    expect(finding.message).toBe(
      '1 of 2 containers without resource requests and limits: Deployment/worker container worker no memory request, no cpu limit, no memory limit (k8s/worker.yaml:11)',
    );
    expect(finding.evidence).toEqual([{ path: 'k8s/worker.yaml', line: 11 }]);
  });

  it('accepts LimitRange defaults for containers without their own limits', async () => {
    const limitRange =
      'apiVersion: v1\nkind: LimitRange\nmetadata: { name: defaults }\nspec:\n  limits:\n    - type: Container\n      default: { memory: 512Mi }\n';
    const finding = await judgeOne(
      k8sResourceLimits,
      { 'k8s/api.yaml': deployment('api', ''), 'k8s/limits.yaml': limitRange },
      'Resource limits on all Kubernetes pods',
    );
    expect(finding.verdict).toBe('pass');
  });

  it('stays unknown when a Helm chart takes resources from empty values', async () => {
    const finding = await judgeOne(k8sResourceLimits, HELM_CHART, 'Helm chart sets memory limits');
    expect(finding.verdict).toBe('unknown');
    expect(finding.message).toContain('depends on Helm values');
    expect(finding.evidence).toContainEqual({ path: 'charts/api/values.yaml', line: 2 });
  });

  it('stays unknown when the repository has no manifests', async () => {
    const finding = await judgeOne(k8sResourceLimits, { Dockerfile: 'FROM node:20\n' }, ITEM);
    expect(finding.verdict).toBe('unknown');
    expect(finding.message).toContain('no Kubernetes manifests in the repository');
  });
});

describe('k8s.resource-limits scope and context', () => {
  it('judges only the manifests under the checklist folder', async () => {
    const files = {
      'services/api/k8s/deploy.yaml': deployment('api', HARDENED_CONTAINER),
      'services/web/k8s/deploy.yaml': deployment('web', ''),
    };
    const finding = await judgeOne(k8sResourceLimits, files, ITEM, {
      checklistPath: 'services/api/READINESS.md',
    });
    expect(finding.verdict).toBe('pass');
  });

  it('takes its Kubernetes context from the section an item sits in', () => {
    const parsed = parseChecklist(
      'READINESS.md',
      '# Kubernetes\n\n- [x] Resource limits set\n\n# Compose\n\n- [x] Resource limits set\n',
    );
    expect(parsed.items.map((item) => k8sResourceLimits.match(item).length)).toEqual([1, 0]);
  });
});

describe('k8s.resource-limits under template conditions', () => {
  it('stays unknown for a container only rendered when values enable it', async () => {
    const files = {
      'chart/Chart.yaml': 'apiVersion: v2\nname: web\n',
      'chart/values.yaml': 'hooks: {}\n',
      'chart/templates/job.yaml': `{{- if and .Values.hooks .Values.hooks.enabled }}
apiVersion: batch/v1
kind: Job
metadata:
  name: hook
spec:
  template:
    spec:
      containers:
        - name: hook
          image: web
{{- end }}
`,
    };
    const finding = await judgeOne(k8sResourceLimits, files, ITEM);
    expect(finding.verdict).toBe('unknown');
    expect(finding.message).toContain('depends on if and .Values.hooks .Values.hooks.enabled');
  });
});
