import type { ChecklistItem, Finding } from '../types.js';

/**
 * An unticked item whose subject the repository does not hold, where the subject is something
 * that lives in a repository when it exists at all (a document, a manifest, a test, a script):
 * the checkbox and the repository agree that the work is not done, so the item is `unmet`
 * rather than undecided. A ticked item keeps the `unknown`: the claim may rest on something
 * outside the repository, and calling it `unbacked` would need evidence that it does not.
 */
export function notDoneWhenUnticked(item: Pick<ChecklistItem, 'checked'>, absent: Finding): Finding {
  if (item.checked || absent.verdict !== 'unknown') return absent;
  return { ...absent, verdict: 'fail', message: `${absent.message} (the item is not ticked either)` };
}
