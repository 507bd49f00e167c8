// Checklist text is echoed in every output (terminal, JSON, SARIF, the PR comment), so a
// credential typed into a checklist item is redacted before any of them sees it.

import { SECRET_PATTERNS } from './patterns.js';
import { redact } from './redact.js';

/** The text with every recognised credential replaced by its redacted form. */
export function redactSecretsInText(text: string): string {
  const lower = text.toLowerCase();
  let out = text;
  for (const pattern of SECRET_PATTERNS) {
    if (!pattern.literals.some((literal) => lower.includes(literal))) continue;
    const regex = new RegExp(
      pattern.regex.source,
      pattern.regex.flags.includes('g') ? pattern.regex.flags : `${pattern.regex.flags}g`,
    );
    for (const match of text.matchAll(regex)) {
      const value = pattern.accept({
        match: match as RegExpExecArray,
        line: text,
        following: () => '',
        configFile: false,
      });
      if (value && out.includes(value)) out = out.split(value).join(redact(value));
    }
  }
  return out;
}
