import sax from 'sax';

/** What an XML part's reader is told, element by element (names without their namespace prefix). */
export interface XmlHandler {
  open?(name: string, attributes: Readonly<Record<string, string>>): void;
  text?(text: string): void;
  close?(name: string): void;
}

/** Characters decoded and handed to the parser at a time: a sheet's XML is never one string. */
const CHUNK = 1 << 20;

/**
 * Reads an XML part of a workbook (UTF-8 bytes) through `handler`, streaming: sax decodes the
 * character references (`&#228;`) once for every part, so a sheet's name and its cells' text are
 * read alike. Throws on XML that is not well-formed.
 */
export function readXml(bytes: Uint8Array, handler: XmlHandler): void {
  // No positions: counting every character's line and column is a fifth of sax's time, and a
  // workbook's problems are named by cell, not by XML line.
  const parser = sax.parser(true, { trim: false, normalize: false, position: false });
  const local = (name: string) => name.slice(name.indexOf(':') + 1);
  parser.onerror = (e) => {
    throw e;
  };
  if (handler.open) {
    const open = handler.open.bind(handler);
    // Without the xmlns option sax gives every attribute as its text.
    parser.onopentag = (node) => open(local(node.name), node.attributes as Record<string, string>);
  }
  if (handler.text) {
    const text = handler.text.bind(handler);
    parser.ontext = text;
    parser.oncdata = text;
  }
  if (handler.close) {
    const close = handler.close.bind(handler);
    parser.onclosetag = (name) => close(local(name));
  }
  const decoder = new TextDecoder('utf-8');
  for (let at = 0; at < bytes.length; at += CHUNK) parser.write(decoder.decode(bytes.subarray(at, at + CHUNK), { stream: true }));
  parser.write(decoder.decode());
  parser.close();
}
