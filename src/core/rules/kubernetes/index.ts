import type { Rule } from '../../rule.js';
import { k8sManifestsPresent } from './k8s-manifests-present.js';
import { k8sProbes } from './k8s-probes.js';
import { k8sResourceLimits } from './k8s-resource-limits.js';
import { k8sSecurityContext } from './k8s-security-context.js';

/** Rules of the kubernetes family, in catalogue order. */
export const kubernetesRules: Rule[] = [
  k8sManifestsPresent,
  k8sResourceLimits,
  k8sProbes,
  k8sSecurityContext,
];
