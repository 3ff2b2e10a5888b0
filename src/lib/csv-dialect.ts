/** What a partner's export looks like on the byte level, as far as parsing needs to know. */
export interface Dialect {
  delimiter: ',' | ';' | '\t';
  newline: '\r\n' | '\n';
}

/** Returns the text with a leading UTF-8 byte-order mark removed. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Returns the delimiter and line break of a CSV text, judged from its header line, which names
 * known columns and so holds no quoted delimiters in practice; quoted parts are skipped anyway.
 */
export function detectDialect(text: string): Dialect {
  let inQuotes = false;
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let newline: Dialect['newline'] = '\n';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === ',' || ch === ';' || ch === '\t')) counts[ch]++;
    else if (!inQuotes && (ch === '\n' || ch === '\r')) {
      newline = ch === '\r' && text[i + 1] === '\n' ? '\r\n' : '\n';
      break;
    }
  }
  const delimiter = (Object.keys(counts) as Dialect['delimiter'][]).reduce((a, b) => (counts[b] > counts[a] ? b : a), ',');
  return { delimiter, newline };
}
