// Helm templates are not YAML until Helm renders them, and we never run Helm. This turns a
// template into parseable YAML line by line, keeping line numbers: action-only lines become
// blank, `toYaml .Values.x | nindent N` and `key: {{ .Values.x }}` are filled from the
// chart's values.yaml (remembering that the fact came from there), anything else stays a
// visible template string. Lines under `if` blocks the default values switch off, or whose
// condition cannot be resolved, carry that condition so rules can stay undecided.

import { stringify } from 'yaml';
import { type LocatedNode, path as nodeAt, plain } from '../../formats/located-yaml.js';

export interface ChartValues {
  path: string;
  root: LocatedNode | null;
}

/** Where a template line's content came from, when not from the template itself. */
export interface LineOrigin {
  /** values.yaml path and line the value was read from. */
  valuesPath?: string;
  valuesLine?: number;
  /** A condition that is off by default or cannot be resolved from values.yaml. */
  condition?: string;
}

export interface RenderedTemplate {
  text: string;
  /** Template line (1-based) of each rendered line. */
  lineMap: number[];
  /** Rendered line (1-based) → origin, only for lines that need one. */
  origins: Map<number, LineOrigin>;
}

interface Block {
  kind: 'if' | 'with' | 'range' | 'define' | 'other';
  /** true/false when default values decide the block, undefined when they cannot. */
  active: boolean | undefined;
  description: string;
  /** For `with .Values.x`: what `.` means inside. */
  dot?: string;
  /** The block is now in its `else` (or `else if`) branch. */
  elseBranch?: boolean;
}

const ACTION = /\{\{-?\s*([\s\S]*?)\s*-?\}\}/g;
const ACTIONS_ONLY = /^\s*(?:\{\{[\s\S]*?\}\}\s*)+$/;
const VALUE_ACTION = /^(\s*(?:-\s+)?(?:[\w./-]+:\s+)?)\{\{-?\s*((?:(?!\}\})[\s\S])*?)\s*-?\}\}\s*$/;
const INDENTED_YAML = /^(?:toYaml\s+(\S+)|(\S+)\s*\|\s*toYaml)\s*\|\s*n?indent\s+(\d+)$/;
const VALUES_REF = /^\.Values((?:\.[\w-]+)+)$/;
const TEMPLATED = 'TEMPLATED';
const MULTILINE_COMMENT = /\{\{-?\s*\/\*[\s\S]*?\*\/\s*-?\}\}/g;
const VALUE_PRESERVING = /^(quote|squote|toString|int|int64|float64|default\s+\S+)$/;

/** Whether text holds template actions at all. */
export function isTemplate(text: string): boolean {
  return text.includes('{{');
}

export function renderTemplate(source: string, values: ChartValues | null): RenderedTemplate {
  const blocks: Block[] = [];
  const origins = new Map<number, LineOrigin>();
  // Comments may span lines; blank them but keep their newlines so line numbers hold.
  const uncommented = source.replace(MULTILINE_COMMENT, (comment) => comment.replace(/[^\r\n]/g, ''));
  const lines = uncommented.split(/\r\n|\r|\n/);
  /** Indentation of the key on the last written line when it still waits for its value. */
  let openKeyIndent = -1;
  const output = lines.map((line, index) => {
    const rendered = renderLine(line, index);
    if (rendered.trim()) openKeyIndent = /:\s*$/.test(rendered) ? rendered.search(/\S/) : -1;
    return rendered;
  });
  function renderLine(line: string, index: number): string {
    const lineNo = index + 1;
    const insideDefine = blocks.some((block) => block.kind === 'define');
    const condition = describeConditions(blocks);
    if (ACTIONS_ONLY.test(line)) {
      const actions = [...line.matchAll(ACTION)].map((found) => (found[1] ?? '').trim());
      const indented = actions.length === 1 ? INDENTED_YAML.exec(actions[0] ?? '') : null;
      if (indented && !insideDefine) {
        const reference = indented[1] ?? indented[2] ?? '';
        const awaitsValue = openKeyIndent >= 0 && Number(indented[3]) > openKeyIndent;
        // One space deeper than Helm would indent: a flow collection is valid there even where
        // Helm's block sequence would sit at its parent key's own indentation.
        const indent = ' '.repeat(Number(indented[3]) + 1);
        const found = lookup(reference, blocks, values);
        if (found?.present) {
          origins.set(lineNo, { valuesPath: values?.path, valuesLine: found.line, condition });
          if (isFilled(found.value)) return asBlock(found.value, Number(indented[3]));
          // Empty or unknown content only fits as the value of the key just above; anywhere else
          // (merged into a mapping or a list) it would add nothing a rule could read.
          return awaitsValue ? indent + JSON.stringify(found.value ?? null) : '';
        }
        if (condition) origins.set(lineNo, { condition });
        return awaitsValue ? indent + JSON.stringify(`{{ ${actions[0]} }}`) : '';
      }
      for (const action of actions) track(action, blocks, values);
      return '';
    }
    // An else branch the default values switch off would repeat keys its if branch already set.
    if (insideDefine || blocks.some((block) => block.active === false && block.elseBranch)) return '';
    if (condition) origins.set(lineNo, { condition });
    if (!isTemplate(line)) return line;
    const whole = VALUE_ACTION.exec(line);
    if (whole) {
      const action = (whole[2] ?? '').trim();
      const [reference = '', ...pipeline] = action.split('|').map((part) => part.trim());
      // Only pipelines that keep the value as written (b64enc, printf... would change it).
      const keepsValue = pipeline.every((step) => VALUE_PRESERVING.test(step));
      const found = keepsValue ? lookup(reference, blocks, values) : undefined;
      if (found?.present && (found.value === null || typeof found.value !== 'object')) {
        origins.set(lineNo, { valuesPath: values?.path, valuesLine: found.line, condition });
        return `${whole[1]}${JSON.stringify(found.value)}`;
      }
      return `${whole[1]}${JSON.stringify(`{{ ${action} }}`)}`;
    }
    return line.replace(/\{\{[\s\S]*?\}\}/g, TEMPLATED);
  }
  // Filled-in values may span several lines: map every output line back to its template line.
  const text: string[] = [];
  const lineMap: number[] = [];
  const outputOrigins = new Map<number, LineOrigin>();
  output.forEach((chunk, index) => {
    for (const piece of chunk.split('\n')) {
      text.push(piece);
      lineMap.push(index + 1);
      const origin = origins.get(index + 1);
      if (origin) outputOrigins.set(text.length, origin);
    }
  });
  return { text: text.join('\n'), lineMap, origins: outputOrigins };
}

function isFilled(value: unknown): value is object {
  return typeof value === 'object' && value !== null && Object.keys(value).length > 0;
}

/** What `toYaml x | nindent n` writes: block YAML, every line indented by n. */
function asBlock(value: object, indent: number): string {
  const pad = ' '.repeat(indent);
  return stringify(value, { lineWidth: 0 })
    .trimEnd()
    .split('\n')
    .map((line) => pad + line)
    .join('\n');
}

/** Whether a string value still holds an unrendered template action. */
export function isTemplated(value: unknown): boolean {
  return typeof value === 'string' && (value.startsWith('{{') || value.includes(TEMPLATED));
}

function track(action: string, blocks: Block[], values: ChartValues | null): void {
  const [keyword = '', ...rest] = action.replace(/^\/\*[\s\S]*\*\/$/, '').split(/\s+/);
  const argument = rest.join(' ');
  switch (keyword) {
    case 'if': {
      blocks.push({ kind: 'if', active: truth(argument, blocks, values), description: `if ${argument}` });
      return;
    }
    case 'with': {
      const active = truth(argument, blocks, values);
      blocks.push({
        kind: 'with',
        active,
        description: `with ${argument}`,
        dot: argument.split('|')[0]?.trim(),
      });
      return;
    }
    case 'range':
      blocks.push({ kind: 'range', active: undefined, description: `range ${argument}` });
      return;
    case 'define':
      blocks.push({ kind: 'define', active: false, description: 'define' });
      return;
    case 'block':
      blocks.push({ kind: 'other', active: true, description: 'block' });
      return;
    case 'else': {
      const top = blocks.at(-1);
      if (!top) return;
      top.elseBranch = true;
      if (rest[0] === 'if') {
        const before = top.active;
        const next = truth(rest.slice(1).join(' '), blocks, values);
        top.active = before === true ? false : before === false ? next : undefined;
        top.description = `else ${rest.slice(1).join(' ')}`;
      } else {
        top.active = top.active === undefined ? undefined : !top.active;
        top.description = `else of ${top.description}`;
      }
      return;
    }
    case 'end':
      blocks.pop();
      return;
    default:
      return;
  }
}

function describeConditions(blocks: Block[]): string | undefined {
  const off = blocks.find((block) => block.active === false && block.kind !== 'define');
  if (off) return `off with default values (${off.description})`;
  const open = blocks.find((block) => block.active === undefined);
  return open ? `depends on ${open.description}` : undefined;
}

/** Truth of a simple condition under default values; undefined when it is not simple. */
function truth(condition: string, blocks: Block[], values: ChartValues | null): boolean | undefined {
  const negated = /^not\s+(.+)$/.exec(condition.trim());
  if (negated) {
    const inner = truth(negated[1] ?? '', blocks, values);
    return inner === undefined ? undefined : !inner;
  }
  const found = lookup(condition.trim(), blocks, values);
  if (!found) return undefined;
  // Helm treats a missing value like false, and so do we when values.yaml exists.
  return found.present ? helmTruthy(found.value) : false;
}

function helmTruthy(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  if (value && typeof value === 'object') return Object.keys(value).length > 0;
  return Boolean(value);
}

interface Lookup {
  present: boolean;
  value?: unknown;
  line?: number;
}

/** `.Values.a.b` (or `.` inside `with .Values.x`) read from values.yaml; undefined when not a values reference. */
function lookup(reference: string, blocks: Block[], values: ChartValues | null): Lookup | undefined {
  let resolved = reference;
  if (reference === '.') {
    const inner = [...blocks].reverse().find((block) => block.kind === 'with' || block.kind === 'range');
    if (inner?.kind !== 'with' || !inner.dot) return undefined;
    resolved = inner.dot;
  }
  const match = VALUES_REF.exec(resolved);
  if (!match || !values?.root) return undefined;
  const keys = (match[1] ?? '').slice(1).split('.');
  const node = nodeAt(values.root, ...keys);
  if (!node) return { present: false };
  return { present: true, value: plain(node), line: node.line };
}
