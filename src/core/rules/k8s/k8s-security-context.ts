import { kubernetesCollector, type SecurityContextFacts, type Setting } from '../../collectors/kubernetes.js';
import type { Rule } from '../../rule.js';
import {
  type ContainerInWorkload,
  containersOf,
  dependsOnValues,
  hasManifests,
  inKubernetesContext,
  itemText,
  type Judged,
  listed,
  noManifests,
  selectManifests,
  summarise,
  withPatches,
} from './k8s-evidence.js';

export type SecurityClaim =
  | 'non-root'
  | 'read-only-root'
  | 'drop-capabilities'
  | 'no-privilege-escalation'
  | 'present';

export interface SecurityContextClaim {
  claim: SecurityClaim;
  /** The item names the Kubernetes setting itself (securityContext, runAsNonRoot), not just the outcome. */
  namesSetting: boolean;
  /** The item says all/every/each container; otherwise it may mean only the main ones. */
  everyContainer: boolean;
}

const CLAIMS: { claim: SecurityClaim; pattern: RegExp; label: string }[] = [
  {
    claim: 'non-root',
    pattern: /\bnon-?root\b|\brunAsNonRoot\b|\bnot (run(ning)? )?as root\b|\brootless\b/i,
    label: 'non-root user',
  },
  {
    claim: 'read-only-root',
    pattern: /\bread-?only (root )?(file ?system|fs)\b|\breadOnlyRootFilesystem\b/i,
    label: 'read-only root filesystem',
  },
  {
    claim: 'drop-capabilities',
    pattern: /\bdrop(ped|s|ping)? (all )?(linux )?capabilit|\bcapabilities (are )?dropped\b/i,
    label: 'capabilities drop ALL',
  },
  {
    claim: 'no-privilege-escalation',
    pattern: /\bprivilege escalation\b|\ballowPrivilegeEscalation\b/i,
    label: 'allowPrivilegeEscalation: false',
  },
];
const SETTING_NAMES =
  /\bsecurity ?context\b|\brunAsNonRoot\b|\breadOnlyRootFilesystem\b|\ballowPrivilegeEscalation\b/i;

export const k8sSecurityContext: Rule<SecurityContextClaim> = {
  id: 'k8s.security-context',
  title: 'Kubernetes containers run with a restrictive securityContext',
  why: 'A container that runs as root with a writable filesystem and full capabilities turns any code-execution bug into a node compromise.',
  fix: 'Set securityContext on each container: runAsNonRoot: true, readOnlyRootFilesystem: true, allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}.',
  recognises:
    'securityContext, runAsNonRoot, read-only root filesystem, dropped capabilities or privilege escalation in a Kubernetes context (the item or its sections mention Kubernetes, pods, Helm...); one check per claim.',
  needs: [kubernetesCollector],
  match(item) {
    const text = itemText(item);
    const namesSetting = SETTING_NAMES.test(text);
    if (!namesSetting && !inKubernetesContext(item)) return [];
    const claims = CLAIMS.filter((entry) => entry.pattern.test(text)).map((entry) => entry.claim);
    if (!claims.length && /\bsecurity ?context\b/i.test(text)) claims.push('present');
    const everyContainer = /\b(all|every|each)\b/i.test(text);
    return claims.map((claim) => ({ claim, namesSetting, everyContainer }));
  },
  evaluate({ claim, namesSetting, everyContainer }, ctx) {
    const selection = selectManifests(ctx);
    const label = CLAIMS.find((entry) => entry.claim === claim)?.label ?? 'a securityContext';
    if (!hasManifests(selection)) return noManifests(selection, label);
    const entries = containersOf(selection, { init: true });
    if (!entries.length) {
      return {
        verdict: 'unknown',
        message: `no containers in the Kubernetes manifests of ${selection.where}, so ${label} cannot be checked`,
        evidence: [],
      };
    }
    const judged = entries.map((entry) => withPatches(judge(entry, claim, namesSetting), entry.workload));
    const finding = summarise(judged, selection, 'containers', label);
    const covered = judged.filter((entry) => entry.outcome === 'ok');
    if (finding.verdict !== 'fail' || everyContainer || !covered.length) return finding;
    // Sidecars (log shippers, proxies) often differ; the item may mean only the main containers.
    return {
      ...finding,
      verdict: 'unknown',
      message: `${listed(covered.map((entry) => entry.subject))} set ${label}, but ${finding.message.replace(/^\d+ of \d+ containers without [^:]+: /, '')}; the item does not say it means every container`,
    };
  },
  examples: {
    match: [
      'Kubernetes pods run as non-root (runAsNonRoot)',
      'securityContext: readOnlyRootFilesystem and drop ALL capabilities',
      'Pod security context configured',
      'K8s containers: no privilege escalation',
    ],
    noMatch: [
      'Container runs as non-root user',
      'Security scanning performed on container image',
      'File permissions properly configured',
      'Security headers (X-Content-Type-Options, X-Frame-Options, etc.)',
    ],
    verdicts: [
      {
        files: {
          'k8s/deployment.yaml':
            'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  replicas: 2\n  template:\n    spec:\n      securityContext:\n        runAsNonRoot: true\n        runAsUser: 10001\n      containers:\n        - name: api\n          image: ghcr.io/acme/api:1.4.2\n',
        },
        item: 'Kubernetes pods run as non-root (runAsNonRoot)',
        verdict: 'pass',
      },
      {
        files: {
          'k8s/deployment.yaml':
            'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  replicas: 2\n  template:\n    spec:\n      containers:\n        - name: api\n          image: ghcr.io/acme/api:1.4.2\n',
        },
        item: 'Kubernetes pods run as non-root (runAsNonRoot)',
        verdict: 'fail',
      },
    ],
  },
};

function judge(
  { workload, container, subject }: ContainerInWorkload,
  claim: SecurityClaim,
  namesSetting: boolean,
): Judged {
  const own = container.securityContext;
  const pod = workload.pod.securityContext;
  const at = own?.at ?? container.at;
  const fromValues = [own, pod].some(
    (context) => context && (context.templated || dependsOnValues(context.at)),
  );
  const absent = (detail: string): Judged => ({
    subject,
    outcome: fromValues ? 'undecided' : 'missing',
    at,
    detail,
  });
  const decided = (setting: Setting<unknown>, good: boolean, detail: string): Judged => {
    if (setting.templated) return { subject, outcome: 'undecided', at: setting.at };
    if (!good) return { subject, outcome: 'missing', at: setting.at, detail };
    return { subject, outcome: setting.at.condition ? 'undecided' : 'ok', at: setting.at };
  };
  switch (claim) {
    case 'non-root': {
      const runAsNonRoot = own?.runAsNonRoot ?? pod?.runAsNonRoot;
      const runAsUser = own?.runAsUser ?? pod?.runAsUser;
      if (runAsUser?.value === 0) return decided(runAsUser, false, 'runs as root (runAsUser: 0)');
      if (runAsNonRoot?.value === true || runAsNonRoot?.templated) return decided(runAsNonRoot, true, '');
      if (runAsUser) return decided(runAsUser, true, '');
      if (runAsNonRoot) return decided(runAsNonRoot, false, 'sets runAsNonRoot: false');
      // Without runAsNonRoot/runAsUser the image's USER decides, which only a Dockerfile check can see.
      if (!namesSetting)
        return { subject, outcome: 'undecided', at, detail: 'sets no runAsNonRoot or runAsUser' };
      return absent('sets no runAsNonRoot or runAsUser');
    }
    case 'read-only-root':
      return own?.readOnlyRootFilesystem
        ? decided(
            own.readOnlyRootFilesystem,
            own.readOnlyRootFilesystem.value === true,
            'sets readOnlyRootFilesystem: false',
          )
        : absent('sets no readOnlyRootFilesystem');
    case 'drop-capabilities': {
      const drop = own?.capabilitiesDrop;
      if (!drop) return absent('drops no capabilities');
      const all = drop.value?.some((name) => name.toUpperCase() === 'ALL') ?? false;
      return decided(drop, all, `drops only ${drop.value?.join(', ') || 'nothing'}, not ALL`);
    }
    case 'no-privilege-escalation': {
      if (own?.privileged?.value === true) return decided(own.privileged, false, 'is privileged');
      const escalation = own?.allowPrivilegeEscalation;
      return escalation
        ? decided(escalation, escalation.value === false, 'sets allowPrivilegeEscalation: true')
        : absent('does not set allowPrivilegeEscalation: false');
    }
    case 'present':
      return hasSettings(own) || hasSettings(pod)
        ? { subject, outcome: fromValues ? 'undecided' : 'ok', at }
        : absent('has no securityContext');
  }
}

function hasSettings(context: SecurityContextFacts | undefined): boolean {
  if (!context) return false;
  if (context.templated) return true;
  return [
    context.runAsNonRoot,
    context.runAsUser,
    context.readOnlyRootFilesystem,
    context.allowPrivilegeEscalation,
    context.privileged,
    context.capabilitiesDrop,
  ].some(Boolean);
}
