// The shapes the kubernetes collector produces. Every fact carries the place it was read
// from; facts a Helm chart takes from values.yaml say so, and facts under a template
// condition that default values switch off (or cannot resolve) carry that condition.

export interface KubeLocation {
  path: string;
  /** 1-based line in `path`. */
  line: number;
  /** The chart's values.yaml line the value was filled from, for Helm templates. */
  fromValues?: { path: string; line: number };
  /** Template condition the line depends on ("depends on if .Values.ingress.enabled"). */
  condition?: string;
}

/** A value read from a manifest; `templated` when only Helm can tell what it is. */
export interface Setting<T> {
  value?: T;
  templated?: true;
  at: KubeLocation;
}

export interface KubeObject {
  apiVersion: string;
  kind: string;
  /** metadata.name, or the template text that makes it. */
  name: string;
  namespace?: string;
  at: KubeLocation;
  /** Folder of the Helm chart the object comes from. */
  chart?: string;
  /** A Kustomize patch (overlay), not a complete object. */
  patch: boolean;
}

export interface SecurityContextFacts {
  at: KubeLocation;
  /** The whole block comes from a template action we could not resolve. */
  templated: boolean;
  runAsNonRoot?: Setting<boolean>;
  runAsUser?: Setting<number>;
  readOnlyRootFilesystem?: Setting<boolean>;
  allowPrivilegeEscalation?: Setting<boolean>;
  privileged?: Setting<boolean>;
  capabilitiesDrop?: Setting<string[]>;
}

export const PROBES = ['livenessProbe', 'readinessProbe', 'startupProbe'] as const;
export type ProbeKind = (typeof PROBES)[number];

export interface ResourceFacts {
  at: KubeLocation;
  templated: boolean;
  /** Resource names with a request (cpu, memory, ...). */
  requests: string[];
  limits: string[];
}

export interface ContainerFacts {
  name: string;
  init: boolean;
  at: KubeLocation;
  resources?: ResourceFacts;
  probes: Partial<Record<ProbeKind, Setting<'set' | 'empty'>>>;
  securityContext?: SecurityContextFacts;
  /** Names of the container's `env` entries, each at its `- name:` line; values are not kept. */
  env: { name: string; at: KubeLocation }[];
}

export interface WorkloadFacts {
  object: KubeObject;
  replicas?: Setting<number>;
  pod: {
    at: KubeLocation;
    securityContext?: SecurityContextFacts;
    automountServiceAccountToken?: Setting<boolean>;
    serviceAccountName?: string;
  };
  containers: ContainerFacts[];
  /** Kustomize patches this collector cannot read (inline, JSON 6902) that target the workload. */
  opaquePatches?: KubeLocation[];
}

export interface HpaFacts {
  object: KubeObject;
  target?: { kind: string; name: string };
  minReplicas?: Setting<number>;
  maxReplicas?: Setting<number>;
  /** Target average utilisation in percent. */
  cpu?: Setting<number>;
  memory?: Setting<number>;
  /** Pods, Object and External metrics: names the application or an adapter must export. */
  custom: Setting<string>[];
}

export interface PdbFacts {
  object: KubeObject;
  minAvailable?: Setting<string | number>;
  maxUnavailable?: Setting<string | number>;
}

export interface NetworkPolicyFacts {
  object: KubeObject;
  /** podSelector is `{}`: the policy selects every pod of its namespace. */
  selectsAllPods: boolean;
  policyTypes: string[];
  /** Number of ingress/egress rules; undefined when the key is absent. */
  ingressRules?: number;
  egressRules?: number;
}

export interface IngressFacts {
  object: KubeObject;
  /** spec.tls entries; absent when the Ingress has no tls key. */
  tls?: Setting<number>;
  hosts: string[];
}

export const POD_SECURITY_MODES = ['enforce', 'audit', 'warn'] as const;
export type PodSecurityMode = (typeof POD_SECURITY_MODES)[number];

export interface NamespaceFacts {
  object: KubeObject;
  podSecurity: Partial<Record<PodSecurityMode, Setting<string>>>;
}

/** How a Secret entry's value looks; the value itself is never kept. */
export type SecretValueKind = 'literal' | 'templated' | 'empty' | 'placeholder';

export interface SecretFacts {
  object: KubeObject;
  type?: string;
  entries: { key: string; field: 'data' | 'stringData'; kind: SecretValueKind; at: KubeLocation }[];
}

export interface ServiceAccountFacts {
  object: KubeObject;
  automountServiceAccountToken?: Setting<boolean>;
}

export interface LimitRangeFacts {
  object: KubeObject;
  defaultLimits: string[];
  defaultRequests: string[];
}

export interface KustomizationFacts {
  path: string;
  resources: string[];
  patches: string[];
  /** Components (`kind: Component` folders) this kustomization includes. */
  components: string[];
  /** A Component applies its patches to whatever includes it. */
  component: boolean;
  /** Inline and JSON 6902 patches, by target kind and name (undefined: any). */
  opaquePatches: { kind?: string; name?: string; at: KubeLocation }[];
  /** The `replicas:` field: counts set by workload name. */
  replicas: { name: string; count: number; at: KubeLocation }[];
  secretGenerators: { name: string; at: KubeLocation; literals: number; files: number }[];
}

export interface ChartFacts {
  dir: string;
  valuesPath?: string;
  /** `kind:` lines found in the chart's templates, parsed or not. */
  templateKinds: { kind: string; at: KubeLocation }[];
}

export interface UnparsableManifest {
  path: string;
  error: string;
  line?: number;
  /** `kind:` lines found by plain text search, so the file still counts as a manifest. */
  kinds: { kind: string; line: number }[];
}

export interface KubernetesEvidence {
  /** YAML files the collector looked at. */
  yamlFiles: number;
  /** Files holding at least one Kubernetes object. */
  manifestFiles: string[];
  objects: KubeObject[];
  workloads: WorkloadFacts[];
  hpas: HpaFacts[];
  pdbs: PdbFacts[];
  networkPolicies: NetworkPolicyFacts[];
  ingresses: IngressFacts[];
  namespaces: NamespaceFacts[];
  secrets: SecretFacts[];
  limitRanges: LimitRangeFacts[];
  serviceAccounts: ServiceAccountFacts[];
  kustomizations: KustomizationFacts[];
  charts: ChartFacts[];
  unparsable: UnparsableManifest[];
}
