import { isComposePath } from '../../collectors/compose.js';
import { kubernetesCollector } from '../../collectors/kubernetes.js';
import { type MeshTrace, serviceMeshCollector } from '../../collectors/service-mesh.js';
import { inScope, isNonProductionPath } from '../../evidence.js';
import type { EvalContext, Rule } from '../../rule.js';
import type { ChecklistItem, EvidenceRef, Finding } from '../../types.js';

export interface MeshClaim {
  /** Meshes the item names; empty for "service mesh" in general. */
  meshes: string[];
  /** The item says more than that a mesh runs ("mTLS via Istio"): a reviewer judges the rest. */
  qualified: boolean;
}

const MESH_WORDS = /\bservice[- ]mesh\b/i;
const NAMES: [RegExp, string][] = [
  [/\bIstio\b/i, 'Istio'],
  [/\bLinkerd2?\b/i, 'Linkerd'],
  [/\bConsul Connect\b/i, 'Consul Connect'],
  // Kuma is also a name: only with "mesh" beside it.
  [/\bKuma\b(?=.*\bmesh\b)|\bKong Mesh\b/i, 'Kuma'],
  [/\bOpen Service Mesh\b/i, 'Open Service Mesh'],
  [/\bApp ?Mesh\b/i, 'AWS App Mesh'],
  [/\bTraefik Mesh\b/i, 'Traefik Mesh'],
];
/** Wording that weighs, drops or rules out a mesh. */
const NOT_USED =
  /\b(?:no|not|without|remov\w*|replac\w*|migrat\w*|drop\w*|instead|avoid\w*|vs|versus|evaluat\w*|consider\w*|investigat\w*|alternatives?|if (?:needed|required|applicable)|compare\w*)\b/i;
/** Words that only say a mesh is there. */
const SET_UP =
  /\b(?:service|mesh|set\s?up|setup|configur(?:e|ed|ation)|config|enabl(?:e|ed)|install(?:ed)?|deploy(?:ed)?|integrat(?:e|ed|ion)|in place|use[sd]?|add(?:ed)?|with|and|or|the|a|for|k8s|kubernetes)\b|[&+/,:()-]|配置|集成/gi;
/** Beyond this many words of its own, the mesh is a detail of another claim. */
const MAX_OTHER_WORDS = 3;

function meshClaims(item: ChecklistItem): MeshClaim[] {
  if (item.signOff) return [];
  const text = item.text.replace(/[*_`]/g, ' ');
  const meshes = NAMES.filter(([pattern]) => pattern.test(text)).map(([, name]) => name);
  if (!meshes.length && !MESH_WORDS.test(text)) return [];
  if (NOT_USED.test(text)) return [];
  let rest = text;
  for (const [pattern] of NAMES) rest = rest.replace(new RegExp(pattern.source, `${pattern.flags}g`), ' ');
  const other = (rest.replace(SET_UP, ' ').match(/[a-z][a-z0-9-]*/gi) ?? []).filter(Boolean);
  if (other.length > MAX_OTHER_WORDS) return [];
  return [{ meshes, qualified: other.length > 0 }];
}

/** Files that say how the project runs: without any, a mesh may be set up where it is deployed. */
const DEPLOYMENT_FILE = /\.(tf|hcl)$|(^|\/)Chart\.ya?ml$|(^|\/)(kustomization|skaffold|helmfile)\.ya?ml$/;

export const k8sServiceMesh: Rule<MeshClaim> = {
  id: 'k8s.service-mesh',
  title: 'A service mesh (Istio, Linkerd, Consul Connect...) is enabled for the workloads',
  why: 'A checklist that counts on a mesh for mTLS, retries or traffic shifting promises protections nothing provides when the mesh is not there.',
  fix: 'Enable the mesh for the namespace or workloads (e.g. `istio-injection: enabled`, `linkerd.io/inject: enabled`) in the manifests, or correct the checklist.',
  recognises:
    'Items whose subject is a service mesh ("Service mesh", "Service mesh (Istio/Linkerd)", "Istio configured"); ' +
    'not items that weigh or rule one out.',
  needs: [serviceMeshCollector, kubernetesCollector],
  match: meshClaims,
  evaluate(claim, ctx) {
    const { traces, scanned } = ctx.get(serviceMeshCollector);
    const counts = (path: string) =>
      !isNonProductionPath(path) || (ctx.scope !== '' && inScope(path, ctx.scope));
    const named = (trace: MeshTrace) => !claim.meshes.length || claim.meshes.includes(trace.mesh);
    const production = traces.filter((trace) => trace.strict && named(trace) && counts(trace.path));
    const what = claim.meshes.length ? claim.meshes.join(' or ') : 'service mesh';

    const enabling = first(
      production.filter((trace) => trace.enables),
      ctx.scope,
    );
    if (enabling) {
      const found = `${enabling.mesh} is enabled at ${at(enabling)}`;
      if (claim.qualified)
        return unknown(`${found}; what the item adds about it needs a reviewer`, [ref(enabling)]);
      return { verdict: 'pass', message: found, evidence: [ref(enabling)] };
    }
    const seen = first(production, ctx.scope);
    if (seen) {
      return unknown(
        `${seen.mesh} is named at ${at(seen)}, but no manifest enables it (no injection label or mesh resource)`,
        [ref(seen)],
      );
    }
    const deployment = deploymentFiles(ctx).filter(counts);
    if (!deployment.length || !scanned) {
      return unknown(
        `no trace of ${what} in the repository, but no Kubernetes, Compose, Helm or Terraform files say how it runs either; a mesh may be set up where it is deployed`,
        [],
      );
    }
    const elsewhere = traces.filter((trace) => named(trace));
    const aside = elsewhere.length
      ? ` (named only in comments or outside the project's own files: ${elsewhere
          .slice(0, 2)
          .map(at)
          .join(', ')})`
      : '';
    return {
      verdict: 'fail',
      message: `no ${what} in the ${scanned} manifest, configuration and code files${aside}: no injection label, mesh resource, install script or Helm values; the deployment is described by ${deployment
        .slice(0, 3)
        .join(', ')}`,
      evidence: deployment.slice(0, 3).map((path) => ({ path })),
    };
  },
  examples: {
    match: [
      'Service mesh',
      'Service mesh (Istio/Linkerd)',
      'Istio configured',
      'Linkerd service mesh enabled',
    ],
    noMatch: [
      'No service mesh needed for a single service',
      'Evaluate Istio vs Linkerd',
      'Kuma the cat adopted',
      'Service mesh retries, circuit breaking, traffic mirroring and canary weights tuned for the checkout path',
      'Mesh network for the IoT devices',
    ],
    verdicts: [
      {
        files: {
          'k8s/namespace.yaml':
            'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels:\n    istio-injection: enabled\n',
        },
        item: 'Service mesh (Istio/Linkerd)',
        verdict: 'pass',
      },
      {
        files: {
          'k8s/deployment.yaml':
            'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          image: ghcr.io/acme/api:1.0.0\n',
        },
        item: 'Service mesh',
        verdict: 'fail',
      },
      {
        // An install script names the mesh but nothing enables it for the workloads.
        files: {
          'scripts/cluster.sh': 'istioctl install --set profile=default -y\n',
          'k8s/deployment.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\n',
        },
        item: 'Istio configured',
        verdict: 'unknown',
      },
      {
        // Linkerd is there, but the item names Istio.
        files: {
          'k8s/namespace.yaml':
            'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  annotations:\n    linkerd.io/inject: enabled\n',
        },
        item: 'Istio configured',
        verdict: 'fail',
      },
      {
        files: { 'src/app.ts': 'export {};\n' },
        item: 'Service mesh',
        verdict: 'unknown',
      },
    ],
  },
};

function deploymentFiles(ctx: EvalContext): string[] {
  const manifests = ctx.get(kubernetesCollector).manifestFiles;
  const others = ctx.files.filter((path) => isComposePath(path) || DEPLOYMENT_FILE.test(path));
  return [...new Set([...manifests, ...others])];
}

function first(traces: readonly MeshTrace[], scope: string): MeshTrace | undefined {
  return traces.find((trace) => inScope(trace.path, scope)) ?? traces[0];
}

function at(trace: MeshTrace): string {
  return `${trace.path}:${trace.line}`;
}

function ref(trace: MeshTrace): EvidenceRef {
  return { path: trace.path, line: trace.line };
}

function unknown(message: string, evidence: EvidenceRef[]): Finding {
  return { verdict: 'unknown', message, evidence };
}
