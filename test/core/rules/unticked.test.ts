// An unticked item whose subject would live in the repository, and does not, by a detector that
// does not miss it: the checkbox and the repository agree that the work is not done (unmet).
// Ticked, the same absence stays unknown.

import { describe, expect, it } from 'vitest';
import type { Rule } from '../../../src/core/rule.js';
import { k8sHpa } from '../../../src/core/rules/k8s/k8s-hpa.js';
import { k8sNoPlaintextSecrets } from '../../../src/core/rules/k8s/k8s-no-plaintext-secrets.js';
import { signalsBackups } from '../../../src/core/rules/signals/signals-backups.js';
import { signalsChangelog } from '../../../src/core/rules/signals/signals-changelog.js';
import { signalsTopicDocumented } from '../../../src/core/rules/signals/signals-topic-documented.js';
import { testsIntegration } from '../../../src/core/rules/tests/tests-integration.js';
import { testsLoad } from '../../../src/core/rules/tests/tests-load.js';
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
  it('are not done for release notes and Kubernetes objects without manifests; ticked, they stay unknown', async () => {
    expect(await verdicts(signalsChangelog as Rule, 'Release notes prepared')).toEqual(['fail', 'unknown']);
    expect(await verdicts(k8sHpa as Rule, 'Horizontal Pod Autoscaler')).toEqual(['fail', 'unknown']);
    const open = await judgeOne(signalsChangelog, APP, 'Release notes prepared', { checked: false });
    expect(open.message).toContain('(the item is not ticked either)');
  });

  it('keep unknown where the detector may miss what exists, or the claim is that something is absent', async () => {
    // Documents under other names, backup jobs and tests the detectors do not recognise may exist.
    expect(await verdicts(signalsBackups as Rule, 'Automated database backups')).toEqual([
      'unknown',
      'unknown',
    ]);
    expect(await verdicts(testsLoad as Rule, 'TODO: Stress test concurrent registrations')).toEqual([
      'unknown',
      'unknown',
    ]);
    expect(await verdicts(signalsTopicDocumented as Rule, 'Rollback procedures documented')).toEqual([
      'unknown',
      'unknown',
    ]);
    expect(await verdicts(testsIntegration as Rule, 'TODO: Add integration tests')).toEqual([
      'unknown',
      'unknown',
    ]);
    expect(
      await verdicts(k8sNoPlaintextSecrets as Rule, 'No secrets stored in Kubernetes manifests'),
    ).toEqual(['unknown', 'unknown']);
  });
});
