import { kubernetesCollector } from '../../collectors/kubernetes.js';
import type { Rule } from '../../rule.js';
import { notDoneWhenUnticked } from '../unticked.js';
import {
  evidenceAt,
  hasManifests,
  itemText,
  listed,
  missingKind,
  noManifests,
  selectManifests,
  where,
} from './k8s-evidence.js';
import { enumeratesManifestKinds } from './k8s-manifests-present.js';

const PDB = /\b(pdbs?|pod ?disruption ?budgets?)\b/i;

export const k8sPdb: Rule<true> = {
  id: 'k8s.pdb',
  title: 'A PodDisruptionBudget protects the workloads',
  why: 'Without a PodDisruptionBudget a node drain or cluster upgrade may evict every replica at once.',
  fix: 'Add a PodDisruptionBudget (policy/v1) selecting the workload, with minAvailable: 1 or maxUnavailable: 1.',
  recognises: 'Items naming a PodDisruptionBudget or PDB.',
  needs: [kubernetesCollector],
  match: (item) => (PDB.test(itemText(item)) && !enumeratesManifestKinds(item) ? [true] : []),
  evaluate(_claim, ctx, item) {
    const selection = selectManifests(ctx);
    if (!hasManifests(selection))
      return notDoneWhenUnticked(item, noManifests(selection, 'a PodDisruptionBudget'));
    const pdbs = selection.evidence.pdbs.filter((pdb) => selection.includes(pdb.object.at));
    if (!pdbs.length) return missingKind(selection, 'PodDisruptionBudget');
    const described = pdbs.map((pdb) => {
      const budget = pdb.minAvailable
        ? `minAvailable ${pdb.minAvailable.value ?? 'templated'}`
        : pdb.maxUnavailable
          ? `maxUnavailable ${pdb.maxUnavailable.value ?? 'templated'}`
          : 'no budget';
      return `${pdb.object.name} (${budget}, ${where(pdb.object.at)})`;
    });
    const active = pdbs.filter((pdb) => !pdb.object.at.condition);
    if (!active.length) {
      return {
        verdict: 'unknown',
        message: `PodDisruptionBudget ${described.join(', ')} ${pdbs[0]?.object.at.condition}`,
        evidence: pdbs.flatMap((pdb) => evidenceAt(pdb.object.at)),
      };
    }
    return {
      verdict: 'pass',
      message: `${pdbs.length} PodDisruptionBudget${pdbs.length > 1 ? 's' : ''}: ${listed(described, 3)}`,
      evidence: active.slice(0, 5).flatMap((pdb) => evidenceAt(pdb.object.at)),
    };
  },
  examples: {
    match: ['Pod disruption budgets configured', 'PDB with minAvailable: 1 for the API'],
    noMatch: [
      'Kubernetes manifests (Deployments, Services, Ingress, ConfigMaps, Secrets, HPAs, PDBs)',
      'Disaster recovery plan',
      'Error budget defined',
      'Rolling deployments with zero downtime',
    ],
    verdicts: [
      {
        files: {
          'k8s/deployment.yaml':
            'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  replicas: 2\n  template:\n    spec:\n      containers:\n        - name: api\n          image: ghcr.io/acme/api:1.4.2\n',
          'k8s/pdb.yaml':
            'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: api\nspec:\n  minAvailable: 1\n  selector:\n    matchLabels: { app: api }\n',
        },
        item: 'Pod disruption budgets configured',
        verdict: 'pass',
      },
      {
        files: {
          'k8s/deployment.yaml':
            'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  replicas: 2\n  template:\n    spec:\n      containers:\n        - name: api\n          image: ghcr.io/acme/api:1.4.2\n',
        },
        item: 'Pod disruption budgets configured',
        verdict: 'fail',
      },
    ],
  },
};
