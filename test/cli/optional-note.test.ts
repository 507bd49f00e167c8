// An `optional:` id that matches no item is a note, not silence: a typo would otherwise let the
// release gate fail on the item the team meant to make optional.

import { afterEach, describe, expect, it } from 'vitest';
import { TempGitRepo } from '../support/git-repo.js';
import { runCli } from '../support/run-cli.js';

let repo: TempGitRepo;
afterEach(() => repo?.cleanup());

describe('optional ids', () => {
  it('notes an id that matches no item', () => {
    repo = new TempGitRepo().write({
      '.github/readiness.yml': 'optional: [launch/load-test, no/such-item]\n',
      'READINESS.md': '# Launch\n\n- [ ] Load test\n',
    });
    repo.commit();
    const run = runCli(['check', repo.dir, '--format', 'json']);
    const notes = (JSON.parse(run.stdout) as { notes: string[] }).notes;
    expect(notes).toContain(
      'optional: "no/such-item" matches no item, so it makes nothing optional. Item ids are in `readiness check --format json`.',
    );
    expect(notes.join('\n')).not.toContain('launch/load-test');
  });
});
