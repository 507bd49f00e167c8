// Where the project's files (never documentation) name a service mesh: Istio, Linkerd, Consul
// Connect, Kuma, Open Service Mesh, AWS App Mesh, Traefik Mesh. A mesh is installed and enabled
// through manifests, Helm values, Terraform or scripts, so its absence from all of them shows
// the project does not run one; a sidecar-injection label or a mesh resource shows it does.

import type { Collector, RepoView } from '../evidence.js';
import { isScannedForTechnologies } from '../formats/project-files.js';

export interface MeshTrace {
  path: string;
  line: number;
  mesh: string;
  /**
   * The line enables the mesh for workloads or declares its resources (an injection label, a
   * mesh apiVersion), rather than only naming it (an install script, a comment).
   */
  enables: boolean;
  /** Not a comment line. */
  strict: boolean;
}

export interface ServiceMeshEvidence {
  traces: MeshTrace[];
  scanned: number;
}

export const MESHES: readonly { name: string; trace: RegExp; enables: RegExp }[] = [
  {
    name: 'Istio',
    trace: /\bistio/i,
    enables:
      /istio-injection:\s*["']?enabled|sidecar\.istio\.io\/inject:\s*["']?true|apiVersion:\s*[\w.]*istio\.io\//i,
  },
  {
    name: 'Linkerd',
    trace: /\blinkerd/i,
    enables: /linkerd\.io\/inject:\s*["']?(enabled|ingress)|apiVersion:\s*[\w.]*linkerd\.io\//i,
  },
  {
    name: 'Consul Connect',
    trace: /connect-inject|consul\.hashicorp\.com\/connect|\bconsul\s+connect\b/i,
    enables: /consul\.hashicorp\.com\/connect-inject:\s*["']?true|apiVersion:\s*consul\.hashicorp\.com\//i,
  },
  {
    name: 'Kuma',
    trace: /\bkuma\.io\b|\bkumactl\b|\bkong-mesh\b/i,
    enables: /kuma\.io\/sidecar-injection:\s*["']?enabled|apiVersion:\s*kuma\.io\//i,
  },
  {
    name: 'Open Service Mesh',
    trace: /openservicemesh|\bosm\s+install\b/i,
    enables:
      /openservicemesh\.io\/sidecar-injection:\s*["']?enabled|apiVersion:\s*[\w.]*openservicemesh\.io\//i,
  },
  {
    name: 'AWS App Mesh',
    trace: /\bapp\s?mesh\b|appmesh/i,
    enables:
      /appmesh\.k8s\.aws\/sidecarInjectorWebhook:\s*["']?enabled|apiVersion:\s*appmesh\.k8s\.aws\/|aws_appmesh_/i,
  },
  {
    name: 'Traefik Mesh',
    trace: /traefik[- ]mesh|\bmaesh\b/i,
    enables: /apiVersion:\s*specs\.smi-spec\.io\//i,
  },
];

const COMMENT = /^\s*(?:\/\/|#|\/\*|\*|--|;|<!--)/;
const ANY = new RegExp(MESHES.map((mesh) => `(?:${mesh.trace.source})`).join('|'), 'i');

/** [mesh name, line, enables, strict]: per mesh, its first line, first strict line and first enabling line. */
export function meshTracesIn(text: string): [string, number, boolean, boolean][] {
  if (!ANY.test(text)) return [];
  const found: [string, number, boolean, boolean][] = [];
  const kept = new Set<string>();
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] as string;
    if (!ANY.test(line)) continue;
    const strict = !COMMENT.test(line);
    for (const mesh of MESHES) {
      if (!mesh.trace.test(line)) continue;
      const enables = strict && mesh.enables.test(line);
      const key = `${mesh.name} ${enables ? 'enables' : strict ? 'strict' : 'named'}`;
      if (kept.has(key)) continue;
      kept.add(key);
      found.push([mesh.name, index + 1, enables, strict]);
    }
  }
  return found;
}

export const serviceMeshCollector: Collector<ServiceMeshEvidence> = {
  id: 'service-mesh',
  async collect(repo: RepoView): Promise<ServiceMeshEvidence> {
    const paths = repo.files.filter(isScannedForTechnologies);
    const perFile = await repo.perFiles('service-mesh', paths, meshTracesIn);
    const traces: MeshTrace[] = [];
    let scanned = 0;
    perFile.forEach((found, index) => {
      if (!found) return;
      scanned += 1;
      const path = paths[index] as string;
      for (const [mesh, line, enables, strict] of found) traces.push({ path, line, mesh, enables, strict });
    });
    return { traces, scanned };
  },
};
