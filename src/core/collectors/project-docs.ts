// Project documents and metadata files: runbooks and troubleshooting guides, OpenAPI specs,
// changelogs, security policies, licences and dependency lockfiles. Mostly found by path; only
// Markdown docs (for runbook and topic headings), candidate API specs, security policies and
// requirements files are read, once each, with what they say kept per content (see DocScan).

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
const CHECKLIST_NAME = /checklist|readiness|launch|deploy(?:ment)?[-_ ]?check/i;
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

/** What one file's text says, for the parts of this collector that read it (see `reads`). */
interface DocScan {
  runbookHeading?: DocFile;
  /** Topics named by the file's headings (not by its name), each once. */
  headingTopics?: TopicDoc[];
  openapi?: boolean;
  explainsReporting?: boolean;
  requirements?: RequirementsPinning;
}

/** Which parts of a file's text this collector needs: a pure function of the path. */
function reads(path: string) {
  const markdown = /\.(?:md|mdx|markdown)$/i.test(path);
  const runbookByPath =
    RUNBOOK_PATH.test(path) &&
    (DOC_EXTENSION.test(path) || !path.slice(path.lastIndexOf('/') + 1).includes('.'));
  return {
    runbookHeading: !runbookByPath && /\.md$/i.test(path) && isDocToRead(path),
    topics: markdown && !CHECKLIST_FILE.test(path.slice(path.lastIndexOf('/') + 1)),
    spec: !OPENAPI_NAME.test(path) && SPEC_CANDIDATE.test(path),
    securityPolicy: SECURITY_POLICY.test(path),
    requirements: REQUIREMENTS.test(path),
    runbookByPath,
  };
}

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
    const files = repo.files
      .filter((path) => !VENDORED_OR_GENERATED.test(path))
      .map((path): DocToRead => ({ path, wanted: reads(path) }));
    const toRead = files.filter(
      ({ wanted }) =>
        wanted.runbookHeading || wanted.topics || wanted.spec || wanted.securityPolicy || wanted.requirements,
    );
    // One read per file, kept per content between runs: a PR reads only the documents it changed.
    const scanned = await repo.perFiles(
      'project-docs',
      toRead.map(({ path }) => path),
      (text, index) => scanDocument(toRead[index] as DocToRead, text),
    );
    const scans = new Map(toRead.map(({ path }, index) => [path, scanned[index] ?? null]));
    for (const { path, wanted } of files) {
      const scan = scans.get(path) ?? null;
      if (wanted.runbookByPath) out.runbooks.push({ path });
      else if (scan?.runbookHeading) out.runbooks.push(scan.runbookHeading);
      if (wanted.topics) {
        const named = topicsNamedBy(path);
        for (const topic of named) out.topicDocs.push({ path, topic });
        for (const doc of scan?.headingTopics ?? []) if (!named.has(doc.topic)) out.topicDocs.push(doc);
      }
      if (OPENAPI_NAME.test(path)) out.openapiSpecs.push({ path });
      else if (scan?.openapi) out.openapiSpecs.push({ path });
      if (CHANGELOG.test(path)) out.changelogs.push({ path });
      if (wanted.securityPolicy)
        out.securityPolicies.push({ path, explainsReporting: scan?.explainsReporting === true });
      if (LICENSE.test(path)) out.licenses.push({ path });
      if (LOCKFILE.test(path)) out.lockfiles.push(path);
      if (wanted.requirements) out.requirements.push(scan?.requirements ?? pinning(path, ''));
    }
    return out;
  },
};

/** READMEs anywhere and Markdown under docs/: where runbook sections live when there is no runbook file. */
function isDocToRead(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (CHECKLIST_NAME.test(name)) return false;
  // Guides kept beside the README (QUICKSTART.md, DEPLOYMENT_GUIDE.md) have Troubleshooting
  // sections too; plans, reports and changelogs only mention them.
  return (
    /^README/i.test(name) ||
    /(^|\/)docs?\//i.test(path) ||
    !(CHECKLIST_FILE.test(name) || CHANGELOG.test(path))
  );
}

interface DocToRead {
  path: string;
  wanted: ReturnType<typeof reads>;
}

function scanDocument({ path, wanted }: DocToRead, text: string): DocScan {
  const scan: DocScan = {};
  const lines = wanted.runbookHeading || wanted.topics ? text.split(/\r\n|\r|\n/) : [];
  if (wanted.runbookHeading) {
    const index = lines.findIndex((line) => line.length < 300 && RUNBOOK_HEADING.test(line));
    if (index >= 0) scan.runbookHeading = { path, line: index + 1, excerpt: (lines[index] as string).trim() };
  }
  if (wanted.topics) {
    const topics = headingTopics(path, lines, topicsNamedBy(path));
    if (topics.length > 0) scan.headingTopics = topics;
  }
  if (wanted.spec && OPENAPI_HEAD.test(text.slice(0, MAX_DOC_HEAD))) scan.openapi = true;
  if (wanted.securityPolicy) scan.explainsReporting = REPORTING.test(text);
  if (wanted.requirements) scan.requirements = pinning(path, text);
  return scan;
}

/** The topics a Markdown file's name is about (DEPLOYMENT.md): documented without reading it. */
function topicsNamedBy(path: string): Set<DocTopic> {
  const stem = path
    .slice(path.lastIndexOf('/') + 1)
    .replace(/\.[^.]+$/, '')
    .replace(/[-_]+/g, ' ');
  return new Set(TOPICS.filter(([, pattern]) => pattern.test(stem)).map(([topic]) => topic));
}

/** Each topic the name does not already give, once per file: the first heading about it, outside fences. */
function headingTopics(path: string, lines: readonly string[], named: ReadonlySet<DocTopic>): TopicDoc[] {
  const found: TopicDoc[] = [];
  if (named.size === TOPICS.length) return found;
  const seen = new Set<DocTopic>(named);
  let fenced = false;
  for (const [index, line] of lines.entries()) {
    if (/^\s*(?:```|~~~)/.test(line)) fenced = !fenced;
    const heading = fenced ? null : HEADING.exec(line);
    if (!heading) continue;
    for (const [topic, pattern] of TOPICS) {
      if (seen.has(topic) || !pattern.test(heading[1] as string)) continue;
      found.push({ path, topic, line: index + 1, excerpt: line.trim() });
      seen.add(topic);
    }
  }
  return found;
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
