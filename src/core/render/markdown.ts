// The PR comment and job summary: the verdict and honest score first, then what this change
// made better or worse, then the gate, then every item grouped by status in collapsed
// sections. Always within `maxLength` and always valid Markdown: when the report is too
// long, the least urgent groups give up their items first.

import type { Check, DiffEntry, EvidenceRef, ItemResult, Report, Status } from '../types.js';
import {
  countsLine,
  declaredLine,
  findItem,
  itemsWithStatus,
  percent,
  plural,
  provenLine,
  STATUS_LABEL,
  STATUS_MARK,
  STATUS_MEANING,
  STATUS_ORDER,
  VERDICT_MARK,
} from './format.js';
import { code, markdownInline, plainInline, safeUrl } from './sanitize.js';

export interface MarkdownOptions {
  /** Builds a link to a file line (e.g. `blob/<sha>/path#L12`); without it locations are plain `path#L12`. */
  link?: (path: string, line?: number) => string | undefined;
  /** GitHub's comment limit by default. */
  maxLength?: number;
  /** Hidden comment written first to find the sticky comment again (`readiness:sticky` or a full `<!-- … -->`). */
  marker?: string;
  /** Trusted Markdown shown when the report had to be shortened ("Full report in the job summary"). */
  overflowNote?: string;
  title?: string;
}

export const COMMENT_MAX_LENGTH = 65_536;

/** How many evidence locations a check lists before "+N more". */
const EVIDENCE_SHOWN = 3;
const EXCERPT_MAX = 80;
const NO_CHANGES = 'No item changed status.';

/** A block whose entries can be shown in part; `open + '\n' + entry…` must be valid Markdown. */
interface Section {
  /** Fill order when shortening: lower numbers keep their entries longest. */
  priority: number;
  open: string;
  entries: string[];
  close: string;
  noun: string;
}

export function renderMarkdown(report: Report, options: MarkdownOptions = {}): string {
  const maxLength = options.maxLength ?? COMMENT_MAX_LENGTH;
  const format = new Formatter(report, options.link);
  const head = headParts(report, options);
  const sections = buildSections(report, format).filter((section) => section.entries.length > 0);

  const full = assemble(
    head,
    sections,
    sections.map((section) => section.entries.length),
    undefined,
  );
  if (full.length <= maxLength) return full;

  const tail = overflowTail(maxLength, options.overflowNote);
  const shown = sections.map(() => 0);
  let length = assemble(head, sections, shown, tail).length;
  if (length > maxLength) return minimal(head, tail, maxLength);

  const fillOrder = sections
    .map((_, index) => index)
    .sort((a, b) => sectionAt(sections, a).priority - sectionAt(sections, b).priority);
  fill: for (const index of fillOrder) {
    for (const entry of sectionAt(sections, index).entries) {
      // Each entry adds itself and one line break; the "… and N more" line only shrinks.
      const cost = entry.length + 1;
      if (length + cost > maxLength) break fill;
      length += cost;
      shown[index] = (shown[index] ?? 0) + 1;
    }
  }
  const shortened = assemble(head, sections, shown, tail);
  return shortened.length <= maxLength ? shortened : minimal(head, tail, maxLength);
}

function sectionAt(sections: readonly Section[], index: number): Section {
  const section = sections[index];
  if (!section) throw new Error(`no section ${index}`);
  return section;
}

function assemble(
  head: string[],
  sections: readonly Section[],
  shown: readonly number[],
  tail: string | undefined,
): string {
  const blocks = sections.map((section, index) => {
    const count = shown[index] ?? 0;
    const entries = section.entries
      .slice(0, count)
      .map((entry) => `\n${entry}`)
      .join('');
    const omitted = section.entries.length - count;
    const more = omitted > 0 ? `\n\n_… and ${omitted} more ${section.noun}_` : '';
    return `${section.open}${entries}${more}${section.close}`;
  });
  return `${[...head, ...blocks, ...(tail ? [tail] : [])].join('\n\n')}\n`;
}

/** The head alone, line by line while it fits: no HTML but the marker, so always valid. */
function minimal(head: readonly string[], tail: string, maxLength: number): string {
  let out = '';
  // The marker (when given), the title, the counts and the score: never the diff heading.
  const essential = head.filter((part) => !part.startsWith('### ') && part !== NO_CHANGES);
  for (const part of [...essential, tail]) {
    const next = out ? `${out}\n\n${part}` : part;
    if (next.length + 1 > maxLength) break;
    out = next;
  }
  return out ? `${out}\n` : '';
}

function overflowTail(maxLength: number, note: string | undefined): string {
  const extra = note ? ` ${plainInline(note, 1000)}` : '';
  return `_Shortened to fit ${maxLength.toLocaleString('en-US')} characters; the least urgent items are left out._${extra}`;
}

function markerComment(marker: string): string {
  const trimmed = plainInline(marker, 200);
  if (/^<!--[\s\S]*-->$/.test(trimmed) && trimmed.indexOf('-->') === trimmed.length - 3) return trimmed;
  return `<!-- ${trimmed.replace(/--+>?|<|>/g, '')} -->`;
}

function headParts(report: Report, options: MarkdownOptions): string[] {
  const { gate, summary, diff } = report;
  const icon = summary.items === 0 ? 'ℹ️' : gate.passed ? '✅' : '❌';
  const verdict = gate.passed ? 'passed' : `failed (${plural(gate.failures.length, 'failure')})`;
  const title = markdownInline(options.title ?? 'Readiness', 200);
  const declared = declaredLine(report, (text) => markdownInline(text, 120));
  const parts = [
    `## ${icon} ${title}: gate ${verdict} · ${gate.mode} mode`,
    `**${plural(summary.items, 'item')}:** ${countsLine(summary)}`,
    `**${provenLine(report.score)}**${declared ? ` · ${declared}` : ''}`,
  ];
  if (options.marker) parts.unshift(markerComment(options.marker));
  if (diff) {
    const changed = Object.values(diff.entries).some((list) => list.length > 0);
    parts.push(`### Changes against ${code(diff.base, 64)}`);
    if (!changed) parts.push(NO_CHANGES);
  }
  return parts;
}

function buildSections(report: Report, format: Formatter): Section[] {
  const sections: Section[] = [];
  if (report.diff) {
    const { regressed, added, fixed, removed } = report.diff.entries;
    // A new unbacked item is also a regression; it is shown there, once.
    const regressedKeys = new Set(regressed.map((change) => `${change.path}\u0000${change.id}`));
    const addedOther = added.filter((change) => !regressedKeys.has(`${change.path}\u0000${change.id}`));
    const diffSection = (priority: number, heading: string, changes: DiffEntry[]): Section => ({
      priority,
      open: `**${heading} (${changes.length})**\n`,
      entries: changes.map((change) => format.change(change)),
      close: '',
      noun: 'changes',
    });
    sections.push(
      diffSection(0, '✗ Regressed', regressed),
      diffSection(6, '✓ Fixed', fixed),
      diffSection(8, 'Removed', removed),
      diffSection(9, 'Other added items', addedOther),
    );
  }
  // Regressions are already listed, with their checks, at the top.
  const shown = new Set(report.diff?.entries.regressed.map((change) => `${change.path}\u0000${change.id}`));
  const failures = report.gate.failures.filter((failure) => !shown.has(`${failure.path}\u0000${failure.id}`));
  sections.push({
    priority: 2,
    open: `### Gate failures (${failures.length})\n`,
    entries: failures.map((failure) => {
      const item = findItem(report, failure.path, failure.id);
      const text = item ? `${markdownInline(item.text)}: ` : '';
      return `- ${format.location(failure.path, failure.line)} ${text}${markdownInline(failure.reason)}`;
    }),
    close: '',
    noun: 'failures',
  });
  sections.push({
    priority: 3,
    open: '**Notes**\n',
    entries: report.notes.map((note) => `- ${markdownInline(note)}`),
    close: '',
    noun: 'notes',
  });
  if (report.checklists.length > 1) sections.push(checklistTable(report, format));
  const priorities: Record<Status, number> = {
    unbacked: 4,
    unmet: 5,
    inconclusive: 7,
    satisfied: 11,
    verified: 13,
    manual: 14,
  };
  for (const status of STATUS_ORDER) {
    const located = itemsWithStatus(report, status);
    const open = status === 'unbacked' && !report.diff ? ' open' : '';
    sections.push({
      priority: priorities[status],
      open: `<details${open}>\n<summary><b>${STATUS_MARK[status]} ${STATUS_LABEL[status]} (${located.length})</b>: ${STATUS_MEANING[status]}</summary>\n`,
      entries: located.map(({ path, item }) => format.item(path, item)),
      close: '\n\n</details>',
      noun: 'items',
    });
  }
  sections.push({
    priority: 12,
    open: `<details>\n<summary>Skipped ${plural(report.skipped.length, 'file')}</summary>\n`,
    entries: report.skipped.map((file) => `- ${code(file.path)}: ${markdownInline(file.reason, 120)}`),
    close: '\n\n</details>',
    noun: 'files',
  });
  return sections;
}

function checklistTable(report: Report, format: Formatter): Section {
  const statusColumns = STATUS_ORDER.map((status) => STATUS_LABEL[status]);
  const header = ['Checklist', 'Items', ...statusColumns, 'Proven'];
  return {
    priority: 10,
    open: `| ${header.join(' | ')} |\n|${header.map(() => ' --- ').join('|')}|`,
    entries: report.checklists.map((checklist) => {
      const counts = STATUS_ORDER.map(
        (status) => checklist.items.filter((item) => item.status === status).length,
      );
      const manual = counts.at(-1) ?? 0;
      const proven = checklist.items.filter(
        (item) => item.status === 'verified' || item.status === 'satisfied',
      ).length;
      const checkable = checklist.items.length - manual;
      const share = checkable ? `${proven}/${checkable} (${percent(proven / checkable)})` : 'none checkable';
      // A pipe ends a table cell even inside a code span unless escaped.
      const path = format.location(checklist.path).replace(/\|/g, '\\|');
      return `| ${[path, checklist.items.length, ...counts, share].join(' | ')} |`;
    }),
    close: '',
    noun: 'checklists',
  };
}

class Formatter {
  constructor(
    private readonly report: Report,
    private readonly link: MarkdownOptions['link'],
  ) {}

  /** A file location, linked when the caller can build links. */
  location(path: string, line?: number): string {
    const url = this.link?.(path, line);
    const safe = url === undefined ? undefined : safeUrl(url);
    if (safe === undefined) return code(line === undefined ? path : `${path}#L${line}`);
    return `[${code(line === undefined ? path : `${path}:${line}`)}](${safe})`;
  }

  item(path: string, item: ItemResult): string {
    return [
      `- ${this.location(path, item.line)} ${markdownInline(item.text)}`,
      ...this.checks(item.checks),
    ].join('\n');
  }

  change(change: DiffEntry): string {
    const transition = `${change.before ?? 'new'} → ${change.after ?? 'removed'}`;
    const line = `- ${this.location(change.path, change.line)} ${markdownInline(change.text)} (${transition})`;
    const item = change.after ? findItem(this.report, change.path, change.id) : undefined;
    return [line, ...this.checks(item?.checks ?? [])].join('\n');
  }

  private checks(checks: readonly Check[]): string[] {
    return checks.map((check) => {
      const evidence = check.evidence.slice(0, EVIDENCE_SHOWN).map((ref) => this.evidence(ref));
      const more =
        check.evidence.length > EVIDENCE_SHOWN ? ` +${check.evidence.length - EVIDENCE_SHOWN} more` : '';
      const where = evidence.length ? ` · ${evidence.join(', ')}${more}` : '';
      return `  - ${VERDICT_MARK[check.verdict]} ${code(check.rule, 80)} ${markdownInline(check.message)}${where}`;
    });
  }

  private evidence(ref: EvidenceRef): string {
    const excerpt = ref.excerpt ? ` ${code(ref.excerpt, EXCERPT_MAX)}` : '';
    return `${this.location(ref.path, ref.line)}${excerpt}`;
  }
}
