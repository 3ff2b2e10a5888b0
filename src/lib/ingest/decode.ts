/**
 * The bytes of one export as a data source hands them over: chunks read one after another (a
 * chunk may be reused once the next is asked for), the whole file at once, or text already
 * decoded (a string: tests, and sources that are text by nature).
 */
export type ExportBytes = Iterable<Uint8Array> | Uint8Array | string;

/** The encodings an export is read in: UTF-8, or what Excel on a Finnish Windows machine saves. */
export type Encoding = 'utf-8' | 'windows-1252';

/** Thrown while decoding as UTF-8 bytes that are not UTF-8: read the file again as Windows-1252. */
export class NotUtf8Error extends Error {
  constructor() {
    super('not valid UTF-8');
    this.name = 'NotUtf8Error';
  }
}

// A byte-order mark read as Windows-1252: Excel's "CSV UTF-8" mark on a file that is not UTF-8 after all.
const BOM_AS_1252 = '\u00ef\u00bb\u00bf';

/** Returns a copy of two byte arrays one after the other (a source may reuse a chunk it handed over). */
function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/**
 * Returns the UTF-16 a file's byte-order mark says (Excel's "Unicode text" is UTF-16LE with one),
 * or null. No CSV in UTF-8 or Windows-1252 starts with these two bytes ("ÿþ", "þÿ").
 */
export function utf16Of(first: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (first[0] === 0xff && first[1] === 0xfe) return 'utf-16le';
  if (first[0] === 0xfe && first[1] === 0xff) return 'utf-16be';
  return null;
}

/**
 * Returns the text of an export chunk by chunk, without its byte-order mark. In UTF-8 it throws
 * NotUtf8Error at the first invalid sequence (WHATWG's rules, the ones browsers apply), a sequence
 * cut by the end of the file included; Windows-1252 decodes every byte. A file that starts with
 * a UTF-16 byte-order mark is read as UTF-16 whichever of the two is asked for.
 */
export function* decodeChunks(bytes: ExportBytes, encoding: Encoding): Generator<string> {
  if (typeof bytes === 'string') {
    yield bytes.startsWith('\ufeff') ? bytes.slice(1) : bytes;
    return;
  }
  // Chosen once two bytes have come (a source may hand them over one at a time): they say
  // whether the file is UTF-16. Each decoder drops a leading byte-order mark of its own encoding.
  let decoder: TextDecoder | null = null;
  let start: Uint8Array = new Uint8Array(0);
  // Held until three characters have come, to see whether they are a byte-order mark.
  let head: string | null = encoding === 'windows-1252' ? '' : null;
  const run = (d: TextDecoder, chunk?: Uint8Array): string => {
    try {
      return chunk ? d.decode(chunk, { stream: true }) : d.decode();
    } catch {
      throw new NotUtf8Error();
    }
  };
  const decode = (chunk?: Uint8Array): string => {
    if (decoder !== null) return run(decoder, chunk);
    if (chunk) {
      start = concat(start, chunk);
      if (start.length < 2) return '';
    }
    const utf16 = utf16Of(start);
    decoder = new TextDecoder(utf16 ?? encoding, { fatal: encoding === 'utf-8' });
    if (utf16) head = null;
    return chunk ? run(decoder, start) : run(decoder, start) + run(decoder);
  };
  for (const chunk of bytes instanceof Uint8Array ? [bytes] : bytes) {
    let text = decode(chunk);
    if (head !== null) {
      head += text;
      if (head.length < BOM_AS_1252.length) continue;
      text = head.startsWith(BOM_AS_1252) ? head.slice(BOM_AS_1252.length) : head;
      head = null;
    }
    if (text.length > 0) yield text;
  }
  const rest = (head ?? '') + decode();
  if (rest.length > 0) yield rest;
}
