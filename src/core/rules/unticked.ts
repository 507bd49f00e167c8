import type { ChecklistItem, Finding } from '../types.js';

/**
 * An unticked item whose subject the repository does not hold, where the subject lives in a
 * repository when it exists at all and the detector cannot miss it (a changelog file, any
 * Kubernetes manifest): the checkbox and the repository agree that the work is not done, so the
 * item is `unmet` rather than undecided. A ticked item keeps the `unknown`: the claim may rest on
 * something outside the repository. Heuristic detectors (backup jobs, test kinds, topic
 * documents) must not use this: what they miss would become a false `unmet`.
 */
export function notDoneWhenUnticked(item: Pick<ChecklistItem, 'checked'>, absent: Finding): Finding {
  if (item.checked || absent.verdict !== 'unknown') return absent;
  return { ...absent, verdict: 'fail', message: `${absent.message} (the item is not ticked either)` };
}
