import { projectDocsCollector } from '../../collectors/project-docs.js';
import type { Rule } from '../../rule.js';
import {
  docFound,
  docMissing,
  docsFor,
  linksElsewhere,
  matchClaim,
  namesFileOrCommand,
  type SignalClaim,
} from './signals-evidence.js';

const RUNBOOK =
  /\brunbooks?\b|\btroubleshooting (?:guides?|docs?|documentation)\b|\bplaybooks?\b|\boperational procedures\b/i;

export const signalsRunbook: Rule<SignalClaim> = {
  id: 'signals.runbook',
  title: 'A runbook or troubleshooting guide is committed',
  why: 'At 3 a.m. the on-call engineer needs the steps written down, next to the code they describe.',
  fix: 'Add `docs/runbook.md` (or a Troubleshooting section in the README) with alerts, symptoms and the commands to run.',
  recognises:
    '"runbook(s)", "troubleshooting guide", "playbook" or "operational procedures"; not runbooks linked from alerts, ' +
    'and not items naming the file (ref.path-exists checks those).',
  needs: [projectDocsCollector],
  match: (item) => (namesFileOrCommand(item) ? [] : matchClaim(item, RUNBOOK, /\bAnsible\b/i)),
  evaluate(_claim, ctx, item) {
    const found = docsFor(ctx.get(projectDocsCollector).runbooks, ctx);
    if (found.length) return docFound('runbook', found);
    const link = linksElsewhere(item.links);
    if (link) {
      return {
        verdict: 'unknown',
        message: `no runbook in the repository; the item links to ${link}`,
        evidence: [],
      };
    }
    return docMissing(
      'runbook or troubleshooting guide',
      'runbook*/troubleshooting*/playbook* files, runbooks/ folders and Runbook or Troubleshooting headings in READMEs and docs/',
      ctx,
    );
  },
  examples: {
    match: [
      'Deployment runbooks',
      'Troubleshooting guides',
      '**Runbook** - Step-by-step operational procedures',
      'Runbooks ready',
    ],
    noMatch: [
      'Runbooks linked in alerts',
      'Runbook in `docs/runbook.md`',
      'Support rota agreed with the service desk',
    ],
    verdicts: [
      {
        files: {
          'docs/runbooks/deploy.md':
            '# Deploy runbook\n\n1. Announce in #ops\n2. Run the release workflow\n3. Watch the error rate for 15 minutes\n',
        },
        item: 'Deployment runbooks',
        verdict: 'pass',
      },
      { files: { 'README.md': '# API\n' }, item: 'Deployment runbooks', verdict: 'fail' },
    ],
  },
};
