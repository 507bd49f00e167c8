import { describe, expect, it } from 'vitest';
import { k8sNoPlaintextSecrets } from '../../../../src/core/rules/k8s/k8s-no-plaintext-secrets.js';
import { judgeOne } from '../../../support/rule-harness.js';
import { deployment } from './fixtures.js';

const ITEM = 'No plaintext secrets in Kubernetes manifests';
const secret = (data: string) => `apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ntype: Opaque\n${data}`;

describe('k8s.no-plaintext-secrets', () => {
  it('passes when committed Secrets hold only placeholders', async () => {
    const files = { 'k8s/secret.yaml': secret('stringData:\n  password: CHANGEME\n  url: ""\n') };
    const finding = await judgeOne(k8sNoPlaintextSecrets, files, ITEM);
    expect(finding.verdict).toBe('pass');
    expect(finding.message).toContain('only placeholders or templated values');
  });

  it('fails naming the key and line of a committed value, never the value', async () => {
    const files = { 'k8s/secret.yaml': secret('data:\n  password: aHVudGVyMi1wcm9k\n') };
    const finding = await judgeOne(
      k8sNoPlaintextSecrets,
      files,
      'Secrets properly stored (Kubernetes Secrets, etc.)',
    );
    expect(finding).toMatchObject({
      verdict: 'fail',
      message: '1 secret value committed in plain text: Secret/db data.password (k8s/secret.yaml:7)',
      evidence: [{ path: 'k8s/secret.yaml', line: 7 }],
    });
    expect(JSON.stringify(finding)).not.toContain('aHVudGVy');
  });

  it('fails a Kustomize secretGenerator with literals', async () => {
    const files = {
      'k8s/api.yaml': deployment('api', ''),
      'k8s/kustomization.yaml':
        'resources: [api.yaml]\nsecretGenerator:\n  - name: db\n    literals: [password=prod-pass]\n',
    };
    const finding = await judgeOne(k8sNoPlaintextSecrets, files, ITEM);
    expect(finding.verdict).toBe('fail');
    expect(finding.message).not.toContain('prod-pass');
  });

  it('stays unknown without manifests', async () => {
    expect((await judgeOne(k8sNoPlaintextSecrets, { 'app.py': '' }, ITEM)).verdict).toBe('unknown');
  });
});

describe('k8s.no-plaintext-secrets with Helm', () => {
  const chart = (template: string, values: string) => ({
    'charts/api/Chart.yaml': 'apiVersion: v2\nname: api\n',
    'charts/api/values.yaml': values,
    'charts/api/templates/secret.yaml': `apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\n${template}`,
  });

  it('fails a default value in values.yaml that a Secret template writes verbatim, pointing at both files', async () => {
    const files = chart(
      'stringData:\n  password: {{ .Values.db.password | quote }}\n',
      'db:\n  password: hunter2-prod\n',
    );
    const finding = await judgeOne(k8sNoPlaintextSecrets, files, ITEM);
    expect(finding.verdict).toBe('fail');
    expect(finding.evidence).toEqual([
      { path: 'charts/api/templates/secret.yaml', line: 6 },
      { path: 'charts/api/values.yaml', line: 2 },
    ]);
    expect(JSON.stringify(finding)).not.toContain('hunter2');
  });

  it('passes values that are transformed or empty by default', async () => {
    const files = chart(
      'data:\n  password: {{ .Values.db.password | b64enc }}\n  token: {{ .Values.db.token }}\n',
      'db:\n  password: ""\n  token: ""\n',
    );
    expect((await judgeOne(k8sNoPlaintextSecrets, files, ITEM)).verdict).toBe('pass');
  });
});
