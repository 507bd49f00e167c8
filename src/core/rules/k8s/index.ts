// The k8s.* rules, in catalogue order.

import type { Rule } from '../../rule.js';
import { k8sHpa } from './k8s-hpa.js';
import { k8sIngressTls } from './k8s-ingress-tls.js';
import { k8sManifestsPresent } from './k8s-manifests-present.js';
import { k8sNetworkPolicy } from './k8s-network-policy.js';
import { k8sNoPlaintextSecrets } from './k8s-no-plaintext-secrets.js';
import { k8sPdb } from './k8s-pdb.js';
import { k8sPodSecurityLabels } from './k8s-pod-security-labels.js';
import { k8sProbes } from './k8s-probes.js';
import { k8sReplicas } from './k8s-replicas.js';
import { k8sResourceLimits } from './k8s-resource-limits.js';
import { k8sResourceQuota } from './k8s-resource-quota.js';
import { k8sSecurityContext } from './k8s-security-context.js';
import { k8sServiceAccountToken } from './k8s-service-account-token.js';
import { k8sServiceMesh } from './k8s-service-mesh.js';

export const k8sRules: Rule[] = [
  k8sManifestsPresent,
  k8sResourceLimits,
  k8sResourceQuota,
  k8sProbes,
  k8sSecurityContext,
  k8sReplicas,
  k8sHpa,
  k8sPdb,
  k8sNetworkPolicy,
  k8sIngressTls,
  k8sNoPlaintextSecrets,
  k8sServiceAccountToken,
  k8sPodSecurityLabels,
  k8sServiceMesh,
];
