// Kubernetes evidence: plain manifests, Kustomize bases and overlays, and Helm charts
// (templates read best-effort against the chart's values.yaml, never rendered by Helm).
// Each file is read once through RepoView; malformed YAML is recorded, never thrown.

import type { Collector, RepoView } from '../evidence.js';
import { inFolders } from '../formats/folders.js';
import {
  child,
  items,
  keyLine,
  type LocatedNode,
  parseLocated,
  path,
  text,
} from '../formats/located-yaml.js';
import { folderOf, joinPath } from '../formats/paths.js';
import {
  hpaFacts,
  ingressFacts,
  type Locate,
  limitRangeFacts,
  namespaceFacts,
  networkPolicyFacts,
  pdbFacts,
  secretFacts,
  serviceAccountFacts,
  workloadFacts,
} from './kubernetes/extract.js';
import type {
  ChartFacts,
  ContainerFacts,
  KubeLocation,
  KubeObject,
  KubernetesEvidence,
  KustomizationFacts,
} from './kubernetes/facts.js';
import { type ChartValues, isTemplate, type LineOrigin, renderTemplate } from './kubernetes/helm.js';

export type * from './kubernetes/facts.js';

const YAML_FILE = /\.ya?ml$/i;
const KUSTOMIZATION = /(^|\/)(kustomization\.ya?ml|Kustomization)$/;
/** Test fixtures and vendored code hold manifests that are not this project's deployment. */
const NOT_DEPLOYMENT = inFolders([
  'node_modules',
  'vendor',
  'fixtures',
  '__fixtures__',
  'testdata',
  'test',
  'tests',
  '__tests__',
  '.github',
]);
const KIND_LINE = /^kind:\s*["']?([A-Za-z][\w]*)/;

export const kubernetesCollector: Collector<KubernetesEvidence> = {
  id: 'kubernetes',
  unparsable: (evidence) => evidence.unparsable.map((file) => ({ path: file.path, reason: file.error })),
  collect: collectKubernetes,
};

async function collectKubernetes(repo: RepoView): Promise<KubernetesEvidence> {
  const yamlFiles = repo.files.filter((file) => YAML_FILE.test(file) && !NOT_DEPLOYMENT.test(file));
  const evidence: KubernetesEvidence = {
    yamlFiles: yamlFiles.length,
    manifestFiles: [],
    objects: [],
    workloads: [],
    hpas: [],
    pdbs: [],
    networkPolicies: [],
    ingresses: [],
    namespaces: [],
    secrets: [],
    limitRanges: [],
    serviceAccounts: [],
    kustomizations: [],
    charts: [],
    unparsable: [],
  };

  const charts = await readCharts(repo, yamlFiles, evidence);
  const patchFiles = await readKustomizations(repo, evidence);

  const manifests: { file: string; chart: ChartContext | undefined }[] = [];
  for (const file of yamlFiles) {
    if (KUSTOMIZATION.test(file) || /(^|\/)Chart\.ya?ml$/.test(file)) continue;
    const chart = charts.find((candidate) => file.startsWith(candidate.facts.dir));
    if (chart && !file.startsWith(`${chart.facts.dir}templates/`)) continue;
    manifests.push({ file, chart });
  }
  // Whether a YAML file outside a chart declares a kind, through the per-file memo (it depends on
  // the text alone): a PR's base reads only manifests, not every unchanged YAML file again.
  const plain = manifests.filter(({ chart }) => !chart).map(({ file }) => file);
  const kinds = await repo.perFiles('k8s-declares-kind', plain, (source) => /^kind\s*:/m.test(source));
  const declaresKind = new Map(plain.map((file, index) => [file, kinds[index] === true]));
  for (const { file, chart } of manifests) {
    if (!chart && !declaresKind.get(file)) continue;
    const source = await repo.read(file);
    if (source === null) continue;
    readManifest(file, source, chart, patchFiles.has(file), evidence);
  }
  mergePatches(evidence);
  return evidence;
}

interface ChartContext {
  facts: ChartFacts;
  values: ChartValues | null;
}

async function readCharts(
  repo: RepoView,
  yamlFiles: readonly string[],
  evidence: KubernetesEvidence,
): Promise<ChartContext[]> {
  const contexts: ChartContext[] = [];
  for (const chartFile of yamlFiles.filter((file) => /(^|\/)Chart\.ya?ml$/.test(file))) {
    const dir = chartFile.slice(0, chartFile.lastIndexOf('/') + 1);
    const facts: ChartFacts = { dir, templateKinds: [] };
    let values: ChartValues | null = null;
    const valuesPath = [`${dir}values.yaml`, `${dir}values.yml`].find((candidate) => repo.has(candidate));
    if (valuesPath) {
      facts.valuesPath = valuesPath;
      const parsed = parseLocated((await repo.read(valuesPath)) ?? '');
      if (parsed.ok) values = { path: valuesPath, root: parsed.documents[0]?.root ?? null };
      else evidence.unparsable.push({ path: valuesPath, error: parsed.error, line: parsed.line, kinds: [] });
    }
    contexts.push({ facts, values });
    evidence.charts.push(facts);
  }
  // Nested charts (charts/app/charts/db) must win over their parent.
  return contexts.sort((a, b) => b.facts.dir.length - a.facts.dir.length);
}

async function readKustomizations(repo: RepoView, evidence: KubernetesEvidence): Promise<Set<string>> {
  const patchFiles = new Set<string>();
  for (const file of repo.files.filter((candidate) => KUSTOMIZATION.test(candidate))) {
    if (NOT_DEPLOYMENT.test(file)) continue;
    const parsed = parseLocated((await repo.read(file)) ?? '');
    if (!parsed.ok) {
      evidence.unparsable.push({ path: file, error: parsed.error, line: parsed.line, kinds: [] });
      continue;
    }
    const root = parsed.documents[0]?.root;
    const dir = file.slice(0, file.lastIndexOf('/') + 1);
    const listed = (key: string) =>
      items(child(root, key)).flatMap((item) => text(item) ?? text(child(item, 'path')) ?? []);
    const patches = ['patches', 'patchesStrategicMerge', 'patchesJson6902']
      .flatMap(listed)
      .map((patch) => joinPath(dir, patch));
    for (const patch of patches) patchFiles.add(patch);
    const facts: KustomizationFacts = {
      path: file,
      resources: listed('resources').map((resource) => joinPath(dir, resource)),
      patches,
      components: listed('components').map((component) => joinPath(dir, component)),
      component: text(child(root, 'kind')) === 'Component',
      opaquePatches: [...items(child(root, 'patches')), ...items(child(root, 'patchesJson6902'))]
        .filter((entry) => child(entry, 'patch') || child(entry, 'target'))
        .map((entry) => ({ ...patchTarget(entry), at: { path: file, line: entry.line } })),
      replicas: items(child(root, 'replicas')).flatMap((entry) => {
        const name = text(child(entry, 'name'));
        const count = Number(text(child(entry, 'count')));
        return name && Number.isInteger(count) ? [{ name, count, at: { path: file, line: entry.line } }] : [];
      }),
      secretGenerators: items(child(root, 'secretGenerator')).map((generator) => ({
        name: text(child(generator, 'name')) ?? '(unnamed)',
        at: { path: file, line: generator.line },
        literals: items(child(generator, 'literals')).length,
        files: items(child(generator, 'files')).length + items(child(generator, 'envs')).length,
      })),
    };
    evidence.kustomizations.push(facts);
  }
  return patchFiles;
}

function readManifest(
  file: string,
  source: string,
  chart: ChartContext | undefined,
  patch: boolean,
  evidence: KubernetesEvidence,
): void {
  const kindLines = source.split(/\r\n|\r|\n/).flatMap((line, index) => {
    const kind = KIND_LINE.exec(line)?.[1];
    return kind ? [{ kind, line: index + 1 }] : [];
  });
  if (chart) {
    for (const { kind, line } of kindLines)
      chart.facts.templateKinds.push({ kind, at: { path: file, line } });
  }
  const rendered = isTemplate(source) ? renderTemplate(source, chart?.values ?? null) : null;
  const parsed = parseLocated(rendered?.text ?? source);
  if (!parsed.ok) {
    if (kindLines.length)
      evidence.unparsable.push({ path: file, error: parsed.error, line: parsed.line, kinds: kindLines });
    return;
  }
  const locate: Locate = (line) => ({
    path: file,
    line: rendered?.lineMap[line - 1] ?? line,
    ...originOf(rendered?.origins.get(line)),
  });
  let found = false;
  for (const document of parsed.documents) {
    const root = document.root;
    const apiVersion = text(child(root, 'apiVersion'));
    const kind = text(child(root, 'kind'));
    if (!root || !apiVersion || !kind) continue;
    // `helm test` pods are checks run by hand, not part of the deployment.
    if (/\btest\b/.test(text(path(root, 'metadata', 'annotations', 'helm.sh/hook')) ?? '')) continue;
    found = true;
    const object: KubeObject = {
      apiVersion,
      kind,
      name: text(child(child(root, 'metadata'), 'name')) ?? '(unnamed)',
      at: locate(keyLine(root, 'kind') ?? document.line),
      patch,
    };
    const namespace = text(child(child(root, 'metadata'), 'namespace'));
    if (namespace) object.namespace = namespace;
    if (chart) object.chart = chart.facts.dir;
    evidence.objects.push(object);
    addFacts(root, object, locate, evidence);
  }
  if (found) evidence.manifestFiles.push(file);
}

function addFacts(root: LocatedNode, object: KubeObject, locate: Locate, evidence: KubernetesEvidence): void {
  const workload = workloadFacts(root, object, locate);
  if (workload) {
    evidence.workloads.push(workload);
    return;
  }
  switch (object.kind) {
    case 'HorizontalPodAutoscaler':
      evidence.hpas.push(hpaFacts(root, object, locate));
      return;
    case 'PodDisruptionBudget':
      evidence.pdbs.push(pdbFacts(root, object, locate));
      return;
    case 'NetworkPolicy':
      evidence.networkPolicies.push(networkPolicyFacts(root, object));
      return;
    case 'Ingress':
      evidence.ingresses.push(ingressFacts(root, object, locate));
      return;
    case 'Namespace':
      evidence.namespaces.push(namespaceFacts(root, object, locate));
      return;
    case 'Secret':
      evidence.secrets.push(secretFacts(root, object, locate));
      return;
    case 'ServiceAccount':
      evidence.serviceAccounts.push(serviceAccountFacts(root, object, locate));
      return;
    case 'LimitRange':
      evidence.limitRanges.push(limitRangeFacts(root, object));
      return;
    default:
      return;
  }
}

function originOf(origin: LineOrigin | undefined): Pick<KubeLocation, 'fromValues' | 'condition'> {
  if (!origin) return {};
  const result: Pick<KubeLocation, 'fromValues' | 'condition'> = {};
  if (origin.valuesPath && origin.valuesLine)
    result.fromValues = { path: origin.valuesPath, line: origin.valuesLine };
  if (origin.condition) result.condition = origin.condition;
  return result;
}

/**
 * A Kustomize patch is only part of an object: its settings complete the base workload
 * of the same kind and name, and it never counts as a workload of its own.
 */
function mergePatches(evidence: KubernetesEvidence): void {
  const patches = evidence.workloads.filter((workload) => workload.object.patch);
  evidence.workloads = evidence.workloads.filter((workload) => !workload.object.patch);
  for (const kustomization of evidence.kustomizations) {
    const reach = reachOf(kustomization, evidence.kustomizations, new Set());
    const reached = evidence.workloads.filter(
      (workload) =>
        !workload.object.chart &&
        reach.some(
          (prefix) =>
            prefix === '' ||
            workload.object.at.path === prefix ||
            workload.object.at.path.startsWith(`${prefix}/`),
        ),
    );
    for (const workload of reached) {
      const replicas = kustomization.replicas.find((entry) => entry.name === workload.object.name);
      if (replicas && !workload.replicas) workload.replicas = { value: replicas.count, at: replicas.at };
      for (const patch of kustomization.opaquePatches) {
        if ((patch.kind ?? workload.object.kind) !== workload.object.kind) continue;
        if ((patch.name ?? workload.object.name) !== workload.object.name) continue;
        workload.opaquePatches = [...(workload.opaquePatches ?? []), patch.at];
      }
    }
  }
  for (const patch of patches) {
    const bases = evidence.workloads.filter(
      (base) => base.object.kind === patch.object.kind && base.object.name === patch.object.name,
    );
    for (const base of bases) {
      base.replicas ??= patch.replicas;
      base.pod.securityContext ??= patch.pod.securityContext;
      base.pod.automountServiceAccountToken ??= patch.pod.automountServiceAccountToken;
      for (const patched of patch.containers) {
        const target = base.containers.find((container) => container.name === patched.name);
        if (target) completeContainer(target, patched);
      }
    }
  }
}

/** Folders and files whose objects a kustomization (or a Component, through its includers) can patch. */
function reachOf(kustomization: KustomizationFacts, all: KustomizationFacts[], seen: Set<string>): string[] {
  if (seen.has(kustomization.path)) return [];
  seen.add(kustomization.path);
  const dir = folderOf(kustomization.path);
  if (kustomization.component) {
    return all
      .filter((includer) => includer.components.includes(dir))
      .flatMap((includer) => reachOf(includer, all, seen));
  }
  const nested = kustomization.resources.flatMap((resource) =>
    all
      .filter((candidate) => folderOf(candidate.path) === resource)
      .flatMap((sub) => reachOf(sub, all, seen)),
  );
  return [dir, ...kustomization.resources, ...nested];
}

/** Kind and name a patch targets: its `target`, or the object an inline strategic-merge patch names. */
function patchTarget(entry: LocatedNode): { kind?: string; name?: string } {
  const target = child(entry, 'target');
  const inline = text(child(entry, 'patch'));
  const parsed = inline ? parseLocated(inline) : null;
  const object = parsed?.ok ? parsed.documents[0]?.root : undefined;
  const kind = text(child(target, 'kind')) ?? text(child(object, 'kind'));
  const name = text(child(target, 'name')) ?? text(child(child(object, 'metadata'), 'name'));
  return { ...(kind ? { kind } : {}), ...(name ? { name } : {}) };
}

function completeContainer(target: ContainerFacts, patched: ContainerFacts): void {
  target.resources ??= patched.resources;
  target.securityContext ??= patched.securityContext;
  target.probes = { ...patched.probes, ...target.probes };
}
