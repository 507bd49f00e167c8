import { kubernetesCollector } from '../../collectors/kubernetes.js';
import type { Rule } from '../../rule.js';
import { notDoneWhenUnticked } from '../unticked.js';
import {
  declaredKinds,
  hasManifests,
  itemText,
  missingKind,
  noManifests,
  selectManifests,
} from './k8s-evidence.js';
import { enumeratesManifestKinds } from './k8s-manifests-present.js';

type QuotaKind = 'ResourceQuota' | 'LimitRange';

const QUOTA = /\bresource ?quotas?\b|\bnamespace (?:resource )?quotas?\b/i;
const LIMIT_RANGE = /\blimit ?ranges?\b/i;

/**
 * Namespace-level objects, not per-container settings: a ResourceQuota caps what a namespace
 * may use and a LimitRange gives defaults. Containers that set their own limits prove neither.
 */
export const k8sResourceQuota: Rule<QuotaKind> = {
  id: 'k8s.resource-quota',
  title: 'The manifests declare the ResourceQuota or LimitRange the item names',
  why: 'A namespace without a ResourceQuota lets one team or runaway deployment take the whole cluster; a LimitRange gives containers that forget their limits a default.',
  fix: 'Add a ResourceQuota (and, for defaults, a LimitRange) to the namespace the workloads run in.',
  recognises: 'Items naming a ResourceQuota, namespace quotas or a LimitRange.',
  needs: [kubernetesCollector],
  match(item) {
    const text = itemText(item);
    if (enumeratesManifestKinds(item)) return [];
    const kinds: QuotaKind[] = [];
    if (QUOTA.test(text)) kinds.push('ResourceQuota');
    if (LIMIT_RANGE.test(text)) kinds.push('LimitRange');
    return kinds;
  },
  evaluate(kind, ctx, item) {
    const selection = selectManifests(ctx);
    if (!hasManifests(selection)) return notDoneWhenUnticked(item, noManifests(selection, `a ${kind}`));
    const declared = declaredKinds(selection).get(kind);
    if (!declared) return missingKind(selection, kind);
    return {
      verdict: 'pass',
      message: `${kind} declared at ${declared.path}:${declared.line}`,
      evidence: [declared],
    };
  },
  examples: {
    match: ['ResourceQuota', 'Namespace resource quotas in place', 'LimitRange with default limits'],
    noMatch: [
      'Resource limits set on all Kubernetes deployments',
      'Kubernetes manifests (Deployments, Services, ResourceQuota, LimitRange)',
      'API quotas agreed with the vendor',
    ],
    verdicts: [
      {
        files: {
          'k8s/quota.yaml':
            'apiVersion: v1\nkind: ResourceQuota\nmetadata:\n  name: team\nspec:\n  hard:\n    pods: "10"\n',
        },
        item: 'Namespace resource quotas in place',
        verdict: 'pass',
      },
      {
        files: {
          'k8s/deployment.yaml':
            'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          image: ghcr.io/acme/api:1.4.2\n',
        },
        item: 'ResourceQuota',
        verdict: 'fail',
      },
    ],
  },
};
