import { projectDocsCollector } from '../../collectors/project-docs.js';
import type { Rule } from '../../rule.js';
import { docFound, docMissing, docsFor, matchClaim, type SignalClaim } from './signals-evidence.js';

/** The licence of the code, not product licensing ("license key", "License Management"). */
const LICENSE_FILE =
  /\bLICEN[CS]E(?:\.md|\.txt)?\b(?! ?(?:key|manager|server|service|validation|check))|\b(?:open[- ]source|MIT|Apache(?: 2\.0)?|BSD|GPL|MPL)[- ]licen[cs]e[ds]?\b|\blicen[cs]e file\b|\blicen[cs]e (?:added|included|present|chosen|declared|specified)\b/;
const PRODUCT_LICENSING =
  /\blicen[cs]e (?:key|manager|server|service|validation|management)|LICENSE_KEY|third[- ]party licen/i;

export const signalsLicense: Rule<SignalClaim> = {
  id: 'signals.license',
  title: 'The repository has a LICENSE file',
  why: 'Code without a licence cannot legally be reused, and package registries and scanners flag it.',
  fix: 'Add a `LICENSE` file with the chosen licence text (and the matching `license` field in the package manifest).',
  recognises:
    '"LICENSE" (upper case), "license file", "MIT/Apache/open-source license"; not product licence keys or licence management.',
  needs: [projectDocsCollector],
  match: (item) => matchClaim(item, LICENSE_FILE, PRODUCT_LICENSING),
  evaluate: (_claim, ctx) => {
    const found = docsFor(ctx.get(projectDocsCollector).licenses, ctx);
    return found.length
      ? docFound('licence', found)
      : docMissing('LICENSE file', 'LICENSE, LICENCE, COPYING', ctx);
  },
  examples: {
    match: ['LICENSE file added', 'MIT license included', 'Open-source license chosen and LICENSE committed'],
    noMatch: [
      '**License Management** - Trial/Annual/Perpetual with phone-home validation',
      '`LICENSE_KEY` - Valid license key for premium features',
      'License key valid and active',
      'License validation successful',
    ],
    verdicts: [
      {
        files: { LICENSE: 'MIT License\n\nCopyright (c) 2026 Acme\n' },
        item: 'LICENSE file added',
        verdict: 'pass',
      },
      { files: { 'README.md': '# API\n' }, item: 'LICENSE file added', verdict: 'fail' },
    ],
  },
};
