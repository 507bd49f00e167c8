// One parsed Kubernetes object → the facts rules read. Never throws: a field of the wrong
// shape is simply not a fact.

import {
  child,
  items,
  keyLine,
  keys,
  type LocatedNode,
  path,
  scalar,
  text,
} from '../../formats/located-yaml.js';
import type {
  ContainerFacts,
  HpaFacts,
  IngressFacts,
  KubeLocation,
  KubeObject,
  LimitRangeFacts,
  NamespaceFacts,
  NetworkPolicyFacts,
  PdbFacts,
  ProbeKind,
  ResourceFacts,
  SecretFacts,
  SecretValueKind,
  SecurityContextFacts,
  ServiceAccountFacts,
  Setting,
  WorkloadFacts,
} from './facts.js';
import { POD_SECURITY_MODES, PROBES } from './facts.js';
import { isTemplated } from './helm.js';

export type Locate = (line: number) => KubeLocation;

/** Where the pod template sits in each workload kind. */
const POD_TEMPLATE: Record<string, string[]> = {
  Deployment: ['spec', 'template'],
  StatefulSet: ['spec', 'template'],
  DaemonSet: ['spec', 'template'],
  ReplicaSet: ['spec', 'template'],
  ReplicationController: ['spec', 'template'],
  Job: ['spec', 'template'],
  Rollout: ['spec', 'template'],
  DeploymentConfig: ['spec', 'template'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template'],
  PodTemplate: ['template'],
  Pod: [],
};

export const WORKLOAD_KINDS = Object.keys(POD_TEMPLATE);

export function workloadFacts(root: LocatedNode, object: KubeObject, locate: Locate): WorkloadFacts | null {
  const templatePath = POD_TEMPLATE[object.kind];
  if (!templatePath) return null;
  const template = templatePath.length ? path(root, ...templatePath) : root;
  const spec = child(template, 'spec');
  const podLine = keyLine(template, 'spec') ?? object.at.line;
  const workload: WorkloadFacts = {
    object,
    pod: {
      at: locate(podLine),
      securityContext: securityContext(spec, locate),
      automountServiceAccountToken: setting(spec, 'automountServiceAccountToken', locate, asBoolean),
      serviceAccountName: text(child(spec, 'serviceAccountName')),
    },
    containers: [
      ...items(child(spec, 'initContainers')).map((node) => container(node, true, locate)),
      ...items(child(spec, 'containers')).map((node) => container(node, false, locate)),
    ],
  };
  const replicas = setting(child(root, 'spec'), 'replicas', locate, asNumber);
  if (replicas) workload.replicas = replicas;
  return workload;
}

function container(node: LocatedNode, init: boolean, locate: Locate): ContainerFacts {
  const probes: ContainerFacts['probes'] = {};
  for (const probe of PROBES) {
    const found = probeSetting(node, probe, locate);
    if (found) probes[probe] = found;
  }
  return {
    name: text(child(node, 'name')) ?? '(unnamed)',
    init,
    at: locate(node.line),
    resources: resources(node, locate),
    probes,
    securityContext: securityContext(node, locate),
    env: items(child(node, 'env')).flatMap((entry) => {
      const name = text(child(entry, 'name'));
      return name ? [{ name, at: locate(entry.line) }] : [];
    }),
  };
}

function probeSetting(
  node: LocatedNode,
  probe: ProbeKind,
  locate: Locate,
): Setting<'set' | 'empty'> | undefined {
  const line = keyLine(node, probe);
  if (line === undefined) return undefined;
  const value = child(node, probe);
  const at = keyAt(locate, line, value);
  if (value?.kind === 'scalar' && isTemplated(value.value)) return { templated: true, at };
  return { value: value?.kind === 'map' && value.entries.size > 0 ? 'set' : 'empty', at };
}

function resources(node: LocatedNode, locate: Locate): ResourceFacts | undefined {
  const line = keyLine(node, 'resources');
  if (line === undefined) return undefined;
  const value = child(node, 'resources');
  const at = keyAt(locate, line, value);
  if (value?.kind === 'scalar' && isTemplated(value.value))
    return { at, templated: true, requests: [], limits: [] };
  const named = (key: string) =>
    keys(child(value, key)).filter((name) => scalar(path(value, key, name)) !== null);
  const templatedPart = ['requests', 'limits'].some((key) => isTemplated(scalar(child(value, key))));
  return { at, templated: templatedPart, requests: named('requests'), limits: named('limits') };
}

function securityContext(owner: LocatedNode | undefined, locate: Locate): SecurityContextFacts | undefined {
  const line = keyLine(owner, 'securityContext');
  if (line === undefined) return undefined;
  const node = child(owner, 'securityContext');
  const at = keyAt(locate, line, node);
  if (node?.kind === 'scalar' && isTemplated(node.value)) return { at, templated: true };
  const facts: SecurityContextFacts = { at, templated: false };
  const runAsNonRoot = setting(node, 'runAsNonRoot', locate, asBoolean);
  if (runAsNonRoot) facts.runAsNonRoot = runAsNonRoot;
  const runAsUser = setting(node, 'runAsUser', locate, asNumber);
  if (runAsUser) facts.runAsUser = runAsUser;
  const readOnly = setting(node, 'readOnlyRootFilesystem', locate, asBoolean);
  if (readOnly) facts.readOnlyRootFilesystem = readOnly;
  const escalation = setting(node, 'allowPrivilegeEscalation', locate, asBoolean);
  if (escalation) facts.allowPrivilegeEscalation = escalation;
  const privileged = setting(node, 'privileged', locate, asBoolean);
  if (privileged) facts.privileged = privileged;
  const capabilities = child(node, 'capabilities');
  const dropLine = keyLine(capabilities, 'drop');
  if (dropLine !== undefined) {
    const drop = child(capabilities, 'drop');
    facts.capabilitiesDrop =
      drop?.kind === 'scalar' && isTemplated(drop.value)
        ? { templated: true, at: locate(dropLine) }
        : { value: items(drop).flatMap((item) => text(item) ?? []), at: locate(drop?.line || dropLine) };
  }
  return facts;
}

export function hpaFacts(root: LocatedNode, object: KubeObject, locate: Locate): HpaFacts {
  const spec = child(root, 'spec');
  const target = child(spec, 'scaleTargetRef');
  const facts: HpaFacts = { object, custom: [] };
  const kind = text(child(target, 'kind'));
  const name = text(child(target, 'name'));
  if (kind && name) facts.target = { kind, name };
  const min = setting(spec, 'minReplicas', locate, asNumber);
  if (min) facts.minReplicas = min;
  const max = setting(spec, 'maxReplicas', locate, asNumber);
  if (max) facts.maxReplicas = max;
  const v1Cpu = setting(spec, 'targetCPUUtilizationPercentage', locate, asNumber);
  if (v1Cpu) facts.cpu = v1Cpu;
  for (const metric of items(child(spec, 'metrics'))) {
    const custom = customMetric(metric, locate);
    if (custom) facts.custom.push(custom);
    const resource = child(metric, 'resource');
    const resourceName = text(child(resource, 'name'));
    if (resourceName !== 'cpu' && resourceName !== 'memory') continue;
    // autoscaling/v2 nests the number under target; v2beta1 kept it on the resource.
    const found =
      setting(child(resource, 'target'), 'averageUtilization', locate, asNumber) ??
      setting(resource, 'targetAverageUtilization', locate, asNumber);
    if (found) facts[resourceName] = found;
  }
  return facts;
}

/** `type: Pods|Object|External`: autoscaling/v2 names it under `metric`, v2beta1 as `metricName`. */
function customMetric(metric: LocatedNode, locate: Locate): Setting<string> | undefined {
  const type = text(child(metric, 'type'));
  if (type !== 'Pods' && type !== 'Object' && type !== 'External') return undefined;
  const source = child(metric, type.charAt(0).toLowerCase() + type.slice(1));
  return (
    setting(child(source, 'metric'), 'name', locate, asString) ??
    setting(source, 'metricName', locate, asString)
  );
}

export function pdbFacts(root: LocatedNode, object: KubeObject, locate: Locate): PdbFacts {
  const spec = child(root, 'spec');
  const facts: PdbFacts = { object };
  const minAvailable = setting(spec, 'minAvailable', locate, asIntOrString);
  if (minAvailable) facts.minAvailable = minAvailable;
  const maxUnavailable = setting(spec, 'maxUnavailable', locate, asIntOrString);
  if (maxUnavailable) facts.maxUnavailable = maxUnavailable;
  return facts;
}

export function networkPolicyFacts(root: LocatedNode, object: KubeObject): NetworkPolicyFacts {
  const spec = child(root, 'spec');
  const selector = child(spec, 'podSelector');
  const selectsAllPods =
    keyLine(spec, 'podSelector') !== undefined &&
    (selector === undefined ||
      (selector.kind === 'scalar' && selector.value === null) ||
      (selector.kind === 'map' &&
        ['matchLabels', 'matchExpressions'].every((key) => isEmpty(child(selector, key)))));
  const facts: NetworkPolicyFacts = {
    object,
    selectsAllPods,
    policyTypes: items(child(spec, 'policyTypes')).flatMap((item) => text(item) ?? []),
  };
  if (keyLine(spec, 'ingress') !== undefined) facts.ingressRules = items(child(spec, 'ingress')).length;
  if (keyLine(spec, 'egress') !== undefined) facts.egressRules = items(child(spec, 'egress')).length;
  return facts;
}

export function ingressFacts(root: LocatedNode, object: KubeObject, locate: Locate): IngressFacts {
  const spec = child(root, 'spec');
  const facts: IngressFacts = {
    object,
    hosts: items(child(spec, 'rules')).flatMap((rule) => text(child(rule, 'host')) ?? []),
  };
  const tlsLine = keyLine(spec, 'tls');
  if (tlsLine !== undefined) {
    const tls = child(spec, 'tls');
    facts.tls =
      tls?.kind === 'scalar' && isTemplated(tls.value)
        ? { templated: true, at: locate(tlsLine) }
        : { value: items(tls).length, at: locate(tlsLine) };
  }
  return facts;
}

export function namespaceFacts(root: LocatedNode, object: KubeObject, locate: Locate): NamespaceFacts {
  const labels = path(root, 'metadata', 'labels');
  const facts: NamespaceFacts = { object, podSecurity: {} };
  for (const mode of POD_SECURITY_MODES) {
    const found = setting(labels, `pod-security.kubernetes.io/${mode}`, locate, asString);
    if (found) facts.podSecurity[mode] = found;
  }
  return facts;
}

const PLACEHOLDER =
  /^(?:<[^>]*>|\$\{[^}]*\}|\$\([^)]*\)|x+|\*+|\.+|-+|todo|tbd|changeme|change[-_ ]?me|replace[-_ ]?me|placeholder|your[-_ ].*|example|dummy|redacted|secret|password)$/i;

export function secretFacts(root: LocatedNode, object: KubeObject, locate: Locate): SecretFacts {
  const facts: SecretFacts = { object, type: text(child(root, 'type')), entries: [] };
  for (const field of ['data', 'stringData'] as const) {
    const block = child(root, field);
    if (block?.kind !== 'map') continue;
    for (const [key, entry] of block.entries) {
      facts.entries.push({
        key,
        field,
        kind: secretValueKind(scalar(entry.value), field),
        at: locate(entry.keyLine),
      });
    }
  }
  return facts;
}

function secretValueKind(value: unknown, field: 'data' | 'stringData'): SecretValueKind {
  if (value === null || value === undefined || value === '') return 'empty';
  if (isTemplated(value)) return 'templated';
  const raw = String(value).trim();
  const plainText = field === 'data' ? decodeBase64(raw) : raw;
  if (plainText !== null && PLACEHOLDER.test(plainText.trim())) return 'placeholder';
  return plainText === '' ? 'empty' : 'literal';
}

function decodeBase64(value: string): string | null {
  if (!/^[A-Za-z0-9+/=\s]+$/.test(value)) return null;
  try {
    return atob(value.replace(/\s+/g, ''));
  } catch {
    return null;
  }
}

export function serviceAccountFacts(
  root: LocatedNode,
  object: KubeObject,
  locate: Locate,
): ServiceAccountFacts {
  const automount = setting(root, 'automountServiceAccountToken', locate, asBoolean);
  return automount ? { object, automountServiceAccountToken: automount } : { object };
}

export function limitRangeFacts(root: LocatedNode, object: KubeObject): LimitRangeFacts {
  const limits = items(path(root, 'spec', 'limits')).filter(
    (limit) => text(child(limit, 'type')) === 'Container',
  );
  return {
    object,
    defaultLimits: limits.flatMap((limit) => keys(child(limit, 'default'))),
    defaultRequests: limits.flatMap((limit) => keys(child(limit, 'defaultRequest'))),
  };
}

/**
 * The key's own line, carrying the origin of its value: a Helm value filled in on the next
 * line (`resources:` then `{{ toYaml .Values.resources | nindent 12 }}`) still came from values.yaml.
 */
function keyAt(locate: Locate, line: number, value: LocatedNode | undefined): KubeLocation {
  const at = locate(line);
  if (!value?.line || value.line === line) return at;
  const inner = locate(value.line);
  if (inner.fromValues) at.fromValues = inner.fromValues;
  if (inner.condition && !at.condition) at.condition = inner.condition;
  return at;
}

function setting<T>(
  owner: LocatedNode | undefined,
  key: string,
  locate: Locate,
  read: (value: unknown) => T | undefined,
): Setting<T> | undefined {
  const line = keyLine(owner, key);
  if (line === undefined) return undefined;
  const raw = scalar(child(owner, key));
  const at = locate(line);
  if (isTemplated(raw)) return { templated: true, at };
  const value = read(raw);
  return value === undefined ? undefined : { value, at };
}

function asBoolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'false') return value === 'true';
  return undefined;
}

function asNumber(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^\d+$/.test(value.trim())) return Number(value);
  return undefined;
}

function asIntOrString(value: unknown): string | number | undefined {
  return typeof value === 'number' || typeof value === 'string' ? value : undefined;
}

function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function isEmpty(node: LocatedNode | undefined): boolean {
  if (!node) return true;
  if (node.kind === 'map') return node.entries.size === 0;
  if (node.kind === 'seq') return node.items.length === 0;
  return node.value === null;
}
