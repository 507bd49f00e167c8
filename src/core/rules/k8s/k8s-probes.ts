import { kubernetesCollector, type ProbeKind } from '../../collectors/kubernetes.js';
import type { Rule } from '../../rule.js';
import { notDoneWhenUnticked } from '../unticked.js';
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

export interface ProbesClaim {
  probes: ProbeKind[];
  /** The item says all/every/each container; otherwise it may mean only the serving ones. */
  everyContainer: boolean;
}

const NAMED_PROBE =
  /\b(liveness|readiness|startup)\b[\w\s/&,-]{0,40}?\bprobes?\b|\b(liveness|readiness|startup)Probe\b/i;
const ANY_PROBE = /\b(health\s*)?probes?\b/i;
/** Jobs run to completion: probes do not apply to them. */
const LONG_RUNNING = (kind: string) => kind !== 'Job' && kind !== 'CronJob';

export const k8sProbes: Rule<ProbesClaim> = {
  id: 'k8s.probes',
  title: 'Kubernetes containers define liveness and readiness probes',
  why: 'Without a readiness probe pods get traffic before they can serve it; without a liveness probe a hung process is never restarted.',
  fix: 'Add livenessProbe and readinessProbe (httpGet on the health route, or tcpSocket/exec) to every long-running container.',
  recognises:
    'Items naming liveness, readiness or startup probes, or "probes" in a Kubernetes context; "health check endpoints" alone is not a probe claim.',
  needs: [kubernetesCollector],
  match(item) {
    const text = itemText(item);
    const named = NAMED_PROBE.test(text);
    if (!named && !(ANY_PROBE.test(text) && inKubernetesContext(item))) return [];
    const probes: ProbeKind[] = [];
    if (/\bliveness/i.test(text)) probes.push('livenessProbe');
    if (/\breadiness/i.test(text)) probes.push('readinessProbe');
    if (/\bstartup/i.test(text)) probes.push('startupProbe');
    return [
      {
        probes: probes.length ? probes : ['livenessProbe', 'readinessProbe'],
        everyContainer: /\b(all|every|each)\b/i.test(text),
      },
    ];
  },
  evaluate(claim, ctx, item) {
    const selection = selectManifests(ctx);
    if (!hasManifests(selection)) return notDoneWhenUnticked(item, noManifests(selection, 'probes'));
    const entries = containersOf(selection, { init: false, kinds: LONG_RUNNING });
    const names = claim.probes.map((probe) => probe.replace('Probe', '')).join(' and ');
    if (!entries.length) {
      return {
        verdict: 'unknown',
        message: `no long-running containers in the Kubernetes manifests of ${selection.where}, so ${names} probes cannot be checked`,
        evidence: [],
      };
    }
    const judged = entries.flatMap((entry) =>
      claim.probes.map((probe) => withPatches(judgeProbe(entry, probe), entry.workload)),
    );
    const finding = summarise(judged, selection, 'container probes', `${names} probes`);
    const covered = entries.filter((entry) =>
      claim.probes.every((probe) => entry.container.probes[probe]?.value === 'set'),
    );
    if (finding.verdict !== 'fail' || claim.everyContainer || !covered.length) return finding;
    // Workers and sidecars often run without probes; the item may mean only the serving containers.
    return {
      ...finding,
      verdict: 'unknown',
      message: `${listed(covered.map((entry) => entry.subject))} define ${names} probes, but ${finding.message.replace(/^\d+ of \d+ container probes without [^:]+: /, '')}; the item does not say it means every container`,
    };
  },
  examples: {
    match: [
      'Liveness and readiness probes configured',
      'Kubernetes health probes on all deployments',
      'readinessProbe and livenessProbe set in the Helm chart',
      'Startup probe for slow-booting pods',
    ],
    noMatch: [
      'Health check endpoints',
      'Liveness and readiness endpoints (/healthz, /ready)',
      'Docker HEALTHCHECK',
      'Health checks configured',
      'Service responding to health checks',
    ],
    verdicts: [
      {
        files: {
          'k8s/deployment.yaml':
            'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          image: ghcr.io/acme/api:1.4.2\n          livenessProbe:\n            httpGet: { path: /healthz, port: 8080 }\n          readinessProbe:\n            httpGet: { path: /ready, port: 8080 }\n',
        },
        item: 'Liveness and readiness probes configured',
        verdict: 'pass',
      },
      {
        files: {
          'k8s/deployment.yaml':
            'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          image: ghcr.io/acme/api:1.4.2\n',
        },
        item: 'Liveness and readiness probes configured',
        verdict: 'fail',
      },
    ],
  },
};

function judgeProbe({ container, subject }: ContainerInWorkload, probe: ProbeKind): Judged {
  const found = container.probes[probe];
  if (!found) return { subject, outcome: 'missing', at: container.at, detail: `has no ${probe}` };
  if (found.templated) return { subject, outcome: 'undecided', at: found.at, detail: probe };
  if (found.value === 'empty') {
    const outcome = dependsOnValues(found.at) ? 'undecided' : 'missing';
    return { subject, outcome, at: found.at, detail: `has an empty ${probe}` };
  }
  return { subject, outcome: found.at.condition ? 'undecided' : 'ok', at: found.at, detail: probe };
}
