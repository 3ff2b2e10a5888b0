/** The delimiters partner exports use: comma (most systems), semicolon (Excel in Finnish), tab. */
export const DELIMITERS = [',', ';', '\t'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

const CODES = [44, 59, 9];

/** Returns how many bytes of UTF-8 byte-order mark the bytes start with (0 or 3). */
export function bomLength(t: Uint8Array, n: number): number {
  return n >= 3 && t[0] === 0xef && t[1] === 0xbb && t[2] === 0xbf ? 3 : 0;
}

/**
 * Returns the delimiter of a CSV file, judged from its header line, which names known columns and
 * so holds no quoted delimiters in practice (quoted parts are skipped anyway): the most frequent of
 * comma, semicolon and tab, comma on a tie. Reads the bytes [from, n); returns null while the
 * header line is not complete and more may follow (`final` false), so a streamed file can wait.
 */
export function detectDelimiter(t: Uint8Array, from: number, n: number, final: boolean): Delimiter | null {
  let inQuotes = false;
  const counts = [0, 0, 0];
  // Blank lines before the header say nothing about the delimiter.
  let i = from;
  while (i < n && (t[i] === 10 || t[i] === 13)) i++;
  for (; i < n; i++) {
    const c = t[i];
    if (c === 34) inQuotes = !inQuotes;
    else if (inQuotes) continue;
    else if (c === 10 || c === 13) break;
    else {
      const k = CODES.indexOf(c);
      if (k >= 0) counts[k]++;
    }
  }
  if (i === n && !final) return null;
  let best = 0;
  for (let k = 1; k < counts.length; k++) if (counts[k] > counts[best]) best = k;
  return DELIMITERS[best];
}
