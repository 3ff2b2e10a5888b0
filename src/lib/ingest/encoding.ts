/**
 * The bytes of one snapshot file as a data source hands them over: chunks read one after another
 * (a chunk may be reused once the next is asked for), the whole file at once, or text already
 * decoded (a string: tests, and sources that are text by nature).
 */
export type SnapshotBytes = Iterable<Uint8Array> | Uint8Array | string;

/**
 * The encodings an export is read in: UTF-8, or what Excel on a Finnish Windows machine saves.
 * The CSV structure (delimiters, quotes, line breaks, digits) is the same bytes in both, so files
 * are scanned as bytes and only the few values that become text are decoded.
 */
export type Encoding = 'utf-8' | 'windows-1252';

/** Returns the chunks of a file's bytes (text is encoded as UTF-8). */
export function chunksOf(bytes: SnapshotBytes): Iterable<Uint8Array> {
  if (typeof bytes === 'string') return [new TextEncoder().encode(bytes)];
  return bytes instanceof Uint8Array ? [bytes] : bytes;
}

/** A UTF-8 sequence that is cut by the end of the bytes seen so far. */
export const CUT = -2;
/** Bytes that are not UTF-8. */
export const NOT_UTF8 = -1;

/**
 * Returns where the UTF-8 sequence that starts with the non-ASCII byte at `p` ends, NOT_UTF8 when
 * it is not valid UTF-8 (WHATWG's rules: no overlong forms, surrogates or code points past
 * U+10FFFF), or CUT when `n` comes first.
 */
export function utf8End(t: Uint8Array, p: number, n: number): number {
  const c = t[p];
  let need: number;
  let lo = 0x80;
  let hi = 0xbf;
  if (c >= 0xc2 && c <= 0xdf) need = 1;
  else if (c >= 0xe0 && c <= 0xef) {
    need = 2;
    if (c === 0xe0) lo = 0xa0;
    else if (c === 0xed) hi = 0x9f;
  } else if (c >= 0xf0 && c <= 0xf4) {
    need = 3;
    if (c === 0xf0) lo = 0x90;
    else if (c === 0xf4) hi = 0x8f;
  } else return NOT_UTF8;
  for (let k = 1; k <= need; k++) {
    if (p + k >= n) return CUT;
    const b = t[p + k];
    if (b < (k === 1 ? lo : 0x80) || b > (k === 1 ? hi : 0xbf)) return NOT_UTF8;
  }
  return p + need + 1;
}

/** Returns true when the bytes in [a, b) are UTF-8; the byte at b must be ASCII (a quote ends the range). */
export function isUtf8Range(t: Uint8Array, a: number, b: number): boolean {
  for (let i = a; i < b; ) {
    if (t[i] < 0x80) i++;
    else {
      i = utf8End(t, i, b + 1);
      if (i < 0) return false;
    }
  }
  return true;
}
