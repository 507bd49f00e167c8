// Markdown → task items, with remark (CommonMark + GFM task lists). Every task item at
// any depth counts, including those in blockquotes; code fences and HTML blocks never
// hold items because remark does not parse inside them.

import type { Heading, Html, List, ListItem, Nodes, Parent, Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { redactSecretsInText } from '../secrets/redact-text.js';
import type { ChecklistItem, ItemAnnotations, ParsedChecklist } from '../types.js';
import { findDeclaredVerdicts } from './declared-verdict.js';
import { itemIdBase, uniqueIds } from './item-id.js';
import { repairMojibake } from './mojibake.js';
import { isSignOff } from './sign-off.js';

const processor = unified().use(remarkParse).use(remarkGfm);

const ANNOTATION = /<!--\s*readiness\s*:\s*([\s\S]*?)-->/gi;
/** Lines longer than this are cut before parsing so a hostile line cannot stall remark. */
const MAX_LINE = 20_000;
/**
 * Container prefixes (indentation, `>`, list markers) longer than this are cut to their last
 * characters before parsing: micromark is quadratic in nesting depth (a 1,000-level list took
 * minutes), and no real checklist nests 60 levels deep. The innermost marker and the line stay.
 */
const MAX_CONTAINER_PREFIX = 128;
const CONTAINER_PREFIX = /^(?:[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t])))*[ \t]*/;

type Draft = Omit<ChecklistItem, 'id' | 'parentId'> & { idBase: string; parentIndex?: number };

interface Walk {
  /** The text remark parsed, to recover what emphasis markers stood for (see `plainText`). */
  source: string;
  headings: string[];
  parents: { id: number; text: string }[];
  drafts: Draft[];
}

/**
 * A line that may open a task item: only container characters (indentation, `>`, list markers)
 * before `[ ]`, `[x]` or `[X]`. A superset of what remark takes for one; a file without such a
 * line has no items, and is not parsed (most Markdown files a name pattern matches are prose).
 */
const MAYBE_TASK = /^[\uFEFF \t>*+\-\d.)]*\[[ \txX]\]/m;

export function parseChecklist(path: string, markdown: string): ParsedChecklist {
  if (!MAYBE_TASK.test(markdown)) return { path, items: [], declared: [] };
  const text = markdown
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .map((line) => clampNesting(line.length > MAX_LINE ? line.slice(0, MAX_LINE) : line));
  const source = text.join('\n');
  const tree = processor.parse(source) as Root;
  const walk: Walk = { source, headings: [], parents: [], drafts: [] };
  visit(tree, walk);
  const ids = uniqueIds(walk.drafts.map((draft) => draft.idBase));
  const items = walk.drafts.map(({ idBase: _base, parentIndex, ...draft }, index): ChecklistItem => {
    const item: ChecklistItem = { ...draft, id: ids[index] as string };
    if (parentIndex !== undefined) item.parentId = ids[parentIndex];
    return item;
  });
  const itemLines = new Set(items.map((item) => item.line));
  return { path, items, declared: findDeclaredVerdicts(text, itemLines) };
}

function clampNesting(line: string): string {
  const prefix = CONTAINER_PREFIX.exec(line)?.[0] ?? '';
  return prefix.length > MAX_CONTAINER_PREFIX ? line.slice(prefix.length - MAX_CONTAINER_PREFIX) : line;
}

function visit(node: Nodes, walk: Walk): void {
  if (node.type === 'heading') {
    recordHeading(node, walk);
    return;
  }
  if (node.type === 'code' || node.type === 'html') return;
  if (node.type === 'listItem' && typeof node.checked === 'boolean') {
    visitTaskItem(node, walk);
    return;
  }
  if ('children' in node) for (const child of (node as Parent).children) visit(child as Nodes, walk);
}

function recordHeading(node: Heading, walk: Walk): void {
  walk.headings.length = Math.min(walk.headings.length, node.depth - 1);
  while (walk.headings.length < node.depth - 1) walk.headings.push('');
  walk.headings.push(cleanText(plainText(node.children, walk.source)));
}

function visitTaskItem(node: ListItem, walk: Walk): void {
  const own = node.children.filter((child) => child.type !== 'list');
  const nested = node.children.filter((child): child is List => child.type === 'list');
  const phrasing = own.flatMap((child) => ('children' in child ? (child.children as Nodes[]) : []));
  const text = cleanText(plainText(phrasing, walk.source));
  const section = walk.headings.filter(Boolean);
  const parents = walk.parents.map((parent) => parent.text);
  const index = walk.drafts.length;
  const draft: Draft = {
    idBase: itemIdBase(section, parents, text),
    line: node.position?.start.line ?? 0,
    text,
    checked: node.checked === true,
    section,
    parents,
    codeSpans: collect(phrasing, 'inlineCode').map((span) => redactSecretsInText(repairMojibake(span))),
    links: collect(phrasing, 'link').map(redactSecretsInText),
    ...detailsOf(nested, walk.source),
    annotations: annotationsOf(own),
    signOff: isSignOff(text, section),
  };
  const parent = walk.parents.at(-1);
  if (parent) draft.parentIndex = parent.id;
  walk.drafts.push(draft);
  walk.parents.push({ id: index, text });
  for (const list of nested) visit(list, walk);
  walk.parents.pop();
}

/** Nested plain (non-task) bullets, which often spell out or cite what a parent claims. */
function detailsOf(
  lists: readonly List[],
  source: string,
): Pick<ChecklistItem, 'details' | 'detailCodeSpans' | 'detailLinks'> {
  const out: Pick<ChecklistItem, 'details' | 'detailCodeSpans' | 'detailLinks'> = {
    details: [],
    detailCodeSpans: [],
    detailLinks: [],
  };
  const walkList = (list: List): void => {
    for (const item of list.children) {
      if (typeof item.checked === 'boolean') continue;
      const own = item.children.filter((child) => child.type !== 'list');
      const phrasing = own.flatMap((child) => ('children' in child ? (child.children as Nodes[]) : []));
      const text = cleanText(plainText(phrasing, source));
      if (text) out.details.push(text);
      out.detailCodeSpans.push(
        ...collect(phrasing, 'inlineCode').map((span) => redactSecretsInText(repairMojibake(span))),
      );
      out.detailLinks.push(...collect(phrasing, 'link').map(redactSecretsInText));
      for (const child of item.children) if (child.type === 'list') walkList(child);
    }
  };
  for (const list of lists) walkList(list);
  return out;
}

function plainText(nodes: readonly Nodes[], source: string): string {
  let out = '';
  for (const [index, node] of nodes.entries()) {
    const file = fileNameInEmphasis(node, nodes[index + 1], source);
    if (file !== undefined) out += file;
    else if (node.type === 'text' || node.type === 'inlineCode') out += node.value;
    else if (node.type === 'break') out += ' ';
    else if (node.type === 'image') out += node.alt ?? '';
    else if (node.type === 'html') continue;
    else if ('children' in node) out += plainText(node.children as Nodes[], source);
  }
  return out;
}

/**
 * Unquoted Python and dunder names (`__init__.py`, `_config_.yml`) parse as underscore emphasis
 * followed by the extension; dropping the markers would turn `__init__.py` into `init.py`, a
 * file that does not exist. When underscore emphasis runs straight into `.ext`, the source
 * text is what the author wrote.
 */
function fileNameInEmphasis(node: Nodes, next: Nodes | undefined, source: string): string | undefined {
  if (node.type !== 'strong' && node.type !== 'emphasis') return undefined;
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined || source[start] !== '_') return undefined;
  if (next?.type !== 'text' || !/^\.[A-Za-z0-9]/.test(next.value)) return undefined;
  return source.slice(start, end);
}

function cleanText(text: string): string {
  return redactSecretsInText(repairMojibake(text).replace(/\s+/g, ' ').trim());
}

function collect(nodes: readonly Nodes[], type: 'inlineCode' | 'link'): string[] {
  const found: string[] = [];
  for (const node of nodes) {
    if (type === 'inlineCode' && node.type === 'inlineCode') found.push(node.value);
    else if (type === 'link' && node.type === 'link') found.push(node.url);
    if ('children' in node) found.push(...collect(node.children as Nodes[], type));
  }
  return found;
}

function annotationsOf(nodes: readonly Nodes[]): ItemAnnotations {
  const annotations: ItemAnnotations = { rules: [], manual: false, optional: false };
  for (const html of collectHtml(nodes)) {
    for (const match of html.value.matchAll(ANNOTATION)) {
      for (const word of (match[1] ?? '').split(/[\s,]+/).filter(Boolean)) {
        if (word === 'manual') annotations.manual = true;
        else if (word === 'optional') annotations.optional = true;
        else if (/^[a-z0-9-]+\.[a-z0-9.-]+$/.test(word)) annotations.rules.push(word);
      }
    }
  }
  return annotations;
}

function collectHtml(nodes: readonly Nodes[]): Html[] {
  const found: Html[] = [];
  for (const node of nodes) {
    if (node.type === 'html') found.push(node);
    else if ('children' in node) found.push(...collectHtml(node.children as Nodes[]));
  }
  return found;
}
