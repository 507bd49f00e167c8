import { chartReferencesCollector } from '../../collectors/chart-references.js';
import { kubernetesCollector } from '../../collectors/kubernetes.js';
import type { Rule } from '../../rule.js';
import type { ChecklistItem } from '../../types.js';
import {
  declaredKinds,
  hasManifests,
  inKubernetesContext,
  itemText,
  listed,
  noManifests,
  selectManifests,
  where,
} from './k8s-evidence.js';

export interface ManifestsClaim {
  /** Kinds the item lists, canonical ("Deployment", "HorizontalPodAutoscaler"). */
  kinds: string[];
  /** The item names a Helm chart. */
  helm: boolean;
  /**
   * The item claims something about the chart beyond its existence (values validated, rollback
   * tested): a missing chart contradicts it, a present one cannot confirm it.
   */
  helmDetail?: boolean;
  /** "Deployed to Kubernetes": manifests may live in another repository. */
  deployment: boolean;
}

/** Kind names as checklists write them (capitalised, plural or abbreviated) → kinds that satisfy them. */
const KIND_WORDS: { word: RegExp; kind: string; satisfiedBy: string[] }[] = [
  {
    word: /\bDeployments?\b/,
    kind: 'Deployment',
    satisfiedBy: ['Deployment', 'Rollout', 'DeploymentConfig'],
  },
  { word: /\bStatefulSets?\b/, kind: 'StatefulSet', satisfiedBy: ['StatefulSet'] },
  { word: /\bDaemonSets?\b/, kind: 'DaemonSet', satisfiedBy: ['DaemonSet'] },
  { word: /\bCronJobs?\b/, kind: 'CronJob', satisfiedBy: ['CronJob'] },
  { word: /\bServices\b|\bService(?=[,)])/, kind: 'Service', satisfiedBy: ['Service'] },
  {
    word: /\bIngress(es)?\b/,
    kind: 'Ingress',
    satisfiedBy: ['Ingress', 'IngressRoute', 'HTTPRoute', 'Route'],
  },
  { word: /\bConfigMaps?\b/, kind: 'ConfigMap', satisfiedBy: ['ConfigMap'] },
  {
    word: /\bSecrets\b|\bSecret(?=[,)])/,
    kind: 'Secret',
    satisfiedBy: ['Secret', 'SealedSecret', 'ExternalSecret'],
  },
  {
    word: /\bHPAs?\b|\bHorizontalPodAutoscalers?\b/,
    kind: 'HorizontalPodAutoscaler',
    satisfiedBy: ['HorizontalPodAutoscaler', 'ScaledObject'],
  },
  {
    word: /\bPDBs?\b|\bPodDisruptionBudgets?\b/,
    kind: 'PodDisruptionBudget',
    satisfiedBy: ['PodDisruptionBudget'],
  },
  {
    word: /\bNetworkPolic(y|ies)\b/,
    kind: 'NetworkPolicy',
    satisfiedBy: ['NetworkPolicy', 'CiliumNetworkPolicy'],
  },
  { word: /\bServiceAccounts?\b/, kind: 'ServiceAccount', satisfiedBy: ['ServiceAccount'] },
  {
    word: /\bPVCs?\b|\bPersistentVolumeClaims?\b/,
    kind: 'PersistentVolumeClaim',
    satisfiedBy: ['PersistentVolumeClaim'],
  },
];

const MANIFESTS =
  /\b(kubernetes|k8s)\b[^.;]*?\b(manifests?|ya?ml|resources|specs?|configs?|configuration|objects)\b|\b(kubernetes|k8s)\s*(部署)?(配置|清单|资源清单)/i;
const HELM_CHART = /\bhelm\s+charts?\b/i;
/** Helm work that needs a chart: its values, releases, rollbacks, templates. */
const HELM_TOPIC =
  /\bhelm\b[^.;]*\b(?:values?|rollbacks?|releases?|upgrades?|templates?|templating|lint(?:ed|ing)?)\b|\b(?:values?|rollbacks?)\b[^.;]*\bhelm\b/i;
/** A heading or parent item that is only "Helm" or "Helm chart(s)": the items under it are about the chart. */
const HELM_HEADING = /^[^\p{L}]*helm(?:\s+charts?)?[^\p{L}]*$/iu;
const CHART_WORDS = /\bcharts?\b|\bvalues\b|\bChart\.ya?ml\b|\bvalues\.ya?ml\b/i;
/**
 * Helm named only as something not used or to be compared, or in a prohibition ("No secrets in
 * Helm values"), which holds all the more when there is no chart.
 */
const NOT_HELM =
  /\b(?:no|not|without|instead of|vs|versus)\s+helm\b|^[^\p{L}]*(?:no|never|nothing|avoid|don'?t|do not)\b/iu;
const DEPLOYED = /\b(deploy(ed|s|able)?|runs?|running|hosted)\s+(on|to|in)\s+(the\s+)?(kubernetes|k8s)\b/i;
/** Storage or export features, not manifests in this repository. */
const OTHER_SENSE = /\b(exports?|stored|storage|secrets? (manager|store)|vault)\b/i;

export const k8sManifestsPresent: Rule<ManifestsClaim> = {
  id: 'k8s.manifests-present',
  title: 'Kubernetes manifests exist, with the kinds the item lists',
  why: 'A checklist that claims Deployments, Ingress or HPAs sends reviewers looking for manifests that must exist for the service to be deployed as described.',
  fix: 'Commit the manifests (or Helm chart templates) for each kind the item lists, e.g. k8s/deployment.yaml, k8s/hpa.yaml, or untick the item.',
  recognises:
    'Items about Kubernetes/k8s manifests, YAML or resources, Helm charts, or "deployed to Kubernetes"; kinds listed with capitals (Deployments, Services, Ingress, ConfigMaps, Secrets, HPAs, PDBs) are each checked.',
  needs: [kubernetesCollector, chartReferencesCollector],
  match(item) {
    const text = itemText(item);
    const underHelm = [...item.section, ...item.parents].some((heading) => HELM_HEADING.test(heading));
    const helmDetail =
      !NOT_HELM.test(text) && (HELM_TOPIC.test(text) || (underHelm && CHART_WORDS.test(item.text)));
    const helm = HELM_CHART.test(text) || helmDetail;
    const manifests = MANIFESTS.test(text) && !OTHER_SENSE.test(text);
    const deployment = !manifests && !helm && DEPLOYED.test(text);
    const alone = kindsListedAlone(item);
    if (alone.length) return [{ kinds: alone, helm: false, deployment: false }];
    if (!manifests && !helm && !deployment) return [];
    const kinds = KIND_WORDS.filter((entry) => entry.word.test(text)).map((entry) => entry.kind);
    return [
      helmDetail && !HELM_CHART.test(text)
        ? { kinds, helm, deployment, helmDetail }
        : { kinds, helm, deployment },
    ];
  },
  evaluate(claim, ctx) {
    const selection = selectManifests(ctx);
    const { evidence } = selection;
    if (claim.helm && !evidence.charts.length) {
      // A README that points at a chart kept in another repository: nothing here to judge.
      const reference = ctx.get(chartReferencesCollector)[0];
      if (reference) {
        return {
          verdict: 'unknown',
          message: `no Helm chart (Chart.yaml) in the repository, but ${reference.path}:${reference.line} points at one kept elsewhere`,
          evidence: [reference],
        };
      }
      if (!hasManifests(selection)) {
        return {
          verdict: 'fail',
          message: `no Helm chart (Chart.yaml) and no Kubernetes manifests in ${selection.where} (none of ${evidence.yamlFiles} YAML files has apiVersion and kind), and no document points at a chart kept elsewhere`,
          evidence: [{ path: ctx.scope ? `${ctx.scope}/Chart.yaml` : 'Chart.yaml' }],
        };
      }
    }
    if (!hasManifests(selection) && !(claim.helm && evidence.charts.length)) {
      if (claim.deployment) return noManifests(selection, 'the deployment');
      const looked = ['k8s/', 'kubernetes/', 'deploy/', 'manifests/', 'charts/'].map((dir) =>
        ctx.scope ? `${ctx.scope}/${dir}` : dir,
      );
      return {
        verdict: 'fail',
        message: `no Kubernetes manifests in ${selection.where}: none of ${evidence.yamlFiles} YAML files has apiVersion and kind, and there is no ${listed(looked, 5)}`,
        evidence: looked.map((path) => ({ path })),
      };
    }
    const found = declaredKinds(selection);
    const generators = evidence.kustomizations.flatMap((kustomization) => kustomization.secretGenerators);
    if (generators[0] && !found.has('Secret'))
      found.set('Secret', {
        path: generators[0].at.path,
        line: generators[0].at.line,
        excerpt: 'kind: Secret',
      });

    if (claim.helm && !evidence.charts.length) {
      return {
        verdict: 'fail',
        message: `no Helm chart (Chart.yaml) in the repository, though ${found.size} Kubernetes kinds are committed as plain manifests`,
        evidence: [{ path: ctx.scope ? `${ctx.scope}/Chart.yaml` : 'Chart.yaml' }],
      };
    }
    const missing = claim.kinds.filter((kind) => {
      const entry = KIND_WORDS.find((candidate) => candidate.kind === kind);
      return !(entry?.satisfiedBy ?? [kind]).some((satisfying) => found.has(satisfying));
    });
    const shown = [...found.values()].slice(0, 6);
    if (missing.length) {
      const message = `no ${listed(missing, 8)} among the Kubernetes manifests in ${selection.where} (found ${listed([...found.keys()], 8)})`;
      return selection.certain
        ? { verdict: 'fail', message, evidence: shown }
        : {
            verdict: 'unknown',
            message: `${message}; the checklist's own folder has none, so another repository may hold them`,
            evidence: shown,
          };
    }
    const named = claim.kinds.length ? claim.kinds : [...found.keys()];
    const details = named.map((kind) => {
      const entry = KIND_WORDS.find((candidate) => candidate.kind === kind);
      const ref = (entry?.satisfiedBy ?? [kind]).map((satisfying) => found.get(satisfying)).find(Boolean);
      return ref ? `${kind} (${where({ path: ref.path, line: ref.line ?? 1 })})` : kind;
    });
    const chart = claim.helm && evidence.charts[0] ? `Helm chart ${evidence.charts[0].dir}Chart.yaml; ` : '';
    if (claim.helmDetail && evidence.charts[0]) {
      return {
        verdict: 'unknown',
        message: `${chart}what the item claims about it (values, releases, rollbacks) is not something the chart's files show`,
        evidence: [{ path: `${evidence.charts[0].dir}Chart.yaml` }],
      };
    }
    return { verdict: 'pass', message: `${chart}found ${listed(details, 8)}`, evidence: shown };
  },
  examples: {
    match: [
      'Kubernetes manifests (Deployments, Services, Ingress, ConfigMaps, Secrets, HPAs, PDBs)',
      'K8s manifests in `k8s/`',
      'Helm chart for the API',
      '**Kubernetes**: deployment YAML and Service definitions',
      'Service deployed to Kubernetes',
      'Helm values reviewed for staging',
      'Helm rollback rehearsed',
      'K8s 部署配置',
    ],
    noMatch: [
      'Secrets properly stored (Kubernetes Secrets, etc.)',
      '**Kubernetes Exports** - Cloud-native deployment packages',
      'Docker configuration (multi-stage builds)',
      'Deployment automation',
      'Health check endpoints',
      'No Helm: plain manifests applied with Kustomize',
      'Feature flag values reviewed',
      'No secrets stored in Helm values',
    ],
    verdicts: [
      {
        files: {
          'k8s/deployment.yaml':
            'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          image: ghcr.io/acme/api:1.4.2\n',
        },
        item: 'K8s manifests in `k8s/`',
        verdict: 'pass',
      },
      {
        files: { 'docker-compose.yml': 'services:\n  api:\n    build: .\n' },
        item: 'K8s manifests in `k8s/`',
        verdict: 'fail',
      },
      {
        files: { 'docker-compose.yml': 'services:\n  api:\n    build: .\n' },
        item: 'Helm values reviewed for staging',
        verdict: 'fail',
      },
      {
        // The chart lives in another repository, and the README says where.
        files: {
          'README.md':
            '# Shop\n\nDeploy with the [chart](https://github.com/acme/charts/tree/main/charts/shop).\n',
          'src/app.ts': 'export {};\n',
        },
        item: 'Helm chart',
        verdict: 'unknown',
      },
      {
        // A chart exists, but a rehearsed rollback is not in its files.
        files: {
          'charts/shop/Chart.yaml': 'apiVersion: v2\nname: shop\nversion: 0.1.0\n',
          'charts/shop/templates/deployment.yaml':
            'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: shop\n',
        },
        item: 'Helm rollback rehearsed',
        verdict: 'unknown',
      },
    ],
  },
};

/** Kind names as an item written under a Kubernetes heading spells them on their own ("ConfigMap"). */
const KIND_NAMES = new Map<string, string>([
  ...[
    'Deployment',
    'StatefulSet',
    'DaemonSet',
    'CronJob',
    'Service',
    'Ingress',
    'ConfigMap',
    'Secret',
  ].flatMap((kind): [string, string][] => [
    [kind, kind],
    [kind === 'Ingress' ? 'Ingresses' : `${kind}s`, kind],
  ]),
  ['HPA', 'HorizontalPodAutoscaler'],
  ['HorizontalPodAutoscaler', 'HorizontalPodAutoscaler'],
  ['PDB', 'PodDisruptionBudget'],
  ['PodDisruptionBudget', 'PodDisruptionBudget'],
  ['NetworkPolicy', 'NetworkPolicy'],
  ['ServiceAccount', 'ServiceAccount'],
  ['PVC', 'PersistentVolumeClaim'],
  ['PersistentVolumeClaim', 'PersistentVolumeClaim'],
]);

/**
 * Kinds when the item is nothing but kind names ("ConfigMap", "Deployment / Service") under a
 * Kubernetes heading or parent: in that list, a capitalised "Deployment" is the kind.
 */
function kindsListedAlone(item: ChecklistItem): string[] {
  const words = item.text
    .replace(/[*_`]/g, '')
    .split(/\s*(?:[/,&+]|\band\b)\s*|\s+/)
    .filter(Boolean);
  const kinds = words.map((word) => KIND_NAMES.get(word));
  if (!words.length || kinds.some((kind) => kind === undefined)) return [];
  const context = { ...item, text: '', details: [] };
  return inKubernetesContext(context) ? [...new Set(kinds as string[])] : [];
}

/** An item that enumerates manifest kinds claims their existence only; k8s.manifests-present checks it. */
export function enumeratesManifestKinds(item: ChecklistItem): boolean {
  return (k8sManifestsPresent.match(item)[0]?.kinds.length ?? 0) >= 2;
}
