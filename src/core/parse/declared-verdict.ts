// Verdicts a checklist declares about itself ("Status: PRODUCTION READY",
// "Overall Score: 87/100"), shown beside the measured score; never trusted as evidence.

import { redactSecretsInText } from '../secrets/redact-text.js';
import type { DeclaredVerdict } from '../types.js';
import { repairMojibake } from './mojibake.js';

const STATUS_LINE = /\b(?:status|verdict|readiness)\b[^:\n]{0,40}:\s*\**\s*([^\n]{2,80})/i;
const SCORE = /\bscore\b[^:\n]{0,30}:?\s*\**\s*(\d{1,3}(?:\.\d+)?)\s*(?:\/\s*(\d{1,3})|%)/i;
const READY_WORDS = /\b(ready|complete|approved|go|green|done|production)\b/i;

export function findDeclaredVerdicts(
  lines: readonly string[],
  itemLines: ReadonlySet<number>,
): DeclaredVerdict[] {
  const found: DeclaredVerdict[] = [];
  lines.forEach((raw, index) => {
    const line = index + 1;
    if (itemLines.has(line) || raw.length > 300) return;
    const text = redactSecretsInText(repairMojibake(raw))
      .replace(/^[#>\s*-]+/, '')
      .replace(/\*\*/g, '')
      .trim();
    const score = SCORE.exec(text);
    if (score) {
      const value = Number(score[1]);
      const outOf = score[2] ? Number(score[2]) : 100;
      if (outOf > 0 && value <= outOf) found.push({ line, text, score: value / outOf });
      return;
    }
    const status = STATUS_LINE.exec(text);
    if (status?.[1] && READY_WORDS.test(status[1]) && /^[A-Z\p{Emoji_Presentation}\s]/u.test(status[1])) {
      found.push({ line, text });
    }
  });
  return found;
}
