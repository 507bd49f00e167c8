// Literal prefilters derived from regular expressions. For a pattern, `requiredLiterals` finds a
// set of lowercase strings such that every match contains at least one of them; a scan then
// looks for those strings in a file's lowercased text (cheap) and runs the patterns only on the
// lines that hold one. Nothing is written by hand, so a catalogue entry cannot fall out of step
// with its prefilter: whatever the analysis does not understand makes the set undefined
// (test every line), never too small.

/** A node's strings: `exact` lists every string it can match (when few); `need` is the requirement. */
interface Info {
  exact: Set<string> | null;
  /** One of these occurs in every match; null when nothing is required. */
  need: Set<string> | null;
}

const MAX_EXACT = 32;
const MAX_CLASS = 12;
const ANY: Info = { exact: null, need: null };
const EMPTY = (): Info => ({ exact: new Set(['']), need: null });

class Unsupported extends Error {}

/**
 * Lowercase strings one of which every match of `pattern` contains, or undefined when the
 * pattern requires none that this analysis can prove (then every line must be tested).
 */
export function requiredLiterals(pattern: RegExp): string[] | undefined {
  // With `u`/`v` and `i`, `ſ` matches `s` and `K` (Kelvin) matches `k`: lowercase text would miss them.
  // `v` has its own class syntax (nested classes, `--`, `&&`), which this reader does not parse.
  if ((pattern.flags.includes('i') && pattern.flags.includes('u')) || pattern.flags.includes('v'))
    return undefined;
  try {
    const parser = new Parser(pattern.source);
    const info = parser.alternation();
    if (parser.at < pattern.source.length) return undefined;
    const need = requirement(info);
    return need ? minimal(need) : undefined;
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
}

/** Sorted, without strings that hold another of the set (`metrics` when `metric` is there). */
function minimal(set: Iterable<string>): string[] {
  const all = [...new Set(set)].sort((a, b) => a.length - b.length || (a < b ? -1 : 1));
  const kept: string[] = [];
  for (const s of all) if (!kept.some((k) => s.includes(k))) kept.push(s);
  return kept.sort();
}

/** What a node requires, as a set with no empty string (an empty string requires nothing). */
function requirement(info: Info): Set<string> | null {
  const set = info.exact ?? info.need;
  if (!set || set.size === 0 || set.has('')) return null;
  return set;
}

function cross(a: Set<string>, b: Set<string>): Set<string> | null {
  if (a.size * b.size > MAX_EXACT) return null;
  const out = new Set<string>();
  for (const x of a) for (const y of b) out.add(x + y);
  return out;
}

/** Prefer the requirement whose shortest string is longest (rarer in text), then the smaller set. */
function better(a: Set<string> | null, b: Set<string> | null): Set<string> | null {
  if (!a) return b;
  if (!b) return a;
  const shortest = (set: Set<string>) => Math.min(...[...set].map((s) => s.length));
  const [la, lb] = [Math.min(shortest(a), 6), Math.min(shortest(b), 6)];
  if (la !== lb) return la > lb ? a : b;
  return b.size < a.size ? b : a;
}

/** One character, lowercased; a character whose case folding could leave ASCII counts as any. */
function char(c: string): Info {
  const code = c.codePointAt(0) as number;
  if (code > 0x7f) return ANY;
  return { exact: new Set([c.toLowerCase()]), need: null };
}

/** A recursive-descent reader of JavaScript regular expression source. */
class Parser {
  at = 0;
  constructor(private readonly source: string) {}

  alternation(): Info {
    const branches = [this.sequence()];
    while (this.source[this.at] === '|') {
      this.at++;
      branches.push(this.sequence());
    }
    if (branches.length === 1) return branches[0] as Info;
    let exact: Set<string> | null = new Set();
    let need: Set<string> | null = new Set();
    for (const branch of branches) {
      if (exact && branch.exact) for (const s of branch.exact) exact.add(s);
      else exact = null;
      const required = requirement(branch);
      if (need && required) for (const s of required) need.add(s);
      else need = null;
    }
    if (exact && exact.size > MAX_EXACT) exact = null;
    return { exact, need };
  }

  private sequence(): Info {
    let run: Set<string> = new Set(['']);
    let allExact = true;
    let best: Set<string> | null = null;
    while (this.at < this.source.length && this.source[this.at] !== '|' && this.source[this.at] !== ')') {
      const item = this.quantified(this.atom());
      const joined = item.exact ? cross(run, item.exact) : null;
      if (joined) {
        run = joined;
        continue;
      }
      best = better(best, requirement({ exact: run, need: null }));
      if (item.exact) {
        allExact = false;
        run = item.exact;
      } else {
        allExact = false;
        best = better(best, requirement(item));
        run = new Set(['']);
      }
    }
    if (allExact) return { exact: run, need: null };
    return { exact: null, need: better(best, requirement({ exact: run, need: null })) };
  }

  private quantified(item: Info): Info {
    const rest = this.source.slice(this.at);
    let min: number;
    let max: number;
    const braces = /^\{(\d+)(,(\d*))?\}/.exec(rest);
    if (rest[0] === '*') [min, max, this.at] = [0, Infinity, this.at + 1];
    else if (rest[0] === '+') [min, max, this.at] = [1, Infinity, this.at + 1];
    else if (rest[0] === '?') [min, max, this.at] = [0, 1, this.at + 1];
    else if (braces) {
      min = Number(braces[1]);
      max = braces[2] === undefined ? min : braces[3] ? Number(braces[3]) : Infinity;
      this.at += braces[0].length;
    } else return item;
    if (this.source[this.at] === '?') this.at++; // lazy: the same strings
    if (min === 0) {
      if (max === 1 && item.exact) return { exact: new Set([...item.exact, '']), need: null };
      return ANY;
    }
    if (min === 1 && max === 1) return item;
    return { exact: null, need: requirement(item) };
  }

  private atom(): Info {
    const c = this.source[this.at++] as string;
    switch (c) {
      case '^':
      case '$':
        return EMPTY();
      case '.':
        return ANY;
      case '(':
        return this.group();
      case '[':
        return this.charClass();
      case '\\':
        return this.escape(false);
      case '{':
      case '}':
      case ']':
        return char(c);
      case '*':
      case '+':
      case '?':
      case ')':
      case '|':
        throw new Unsupported(c);
      default:
        return char(String.fromCodePoint(this.source.codePointAt(this.at - 1) as number));
    }
  }

  private group(): Info {
    const rest = this.source.slice(this.at);
    const look = /^\?(?:=|!|<=|<!)/.exec(rest);
    if (look) {
      this.at += look[0].length;
      this.alternation();
      this.expect(')');
      return EMPTY(); // zero-width: what it looks at is not part of the match
    }
    const prefix = /^\?(?::|<[A-Za-z_$][\w$]*>)/.exec(rest);
    if (prefix) this.at += prefix[0].length;
    else if (rest[0] === '?') throw new Unsupported('group modifier');
    const inner = this.alternation();
    this.expect(')');
    return inner;
  }

  private expect(c: string): void {
    if (this.source[this.at] !== c) throw new Unsupported(`expected ${c}`);
    this.at++;
  }

  /** One escape; in a class, `\b` is a backspace. Returns ANY for classes of characters. */
  private escape(inClass: boolean): Info {
    const c = this.source[this.at++];
    if (c === undefined) throw new Unsupported('trailing backslash');
    if ('dDwWsS'.includes(c)) return ANY;
    if (c === 'b') return inClass ? char('\b') : EMPTY();
    if (c === 'B') return EMPTY();
    if (c === 'n') return char('\n');
    if (c === 'r') return char('\r');
    if (c === 't') return char('\t');
    if (c === 'f') return char('\f');
    if (c === 'v') return char('\v');
    if (c === '0' && !/\d/.test(this.source[this.at] ?? '')) return char('\0');
    if (/\d/.test(c) || c === 'k' || c === 'p' || c === 'P' || c === 'c') {
      // Back-references, property classes, control letters: match what the analysis cannot name.
      if (c === 'c' || /\d/.test(c)) {
        while (/\d/.test(this.source[this.at] ?? '')) this.at++;
        if (c === 'c') this.at++;
      } else if (this.source[this.at] === '<' || this.source[this.at] === '{') {
        const close = this.source.indexOf(this.source[this.at] === '<' ? '>' : '}', this.at);
        if (close < 0) throw new Unsupported('unclosed escape');
        this.at = close + 1;
      }
      return ANY;
    }
    if (c === 'x') {
      const hex = /^[0-9A-Fa-f]{2}/.exec(this.source.slice(this.at));
      if (!hex) return char('x');
      this.at += 2;
      return char(String.fromCharCode(Number.parseInt(hex[0], 16)));
    }
    if (c === 'u') {
      const hex = /^(?:[0-9A-Fa-f]{4}|\{[0-9A-Fa-f]+\})/.exec(this.source.slice(this.at));
      if (!hex) return char('u');
      this.at += hex[0].length;
      return char(String.fromCodePoint(Number.parseInt(hex[0].replace(/[{}]/g, ''), 16)));
    }
    return char(c);
  }

  /** `[...]`: the set of its characters when few and all plain; else any. */
  private charClass(): Info {
    const negated = this.source[this.at] === '^';
    if (negated) this.at++;
    const members = new Set<string>();
    let bounded = true;
    // In JavaScript a `]` right after `[` closes the class (`[]` matches nothing).
    while (this.at < this.source.length && this.source[this.at] !== ']') {
      const low = this.classAtom();
      if (
        this.source[this.at] === '-' &&
        this.source[this.at + 1] !== ']' &&
        this.at + 1 < this.source.length
      ) {
        this.at++;
        const high = this.classAtom();
        if (low === null || high === null) {
          bounded = false;
          continue;
        }
        const [from, to] = [low.codePointAt(0) as number, high.codePointAt(0) as number];
        if (to - from >= MAX_CLASS) bounded = false;
        else for (let code = from; code <= to; code++) members.add(String.fromCodePoint(code));
      } else if (low === null) bounded = false;
      else members.add(low);
    }
    this.expect(']');
    if (negated || !bounded || members.size === 0) return ANY;
    const exact = new Set<string>();
    for (const member of members) {
      const one = char(member).exact;
      if (!one) return ANY;
      for (const s of one) exact.add(s);
    }
    return exact.size > MAX_CLASS ? ANY : { exact, need: null };
  }

  /** One class member as a character, or null for a class escape (`\d`, `\w`, …). */
  private classAtom(): string | null {
    const c = this.source[this.at++] as string;
    if (c !== '\\') return String.fromCodePoint(this.source.codePointAt(this.at - 1) as number);
    const info = this.escape(true);
    const only = info.exact?.size === 1 ? [...info.exact] : [];
    return only[0] ?? null;
  }
}

/**
 * Finds the lines that may match any of a set of patterns, by looking for their required
 * literals in the lowercased text. `undefined` from `lines` means "every line" (some pattern
 * has no requirement).
 */
export class LiteralGate {
  private readonly search: RegExp | null;
  /** False when some pattern requires nothing: every line is a candidate. */
  readonly selective: boolean;

  constructor(patterns: readonly RegExp[]) {
    const literals = new Set<string>();
    let selective = true;
    for (const pattern of patterns) {
      const required = requiredLiterals(pattern);
      if (!required) {
        selective = false;
        break;
      }
      for (const literal of required) literals.add(literal);
    }
    this.selective = selective;
    this.search =
      selective && literals.size ? new RegExp(minimal(literals).map(escapeRegExp).join('|'), 'g') : null;
  }

  /** Whether any line of the (already lowercased) text may match. */
  mayMatch(lowerText: string): boolean {
    if (!this.selective) return true;
    if (!this.search) return false;
    this.search.lastIndex = 0;
    return this.search.test(lowerText);
  }

  /**
   * Indices of the lines that hold a required literal (in ascending order); undefined when every line
   * must be tested. `lines` is `text` split at line ends, `lowerText` is `text.toLowerCase()`.
   */
  candidateLines(text: string, lowerText: string, lines: readonly string[]): Set<number> | undefined {
    if (!this.selective) return undefined;
    const found = new Set<number>();
    const search = this.search;
    if (!search) return found;
    if (lowerText.length !== text.length) {
      // Some character lowercased to a different length (`İ`): offsets no longer line up.
      lines.forEach((line, index) => {
        search.lastIndex = 0;
        if (search.test(line.toLowerCase())) found.add(index);
      });
      return found;
    }
    search.lastIndex = 0;
    let line = 0;
    let lineStart = 0;
    let lineEnd = (lines[0] ?? '').length;
    for (let match = search.exec(lowerText); match; match = search.exec(lowerText)) {
      // Walk forward to the line holding the match (matches come in text order).
      while (match.index > lineEnd && line < lines.length - 1) {
        lineStart = lineEnd + (lowerText.startsWith('\r\n', lineEnd) ? 2 : 1);
        line++;
        lineEnd = lineStart + (lines[line] as string).length;
      }
      found.add(line);
      // The rest of this line needs no second look.
      search.lastIndex = Math.max(lineEnd + 1, match.index + 1);
    }
    return found;
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
