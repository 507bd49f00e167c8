import { projectDocsCollector } from '../../collectors/project-docs.js';
import type { Rule } from '../../rule.js';
import { notDoneWhenUnticked } from '../unticked.js';
import {
  docFound,
  docMissing,
  docsFor,
  matchClaim,
  namesFileOrCommand,
  type SignalClaim,
} from './signals-evidence.js';

const CHANGELOG = /\bchange ?log\b|\brelease notes\b/i;
/** "Updated for this release" needs the release, not just the file. */
const UPDATED = /\bupdated\b|\bfor (?:this|the) release\b/i;

export const signalsChangelog: Rule<SignalClaim> = {
  id: 'signals.changelog',
  title: 'A changelog is kept in the repository',
  why: 'Operators and users need to know what changed before they deploy or upgrade.',
  fix: 'Add `CHANGELOG.md` (Keep a Changelog format) and update it with each release, or generate it with release-please/changesets.',
  recognises: '"changelog" or "release notes"; items naming the file path are left to ref.path-exists.',
  needs: [projectDocsCollector],
  match: (item) => (namesFileOrCommand(item) ? [] : matchClaim(item, CHANGELOG)),
  evaluate(claim, ctx, item) {
    const found = docsFor(ctx.get(projectDocsCollector).changelogs, ctx);
    if (!found.length) {
      if (/\brelease notes\b/i.test(claim.claim) && !/\bchange ?log\b/i.test(claim.claim)) {
        return notDoneWhenUnticked(item, {
          verdict: 'unknown',
          message: 'no CHANGELOG/RELEASE_NOTES file; release notes may be published as GitHub releases',
          evidence: [],
        });
      }
      return docMissing('changelog', 'CHANGELOG, CHANGES, HISTORY, NEWS and RELEASE_NOTES files', ctx);
    }
    const finding = docFound('changelog', found);
    return UPDATED.test(claim.claim)
      ? {
          ...finding,
          verdict: 'unknown',
          message: `${finding.message}; whether it covers this release cannot be told from the file alone`,
        }
      : finding;
  },
  examples: {
    match: ['CHANGELOG maintained', 'Changelog updated', 'Release notes written for each version'],
    noMatch: ['Change management approval obtained', 'Log rotation configured', '`CHANGELOG.md` lists 2.3.0'],
    verdicts: [
      {
        files: { 'CHANGELOG.md': '# Changelog\n\n## 1.2.0\n\n- Retry failed payments\n' },
        item: 'CHANGELOG maintained',
        verdict: 'pass',
      },
      { files: { 'README.md': '# API\n' }, item: 'CHANGELOG maintained', verdict: 'fail' },
      {
        files: { 'README.md': '# API\n' },
        item: 'Release notes written for each version',
        verdict: 'unknown',
      },
    ],
  },
};
