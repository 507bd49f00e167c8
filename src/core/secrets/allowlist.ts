// Findings a team has declared not to be secrets: `readiness-allow-secret: <reason>` on the
// line or the line above, and `secrets.allow` entries in the configuration. Both need a reason.

import picomatch from 'picomatch';
import type { Config } from '../config.js';

const INLINE_ALLOW = /readiness-allow-secret:[ \t]*([^\n]*)/;

/** The reason given by an inline allow comment, or null when there is none (or no reason). */
export function inlineAllowReason(line: string): string | null {
  const reason = INLINE_ALLOW.exec(line)?.[1]
    ?.replace(/(?:-->|\*\/|%>|#\}|\}\})[ \t\r]*$/, '')
    .trim();
  return reason ? reason : null;
}

interface CompiledEntry {
  path: (path: string) => boolean;
  value: (value: string, kind: string) => boolean;
  reason: string;
}

export interface Allowlist {
  /** The reason a finding is allowed, or null. Sees the raw value; never stores it. */
  reasonFor(path: string, kind: string, value: string): string | null;
  /** Entries that could not be used (an invalid /regex/), for the run's notes. */
  problems: string[];
}

export const EMPTY_ALLOWLIST: Allowlist = { reasonFor: () => null, problems: [] };

export function compileAllowlist(config: Config): Allowlist {
  const problems: string[] = [];
  const entries: CompiledEntry[] = [];
  for (const [index, entry] of config.secrets.allow.entries()) {
    const path = entry.path ? picomatch(entry.path, { dot: true }) : () => true;
    const value = valueMatcher(entry.pattern);
    if (!value) {
      problems.push(
        `secrets.allow[${index}].pattern is not a valid regular expression; the entry is ignored`,
      );
      continue;
    }
    entries.push({ path, value, reason: entry.reason });
  }
  return {
    problems,
    reasonFor(path, kind, raw) {
      return entries.find((entry) => entry.path(path) && entry.value(raw, kind))?.reason ?? null;
    },
  };
}

/** A pattern is a finding kind (`jwt`), a `/regex/`, or literal text the value contains. */
function valueMatcher(pattern: string | undefined): CompiledEntry['value'] | null {
  if (pattern === undefined) return () => true;
  const regex = /^\/(.+)\/([a-z]*)$/s.exec(pattern);
  if (!regex) return (value, kind) => kind === pattern || value.includes(pattern);
  try {
    const compiled = new RegExp(regex[1] as string, (regex[2] ?? '').replace(/[gy]/g, ''));
    return (value) => compiled.test(value);
  } catch {
    return null;
  }
}
