// Checklists often carry emoji whose UTF-8 bytes were once decoded as Windows-1252
// ("ðŸš€" for 🚀, "âœ…" for ✅) or Mac Roman ("‚úÖ" for ✅, "‚ö†Ô∏è" for ⚠️). We map each
// run of non-ASCII characters back to bytes through those tables and keep the result
// only when the bytes are valid UTF-8, so genuine accents ("café") are left alone.
// Repairing a run never changes the number of lines, so line numbers stay true.

const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';
const MAC_ROMAN_HIGH =
  'ÄÅÇÉÑÖÜáàâäãåçéèêëíìîïñóòôöõúùûü†°¢£§•¶ß®©™´¨≠ÆØ∞±≤≥¥µ∂∑∏π∫ªºΩæø¿¡¬√ƒ≈∆«»… ÀÃÕŒœ–—“”‘’÷◊ÿŸ⁄€‹›ﬁﬂ‡·‚„‰ÂÊÁËÈÍÎÏÌÓÔ\uF8FFÒÚÛÙıˆ˜¯˘˙˚¸˝˛ˇ';

function reverseTable(high: string, latin1Upper: boolean): Map<string, number> {
  const table = new Map<string, number>();
  for (const [i, char] of [...high].entries()) table.set(char, 0x80 + i);
  // Windows-1252 agrees with Latin-1 from 0xA0 up; Mac Roman's table above covers 0x80–0xFF.
  if (latin1Upper) for (let b = 0xa0; b <= 0xff; b++) table.set(String.fromCharCode(b), b);
  return table;
}

const TABLES = [reverseTable(WINDOWS_1252_HIGH, true), reverseTable(MAC_ROMAN_HIGH, false)];
const decoder = new TextDecoder('utf-8', { fatal: true });
const NON_ASCII_RUN = /[\u0080-\uffff]{2,}/g;

function redecode(run: string, table: Map<string, number>): string | null {
  const bytes = new Uint8Array(run.length);
  let n = 0;
  for (const char of run) {
    const byte = table.get(char);
    if (byte === undefined) return null;
    bytes[n++] = byte;
  }
  return decodeUtf8(bytes.subarray(0, n)) ?? restoreLostEmojiLead(bytes.subarray(0, n));
}

function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return decoder.decode(bytes);
  } catch {
    return null;
  }
}

// Mac Roman has no character for 0xF0 in some converters, so "🚀" (F0 9F 9A 80) often
// survives as "üöÄ" (9F 9A 80). Emoji live in U+1F000–U+1FFFF, whose lead is always F0 9F.
function restoreLostEmojiLead(bytes: Uint8Array): string | null {
  if (bytes[0] !== 0x9f) return null;
  const withLead = new Uint8Array(bytes.length + 1);
  withLead[0] = 0xf0;
  withLead.set(bytes, 1);
  return decodeUtf8(withLead);
}

/** Repairs mojibake runs; text without any is returned unchanged. */
export function repairMojibake(text: string): string {
  if (!/[\u0080-\uffff]/.test(text)) return text;
  return text.replace(NON_ASCII_RUN, (run) => {
    for (const table of TABLES) {
      const repaired = redecode(run, table);
      if (repaired !== null && repaired.length < run.length) return repaired;
    }
    return run;
  });
}
