import { kubernetesCollector } from '../../collectors/kubernetes.js';
import type { Rule } from '../../rule.js';
import { notDoneWhenUnticked } from '../unticked.js';
import {
  containersOf,
  dependsOnValues,
  hasManifests,
  inKubernetesContext,
  itemText,
  type Judged,
  noManifests,
  selectManifests,
  summarise,
  withPatches,
} from './k8s-evidence.js';

export interface ResourcesClaim {
  requests: boolean;
  limits: boolean;
  /** Resources the item names; empty means any resource counts. */
  resources: ('cpu' | 'memory')[];
}

const RESOURCES =
  /\b(resource|cpu|memory|mem)(\s*(\/|and|&)\s*(cpu|memory|mem))?\s*(requests?|limits?|quotas?)\b|\brequests?\s*(and|&|\/)\s*limits?\b|\blimits?\s*(and|&|\/)\s*requests?\b/i;

export const k8sResourceLimits: Rule<ResourcesClaim> = {
  id: 'k8s.resource-limits',
  title: 'Every Kubernetes container sets resource requests and limits',
  why: 'Without requests the scheduler packs pods blindly; without limits one leaking container can starve or OOM-kill its neighbours.',
  fix: 'Set resources.requests and resources.limits (cpu, memory) on every container, e.g. requests: {cpu: 100m, memory: 128Mi}, limits: {memory: 256Mi}; or a LimitRange with defaults in the namespace.',
  recognises:
    'Items about resource/CPU/memory requests or limits in a Kubernetes context (the item, its parents or its section mention Kubernetes, k8s, pods, Helm...).',
  needs: [kubernetesCollector],
  match(item) {
    const text = itemText(item);
    // A ResourceQuota or LimitRange is a namespace object (k8s.resource-quota), not container settings.
    const perContainer = text.replace(/\bresource ?quotas?\b|\blimit ?ranges?\b/gi, '');
    if (!RESOURCES.test(perContainer) || !inKubernetesContext(item)) return [];
    const resources: ResourcesClaim['resources'] = [];
    if (/\bcpu\b/i.test(text)) resources.push('cpu');
    if (/\bmem(ory)?\b/i.test(text)) resources.push('memory');
    const requests = /\brequests?\b/i.test(text);
    const limits = /\b(limits?|quotas?)\b/i.test(text);
    return [{ requests, limits: limits || !requests, resources }];
  },
  evaluate(claim, ctx, item) {
    const selection = selectManifests(ctx);
    if (!hasManifests(selection))
      return notDoneWhenUnticked(item, noManifests(selection, 'container resources'));
    const entries = containersOf(selection, { init: true });
    const claimName = [claim.requests && 'requests', claim.limits && 'limits'].filter(Boolean).join(' and ');
    const scopedLimitRanges = selection.evidence.limitRanges.filter((range) =>
      selection.includes(range.object.at),
    );
    if (!entries.length) {
      return {
        verdict: 'unknown',
        message: `no containers in the Kubernetes manifests of ${selection.where}, so resource ${claimName} cannot be checked`,
        evidence: [],
      };
    }
    const judged = entries.map(({ container, subject }): Judged => {
      const resources = container.resources;
      const at = resources?.at ?? container.at;
      if (resources?.templated) return { subject, outcome: 'undecided', at };
      const gaps: string[] = [];
      for (const field of ['requests', 'limits'] as const) {
        if (!claim[field]) continue;
        const fromRange = scopedLimitRanges.flatMap((range) =>
          field === 'limits' ? range.defaultLimits : range.defaultRequests,
        );
        const present = [...(resources?.[field] ?? []), ...fromRange];
        const wanted = claim.resources.length ? claim.resources : [];
        const absent = wanted.length
          ? wanted.filter((name) => !present.includes(name))
          : present.length
            ? []
            : ['any'];
        for (const name of absent)
          gaps.push(name === 'any' ? `no ${field}` : `no ${name} ${field.replace(/s$/, '')}`);
      }
      if (gaps.length) {
        return {
          subject,
          outcome: resources && dependsOnValues(resources.at) ? 'undecided' : 'missing',
          at,
          detail: gaps.join(', '),
        };
      }
      return { subject, outcome: resources?.at.condition ? 'undecided' : 'ok', at };
    });
    return summarise(
      judged.map((entry, index) => withPatches(entry, entries[index]?.workload)),
      selection,
      'containers',
      `resource ${claimName}`,
    );
  },
  examples: {
    match: [
      'Resource limits set on all Kubernetes deployments',
      'K8s: CPU/memory requests and limits on every container',
      'Pods have resource requests and limits',
      'Helm chart sets memory limits',
    ],
    noMatch: [
      'Resource limits set',
      'Rate limiting configured',
      'Docker Compose memory limits',
      'Connection pool limits configured',
      '**Resource Management** - CPU and memory limits with auto-scaling considerations',
      'Resource limits configured (memory, CPU)',
      'ResourceQuota per namespace in Kubernetes',
    ],
    verdicts: [
      {
        files: {
          'k8s/deployment.yaml':
            'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  replicas: 3\n  template:\n    spec:\n      containers:\n        - name: api\n          image: ghcr.io/acme/api:1.4.2\n          resources:\n            requests: { cpu: 100m, memory: 128Mi }\n            limits: { cpu: 500m, memory: 256Mi }\n',
        },
        item: 'Pods have resource requests and limits',
        verdict: 'pass',
      },
      {
        files: {
          'k8s/deployment.yaml':
            'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  replicas: 3\n  template:\n    spec:\n      containers:\n        - name: api\n          image: ghcr.io/acme/api:1.4.2\n',
        },
        item: 'Pods have resource requests and limits',
        verdict: 'fail',
      },
    ],
  },
};
