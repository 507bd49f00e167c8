import { kubernetesCollector } from '../../collectors/kubernetes.js';
import type { Rule } from '../../rule.js';
import {
  hasManifests,
  itemText,
  type Judged,
  noManifests,
  selectManifests,
  summarise,
  withPatches,
} from './k8s-evidence.js';

const TOKEN = /\bautomount\w*\b|\bservice ?account tokens?\b/i;

export const k8sServiceAccountToken: Rule<true> = {
  id: 'k8s.service-account-token',
  title: 'Pods do not mount a service account token they do not need',
  why: 'Every pod gets an API token by default; an attacker in a pod that never talks to the Kubernetes API can use it to explore or change the cluster.',
  fix: 'Set automountServiceAccountToken: false in each pod spec (or on its ServiceAccount) unless the workload calls the Kubernetes API.',
  recognises: 'Items about automountServiceAccountToken or service account tokens.',
  needs: [kubernetesCollector],
  match: (item) => (TOKEN.test(itemText(item)) ? [true] : []),
  evaluate(_claim, ctx) {
    const selection = selectManifests(ctx);
    if (!hasManifests(selection)) return noManifests(selection, 'service account token mounting');
    const { evidence } = selection;
    const workloads = evidence.workloads.filter((workload) => selection.includes(workload.object.at));
    if (!workloads.length) {
      return {
        verdict: 'unknown',
        message: `no workloads in the Kubernetes manifests of ${selection.where}`,
        evidence: [],
      };
    }
    const judged = workloads.map((workload): Judged => {
      const subject = `${workload.object.kind}/${workload.object.name}`;
      const setting = workload.pod.automountServiceAccountToken;
      if (setting?.templated) return { subject, outcome: 'undecided', at: setting.at };
      if (setting?.value === false)
        return { subject, outcome: setting.at.condition ? 'undecided' : 'ok', at: setting.at };
      if (setting)
        return {
          subject,
          outcome: 'missing',
          at: setting.at,
          detail: 'sets automountServiceAccountToken: true',
        };
      // Without a pod-level setting the ServiceAccount's own setting applies.
      const accountName = workload.pod.serviceAccountName ?? 'default';
      const found = evidence.serviceAccounts.find(
        (candidate) =>
          candidate.object.name === accountName &&
          (!candidate.object.namespace ||
            !workload.object.namespace ||
            candidate.object.namespace === workload.object.namespace),
      );
      const account = found?.automountServiceAccountToken;
      if (account?.value === false)
        return { subject, outcome: account.at.condition ? 'undecided' : 'ok', at: account.at };
      if (account?.templated) return { subject, outcome: 'undecided', at: account.at };
      if (found) {
        const at = account?.at ?? found.object.at;
        return {
          subject,
          outcome: 'missing',
          at,
          detail: `uses ServiceAccount ${accountName}, which mounts its token`,
        };
      }
      if (accountName !== 'default') {
        const detail = `uses ServiceAccount ${accountName}, which is not among the manifests`;
        return { subject, outcome: 'undecided', at: workload.pod.at, detail };
      }
      return { subject, outcome: 'missing', at: workload.pod.at, detail: 'mounts the default token' };
    });
    return summarise(
      judged.map((entry, index) => withPatches(entry, workloads[index])),
      selection,
      'workloads',
      'automountServiceAccountToken: false',
    );
  },
  examples: {
    match: [
      'automountServiceAccountToken disabled for all pods',
      'Kubernetes: service account tokens not mounted unless needed',
      'Service account token automount turned off',
    ],
    noMatch: [
      'Service account permissions reviewed',
      'API tokens rotated',
      'GitHub token scoped to read-only',
    ],
    verdicts: [
      {
        files: {
          'k8s/deployment.yaml':
            'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  replicas: 2\n  template:\n    spec:\n      automountServiceAccountToken: false\n      containers:\n        - name: api\n          image: ghcr.io/acme/api:1.4.2\n',
        },
        item: 'Service account token automount turned off',
        verdict: 'pass',
      },
      {
        files: {
          'k8s/deployment.yaml':
            'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  replicas: 2\n  template:\n    spec:\n      containers:\n        - name: api\n          image: ghcr.io/acme/api:1.4.2\n',
        },
        item: 'Service account token automount turned off',
        verdict: 'fail',
      },
    ],
  },
};
