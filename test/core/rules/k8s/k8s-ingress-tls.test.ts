import { describe, expect, it } from 'vitest';
import { k8sIngressTls } from '../../../../src/core/rules/k8s/k8s-ingress-tls.js';
import { judgeOne } from '../../../support/rule-harness.js';
import { deployment } from './fixtures.js';

const ingress = (tls: string) => `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: api
spec:
${tls}  rules:
    - host: api.example.com
`;
const ITEM = 'Ingress with TLS (cert-manager)';

describe('k8s.ingress-tls', () => {
  it('passes an Ingress with a tls section', async () => {
    const tls = '  tls:\n    - hosts: [api.example.com]\n      secretName: api-tls\n';
    const finding = await judgeOne(k8sIngressTls, { 'k8s/ingress.yaml': ingress(tls) }, ITEM);
    expect(finding).toMatchObject({
      verdict: 'pass',
      message: 'all 1 Ingresses set TLS (k8s/ingress.yaml:6)',
    });
  });

  it('fails an Ingress without tls', async () => {
    const finding = await judgeOne(k8sIngressTls, { 'k8s/ingress.yaml': ingress('') }, ITEM);
    expect(finding).toMatchObject({
      verdict: 'fail',
      message: '1 of 1 Ingresses without TLS: Ingress/api has no spec.tls (k8s/ingress.yaml:2)',
    });
  });

  it('stays unknown when there is no Ingress (TLS may terminate elsewhere)', async () => {
    const finding = await judgeOne(k8sIngressTls, { 'k8s/api.yaml': deployment('api', '') }, ITEM);
    expect(finding.verdict).toBe('unknown');
  });

  it('stays unknown when a chart enables tls only through values', async () => {
    const files = {
      'charts/api/Chart.yaml': 'apiVersion: v2\nname: api\n',
      'charts/api/values.yaml': 'ingress:\n  enabled: true\n  tls: []\n',
      'charts/api/templates/ingress.yaml': `{{- if .Values.ingress.enabled -}}
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: {{ include "api.fullname" . }}
spec:
  {{- if .Values.ingress.tls }}
  tls:
    {{- range .Values.ingress.tls }}
    - hosts:
        - {{ .host | quote }}
      secretName: {{ .secretName }}
    {{- end }}
  {{- end }}
  rules: []
{{- end }}
`,
    };
    const finding = await judgeOne(k8sIngressTls, files, ITEM);
    expect(finding.verdict).toBe('unknown');
  });
});
