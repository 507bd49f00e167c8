import { type CodeownersRule, repoMetaCollector } from '../../collectors/repo-meta.js';
import { claimText, type Rule } from '../../rule.js';

const CODE_OWNERS = /\bcode ?owners\b/i;

type Coverage = 'yes' | 'no' | 'maybe';

export const repoCodeowners: Rule<undefined> = {
  id: 'repo.codeowners',
  title: 'CODEOWNERS assigns reviewers',
  why: 'Without code owners, changes to critical paths can merge without anyone responsible for them seeing the pull request.',
  fix: 'Add .github/CODEOWNERS with at least `* @your-org/your-team`, plus narrower rules for critical folders.',
  recognises: 'Items mentioning CODEOWNERS or code owners.',
  needs: [repoMetaCollector],
  match(item) {
    return CODE_OWNERS.test(claimText(item)) ? [undefined] : [];
  },
  evaluate(_params, ctx) {
    const { codeowners } = ctx.get(repoMetaCollector);
    const file = codeowners[0];
    if (!file) {
      return {
        verdict: 'fail',
        message: 'no CODEOWNERS file in .github/, the repository root or docs/',
        evidence: [{ path: '.github/CODEOWNERS' }, { path: 'CODEOWNERS' }, { path: 'docs/CODEOWNERS' }],
      };
    }
    const owned = file.rules.filter((rule) => rule.owners.length > 0);
    if (!owned.length) {
      return {
        verdict: 'fail',
        message: `${file.path} has no rule that names an owner, so it requests no reviews`,
        evidence: [{ path: file.path }],
      };
    }
    const count = `${owned.length} rule${owned.length === 1 ? '' : 's'}`;
    if (!ctx.scope) {
      const first = owned[0] as CodeownersRule;
      return {
        verdict: 'pass',
        message: `${file.path} assigns owners with ${count}`,
        evidence: [
          { path: file.path, line: first.line, excerpt: `${first.pattern} ${first.owners.join(' ')}` },
        ],
      };
    }
    // The last matching rule wins in CODEOWNERS, so look from the bottom.
    const decisive = [...file.rules].reverse().find((rule) => coverage(rule.pattern, ctx.scope) !== 'no');
    if (decisive && coverage(decisive.pattern, ctx.scope) === 'yes' && decisive.owners.length) {
      return {
        verdict: 'pass',
        message: `${file.path}:${decisive.line} assigns ${ctx.scope} to ${decisive.owners.join(' ')}`,
        evidence: [
          {
            path: file.path,
            line: decisive.line,
            excerpt: `${decisive.pattern} ${decisive.owners.join(' ')}`,
          },
        ],
      };
    }
    if (decisive) {
      return {
        verdict: 'unknown',
        message: `${file.path}:${decisive.line} (${decisive.pattern}) may or may not cover ${ctx.scope}`,
        evidence: [{ path: file.path, line: decisive.line }],
      };
    }
    return {
      verdict: 'fail',
      message: `none of the ${count} in ${file.path} covers ${ctx.scope}`,
      evidence: [{ path: file.path }],
    };
  },
  examples: {
    match: [
      'CODEOWNERS file',
      'Code owners assigned for every service',
      '**Ownership** - CODEOWNERS requires platform review',
    ],
    noMatch: ['Code reviewed and tested', 'Service owner identified', 'Owner: ____ Date: ____'],
    verdicts: [
      { files: { '.github/CODEOWNERS': '* @acme/platform\n' }, item: 'CODEOWNERS file', verdict: 'pass' },
      { files: { 'README.md': '# API\n' }, item: 'CODEOWNERS file', verdict: 'fail' },
    ],
  },
};

/** Whether a CODEOWNERS pattern covers a folder: certain for plain paths, `maybe` for globs it cannot settle. */
function coverage(pattern: string, folder: string): Coverage {
  if (pattern === '*' || pattern === '**' || pattern === '/' || pattern === '/**' || pattern === '/*')
    return 'yes';
  const anchored = pattern.startsWith('/') || pattern.slice(0, -1).includes('/');
  const path = pattern
    .replace(/^\/+/, '')
    .replace(/\/\*\*$/, '')
    .replace(/\/+$/, '');
  // `*.md` or `docs/*.png` give owners to some files only, never to a whole folder.
  if (/\*\.[^/]*$/.test(path)) return 'no';
  if (/[*?[]/.test(path)) return 'maybe';
  if (anchored) return folder === path || folder.startsWith(`${path}/`) ? 'yes' : 'no';
  // An unanchored name matches a file or folder of that name at any depth.
  return folder.split('/').includes(path) ? 'yes' : 'no';
}
