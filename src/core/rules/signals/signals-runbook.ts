import { type DocFile, projectDocsCollector } from '../../collectors/project-docs.js';
import type { Rule } from '../../rule.js';
import {
  at,
  docFound,
  docMissing,
  docsFor,
  linksElsewhere,
  matchClaim,
  namesFileOrCommand,
  ref,
  type SignalClaim,
} from './signals-evidence.js';

const RUNBOOK =
  /\brunbooks?\b|\btroubleshooting (?:guides?|docs?|documentation)\b|\bplaybooks?\b|\boperational procedures\b/i;

/** A topic the runbooks are said to cover ("Monitoring runbooks", "runbooks for alerts"). */
const TOPIC =
  /\b(monitoring|alert(?:s|ing)?|incidents?|on-?call|rollbacks?|database|disaster recovery|failover|deployments?)\b[^.;]*\b(?:runbooks?|playbooks?)\b|\b(?:runbooks?|playbooks?)\s+(?:for|on|covering)\s+(?:\w+\s+)?(monitoring|alerts?|incidents?|on-?call|rollbacks?|database|failover)\b/i;

function isTroubleshootingHeading(doc: DocFile): boolean {
  return doc.line !== undefined && !/\b(?:runbooks?|playbooks?)\b/i.test(doc.excerpt ?? '');
}

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
    const named = TOPIC.exec(item.text);
    const topic = named?.[1] ?? named?.[2];
    // "Monitoring runbooks" names what the runbooks cover: a generic Troubleshooting section
    // in a README may or may not be that, while a runbook file or heading is the thing named.
    const runbooks = topic ? found.filter((doc) => !isTroubleshootingHeading(doc)) : found;
    if (runbooks.length) return docFound('runbook', runbooks);
    if (found.length) {
      const first = found[0] as DocFile;
      return {
        verdict: 'unknown',
        message: `the item claims ${topic?.toLowerCase()} runbooks; the nearest document is a general troubleshooting section at ${at(first)} ("${first.excerpt?.slice(0, 60)}"), which may not cover it`,
        evidence: found.slice(0, 3).map(ref),
      };
    }
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
      {
        // A guide beside the README counts; a plan or report that mentions troubleshooting does not.
        files: {
          'README.md': '# API\n',
          'DEPLOYMENT_GUIDE.md':
            '# Deploying\n\n## Troubleshooting\n\nIf the health check fails, read the logs.\n',
        },
        item: 'Troubleshooting guide',
        verdict: 'pass',
      },
      {
        files: {
          'README.md': '# API\n',
          'RELEASE_PLAN.md': '# Release plan\n\n## Troubleshooting\n\nTo be written.\n',
        },
        item: 'Troubleshooting guide',
        verdict: 'fail',
      },
    ],
  },
};
