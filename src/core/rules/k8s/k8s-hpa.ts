import { type HpaFacts, kubernetesCollector, type Setting } from '../../collectors/kubernetes.js';
import type { Rule } from '../../rule.js';
import type { Finding } from '../../types.js';
import { notDoneWhenUnticked } from '../unticked.js';
import {
  evidenceAt,
  hasManifests,
  inKubernetesContext,
  itemText,
  missingKind,
  noManifests,
  selectManifests,
  where,
} from './k8s-evidence.js';
import { enumeratesManifestKinds } from './k8s-manifests-present.js';

export interface HpaClaim {
  min?: number;
  max?: number;
  /** Target average utilisation, percent. */
  cpu?: number;
  memory?: number;
  /** "with custom metrics": scales on a metric the application (or an adapter) exports. */
  custom?: true;
}

const HPA = /\b(hpas?|horizontal ?pod ?autoscal\w*)\b/i;
const AUTOSCALING = /\bauto-?scal(ing|er|es|ed|e)\b/i;
const REPLICA_RANGE = /\b(\d+)\s*(?:–|—|-|to)\s*(\d+)\s*(?:pods|replicas|instances)\b/i;
const PERCENT_OF = (resource: string) =>
  new RegExp(`(?<!\\d)(\\d+)\\s*%\\s*(?:average\\s+)?${resource}|${resource}[^.\\d%]{0,30}?(\\d+)\\s*%`, 'i');
/** Node autoscaling and load tests are claims about the cluster and about testing, not manifests. */
const CUSTOM_METRICS = /\b(?:custom|external|application|business|queue)[- ](?:metrics?|length|depth)\b/i;
const NOT_HPA = /\bcluster[- ]auto-?scal\w*|\bkarpenter\b|\b(tested|load[- ]test\w*)\b/i;
/** Kubernetes scales on 80% CPU when an autoscaling/v2 HPA lists no metrics. */
const DEFAULT_CPU = 80;

export const k8sHpa: Rule<HpaClaim> = {
  id: 'k8s.hpa',
  title: 'A HorizontalPodAutoscaler exists with the replica range and targets the item states',
  why: 'Autoscaling claims ("2–4 replicas at 70% CPU") size capacity planning and cost; an HPA that is missing or scales differently breaks both under load.',
  fix: 'Add a HorizontalPodAutoscaler (autoscaling/v2) for the workload with the stated minReplicas, maxReplicas and averageUtilization, or correct the numbers in the checklist.',
  recognises:
    'HPA / Horizontal Pod Autoscaler, autoscaling in a Kubernetes context, or "N–M replicas at P% CPU"; numbers for min, max, CPU and memory targets are compared.',
  needs: [kubernetesCollector],
  match(item) {
    const text = itemText(item);
    const range = REPLICA_RANGE.exec(text);
    const cpu = PERCENT_OF('cpu').exec(text);
    const about =
      HPA.test(text) ||
      (AUTOSCALING.test(text) && inKubernetesContext(item)) ||
      (range !== null && cpu !== null);
    if (!about || NOT_HPA.test(text) || enumeratesManifestKinds(item)) return [];
    const claim: HpaClaim = {};
    const min = range?.[1] ?? /\bmin(?:imum)?(?:\s*replicas)?\s*(?:of|:|=)?\s*(\d+)/i.exec(text)?.[1];
    const max = range?.[2] ?? /\bmax(?:imum)?(?:\s*replicas)?\s*(?:of|:|=)?\s*(\d+)/i.exec(text)?.[1];
    const memory = PERCENT_OF('memory').exec(text);
    if (min) claim.min = Number(min);
    if (max) claim.max = Number(max);
    if (cpu) claim.cpu = Number(cpu[1] ?? cpu[2]);
    if (memory) claim.memory = Number(memory[1] ?? memory[2]);
    if (CUSTOM_METRICS.test(text)) claim.custom = true;
    return [claim];
  },
  evaluate(claim, ctx, item) {
    const selection = selectManifests(ctx);
    if (!hasManifests(selection)) return notDoneWhenUnticked(item, noManifests(selection, 'autoscaling'));
    const { evidence } = selection;
    const hpas = evidence.hpas.filter((hpa) => selection.includes(hpa.object.at));
    const scaledObjects = evidence.objects.filter(
      (object) => object.kind === 'ScaledObject' && selection.includes(object.at),
    );
    if (!hpas.length) {
      if (scaledObjects[0]) {
        return {
          verdict: Object.keys(claim).length ? 'unknown' : 'pass',
          message: `autoscaling by KEDA ScaledObject ${scaledObjects[0].name} (${where(scaledObjects[0].at)}); its numbers are not compared`,
          evidence: evidenceAt(scaledObjects[0].at),
        };
      }
      return missingKind(selection, 'HorizontalPodAutoscaler');
    }
    if (claim.custom) return customMetrics(hpas, selection.certain);
    const judged = hpas.map((hpa) => compare(hpa, claim));
    const passing = judged.find((entry) => entry.verdict === 'pass');
    if (passing) return passing;
    const failing = judged.filter((entry) => entry.verdict === 'fail');
    if (failing.length === judged.length && selection.certain) {
      return {
        verdict: 'fail',
        message: failing.map((entry) => entry.message).join('; '),
        evidence: failing.flatMap((entry) => entry.evidence),
      };
    }
    const undecided = judged.find((entry) => entry.verdict === 'unknown') ?? judged[0];
    return { ...(undecided as Finding), verdict: 'unknown' };
  },
  examples: {
    match: [
      'Auto-scaling configured (if K8s/cloud)',
      'HPA configured: 2–4 replicas at 70% CPU',
      'Horizontal Pod Autoscaler with min 3 replicas',
      'Scales between 2-10 pods at 75% CPU utilization',
      'HPA with custom metrics',
    ],
    noMatch: [
      'Horizontal scaling tested',
      'Cluster autoscaler enabled',
      'HPA tested under load',
      'Kubernetes manifests (Deployments, Services, Ingress, ConfigMaps, Secrets, HPAs, PDBs)',
      'Auto-scaling policies defined for the ECS service',
      'Load balancer configured',
      '**Resource Management** - CPU and memory limits with auto-scaling considerations',
      'Horizontal scaling strategy (if needed)',
      'Scaling triggers identified',
    ],
    verdicts: [
      {
        files: {
          'k8s/deployment.yaml':
            'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  replicas: 2\n  template:\n    spec:\n      containers:\n        - name: api\n          image: ghcr.io/acme/api:1.4.2\n',
          'k8s/hpa.yaml':
            'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: api\nspec:\n  scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: api }\n  minReplicas: 2\n  maxReplicas: 4\n  metrics:\n    - type: Resource\n      resource:\n        name: cpu\n        target: { type: Utilization, averageUtilization: 70 }\n',
        },
        item: 'HPA configured: 2–4 replicas at 70% CPU',
        verdict: 'pass',
      },
      {
        files: {
          'k8s/deployment.yaml':
            'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  replicas: 2\n  template:\n    spec:\n      containers:\n        - name: api\n          image: ghcr.io/acme/api:1.4.2\n',
        },
        item: 'HPA configured: 2–4 replicas at 70% CPU',
        verdict: 'fail',
      },
    ],
  },
};

/**
 * An HPA can name a metric that nothing exports (its emitter commented out, the adapter never
 * deployed), and the manifests cannot show that it is exported: naming one is not a pass.
 */
function customMetrics(hpas: HpaFacts[], certain: boolean): Finding {
  const custom = hpas.flatMap((hpa) => hpa.custom.map((metric) => ({ hpa, metric })));
  const first = custom[0];
  if (first) {
    const names = [...new Set(custom.map((entry) => entry.metric.value ?? 'templated'))];
    return {
      verdict: 'unknown',
      message: `HorizontalPodAutoscaler/${first.hpa.object.name} scales on custom metric${names.length > 1 ? 's' : ''} ${names.join(', ')} (${where(first.metric.at)}); whether the application or a metrics adapter exports ${names.length > 1 ? 'them' : 'it'} is not visible in the manifests`,
      evidence: custom.slice(0, 3).flatMap((entry) => evidenceAt(entry.metric.at)),
    };
  }
  return {
    verdict: certain ? 'fail' : 'unknown',
    message: `no HorizontalPodAutoscaler scales on a custom metric: ${hpas.map((hpa) => `${hpa.object.name} (${where(hpa.object.at)})`).join(', ')} use${hpas.length > 1 ? '' : 's'} CPU or memory only`,
    evidence: hpas.slice(0, 3).flatMap((hpa) => evidenceAt(hpa.object.at)),
  };
}

function compare(hpa: HpaFacts, claim: HpaClaim): Finding {
  const name = `HorizontalPodAutoscaler/${hpa.object.name}`;
  const mismatches: string[] = [];
  const undecided: string[] = [];
  const refs = [...evidenceAt(hpa.object.at)];
  const check = (
    label: string,
    wanted: number | undefined,
    found: Setting<number> | undefined,
    fallback?: number,
  ) => {
    if (wanted === undefined) return;
    if (found) refs.push(...evidenceAt(found.at));
    if (found && (found.templated || (found.at.fromValues && found.value !== wanted))) {
      undecided.push(`${label} comes from Helm values (${where(found.at)})`);
      return;
    }
    const value = found?.value ?? fallback;
    if (value === undefined) mismatches.push(`no ${label}`);
    else if (value !== wanted)
      mismatches.push(`${label} ${value}${found ? ` at ${where(found.at)}` : ' by default'}, not ${wanted}`);
  };
  check('minReplicas', claim.min, hpa.minReplicas, 1);
  check('maxReplicas', claim.max, hpa.maxReplicas);
  check('CPU target %', claim.cpu, hpa.cpu, hpa.memory ? undefined : DEFAULT_CPU);
  check('memory target %', claim.memory, hpa.memory);
  const condition = hpa.object.at.condition;
  if (mismatches.length)
    return {
      verdict: condition ? 'unknown' : 'fail',
      message: `${name} has ${mismatches.join(', ')}`,
      evidence: refs,
    };
  if (undecided.length || condition) {
    return {
      verdict: 'unknown',
      message: `${name} (${where(hpa.object.at)}): ${[...undecided, condition].filter(Boolean).join('; ')}; the values used to deploy decide`,
      evidence: refs,
    };
  }
  const numbers = [
    hpa.minReplicas?.value !== undefined && `min ${hpa.minReplicas.value}`,
    hpa.maxReplicas?.value !== undefined && `max ${hpa.maxReplicas.value}`,
    hpa.cpu?.value !== undefined && `${hpa.cpu.value}% CPU`,
    hpa.memory?.value !== undefined && `${hpa.memory.value}% memory`,
  ].filter(Boolean);
  return {
    verdict: 'pass',
    message: `${name} at ${where(hpa.object.at)} scales ${numbers.join(', ') || 'its target'}`,
    evidence: refs,
  };
}
