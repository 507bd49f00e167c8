import { describe, expect, it } from 'vitest';
import { k8sPdb } from '../../../../src/core/rules/k8s/k8s-pdb.js';
import { judgeOne } from '../../../support/rule-harness.js';
import { deployment } from './fixtures.js';

const PDB =
  'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: api\nspec:\n  minAvailable: 1\n';

describe('k8s.pdb', () => {
  it('passes naming the budget', async () => {
    const finding = await judgeOne(k8sPdb, { 'k8s/pdb.yaml': PDB }, 'Pod disruption budgets configured');
    expect(finding).toMatchObject({
      verdict: 'pass',
      message: '1 PodDisruptionBudget: api (minAvailable 1, k8s/pdb.yaml:2)',
    });
  });

  it('fails when the manifests have no PodDisruptionBudget', async () => {
    const finding = await judgeOne(k8sPdb, { 'k8s/api.yaml': deployment('api', '') }, 'PDB for the API');
    expect(finding.verdict).toBe('fail');
    expect(finding.evidence).toEqual([{ path: 'k8s/api.yaml' }]);
  });

  it('stays unknown without manifests, and for a checklist whose folder has none', async () => {
    expect((await judgeOne(k8sPdb, { 'go.mod': 'module x' }, 'PDB configured')).verdict).toBe('unknown');
    const monorepo = { 'services/web/app.ts': '', 'k8s/api.yaml': deployment('api', '') };
    const finding = await judgeOne(k8sPdb, monorepo, 'PDB configured', {
      checklistPath: 'services/web/READINESS.md',
    });
    expect(finding.verdict).toBe('unknown');
    expect(finding.message).toContain('none under services/web/');
  });
});
