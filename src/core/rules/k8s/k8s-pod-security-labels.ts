import { kubernetesCollector } from '../../collectors/kubernetes.js';
import type { Rule } from '../../rule.js';
import { notDoneWhenUnticked } from '../unticked.js';
import {
  evidenceAt,
  hasManifests,
  itemText,
  type Judged,
  noManifests,
  selectManifests,
  summarise,
} from './k8s-evidence.js';

export interface PodSecurityClaim {
  /** Profile the item names; undefined for any enforced profile. */
  level?: 'baseline' | 'restricted';
}

const POD_SECURITY =
  /\bpod ?security ?(admission|standards?|labels?|levels?|profiles?)\b|\bPSA\b|\bPSS\b|pod-security\.kubernetes\.io/i;
const STRICTNESS: Record<string, number> = { privileged: 0, baseline: 1, restricted: 2 };

export const k8sPodSecurityLabels: Rule<PodSecurityClaim> = {
  id: 'k8s.pod-security-labels',
  title: 'Namespaces enforce a Pod Security Standard',
  why: 'Pod Security Admission only rejects privileged or root pods in namespaces labelled to enforce a profile; unlabelled namespaces accept anything.',
  fix: 'Label each Namespace manifest with pod-security.kubernetes.io/enforce: restricted (or baseline).',
  recognises:
    'Items about Pod Security Admission/Standards, PSA/PSS, or pod-security.kubernetes.io labels; "restricted" or "baseline" sets the level.',
  needs: [kubernetesCollector],
  match(item) {
    const text = itemText(item);
    if (!POD_SECURITY.test(text)) return [];
    if (/\brestricted\b/i.test(text)) return [{ level: 'restricted' }];
    if (/\bbaseline\b/i.test(text)) return [{ level: 'baseline' }];
    return [{}];
  },
  evaluate(claim, ctx, item) {
    const selection = selectManifests(ctx);
    if (!hasManifests(selection))
      return notDoneWhenUnticked(item, noManifests(selection, 'Pod Security labels'));
    const namespaces = selection.evidence.namespaces.filter((namespace) =>
      selection.includes(namespace.object.at),
    );
    if (!namespaces.length) {
      return {
        verdict: 'unknown',
        message: `no Namespace manifest in ${selection.where}: namespaces are created elsewhere, where their labels decide`,
        evidence: [],
      };
    }
    const wanted = STRICTNESS[claim.level ?? 'baseline'] ?? 1;
    const judged = namespaces.map((namespace): Judged => {
      const subject = `Namespace/${namespace.object.name}`;
      const enforce = namespace.podSecurity.enforce;
      if (!enforce)
        return {
          subject,
          outcome: 'missing',
          at: namespace.object.at,
          detail: 'has no pod-security.kubernetes.io/enforce label',
        };
      if (enforce.templated) return { subject, outcome: 'undecided', at: enforce.at };
      const level = STRICTNESS[enforce.value ?? ''];
      if (level === undefined || level < wanted) {
        return { subject, outcome: 'missing', at: enforce.at, detail: `enforces ${enforce.value}` };
      }
      return { subject, outcome: enforce.at.condition ? 'undecided' : 'ok', at: enforce.at };
    });
    const finding = summarise(
      judged,
      selection,
      'namespaces',
      `pod-security enforce ${claim.level ?? 'baseline or stricter'}`,
    );
    return finding.evidence.length
      ? finding
      : { ...finding, evidence: namespaces.flatMap((ns) => evidenceAt(ns.object.at)) };
  },
  examples: {
    match: [
      'Pod Security Standards enforced (restricted)',
      'Namespaces labelled with pod-security.kubernetes.io/enforce',
      'PSA baseline profile on every namespace',
    ],
    noMatch: ['Security audit', 'Container runs as non-root user', 'Namespace naming conventions documented'],
    verdicts: [
      {
        files: {
          'k8s/namespace.yaml':
            'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels:\n    pod-security.kubernetes.io/enforce: restricted\n',
        },
        item: 'Namespaces labelled with pod-security.kubernetes.io/enforce',
        verdict: 'pass',
      },
      {
        files: { 'k8s/namespace.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n' },
        item: 'Namespaces labelled with pod-security.kubernetes.io/enforce',
        verdict: 'fail',
      },
    ],
  },
};
