import { kubernetesCollector } from '../../collectors/kubernetes.js';
import type { Rule } from '../../rule.js';
import { notDoneWhenUnticked } from '../unticked.js';
import {
  hasManifests,
  inKubernetesContext,
  itemText,
  type Judged,
  noManifests,
  selectManifests,
  summarise,
  withPatches,
} from './k8s-evidence.js';
import { k8sHpa } from './k8s-hpa.js';

export interface ReplicasClaim {
  /** Fewest replicas each workload must run. */
  min: number;
}

const REPLICAS = /\breplicas?\b|\b(multiple|several|\d+)\s*\+?\s*pods\b/i;
/** Database replicas are another claim entirely. */
const DATABASE = /\bread[- ]replicas?\b|\b(database|db|postgres\w*|mysql|redis|mongo\w*|replica ?set)\b/i;
const SCALED_KINDS = new Set(['Deployment', 'StatefulSet', 'Rollout', 'DeploymentConfig', 'ReplicaSet']);
const WORDS: Record<string, number> = { two: 2, three: 3, four: 4, five: 5 };

export const k8sReplicas: Rule<ReplicasClaim> = {
  id: 'k8s.replicas',
  title: 'Kubernetes workloads run at least the stated number of replicas',
  why: 'A single replica means every deploy, node drain or crash is an outage; "runs 3 replicas" is a claim about availability.',
  fix: 'Set spec.replicas (or the HPA minReplicas) of each Deployment/StatefulSet to at least the number the item states.',
  recognises:
    'Replica counts in a Kubernetes context ("at least 2 replicas", "3 pods", "multiple replicas for HA"), but not database read replicas and not autoscaling ranges (k8s.hpa).',
  needs: [kubernetesCollector],
  match(item) {
    const text = itemText(item);
    if (!REPLICAS.test(text) || DATABASE.test(text) || !inKubernetesContext(item)) return [];
    if (k8sHpa.match(item).length) return [];
    const number =
      /(?:at least|min(?:imum)?(?: of)?|>=|≥)\s*(\d+|two|three|four|five)\b/i.exec(text)?.[1] ??
      /\b(\d+|two|three|four|five)\s*\+?\s*(?:replicas|pods)\b/i.exec(text)?.[1] ??
      /\breplicas?\s*(?::|=|of)\s*(\d+)/i.exec(text)?.[1];
    const above = /(?:more than|>)\s*(\d+)\s*(?:replicas?|pods?)?/i.exec(text)?.[1];
    if (above) return [{ min: Number(above) + 1 }];
    if (number) return [{ min: WORDS[number.toLowerCase()] ?? Number(number) }];
    if (/\b(multiple|several|redundant|\bHA\b|high availability|highly available)\b/i.test(text))
      return [{ min: 2 }];
    return [];
  },
  evaluate(claim, ctx, item) {
    const selection = selectManifests(ctx);
    if (!hasManifests(selection))
      return notDoneWhenUnticked(item, noManifests(selection, 'the replica count'));
    const { evidence } = selection;
    const workloads = evidence.workloads.filter(
      (workload) => SCALED_KINDS.has(workload.object.kind) && selection.includes(workload.object.at),
    );
    if (!workloads.length) {
      return {
        verdict: 'unknown',
        message: `no Deployment or StatefulSet in the Kubernetes manifests of ${selection.where}, so replicas cannot be counted`,
        evidence: [],
      };
    }
    const judged = workloads.map((workload): Judged => {
      const subject = `${workload.object.kind}/${workload.object.name}`;
      const hpa = evidence.hpas.find(
        (candidate) =>
          candidate.target?.kind === workload.object.kind &&
          candidate.target.name === workload.object.name &&
          !candidate.object.at.condition,
      );
      const setting = hpa?.minReplicas ?? workload.replicas;
      const source = hpa?.minReplicas ? 'HPA minReplicas' : 'replicas';
      if (!setting) {
        if (hpa)
          return {
            subject,
            outcome: 'missing',
            at: hpa.object.at,
            detail: 'has an HPA without minReplicas (defaults to 1)',
          };
        return {
          subject,
          outcome: 'missing',
          at: workload.object.at,
          detail: 'sets no replicas (defaults to 1)',
        };
      }
      if (setting.templated)
        return { subject, outcome: 'undecided', at: setting.at, detail: `${source} is templated` };
      const value = setting.value ?? 0;
      if (value >= claim.min)
        return { subject, outcome: setting.at.condition ? 'undecided' : 'ok', at: setting.at };
      const outcome = setting.at.fromValues || setting.at.condition ? 'undecided' : 'missing';
      return { subject, outcome, at: setting.at, detail: `runs ${value} (${source})` };
    });
    return summarise(
      judged.map((entry, index) => withPatches(entry, workloads[index])),
      selection,
      'workloads',
      `at least ${claim.min} replicas`,
    );
  },
  examples: {
    match: [
      'Kubernetes deployment runs at least 2 replicas',
      'Multiple pod replicas for high availability',
      'API runs 3 replicas in k8s',
      'Replicas > 1 for every Deployment in the Helm chart',
    ],
    noMatch: [
      'Replication configured (if HA)',
      'Database read replicas configured',
      'HPA configured: 2–4 replicas at 70% CPU',
      'Horizontal scaling tested',
      'Zero-downtime deployment tested',
    ],
    verdicts: [
      {
        files: {
          'k8s/deployment.yaml':
            'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  replicas: 3\n  template:\n    spec:\n      containers:\n        - name: api\n          image: ghcr.io/acme/api:1.4.2\n',
        },
        item: 'Kubernetes deployment runs at least 2 replicas',
        verdict: 'pass',
      },
      {
        files: {
          'k8s/deployment.yaml':
            'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  replicas: 1\n  template:\n    spec:\n      containers:\n        - name: api\n          image: ghcr.io/acme/api:1.4.2\n',
        },
        item: 'Kubernetes deployment runs at least 2 replicas',
        verdict: 'fail',
      },
    ],
  },
};
