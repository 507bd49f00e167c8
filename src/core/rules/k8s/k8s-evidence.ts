// What the kubernetes rules share: when an item is about Kubernetes at all, which
// manifests a checklist speaks about, and how per-container findings become one verdict.

import {
  type ContainerFacts,
  type KubeLocation,
  type KubernetesEvidence,
  kubernetesCollector,
  type WorkloadFacts,
} from '../../collectors/kubernetes.js';
import { inScope, isNonProductionPath } from '../../evidence.js';
import { claimText, type EvalContext } from '../../rule.js';
import type { ChecklistItem, EvidenceRef, Finding } from '../../types.js';

/** Words that put an item in a Kubernetes context. "deployment" alone does not: it is also a CI step. */
const KUBERNETES_CONTEXT =
  /\b(kubernetes|k8s|kube|kubectl|helm|kustomi[sz]e|pods?|hpas?|horizontal ?pod ?autoscal\w*|ingress(es)?|cluster|statefulsets?|daemonsets?|cronjobs?|manifests?|podsecurity|pod ?security|network ?polic(y|ies)|pdbs?|pod ?disruption ?budgets?|eks|gke|aks|openshift)\b/i;

export function itemText(item: ChecklistItem): string {
  return claimText(item);
}

/** Whether the item (or the list and sections it sits in) is about Kubernetes. */
export function inKubernetesContext(item: ChecklistItem): boolean {
  return [claimText(item), ...item.parents, ...item.section].some((text) =>
    KUBERNETES_CONTEXT.test(text.replace(OTHER_CLUSTERS, '')),
  );
}

/** Clusters that are not Kubernetes clusters. */
const OTHER_CLUSTERS =
  /\b(ecs|redis|database|db|kafka|elasticsearch|opensearch|mongo\w*|postgres\w*|mysql|aurora|rds|cassandra|nats)\s+clusters?\b/gi;

export interface ManifestSelection {
  evidence: KubernetesEvidence;
  /** Keeps facts from manifests the checklist speaks about. */
  includes(at: KubeLocation): boolean;
  /**
   * False when the checklist's folder holds no manifests and the repository's others were
   * taken instead: they may belong to other services, so a missing fact there is no proof.
   */
  certain: boolean;
  /** Where the rule looked, for messages. */
  where: string;
}

export function selectManifests(ctx: EvalContext): ManifestSelection {
  const evidence = ctx.get(kubernetesCollector);
  // Retired copies, examples and local-cluster overlays do not speak for production manifests,
  // unless they are in the checklist's own folder.
  const production = (path: string) =>
    !isNonProductionPath(path) || (ctx.scope !== '' && inScope(path, ctx.scope));
  const scoped = evidence.manifestFiles.some((file) => inScope(file, ctx.scope) && production(file));
  if (ctx.scope === '' || scoped) {
    return {
      evidence,
      includes: (at) => inScope(at.path, ctx.scope) && production(at.path),
      certain: true,
      where: ctx.scope === '' ? 'the repository' : `${ctx.scope}/`,
    };
  }
  return {
    evidence,
    includes: (at) => production(at.path),
    certain: false,
    where: `the repository (none under ${ctx.scope}/)`,
  };
}

/** Whether the repository holds any Kubernetes manifest (parsed or not) for this checklist. */
export function hasManifests(selection: ManifestSelection): boolean {
  return (
    selection.evidence.objects.some((object) => selection.includes(object.at)) ||
    selection.evidence.unparsable.some(
      (file) => file.kinds.length > 0 && selection.includes({ path: file.path, line: 1 }),
    )
  );
}

/** The verdict when the repository has no manifests: they may live in another repository. */
export function noManifests(selection: ManifestSelection, what: string): Finding {
  return {
    verdict: 'unknown',
    message: `no Kubernetes manifests in ${selection.where} (looked for apiVersion/kind in ${selection.evidence.yamlFiles} YAML files), so ${what} cannot be checked here; the manifests that deploy it decide`,
    evidence: [],
  };
}

export function where(at: KubeLocation): string {
  return `${at.path}:${at.line}`;
}

/** Evidence for a fact: the manifest line, and the values.yaml line it was filled from. */
export function evidenceAt(at: KubeLocation, excerpt?: string): EvidenceRef[] {
  const refs: EvidenceRef[] = [
    excerpt ? { path: at.path, line: at.line, excerpt } : { path: at.path, line: at.line },
  ];
  if (at.fromValues) refs.push({ path: at.fromValues.path, line: at.fromValues.line });
  return refs;
}

/** Whether a fact depends on Helm values or a template condition rather than the manifest alone. */
export function dependsOnValues(at: KubeLocation): boolean {
  return Boolean(at.fromValues || at.condition);
}

export function listed(names: string[], max = 4): string {
  if (names.length <= max) return names.join(', ');
  return `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
}

export type Outcome = 'ok' | 'missing' | 'undecided';

export interface Judged {
  /** "Deployment/api container web". */
  subject: string;
  outcome: Outcome;
  at: KubeLocation;
  /** What is wrong or undecided, for the message ("no memory limit"). */
  detail?: string;
  /** A Kustomize patch we cannot read that may set the missing fact. */
  patchedAt?: KubeLocation[];
}

/**
 * One finding from many per-object judgements: any missing fact fails (when the manifests
 * are certainly the checklist's), any undecided one leaves it unknown, otherwise it passes.
 */
export function summarise(
  judged: Judged[],
  selection: ManifestSelection,
  noun: string,
  claim: string,
): Finding {
  const settled = judged
    .map((entry) =>
      entry.outcome === 'missing' && entry.at.condition
        ? {
            ...entry,
            outcome: 'undecided' as const,
            detail: `${entry.detail ?? ''} (${entry.at.condition})`.trim(),
          }
        : entry,
    )
    .map((entry) =>
      entry.outcome === 'missing' && entry.patchedAt?.[0]
        ? {
            ...entry,
            outcome: 'undecided' as const,
            detail:
              `${entry.detail ?? ''}, unless the Kustomize patch at ${where(entry.patchedAt[0])} sets it`.replace(
                /^, /,
                '',
              ),
          }
        : entry,
    );
  const missing = settled.filter((entry) => entry.outcome === 'missing');
  const undecided = settled.filter((entry) => entry.outcome === 'undecided');
  const describe = (entries: Judged[]) =>
    listed(
      entries.map(
        (entry) => `${entry.subject}${entry.detail ? ` ${entry.detail}` : ''} (${where(entry.at)})`,
      ),
    );
  const evidenceOf = (entries: Judged[]) => entries.slice(0, 5).flatMap((entry) => evidenceAt(entry.at));
  if (missing.length) {
    const message = `${missing.length} of ${judged.length} ${noun} without ${claim}: ${describe(missing)}`;
    if (selection.certain) return { verdict: 'fail', message, evidence: evidenceOf(missing) };
    return {
      verdict: 'unknown',
      message: `${message}; these manifests lie outside the checklist's folder, so they may belong to another service`,
      evidence: evidenceOf(missing),
    };
  }
  if (undecided.length) {
    return {
      verdict: 'unknown',
      message: `${claim} for ${undecided.length} of ${judged.length} ${noun} depends on Helm values or template conditions: ${describe(undecided)}; the values used to deploy decide`,
      evidence: evidenceOf(undecided),
    };
  }
  return {
    verdict: 'pass',
    message: `all ${judged.length} ${noun} set ${claim} (${listed(
      judged.map((entry) => where(entry.at)),
      3,
    )})`,
    evidence: evidenceOf(judged),
  };
}

export interface ContainerInWorkload {
  workload: WorkloadFacts;
  container: ContainerFacts;
  /** "Deployment/api container web". */
  subject: string;
}

/** Containers of the selected workloads; init containers only when asked. */
export function containersOf(
  selection: ManifestSelection,
  options: { init: boolean; kinds?: (kind: string) => boolean },
): ContainerInWorkload[] {
  return selection.evidence.workloads
    .filter(
      (workload) => selection.includes(workload.object.at) && (options.kinds?.(workload.object.kind) ?? true),
    )
    .flatMap((workload) =>
      workload.containers
        .filter((container) => options.init || !container.init)
        .map((container) => ({
          workload,
          container,
          subject: `${workload.object.kind}/${workload.object.name} ${container.init ? 'init container' : 'container'} ${container.name}`,
        })),
    );
}

/** The verdict when manifests exist but none is of the kind the item claims. */
export function missingKind(selection: ManifestSelection, kind: string): Finding {
  const files = selection.evidence.manifestFiles.filter((file) =>
    selection.includes({ path: file, line: 1 }),
  );
  const message = `no ${kind} among ${files.length} Kubernetes manifest files in ${selection.where} (${listed(files, 3)})`;
  if (!selection.certain) {
    return {
      verdict: 'unknown',
      message: `${message}; another repository may hold this service's ${kind}`,
      evidence: [],
    };
  }
  return { verdict: 'fail', message, evidence: files.slice(0, 5).map((path) => ({ path })) };
}

/** Marks a judgement about a workload that unreadable Kustomize patches may change. */
export function withPatches(judged: Judged, workload: WorkloadFacts | undefined): Judged {
  return workload?.opaquePatches ? { ...judged, patchedAt: workload.opaquePatches } : judged;
}

/**
 * Every kind the selected manifests declare, with where it is first declared: parsed objects,
 * `kind:` lines of Helm templates and of files that did not parse (so templating hides nothing).
 */
export function declaredKinds(selection: ManifestSelection): Map<string, EvidenceRef> {
  const found = new Map<string, EvidenceRef>();
  const record = (kind: string, path: string, line: number) => {
    if (!found.has(kind)) found.set(kind, { path, line, excerpt: `kind: ${kind}` });
  };
  const { evidence } = selection;
  for (const object of evidence.objects)
    if (selection.includes(object.at)) record(object.kind, object.at.path, object.at.line);
  for (const chart of evidence.charts)
    for (const kind of chart.templateKinds) record(kind.kind, kind.at.path, kind.at.line);
  for (const file of evidence.unparsable)
    for (const kind of file.kinds) record(kind.kind, file.path, kind.line);
  return found;
}
