// Plain data shared by every part of the engine. docs/architecture.md ("Contracts") is the contract
// for the shapes that leave the engine (statuses, checks, the JSON report).

export type Verdict = 'pass' | 'fail' | 'unknown';

export const STATUSES = ['verified', 'unbacked', 'unmet', 'satisfied', 'inconclusive', 'manual'] as const;
export type Status = (typeof STATUSES)[number];

/** A place in the repository that a verdict rests on. */
export interface EvidenceRef {
  /** Repository-relative path, forward slashes. */
  path: string;
  /** 1-based line, when the evidence is a line. */
  line?: number;
  /** A short excerpt of what was found there (already redacted if it could be secret). */
  excerpt?: string;
}

/** One rule's verdict on one claim of an item. */
export interface Check {
  rule: string;
  verdict: Verdict;
  /** One line a human reads: what was found or looked for. */
  message: string;
  evidence: EvidenceRef[];
}

/** What a rule returns; the engine adds the rule id. */
export type Finding = Omit<Check, 'rule'>;

/** Opt-outs and bindings written next to an item as `<!-- readiness: ... -->`. */
export interface ItemAnnotations {
  /** Rule ids the item is explicitly bound to. */
  rules: string[];
  manual: boolean;
  optional: boolean;
}

/** A task-list item as the parser found it. */
export interface ChecklistItem {
  /** Stable id: see src/core/parse/item-id.ts. */
  id: string;
  /** 1-based line of the item's `[ ]`/`[x]` marker. */
  line: number;
  /** Plain text of the item's own paragraph, mojibake repaired, no nested items. */
  text: string;
  checked: boolean;
  /** Heading chain, outermost first. */
  section: string[];
  /** Id of the enclosing task item, when nested. */
  parentId?: string;
  /** Texts of the enclosing task items, outermost first (for context-aware rules). */
  parents: string[];
  /** Contents of inline code spans in the item's own text. */
  codeSpans: string[];
  /** Link targets in the item's own text. */
  links: string[];
  /** Plain text of nested non-task list items and paragraphs ("- Prometheus metrics" under a parent). */
  details: string[];
  /** Code spans and link targets in those nested bullets: files the item cites as its evidence. */
  detailCodeSpans: string[];
  detailLinks: string[];
  annotations: ItemAnnotations;
  /** A sign-off line ("Lead: ____ Date: ___"): a person, never the repository, decides. */
  signOff: boolean;
}

export interface ParsedChecklist {
  path: string;
  items: ChecklistItem[];
  /** Verdicts the document declares about itself ("Status: PRODUCTION READY", "Score: 87/100"). */
  declared: DeclaredVerdict[];
}

export interface DeclaredVerdict {
  line: number;
  text: string;
  /** A numeric score when one is declared, as a fraction 0..1. */
  score?: number;
}

export interface ItemResult extends ChecklistItem {
  status: Status;
  checks: Check[];
}

export interface ChecklistResult {
  path: string;
  items: ItemResult[];
  declared: DeclaredVerdict[];
}

export type Summary = Record<'items' | Status, number>;

export type GateMode = 'pr' | 'release';

export interface GateFailure {
  id: string;
  path: string;
  line: number;
  reason: string;
}

export interface GateResult {
  mode: GateMode;
  passed: boolean;
  failures: GateFailure[];
}

export interface DiffEntry {
  path: string;
  id: string;
  text: string;
  line: number;
  before?: Status;
  after?: Status;
}

export interface ReportDiff {
  base: string;
  regressed: string[];
  fixed: string[];
  added: string[];
  removed: string[];
  /** The same ids with their checklist path and statuses, for renderers (ids alone can repeat across files). */
  entries: { regressed: DiffEntry[]; fixed: DiffEntry[]; added: DiffEntry[]; removed: DiffEntry[] };
}

/** A file the engine did not read, and why (symlink out of the repo, binary, too large, unreadable). */
export interface SkippedFile {
  path: string;
  reason: string;
}

export interface Score {
  /** Items whose claim the repository proves (verified + satisfied). */
  proven: number;
  /** Items an automated check applies to (everything but manual). */
  checkable: number;
  /** proven / checkable, or null when nothing is checkable. */
  share: number | null;
}

export interface Report {
  schemaVersion: 1;
  checklists: ChecklistResult[];
  summary: Summary;
  score: Score;
  gate: GateResult;
  diff: ReportDiff | null;
  skipped: SkippedFile[];
  /** Problems with the run itself that a user should know (not item verdicts). */
  notes: string[];
}
