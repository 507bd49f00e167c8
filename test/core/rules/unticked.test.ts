// An unticked item whose subject would live in the repository, and does not: the checkbox and
// the repository agree that the work is not done (unmet). Ticked, the same absence stays unknown.

import { describe, expect, it } from 'vitest';
import type { Rule } from '../../../src/core/rule.js';
import { k8sHpa } from '../../../src/core/rules/kubernetes/k8s-hpa.js';
import { k8sNoPlaintextSecrets } from '../../../src/core/rules/kubernetes/k8s-no-plaintext-secrets.js';
import { signalsBackups } from '../../../src/core/rules/signals/signals-backups.js';
import { signalsTopicDocumented } from '../../../src/core/rules/signals/signals-topic-documented.js';
import { testsIntegration } from '../../../src/core/rules/tests/tests-integration.js';
import { judgeOne } from '../../support/rule-harness.js';

const APP = {
  'package.json': '{ "name": "api", "devDependencies": { "vitest": "^3.0.0" } }\n',
  'src/server.ts': 'export const port = 3000;\n',
  'src/server.test.ts': "import { it } from 'vitest';\nit('starts', () => {});\n",
  'README.md': '# API\n\n## Setup\n\nRun it.\n',
};

async function verdicts(rule: Rule, item: string): Promise<[string, string]> {
  const open = await judgeOne(rule as Rule<unknown>, APP, item, { checked: false });
  const ticked = await judgeOne(rule as Rule<unknown>, APP, item, { checked: true });
  return [open.verdict, ticked.verdict];
}

describe('unticked items whose subject the repository lacks', () => {
  it('are not done for documents, autoscalers, backups and test suites; ticked, they stay unknown', async () => {
    expect(await verdicts(signalsTopicDocumented as Rule, 'Rollback procedures documented')).toEqual([
      'fail',
      'unknown',
    ]);
    expect(await verdicts(k8sHpa as Rule, 'Horizontal Pod Autoscaler')).toEqual(['fail', 'unknown']);
    expect(await verdicts(signalsBackups as Rule, 'Automated database backups')).toEqual(['fail', 'unknown']);
    expect(await verdicts(testsIntegration as Rule, 'TODO: Add integration tests')).toEqual([
      'fail',
      'unknown',
    ]);
    const open = await judgeOne(signalsTopicDocumented, APP, 'Rollback procedures documented', {
      checked: false,
    });
    expect(open.message).toContain('(the item is not ticked either)');
  });

  it('keep unknown when the claim is that something is absent', async () => {
    expect(
      await verdicts(k8sNoPlaintextSecrets as Rule, 'No secrets stored in Kubernetes manifests'),
    ).toEqual(['unknown', 'unknown']);
  });
});
