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

/**
 * Returns the text of an export chunk by chunk, without its byte-order mark. In UTF-8 it throws
 * NotUtf8Error at the first invalid sequence (WHATWG's rules, the ones browsers apply), a sequence
 * cut by the end of the file included; Windows-1252 decodes every byte.
 */
export function* decodeChunks(bytes: ExportBytes, encoding: Encoding): Generator<string> {
  if (typeof bytes === 'string') {
    yield bytes.startsWith('\ufeff') ? bytes.slice(1) : bytes;
    return;
  }
  // The UTF-8 decoder drops a leading byte-order mark itself (ignoreBOM is false).
  const decoder = new TextDecoder(encoding, { fatal: encoding === 'utf-8' });
  // Held until three characters have come, to see whether they are a byte-order mark.
  let head: string | null = encoding === 'windows-1252' ? '' : null;
  const decode = (chunk?: Uint8Array): string => {
    try {
      return chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
    } catch {
      throw new NotUtf8Error();
    }
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
