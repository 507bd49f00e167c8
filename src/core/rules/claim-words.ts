// The words a claim says besides the things it names, shared by the rules that judge a named
// thing (a component, a pattern) and must tell "Redis caching" from "Redis backups tested".

import { extractEnvVars } from '../extract/env-vars.js';
import type { ChecklistItem } from '../types.js';

/** A variable name written without code quotes (`REDIS_URL`). */
const ENV_NAME = /\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b/;
const STOP = new Set(
  'a an the and or with via for of in on to is are be as by from into its it this that all each per at our we your'.split(
    ' ',
  ),
);

/**
 * Whether the item's subject is something else it names: a file or command in code quotes, or a
 * variable ("`DATABASE_URL` - PostgreSQL connection string" is about the variable).
 */
export function namesCodeOrVariable(item: ChecklistItem): boolean {
  return item.codeSpans.length > 0 || extractEnvVars(item).length > 0 || ENV_NAME.test(item.text);
}

/**
 * The lowercase words of `text` once every match of `named` is taken out, without stop words.
 * Markup, emoji, version numbers and words in other scripts ("(待实现)") carry no claim here.
 * `splitHyphens` reads "dead-letter" as two words, each weighed on its own.
 */
export function wordsBesides(text: string, named: readonly RegExp[], splitHyphens = false): string[] {
  let rest = text;
  for (const mention of named) rest = rest.replace(new RegExp(mention.source, `${mention.flags}g`), ' ');
  const words = rest.toLowerCase().match(/[a-z][a-z-]*/g) ?? [];
  return (splitHyphens ? words.flatMap((word) => word.split('-')) : words).filter(
    (word) => word && !STOP.has(word),
  );
}
