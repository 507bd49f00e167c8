import { DOC_TOPICS, type DocTopic, projectDocsCollector } from '../../collectors/project-docs.js';
import type { Rule } from '../../rule.js';
import type { ChecklistItem } from '../../types.js';
import { docFound, docsFor, namesFileOrCommand } from './signals-evidence.js';

/** Wording that claims something is written down, not done. */
const WRITTEN =
  /\b(?:documentation|documented|docs?|guides?|overview|procedures?|readme|write-?up|described|explained)\b/i;
/** Practising, approving or keeping a document current is work the repository cannot show. */
const NOT_WRITING =
  /\b(?:tested|generat\w*|practi[sc]ed|drilled|rehears\w*|reviewed|approved|signed[- ]off|up[- ]to[- ]date|updated|published|hosted|diagrams?|C4)\b/i;

export interface TopicClaim {
  topic: DocTopic;
}

function topicsOf(item: ChecklistItem): TopicClaim[] {
  const text = item.text;
  if (namesFileOrCommand(item) || !WRITTEN.test(text) || NOT_WRITING.test(text)) return [];
  const topics = (Object.entries(DOC_TOPICS) as [DocTopic, RegExp][]).filter(([, pattern]) =>
    pattern.test(text),
  );
  // "Rate limiting documentation" is about rate limiting, not about the API it limits.
  return topics.length === 1 ? [{ topic: (topics[0] as [DocTopic, RegExp])[0] }] : [];
}

export const signalsTopicDocumented: Rule<TopicClaim> = {
  id: 'signals.topic-documented',
  title: 'The topic an item says is documented has a document or section of its own',
  why: 'Documentation claimed in a checklist is what operators reach for under pressure; a claim with no document behind it sends them searching.',
  fix: 'Write the document (ARCHITECTURE.md, docs/deployment.md) or a section with that heading in the README.',
  recognises:
    'Items saying one topic is documented ("Architecture overview", "Deployment guide", "Rollback procedures ' +
    'documented", "API documentation", "Disaster recovery procedures"): architecture, deployment, rollback, disaster ' +
    'recovery, backup and restore, API reference, getting started, rate limiting, incident response. A Markdown file ' +
    'named after the topic or a heading about it passes; none is unknown (it may live in a wiki). Diagrams, reviews ' +
    'and keeping docs current are other claims.',
  needs: [projectDocsCollector],
  match: topicsOf,
  evaluate(claim, ctx) {
    const found = docsFor(
      ctx.get(projectDocsCollector).topicDocs.filter((doc) => doc.topic === claim.topic),
      ctx,
    );
    if (found.length) return docFound(`${claim.topic} documented`, found);
    return {
      verdict: 'unknown',
      message: `no Markdown file named after ${claim.topic} and no heading about it in the repository's documents; it may be documented outside the repository`,
      evidence: [],
    };
  },
  examples: {
    match: [
      'Architecture overview',
      'Deployment guide',
      'Rollback procedures documented',
      'API endpoint documentation',
      'Disaster recovery procedures',
      'Created comprehensive deployment documentation',
    ],
    noMatch: [
      'Rollback procedure tested',
      'Add architecture diagrams (C4 model)',
      'Deployment guide in `docs/deploy.md`',
      'Automated deployment to staging',
      'Documentation kept up to date',
      'Rate limiting on API endpoints',
      'Generate API docs from Swagger as static HTML',
    ],
    verdicts: [
      {
        files: {
          'README.md': '# Shop\n\n## Rollback\n\nRedeploy the previous image tag.\n',
        },
        item: 'Rollback procedures documented',
        verdict: 'pass',
      },
      {
        files: {
          'README.md': '# Shop\n\n## Setup\n\nRun `npm start`.\n',
        },
        item: 'Disaster recovery procedures',
        verdict: 'unknown',
      },
    ],
  },
};
