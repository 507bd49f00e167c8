// SARIF 2.1.0 for code scanning and dashboards: one result per deciding check of each
// unbacked (error), unmet (warning) and inconclusive (note) item, located on the checklist
// line, with the evidence as related locations.

import type { Rule } from '../rule.js';
import type { Check, EvidenceRef, Report, Status } from '../types.js';
import { itemsWithStatus, STATUS_MEANING } from './format.js';
import { plainInline } from './sanitize.js';

export interface SarifOptions {
  toolVersion: string;
  /** Rule metadata for the driver's rule list; ids without metadata get their id as description. */
  rules?: readonly Pick<Rule, 'id' | 'title' | 'why' | 'fix'>[];
}

type SarifLevel = 'error' | 'warning' | 'note';

interface SarifLocation {
  id?: number;
  physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number } };
  message?: { text: string };
}

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: SarifLevel;
  message: { text: string };
  locations: SarifLocation[];
  relatedLocations?: SarifLocation[];
  partialFingerprints: Record<string, string>;
}

interface SarifRule {
  id: string;
  name: string;
  helpUri?: string;
  shortDescription: { text: string };
  fullDescription?: { text: string };
  help?: { text: string };
}

export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: {
    tool: { driver: { name: string; version: string; informationUri: string; rules: SarifRule[] } };
    results: SarifResult[];
  }[];
}

/** The project's home, and the rule catalogue whose `## rule.id` headings a helpUri points at. */
export const INFORMATION_URI = 'https://github.com/readiness/readiness';
export const RULES_DOC_URI = `${INFORMATION_URI}/blob/main/docs/rules.md`;

/** GitHub's anchor of a `## docker.non-root` heading: lower case, dots dropped. */
export function ruleHelpUri(id: string): string {
  return `${RULES_DOC_URI}#${id.toLowerCase().replace(/[^a-z0-9 _-]/g, '')}`;
}

const LEVEL: Partial<Record<Status, SarifLevel>> = {
  unbacked: 'error',
  unmet: 'warning',
  inconclusive: 'note',
};

/** The verdict that put an item in its status: failures for unbacked/unmet, unknowns for inconclusive. */
const DECIDING: Partial<Record<Status, Check['verdict']>> = {
  unbacked: 'fail',
  unmet: 'fail',
  inconclusive: 'unknown',
};

export function renderSarif(report: Report, options: SarifOptions): string {
  const ruleIds: string[] = [];
  const ruleIndex = (id: string): number => {
    const known = ruleIds.indexOf(id);
    if (known >= 0) return known;
    ruleIds.push(id);
    return ruleIds.length - 1;
  };

  const results: SarifResult[] = [];
  for (const [status, level] of Object.entries(LEVEL) as [Status, SarifLevel][]) {
    for (const { path, item } of itemsWithStatus(report, status)) {
      for (const check of item.checks.filter((candidate) => candidate.verdict === DECIDING[status])) {
        const related = check.evidence.map((ref, index) => relatedLocation(ref, index + 1, check.rule));
        results.push({
          ruleId: check.rule,
          ruleIndex: ruleIndex(check.rule),
          level,
          message: {
            text: plainInline(
              `${status}: "${plainInline(item.text)}" (${STATUS_MEANING[status]}): ${check.message}`,
              2000,
            ),
          },
          locations: [
            { physicalLocation: { artifactLocation: { uri: uri(path) }, region: { startLine: item.line } } },
          ],
          ...(related.length ? { relatedLocations: related } : {}),
          partialFingerprints: { 'readinessItem/v1': `${path}#${item.id}#${check.rule}` },
        });
      }
    }
  }

  const metadata = new Map((options.rules ?? []).map((rule) => [rule.id, rule]));
  const log: SarifLog = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'readiness',
            version: options.toolVersion,
            informationUri: INFORMATION_URI,
            rules: ruleIds.map((id) => sarifRule(id, metadata.get(id))),
          },
        },
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function sarifRule(id: string, rule: Pick<Rule, 'title' | 'why' | 'fix'> | undefined): SarifRule {
  if (!rule) return { id, name: id, shortDescription: { text: id } };
  return {
    id,
    name: id,
    helpUri: ruleHelpUri(id),
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.why },
    help: { text: rule.fix },
  };
}

function relatedLocation(ref: EvidenceRef, id: number, rule: string): SarifLocation {
  return {
    id,
    physicalLocation: {
      artifactLocation: { uri: uri(ref.path) },
      ...(ref.line === undefined ? {} : { region: { startLine: ref.line } }),
    },
    message: { text: ref.excerpt ? plainInline(ref.excerpt, 200) : `evidence for ${rule}` },
  };
}

/** Repository-relative paths as SARIF URIs: each segment percent-encoded, slashes kept. */
function uri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}
