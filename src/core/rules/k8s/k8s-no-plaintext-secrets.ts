import { kubernetesCollector } from '../../collectors/kubernetes.js';
import type { Rule } from '../../rule.js';
import type { EvidenceRef } from '../../types.js';
import {
  evidenceAt,
  hasManifests,
  inKubernetesContext,
  itemText,
  listed,
  noManifests,
  selectManifests,
  where,
} from './k8s-evidence.js';

const SECRETS_CLAIM =
  /\b(no|without|never)\b[^.]*\b(plain-?text|hard-?coded|committed|literal)\b[^.]*\bsecrets?\b|\bsecrets?\b[^.]*\b(not|never)\s+(committed|in (git|the repo(sitory)?|manifests|plain-?text))|\b(sealed|external|encrypted)[- ]?secrets?\b|\bsops\b|\bsecrets?\s+(properly\s+)?(stored|managed)\b/i;

export const k8sNoPlaintextSecrets: Rule<true> = {
  id: 'k8s.no-plaintext-secrets',
  title: 'No Kubernetes Secret manifest commits secret values',
  why: 'A Secret manifest in git with data or stringData publishes the credential to everyone who can read the repository, forever (base64 is not encryption).',
  fix: 'Remove the values from the committed Secret (and rotate them); use SealedSecrets, External Secrets, SOPS or a secret injected at deploy time instead.',
  recognises:
    'Claims that secrets are not committed in plain text, or are stored via Kubernetes/Sealed/External Secrets, in a Kubernetes context.',
  needs: [kubernetesCollector],
  match(item) {
    return SECRETS_CLAIM.test(itemText(item)) && inKubernetesContext(item) ? [true] : [];
  },
  evaluate(_claim, ctx) {
    const selection = selectManifests(ctx);
    if (!hasManifests(selection)) return noManifests(selection, 'how Kubernetes secrets are stored');
    const { evidence } = selection;
    const secrets = evidence.secrets.filter((secret) => selection.includes(secret.object.at));
    const literal = secrets.flatMap((secret) =>
      secret.entries
        .filter((entry) => entry.kind === 'literal')
        .map((entry) => ({ name: `Secret/${secret.object.name} ${entry.field}.${entry.key}`, at: entry.at })),
    );
    const generated = evidence.kustomizations
      .flatMap((kustomization) => kustomization.secretGenerators)
      .filter((generator) => generator.literals > 0 && selection.includes(generator.at))
      .map((generator) => ({
        name: `secretGenerator ${generator.name} (${generator.literals} literals)`,
        at: generator.at,
      }));
    const found = [...literal, ...generated];
    if (found.length) {
      // Evidence names the key and line only: the value is never copied anywhere.
      const refs: EvidenceRef[] = found.slice(0, 5).flatMap((entry) => evidenceAt(entry.at));
      return {
        verdict: 'fail',
        message: `${found.length} secret value${found.length > 1 ? 's' : ''} committed in plain text: ${listed(found.map((entry) => `${entry.name} (${where(entry.at)})`))}`,
        evidence: refs,
      };
    }
    const placeholders = secrets.filter((secret) => secret.entries.length).length;
    return {
      verdict: 'pass',
      message: `no literal values in ${secrets.length} Secret manifest${secrets.length === 1 ? '' : 's'} among ${evidence.manifestFiles.length} manifest files${placeholders ? ' (only placeholders or templated values)' : ''}`,
      evidence: secrets
        .slice(0, 5)
        .map((secret) => ({ path: secret.object.at.path, line: secret.object.at.line })),
    };
  },
  examples: {
    match: [
      'Secrets properly stored (Kubernetes Secrets, etc.)',
      'No plaintext secrets in Kubernetes manifests',
      'K8s secrets managed with Sealed Secrets',
    ],
    noMatch: [
      'No secrets in code or config files',
      'Environment variables stored securely (not in code)',
      'API keys rotated regularly',
      'Secrets stored securely (not in code)',
      'JWT secret changed from default',
    ],
    verdicts: [
      {
        files: {
          'k8s/deployment.yaml':
            'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  replicas: 2\n  template:\n    spec:\n      containers:\n        - name: api\n          image: ghcr.io/acme/api:1.4.2\n',
        },
        item: 'No plaintext secrets in Kubernetes manifests',
        verdict: 'pass',
      },
      {
        files: {
          'k8s/secret.yaml':
            'apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\nstringData:\n  DATABASE_PASSWORD: hunter2-prod-Xq9\n',
        },
        item: 'No plaintext secrets in Kubernetes manifests',
        verdict: 'fail',
      },
    ],
  },
};
