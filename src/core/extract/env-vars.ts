// Environment variable names an item names: `DISCORD_BOT_TOKEN`, `MIX_ENV=prod`, `LOG_LEVEL=info`.

import type { ChecklistItem } from '../types.js';

const NAME_WITH_UNDERSCORE = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/;
const SINGLE_WORD = /^[A-Z][A-Z0-9]{1,}$/;
const ASSIGNMENT = /^([A-Z][A-Z0-9_]*)=\S*$/;
const TEXT_NAME = /(?<![\w$.{/-])([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)(?![\w*(])/g;
const ENV_CONTEXT = /\b(env|environment|variables?|vars?|config(?:ured|uration)?|secrets?|tokens?|keys?)\b/i;
/** All-caps words with underscores that are constants of the web or the item's prose, not variables. */
const NOT_VARIABLES = new Set(['HTTP_ONLY', 'SAME_SITE', 'READ_ONLY', 'TODO_LIST', 'N_A']);

/** Variable names in the item: whole code spans, `NAME=value` spans, and names in prose about configuration. */
export function extractEnvVars(item: Pick<ChecklistItem, 'text' | 'codeSpans'>): string[] {
  const names = new Set<string>();
  for (const span of item.codeSpans) {
    const text = span.trim();
    const assigned = ASSIGNMENT.exec(text)?.[1];
    if (assigned && (NAME_WITH_UNDERSCORE.test(assigned) || SINGLE_WORD.test(assigned))) names.add(assigned);
    else if (NAME_WITH_UNDERSCORE.test(text)) names.add(text);
  }
  if (ENV_CONTEXT.test(item.text)) {
    const prose = item.codeSpans.reduce((text, span) => text.replace(span, ' '), item.text);
    for (const match of prose.matchAll(TEXT_NAME)) names.add(match[1] as string);
  }
  return [...names].filter((name) => !NOT_VARIABLES.has(name));
}
