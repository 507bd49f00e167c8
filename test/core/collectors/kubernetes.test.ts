import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kubernetesCollector } from '../../../src/core/collectors/kubernetes.js';
import { DEFAULT_CONFIG } from '../../../src/core/config.js';
import { collectEvidence, createRepoView } from '../../../src/core/evidence.js';
import { MemoryRepo } from '../../support/memory-repo.js';

async function collect(files: Record<string, string>) {
  return collectEvidence(kubernetesCollector, await createRepoView(new MemoryRepo(files)), DEFAULT_CONFIG);
}

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  replicas: 3
  template:
    spec:
      automountServiceAccountToken: false
      securityContext:
        runAsNonRoot: true
      initContainers:
        - name: migrate
          image: api:1
      containers:
        - name: api
          image: api:1
          resources:
            requests:
              cpu: 100m
              memory: 128Mi
            limits:
              memory: 256Mi
          livenessProbe:
            httpGet: { path: /healthz, port: 8080 }
          readinessProbe: {}
          securityContext:
            readOnlyRootFilesystem: true
            allowPrivilegeEscalation: false
            capabilities:
              drop: [ALL]
---
apiVersion: v1
kind: Service
metadata:
  name: api
spec:
  ports: [{ port: 80 }]
`;

describe('kubernetes collector', () => {
  it('reads workloads with containers, resources, probes and security context, with lines', async () => {
    const evidence = await collect({ 'k8s/api.yaml': DEPLOYMENT, 'README.md': '# hi' });
    expect(evidence.manifestFiles).toEqual(['k8s/api.yaml']);
    expect(evidence.objects.map((object) => `${object.kind}/${object.name}@${object.at.line}`)).toEqual([
      'Deployment/api@2',
      'Service/api@34',
    ]);
    const [workload] = evidence.workloads;
    expect(workload?.replicas).toEqual({ value: 3, at: { path: 'k8s/api.yaml', line: 6 } });
    expect(workload?.pod.automountServiceAccountToken?.value).toBe(false);
    expect(workload?.pod.securityContext?.runAsNonRoot?.value).toBe(true);
    const [init, api] = workload?.containers ?? [];
    expect(init).toMatchObject({ name: 'migrate', init: true, probes: {} });
    expect(init?.resources).toBeUndefined();
    expect(api?.resources).toMatchObject({
      requests: ['cpu', 'memory'],
      limits: ['memory'],
      templated: false,
    });
    expect(api?.probes.livenessProbe).toEqual({ value: 'set', at: { path: 'k8s/api.yaml', line: 24 } });
    expect(api?.probes.readinessProbe?.value).toBe('empty');
    expect(api?.securityContext?.capabilitiesDrop?.value).toEqual(['ALL']);
    expect(api?.securityContext?.readOnlyRootFilesystem).toEqual({
      value: true,
      at: { path: 'k8s/api.yaml', line: 28 },
    });
  });

  it('reads Helm templates against values.yaml and says which facts came from there', async () => {
    const evidence = await collect({
      'charts/web/Chart.yaml': 'apiVersion: v2\nname: web\nversion: 0.1.0\n',
      'charts/web/values.yaml': [
        'replicaCount: 2',
        'autoscaling:',
        '  enabled: false',
        '  minReplicas: 2',
        'resources: {}',
        'podSecurityContext:',
        '  runAsNonRoot: true',
        'livenessProbe:',
        '  httpGet:',
        '    path: /',
        '',
      ].join('\n'),
      'charts/web/templates/deployment.yaml': [
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata:',
        '  name: {{ include "web.fullname" . }}',
        '  labels:',
        '    {{- include "web.labels" . | nindent 4 }}',
        'spec:',
        '  {{- if not .Values.autoscaling.enabled }}',
        '  replicas: {{ .Values.replicaCount }}',
        '  {{- end }}',
        '  template:',
        '    spec:',
        '      {{- with .Values.podSecurityContext }}',
        '      securityContext:',
        '        {{- toYaml . | nindent 8 }}',
        '      {{- end }}',
        '      containers:',
        '        - name: {{ .Chart.Name }}',
        '          image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"',
        '          livenessProbe:',
        '            {{- toYaml .Values.livenessProbe | nindent 12 }}',
        '          resources:',
        '            {{- toYaml .Values.resources | nindent 12 }}',
        '',
      ].join('\n'),
      'charts/web/templates/hpa.yaml': [
        '{{- if .Values.autoscaling.enabled }}',
        'apiVersion: autoscaling/v2',
        'kind: HorizontalPodAutoscaler',
        'metadata:',
        '  name: web',
        'spec:',
        '  minReplicas: {{ .Values.autoscaling.minReplicas }}',
        '  maxReplicas: {{ .Values.autoscaling.maxReplicas }}',
        '{{- end }}',
        '',
      ].join('\n'),
      'charts/web/templates/_helpers.tpl': '{{- define "web.fullname" -}}web{{- end }}',
      'charts/web/templates/service.yaml':
        '{{- /*\nA comment over\ntwo lines\n*/ -}}\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\n',
    });
    expect(evidence.unparsable).toEqual([]);
    expect(evidence.charts).toHaveLength(1);
    expect(evidence.charts[0]?.templateKinds.map((found) => found.kind)).toEqual([
      'Deployment',
      'HorizontalPodAutoscaler',
      'Service',
    ]);
    expect(evidence.objects.find((object) => object.kind === 'Service')?.at.line).toBe(6);
    const [workload] = evidence.workloads;
    expect(workload?.object).toMatchObject({ name: '{{ include "web.fullname" . }}', chart: 'charts/web/' });
    expect(workload?.replicas).toEqual({
      value: 2,
      at: {
        path: 'charts/web/templates/deployment.yaml',
        line: 9,
        fromValues: { path: 'charts/web/values.yaml', line: 1 },
      },
    });
    expect(workload?.pod.securityContext?.runAsNonRoot?.value).toBe(true);
    const container = workload?.containers[0];
    expect(container?.name).toBe('{{ .Chart.Name }}');
    expect(container?.probes.livenessProbe?.value).toBe('set');
    expect(container?.resources).toMatchObject({ requests: [], limits: [], templated: false });
    expect(container?.resources?.at.fromValues).toEqual({ path: 'charts/web/values.yaml', line: 5 });
    const [hpa] = evidence.hpas;
    expect(hpa?.minReplicas?.value).toBe(2);
    expect(hpa?.maxReplicas).toMatchObject({ templated: true });
    expect(hpa?.object.at.condition).toBe('off with default values (if .Values.autoscaling.enabled)');
  });

  it('completes base workloads with Kustomize patches and never counts a patch as a workload', async () => {
    const evidence = await collect({
      'deploy/base/deployment.yaml':
        'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          image: api\n',
      'deploy/base/kustomization.yaml': 'resources:\n  - deployment.yaml\n',
      'deploy/prod/kustomization.yaml':
        'resources:\n  - ../base\npatches:\n  - path: resources.yaml\nsecretGenerator:\n  - name: db\n    literals:\n      - password=hunter2\n',
      'deploy/prod/resources.yaml':
        'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  replicas: 4\n  template:\n    spec:\n      containers:\n        - name: api\n          resources:\n            limits:\n              memory: 1Gi\n',
    });
    expect(evidence.workloads).toHaveLength(1);
    expect(evidence.workloads[0]?.replicas?.value).toBe(4);
    expect(evidence.workloads[0]?.containers[0]?.resources).toMatchObject({
      limits: ['memory'],
      at: { path: 'deploy/prod/resources.yaml' },
    });
    const prod = evidence.kustomizations.find((found) => found.path === 'deploy/prod/kustomization.yaml');
    expect(prod).toMatchObject({ resources: ['deploy/base'], patches: ['deploy/prod/resources.yaml'] });
    expect(prod?.secretGenerators).toEqual([
      { name: 'db', at: { path: 'deploy/prod/kustomization.yaml', line: 6 }, literals: 1, files: 0 },
    ]);
    expect(JSON.stringify(evidence)).not.toContain('hunter2');
  });

  it('reads HPAs (v2 and v1), PDBs, network policies, ingresses, namespaces and secrets without values', async () => {
    const evidence = await collect({
      'k8s/all.yml': `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: { name: api }
spec:
  scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: api }
  minReplicas: 2
  maxReplicas: 4
  metrics:
    - type: Resource
      resource:
        name: cpu
        target: { type: Utilization, averageUtilization: 70 }
---
apiVersion: autoscaling/v1
kind: HorizontalPodAutoscaler
metadata: { name: worker }
spec:
  scaleTargetRef: { kind: Deployment, name: worker }
  maxReplicas: 3
  targetCPUUtilizationPercentage: 80
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: { name: api }
spec:
  minAvailable: 1
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: default-deny }
spec:
  podSelector: {}
  policyTypes: [Ingress, Egress]
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: { name: api }
spec:
  tls:
    - hosts: [api.example.com]
      secretName: api-tls
  rules:
    - host: api.example.com
---
apiVersion: v1
kind: Namespace
metadata:
  name: prod
  labels:
    pod-security.kubernetes.io/enforce: restricted
---
apiVersion: v1
kind: Secret
metadata: { name: db }
stringData:
  password: s3cr3t-value
  user: changeme
data:
  token: ""
`,
    });
    expect(
      evidence.hpas.map((hpa) => [hpa.minReplicas?.value, hpa.maxReplicas?.value, hpa.cpu?.value]),
    ).toEqual([
      [2, 4, 70],
      [undefined, 3, 80],
    ]);
    expect(evidence.hpas[0]?.cpu?.at.line).toBe(12);
    expect(evidence.pdbs[0]?.minAvailable?.value).toBe(1);
    expect(evidence.networkPolicies[0]).toMatchObject({
      selectsAllPods: true,
      policyTypes: ['Ingress', 'Egress'],
    });
    expect(evidence.networkPolicies[0]?.ingressRules).toBeUndefined();
    expect(evidence.ingresses[0]).toMatchObject({ tls: { value: 1 }, hosts: ['api.example.com'] });
    expect(evidence.namespaces[0]?.podSecurity.enforce?.value).toBe('restricted');
    expect(
      evidence.secrets[0]?.entries.map((entry) => `${entry.key}:${entry.kind}@${entry.at.line}`),
    ).toEqual(['token:empty@59', 'password:literal@56', 'user:placeholder@57']);
    expect(JSON.stringify(evidence)).not.toContain('s3cr3t');
  });

  it('records invalid YAML and alias bombs as unparsable instead of throwing', async () => {
    const bomb = [
      'apiVersion: v1',
      'kind: ConfigMap',
      'a: &a [x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
    ].join('\n');
    const evidence = await collect({
      'k8s/bomb.yaml': bomb,
      'k8s/broken.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: [unclosed\n',
      'config/app.yaml': 'not: [valid\n',
    });
    expect(evidence.objects).toEqual([]);
    expect(evidence.unparsable.map((found) => [found.path, found.kinds.map((kind) => kind.kind)])).toEqual([
      ['k8s/bomb.yaml', ['ConfigMap']],
      ['k8s/broken.yaml', ['Service']],
    ]);
    expect(evidence.unparsable[0]?.error).toMatch(/alias/);
  });

  it('ignores test fixtures and YAML that is not a manifest', async () => {
    const evidence = await collect({
      'test/fixtures/deploy.yaml': DEPLOYMENT,
      '.github/workflows/ci.yml': 'on: push\njobs: {}\n',
      'docker-compose.yml': 'services:\n  web:\n    image: web\n',
    });
    expect(evidence.objects).toEqual([]);
    expect(evidence.yamlFiles).toBe(1);
  });

  it('reads the `helm create` scaffold without parse errors', async () => {
    const evidence = await collect({
      'Chart.yaml': 'apiVersion: v2\nname: demo\nversion: 0.1.0\n',
      'values.yaml': [
        'replicaCount: 1',
        'image:',
        '  repository: nginx',
        '  tag: ""',
        'serviceAccount:',
        '  create: true',
        '  automount: true',
        'podAnnotations: {}',
        'podSecurityContext: {}',
        'securityContext:',
        '  capabilities:',
        '    drop:',
        '    - ALL',
        '  readOnlyRootFilesystem: true',
        'resources: {}',
        'livenessProbe:',
        '  httpGet:',
        '    path: /',
        '    port: http',
        'readinessProbe:',
        '  httpGet:',
        '    path: /',
        '    port: http',
        'autoscaling:',
        '  enabled: false',
        'nodeSelector: {}',
        '',
      ].join('\n'),
      'templates/deployment.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "demo.fullname" . }}
  labels:
    {{- include "demo.labels" . | nindent 4 }}
spec:
  {{- if not .Values.autoscaling.enabled }}
  replicas: {{ .Values.replicaCount }}
  {{- end }}
  selector:
    matchLabels:
      {{- include "demo.selectorLabels" . | nindent 6 }}
  template:
    metadata:
      {{- with .Values.podAnnotations }}
      annotations:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      labels:
        {{- include "demo.labels" . | nindent 8 }}
        {{- with .Values.podLabels }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
    spec:
      {{- with .Values.imagePullSecrets }}
      imagePullSecrets:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      serviceAccountName: {{ include "demo.serviceAccountName" . }}
      securityContext:
        {{- toYaml .Values.podSecurityContext | nindent 8 }}
      containers:
        - name: {{ .Chart.Name }}
          securityContext:
            {{- toYaml .Values.securityContext | nindent 12 }}
          image: "{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}"
          imagePullPolicy: {{ .Values.image.pullPolicy }}
          ports:
            - name: http
              containerPort: {{ .Values.service.port }}
              protocol: TCP
          livenessProbe:
            {{- toYaml .Values.livenessProbe | nindent 12 }}
          readinessProbe:
            {{- toYaml .Values.readinessProbe | nindent 12 }}
          resources:
            {{- toYaml .Values.resources | nindent 12 }}
      {{- with .Values.nodeSelector }}
      nodeSelector:
        {{- toYaml . | nindent 8 }}
      {{- end }}{{- if .Values.extra }}
      {{- end }}
`,
    });
    expect(evidence.unparsable).toEqual([]);
    const [workload] = evidence.workloads;
    expect(workload?.replicas?.value).toBe(1);
    expect(workload?.replicas?.at.condition).toBeUndefined();
    const container = workload?.containers[0];
    expect(container?.securityContext?.capabilitiesDrop?.value).toEqual(['ALL']);
    expect(container?.securityContext?.at.fromValues).toEqual({ path: 'values.yaml', line: 11 });
    expect(container?.probes.readinessProbe?.value).toBe('set');
    expect(workload?.pod.securityContext?.runAsNonRoot).toBeUndefined();
  });

  it('never throws, whatever a manifest or template holds', async () => {
    const fragments = fc.constantFrom(
      'apiVersion: v1\n',
      'kind: Deployment\n',
      'spec:\n',
      '  template:\n',
      '    spec:\n',
      '      containers:\n',
      '        - name: x\n',
      '          resources: [1, 2]\n',
      '          securityContext: 7\n',
      '{{- if .Values.x }}\n',
      '{{- end }}\n',
      '  {{- toYaml .Values.r | nindent 2 }}\n',
      '---\n',
      '&a [*a]\n',
      ': : :\n',
      '\t- [\n',
    );
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(fragments, fc.string()), { maxLength: 20 }), async (parts) => {
        const text = parts.join('');
        const evidence = await collect({
          'k8s/x.yaml': `kind: Pod\n${text}`,
          'Chart.yaml': 'apiVersion: v2\n',
          'values.yaml': text,
          'templates/t.yaml': text,
        });
        expect(evidence.yamlFiles).toBe(4);
      }),
      { numRuns: 200 },
    );
  });

  it('keeps the if branch that default values select, not a switched-off else branch', async () => {
    const evidence = await collect({
      'chart/Chart.yaml': 'apiVersion: v2\nname: shop\n',
      'chart/values.yaml': 'serviceAccounts:\n  create: true\nhosts: [shop.example.com]\n',
      'chart/templates/deploy.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: shop
spec:
  hosts:
  {{- toYaml .Values.hosts | nindent 2 }}
  template:
    spec:
      {{- if .Values.serviceAccounts.create }}
      serviceAccountName: shop
      {{- else }}
      serviceAccountName: default
      {{- end }}
      containers: []
`,
    });
    expect(evidence.unparsable).toEqual([]);
    expect(evidence.workloads[0]?.pod.serviceAccountName).toBe('shop');
  });

  it('lets a Kustomize patch mark only the workloads its kustomization reaches', async () => {
    const plain = (name: string) =>
      `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\nspec:\n  template:\n    spec:\n      containers: []\n`;
    const evidence = await collect({
      'kustomize/base/cart.yaml': plain('cart'),
      'kustomize/base/ads.yaml': plain('ads'),
      'kustomize/base/kustomization.yaml': 'resources: [cart.yaml, ads.yaml]\n',
      'kustomize/kustomization.yaml': 'resources: [base]\ncomponents: [components/db]\n',
      'kustomize/components/db/kustomization.yaml':
        'kind: Component\npatches:\n  - patch: |-\n      apiVersion: apps/v1\n      kind: Deployment\n      metadata:\n        name: cart\n',
      'other/cart.yaml': plain('cart'),
    });
    const marked = evidence.workloads.map((workload) => [
      workload.object.at.path,
      workload.opaquePatches?.length ?? 0,
    ]);
    expect(marked).toEqual([
      ['kustomize/base/ads.yaml', 0],
      ['kustomize/base/cart.yaml', 1],
      ['other/cart.yaml', 0],
    ]);
  });

  it('writes multi-line values where Helm would, keeping template line numbers, and skips helm test pods', async () => {
    const evidence = await collect({
      'chart/Chart.yaml': 'apiVersion: v2\nname: web\n',
      'chart/values.yaml': 'pdb:\n  minAvailable: 1\nresources:\n  limits:\n    memory: 128Mi\n',
      'chart/templates/pdb.yaml': [
        'apiVersion: policy/v1',
        'kind: PodDisruptionBudget',
        'metadata:',
        '  name: web',
        'spec:',
        '  selector:',
        '    matchLabels:',
        '      {{- include "web.selectorLabels" . | nindent 6 }}',
        '  {{- toYaml .Values.pdb | nindent 2 }}',
        '---',
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata:',
        '  name: web',
        'spec:',
        '  template:',
        '    spec:',
        '      containers:',
        '        - name: web',
        '          resources:',
        '            {{- toYaml .Values.resources | nindent 12 }}',
        '          image: web',
        '',
      ].join('\n'),
      'chart/templates/tests/connection.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: t\n',
      'chart/templates/test-pod.yaml':
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: t\n  annotations:\n    "helm.sh/hook": test\n',
    });
    expect(evidence.unparsable).toEqual([]);
    expect(evidence.pdbs[0]?.minAvailable).toEqual({
      value: 1,
      at: { path: 'chart/templates/pdb.yaml', line: 9, fromValues: { path: 'chart/values.yaml', line: 2 } },
    });
    expect(evidence.objects.map((object) => `${object.kind}@${object.at.line}`)).toEqual([
      'PodDisruptionBudget@2',
      'Deployment@12',
    ]);
    expect(evidence.workloads[0]?.containers[0]?.resources).toMatchObject({
      limits: ['memory'],
      at: { line: 20, fromValues: { path: 'chart/values.yaml', line: 4 } },
    });
  });
});
