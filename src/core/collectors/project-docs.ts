// Project documents and metadata files: runbooks and troubleshooting guides, OpenAPI specs,
// changelogs, security policies, licences and dependency lockfiles. Mostly found by path; only
// Markdown docs (for runbook headings), candidate API specs and requirements files are read.

import type { Collector, RepoView } from '../evidence.js';
import { VENDORED_OR_GENERATED } from '../formats/folders.js';

export interface DocFile {
  path: string;
  line?: number;
  excerpt?: string;
}

export interface RequirementsPinning {
  path: string;
  total: number;
  unpinned: number;
  firstUnpinned?: { line: number; excerpt: string };
}

/** A Markdown document, or one of its headings, about a topic items claim is documented. */
export interface TopicDoc extends DocFile {
  topic: DocTopic;
}

export interface ProjectDocs {
  runbooks: DocFile[];
  topicDocs: TopicDoc[];
  openapiSpecs: DocFile[];
  changelogs: DocFile[];
  securityPolicies: (DocFile & { explainsReporting: boolean })[];
  licenses: DocFile[];
  lockfiles: string[];
  requirements: RequirementsPinning[];
}

const DOC_EXTENSION = /\.(?:md|mdx|markdown|rst|adoc|txt)$/i;
const RUNBOOK_PATH =
  /(^|\/)(?:runbooks?|playbooks?)\/[^/]+$|(^|\/)[^/]*(?:runbook|troubleshoot|playbook)[^/]*$/i;
const RUNBOOK_HEADING = /^#{1,4}\s+.*\b(?:runbooks?|troubleshooting|incident response|operations guide)\b/i;
/** The checklist itself often has a "Troubleshooting" section: that is not a separate guide. */
const CHECKLIST_NAME = /checklist|readiness|launch|deploy(?:ment)?[-_ ]?(?:check|guide)/i;
const OPENAPI_NAME = /(^|\/)(?:openapi|swagger)[\w.-]*\.(?:ya?ml|json)$/i;
const SPEC_CANDIDATE = /(^|\/)(?:api|apis|openapi|swagger|specs?|contracts?|docs?)\/[^/]+\.(?:ya?ml|json)$/i;
const OPENAPI_HEAD = /^\s*["']?(?:openapi|swagger)["']?\s*:\s*["']?[23]\./m;
const CHANGELOG =
  /(^|\/)(?:CHANGELOG|CHANGES|HISTORY|NEWS|RELEASE[-_]NOTES)(?:\.(?:md|markdown|rst|txt|adoc))?$/i;
const SECURITY_POLICY = /^(?:\.github\/|docs\/)?SECURITY(?:\.(?:md|markdown|rst|txt|adoc))?$/i;
const REPORTING = /\breport\w*|\bdisclos\w*|\bvulnerabilit\w*|@[\w-]+\.\w+|security advisor\w*/i;
const LICENSE = /(^|\/)(?:LICEN[CS]E|COPYING|UNLICENSE)(?:[-.][\w.-]+)?$/i;
const LOCKFILE =
  /(^|\/)(?:package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|bun\.lockb?|poetry\.lock|Pipfile\.lock|uv\.lock|pdm\.lock|go\.sum|mix\.lock|Cargo\.lock|Gemfile\.lock|composer\.lock|gradle\.lockfile)$/;
const REQUIREMENTS = /(^|\/)requirements[\w.-]*\.txt$/;
const MAX_DOC_HEAD = 4000;

/** Topics people claim are documented, and how a file name or heading about each reads. */
export const DOC_TOPICS = {
  architecture: /\barchitecture\b|\bsystem design\b|\btechnical design\b/i,
  deployment: /\bdeploy(?:ment|ing)?\b/i,
  rollback: /\broll[- ]?back\b/i,
  'disaster recovery': /\bdisaster[- ]recovery\b/i,
  'backup and restore': /\bbackups?\b|\brestor(?:e|ing)\b/i,
  'API reference': /\bAPI\b(?! keys?)|\bendpoints\b/,
  'getting started': /\bquick[- ]?start\b|\bgetting started\b|\binstallation\b/i,
  'rate limiting': /\brate[- ]limit/i,
  'incident response': /\bincident(?:s| response)\b/i,
} as const;
export type DocTopic = keyof typeof DOC_TOPICS;
const TOPICS = Object.entries(DOC_TOPICS) as [DocTopic, RegExp][];
/** Checklists, plans and status reports say what should be documented; they are not the documentation. */
const CHECKLIST_FILE = /checklist|readiness|launch|todo|roadmap|plan|summary|report|progress|status/i;
const HEADING = /^#{1,4}\s+(.{1,200})$/;

export const projectDocsCollector: Collector<ProjectDocs> = {
  id: 'project-docs',
  async collect(repo: RepoView): Promise<ProjectDocs> {
    const out: ProjectDocs = {
      runbooks: [],
      topicDocs: [],
      openapiSpecs: [],
      changelogs: [],
      securityPolicies: [],
      licenses: [],
      lockfiles: [],
      requirements: [],
    };
    for (const path of repo.files) {
      if (VENDORED_OR_GENERATED.test(path)) continue;
      if (
        RUNBOOK_PATH.test(path) &&
        (DOC_EXTENSION.test(path) || !path.slice(path.lastIndexOf('/') + 1).includes('.'))
      ) {
        out.runbooks.push({ path });
      } else if (/\.md$/i.test(path) && isDocToRead(path)) {
        await findRunbookHeading(repo, path, out);
      }
      if (/\.(?:md|mdx|markdown)$/i.test(path)) await findTopics(repo, path, out);
      if (OPENAPI_NAME.test(path)) out.openapiSpecs.push({ path });
      else if (SPEC_CANDIDATE.test(path)) await findSpec(repo, path, out);
      if (CHANGELOG.test(path)) out.changelogs.push({ path });
      if (SECURITY_POLICY.test(path)) {
        const text = (await repo.read(path)) ?? '';
        out.securityPolicies.push({ path, explainsReporting: REPORTING.test(text) });
      }
      if (LICENSE.test(path)) out.licenses.push({ path });
      if (LOCKFILE.test(path)) out.lockfiles.push(path);
      if (REQUIREMENTS.test(path)) out.requirements.push(pinning(path, (await repo.read(path)) ?? ''));
    }
    return out;
  },
};

/** READMEs anywhere and Markdown under docs/: where runbook sections live when there is no runbook file. */
function isDocToRead(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (CHECKLIST_NAME.test(name)) return false;
  return /^README/i.test(name) || /(^|\/)docs?\//i.test(path);
}

async function findRunbookHeading(repo: RepoView, path: string, out: ProjectDocs): Promise<void> {
  const text = await repo.read(path);
  if (!text) return;
  const lines = text.split(/\r\n|\r|\n/);
  const index = lines.findIndex((line) => line.length < 300 && RUNBOOK_HEADING.test(line));
  if (index >= 0) out.runbooks.push({ path, line: index + 1, excerpt: (lines[index] as string).trim() });
}

/** Each topic once per file: named by the file (DEPLOYMENT.md) or by its first heading about it. */
async function findTopics(repo: RepoView, path: string, out: ProjectDocs): Promise<void> {
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (CHECKLIST_FILE.test(name)) return;
  const stem = name.replace(/\.[^.]+$/, '').replace(/[-_]+/g, ' ');
  const found = new Set<DocTopic>();
  for (const [topic, pattern] of TOPICS) {
    if (pattern.test(stem)) {
      out.topicDocs.push({ path, topic });
      found.add(topic);
    }
  }
  if (found.size === TOPICS.length) return;
  const text = await repo.read(path);
  if (!text) return;
  const lines = text.split(/\r\n|\r|\n/);
  let fenced = false;
  for (const [index, line] of lines.entries()) {
    if (/^\s*(?:```|~~~)/.test(line)) fenced = !fenced;
    const heading = fenced ? null : HEADING.exec(line);
    if (!heading) continue;
    for (const [topic, pattern] of TOPICS) {
      if (found.has(topic) || !pattern.test(heading[1] as string)) continue;
      out.topicDocs.push({ path, topic, line: index + 1, excerpt: line.trim() });
      found.add(topic);
    }
  }
}

async function findSpec(repo: RepoView, path: string, out: ProjectDocs): Promise<void> {
  const text = await repo.read(path);
  if (text && OPENAPI_HEAD.test(text.slice(0, MAX_DOC_HEAD))) out.openapiSpecs.push({ path });
}

function pinning(path: string, text: string): RequirementsPinning {
  const result: RequirementsPinning = { path, total: 0, unpinned: 0 };
  text.split(/\r\n|\r|\n/).forEach((raw, index) => {
    const line = raw.replace(/\s#.*$/, '').trim();
    // Options (-r, -e, --hash) and comments are not requirements.
    if (!line || line.startsWith('#') || line.startsWith('-')) return;
    result.total++;
    if (/==\s*[\w.*+!-]+/.test(line) || /\s@\s/.test(line)) return;
    result.unpinned++;
    result.firstUnpinned ??= { line: index + 1, excerpt: raw.trim().slice(0, 120) };
  });
  return result;
}
