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
  where,
} from './k8s-evidence.js';

const INGRESS = /\bingress(es)?\b/i;
const TLS = /\b(tls|https|ssl|certificates?|certs?|cert-manager)\b/i;

export const k8sIngressTls: Rule<true> = {
  id: 'k8s.ingress-tls',
  title: 'Kubernetes Ingresses terminate TLS',
  why: 'An Ingress without a tls section serves plain HTTP: credentials and session cookies cross the network in clear text.',
  fix: 'Add spec.tls with the hosts and a secretName (e.g. issued by cert-manager) to every Ingress.',
  recognises: 'Items naming an Ingress together with TLS, HTTPS, SSL or certificates.',
  needs: [kubernetesCollector],
  match(item) {
    const text = itemText(item);
    return INGRESS.test(text) && TLS.test(text) ? [true] : [];
  },
  evaluate(_claim, ctx, item) {
    const selection = selectManifests(ctx);
    if (!hasManifests(selection)) return notDoneWhenUnticked(item, noManifests(selection, 'Ingress TLS'));
    const ingresses = selection.evidence.ingresses.filter((ingress) => selection.includes(ingress.object.at));
    if (!ingresses.length) {
      const gateway = selection.evidence.objects.find(
        (object) =>
          ['Gateway', 'HTTPRoute', 'IngressRoute', 'Route'].includes(object.kind) &&
          selection.includes(object.at),
      );
      return {
        verdict: 'unknown',
        message: gateway
          ? `no Ingress; ${gateway.kind} ${gateway.name} (${where(gateway.at)}) routes traffic and its TLS is not read`
          : `no Ingress in the Kubernetes manifests of ${selection.where}; TLS may terminate at a load balancer outside them`,
        evidence: gateway ? evidenceAt(gateway.at) : [],
      };
    }
    const judged = ingresses.map((ingress): Judged => {
      const subject = `Ingress/${ingress.object.name}`;
      const tls = ingress.tls;
      if (!tls) return { subject, outcome: 'missing', at: ingress.object.at, detail: 'has no spec.tls' };
      if (tls.templated) return { subject, outcome: 'undecided', at: tls.at };
      if (!tls.value) {
        return {
          subject,
          outcome: tls.at.fromValues || tls.at.condition ? 'undecided' : 'missing',
          at: tls.at,
          detail: 'has an empty tls list',
        };
      }
      return {
        subject,
        outcome: tls.at.condition || ingress.object.at.condition ? 'undecided' : 'ok',
        at: tls.at,
      };
    });
    return summarise(judged, selection, 'Ingresses', 'TLS');
  },
  examples: {
    match: [
      'Ingress with TLS (cert-manager)',
      'HTTPS enforced on the Kubernetes ingress',
      'TLS certificates configured for all ingresses',
    ],
    noMatch: [
      'SSL/TLS configured',
      'HTTPS used for all external communications',
      'Ingress rate limiting',
      'SSL/TLS certificates valid and auto-renewing',
      '**Reverse Proxy** - Nginx with load balancing and SSL termination',
    ],
    verdicts: [
      {
        files: {
          'k8s/ingress.yaml':
            'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: api\nspec:\n  tls:\n    - hosts: [api.acme.example]\n      secretName: api-tls\n  rules:\n    - host: api.acme.example\n',
        },
        item: 'HTTPS enforced on the Kubernetes ingress',
        verdict: 'pass',
      },
      {
        files: {
          'k8s/ingress.yaml':
            'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: api\nspec:\n  rules:\n    - host: api.acme.example\n',
        },
        item: 'HTTPS enforced on the Kubernetes ingress',
        verdict: 'fail',
      },
    ],
  },
};
