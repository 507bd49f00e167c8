import type { Rule } from '../../rule.js';
import { k8sManifestsPresent } from './k8s-manifests-present.js';

/** Rules of the kubernetes family, in catalogue order. */
export const kubernetesRules: Rule[] = [k8sManifestsPresent];
