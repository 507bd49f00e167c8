// The release workflow's notes come from CHANGELOG.md; a tag that cannot be released says why.

import { describe, expect, it } from 'vitest';
// @ts-expect-error a plain .mjs script without type declarations
import { releaseNotes } from '../../scripts/release-notes.mjs';

const CHANGELOG =
  '# Changelog\n\n## 1.1.0 (2026-12-01)\n\n- Faster.\n- Clearer.\n\n## 1.0.0 (2026-11-01)\n\n- First.\n';

describe('release notes', () => {
  it('are the section of the tagged version, without its heading', () => {
    expect(releaseNotes(CHANGELOG, 'v1.1.0', '1.1.0')).toEqual({ notes: '- Faster.\n- Clearer.\n' });
    expect(releaseNotes(CHANGELOG, 'v1.0.0', '1.0.0')).toEqual({ notes: '- First.\n' });
  });

  it('refuse a tag that is not a version, or not the package version', () => {
    expect(releaseNotes(CHANGELOG, 'v1', '1.0.0')).toEqual({
      error: 'tag "v1" is not a version tag like v1.2.3 or v1.2.3-rc.1',
    });
    expect(releaseNotes(CHANGELOG, 'v1.1.0', '1.0.0').error).toMatch(
      /^tag v1.1.0 does not match package.json version 1.0.0; bump the version/,
    );
  });

  it('refuse a version the changelog lacks or still calls unreleased', () => {
    expect(releaseNotes(CHANGELOG, 'v2.0.0', '2.0.0')).toEqual({
      error: 'CHANGELOG.md has no "## 2.0.0" section; add one with the release\'s changes',
    });
    expect(releaseNotes('## 1.2.0 (unreleased)\n\n- x\n', 'v1.2.0', '1.2.0')).toEqual({
      error: 'CHANGELOG.md still calls 1.2.0 unreleased; replace "(unreleased)" with the release date',
    });
  });
});
