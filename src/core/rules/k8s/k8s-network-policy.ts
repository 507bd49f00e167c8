import { kubernetesCollector, type NetworkPolicyFacts } from '../../collectors/kubernetes.js';
import type { Rule } from '../../rule.js';
import { notDoneWhenUnticked } from '../unticked.js';
import {
  evidenceAt,
  hasManifests,
  inKubernetesContext,
  itemText,
  listed,
  missingKind,
  noManifests,
  selectManifests,
  where,
} from './k8s-evidence.js';

export interface NetworkPolicyClaim {
  /** The item says traffic is denied by default. */
  defaultDeny: boolean;
}

const NETWORK_POLICY = /\bnetwork ?polic(y|ies)\b/i;
const DEFAULT_DENY = /\b(default[- ]deny|deny[- ]by[- ]default|deny[- ]all|zero[- ]trust)\b/i;
const OTHER_POLICY_KINDS = [
  'CiliumNetworkPolicy',
  'CiliumClusterwideNetworkPolicy',
  'GlobalNetworkPolicy',
  'AuthorizationPolicy',
];

export const k8sNetworkPolicy: Rule<NetworkPolicyClaim> = {
  id: 'k8s.network-policy',
  title: 'Kubernetes NetworkPolicies restrict pod traffic (default deny when claimed)',
  why: 'Without NetworkPolicies every pod can reach every other pod, so one compromised pod reaches the database.',
  fix: 'Add a default-deny NetworkPolicy (podSelector: {}, policyTypes: [Ingress], no ingress rules) and policies that allow only the traffic each workload needs.',
  recognises:
    'Items naming network policies, or default-deny / deny-all traffic in a Kubernetes context; "Firewall rules configured" is not a NetworkPolicy claim.',
  needs: [kubernetesCollector],
  match(item) {
    const text = itemText(item);
    const defaultDeny = DEFAULT_DENY.test(text);
    if (NETWORK_POLICY.test(text) || (defaultDeny && inKubernetesContext(item))) return [{ defaultDeny }];
    return [];
  },
  evaluate(claim, ctx, item) {
    const selection = selectManifests(ctx);
    if (!hasManifests(selection))
      return notDoneWhenUnticked(item, noManifests(selection, 'network policies'));
    const policies = selection.evidence.networkPolicies.filter((policy) =>
      selection.includes(policy.object.at),
    );
    if (!policies.length) {
      const other = selection.evidence.objects.find(
        (object) => OTHER_POLICY_KINDS.includes(object.kind) && selection.includes(object.at),
      );
      if (other) {
        return {
          verdict: 'unknown',
          message: `no NetworkPolicy, but ${other.kind} ${other.name} (${where(other.at)}) may restrict traffic; its rules are not read`,
          evidence: evidenceAt(other.at),
        };
      }
      return missingKind(selection, 'NetworkPolicy');
    }
    const names = listed(
      policies.map((policy) => `${policy.object.name} (${where(policy.object.at)})`),
      3,
    );
    if (!claim.defaultDeny) {
      return {
        verdict: policies.every((policy) => policy.object.at.condition) ? 'unknown' : 'pass',
        message: `${policies.length} NetworkPolic${policies.length > 1 ? 'ies' : 'y'}: ${names}`,
        evidence: policies.slice(0, 5).flatMap((policy) => evidenceAt(policy.object.at)),
      };
    }
    const denying = policies.filter(deniesByDefault);
    const unconditional = denying.find((policy) => !policy.object.at.condition);
    if (unconditional) {
      return {
        verdict: 'pass',
        message: `NetworkPolicy ${unconditional.object.name} denies ${denied(unconditional)} traffic by default (${where(unconditional.object.at)})`,
        evidence: evidenceAt(unconditional.object.at),
      };
    }
    if (denying[0]) {
      return {
        verdict: 'unknown',
        message: `default-deny NetworkPolicy ${denying[0].object.name} (${where(denying[0].object.at)}) is ${denying[0].object.at.condition}`,
        evidence: evidenceAt(denying[0].object.at),
      };
    }
    return {
      verdict: selection.certain ? 'fail' : 'unknown',
      message: `none of ${policies.length} NetworkPolicies denies by default (podSelector: {} with no ingress or egress rules): ${names}`,
      evidence: policies.slice(0, 5).flatMap((policy) => evidenceAt(policy.object.at)),
    };
  },
  examples: {
    match: [
      'Network policies configured',
      'Kubernetes: default deny NetworkPolicy in every namespace',
      'NetworkPolicy restricts pod-to-pod traffic',
    ],
    noMatch: [
      'Firewall rules configured',
      'Internal service communications secured',
      'Only required ports exposed',
      'Network access restricted',
    ],
    verdicts: [
      {
        files: {
          'k8s/deployment.yaml':
            'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  replicas: 2\n  template:\n    spec:\n      containers:\n        - name: api\n          image: ghcr.io/acme/api:1.4.2\n',
          'k8s/netpol.yaml':
            'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: default-deny\nspec:\n  podSelector: {}\n  policyTypes: [Ingress, Egress]\n',
        },
        item: 'Network policies configured',
        verdict: 'pass',
      },
      {
        files: {
          'k8s/deployment.yaml':
            'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  replicas: 2\n  template:\n    spec:\n      containers:\n        - name: api\n          image: ghcr.io/acme/api:1.4.2\n',
        },
        item: 'Network policies configured',
        verdict: 'fail',
      },
    ],
  },
};

/** An empty podSelector with a policy type and no rules of that type blocks all such traffic. */
function deniesByDefault(policy: NetworkPolicyFacts): boolean {
  return policy.selectsAllPods && denied(policy) !== '';
}

function denied(policy: NetworkPolicyFacts): string {
  // Kubernetes assumes policyTypes [Ingress] when the field is absent.
  const types = policy.policyTypes.length ? policy.policyTypes : ['Ingress'];
  const ingress = types.includes('Ingress') && !policy.ingressRules;
  const egress = types.includes('Egress') && !policy.egressRules;
  return [ingress && 'ingress', egress && 'egress'].filter(Boolean).join(' and ');
}
