import { unzipSync } from 'fflate';
import type { Workbook } from '../workbook.ts';
import { isDateFormat } from './cell-value.ts';
import { readSheetXml, type SheetContext } from './sheet-xml.ts';
import { readXml } from './xml.ts';

/** Returns the path inside the zip of a relationship's target, resolved against the folder of the part that names it. */
function resolveTarget(from: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = from.split('/').slice(0, -1);
  for (const p of target.split('/')) {
    if (p === '..') parts.pop();
    else if (p !== '.') parts.push(p);
  }
  return parts.join('/');
}

/** Returns the targets of a part's relationships (`xl/_rels/workbook.xml.rels`), by id. */
function relationships(bytes: Uint8Array | undefined, from: string): Map<string, string> {
  const out = new Map<string, string>();
  if (bytes) readXml(bytes, { open: (n, a) => n === 'Relationship' && a.Id && a.Target && out.set(a.Id, resolveTarget(from, a.Target)) });
  return out;
}

/** Returns every shared string (rich text runs joined, phonetic readings left out). */
function sharedStrings(bytes: Uint8Array | undefined): string[] {
  const out: string[] = [];
  if (!bytes) return out;
  let current: string | null = null;
  let reading: string | null = null;
  let phonetic = false;
  readXml(bytes, {
    open: (n) => {
      if (n === 'si') current = '';
      else if (n === 'rPh') phonetic = true;
      else if (n === 't' && !phonetic) reading = '';
    },
    text: (t) => {
      if (reading !== null) reading += t;
    },
    close: (n) => {
      if (n === 't' && reading !== null) {
        current = (current ?? '') + reading;
        reading = null;
      } else if (n === 'rPh') phonetic = false;
      else if (n === 'si') {
        out.push(current ?? '');
        current = null;
      }
    },
  });
  return out;
}

/** Returns, by cell style index, whether the style's number format shows a date. */
function dateStyles(bytes: Uint8Array | undefined): boolean[] {
  if (!bytes) return [];
  const codes = new Map<number, string>();
  const ids: number[] = [];
  let inCellXfs = false;
  readXml(bytes, {
    open: (n, a) => {
      if (n === 'numFmt') codes.set(Number(a.numFmtId), a.formatCode ?? '');
      else if (n === 'cellXfs') inCellXfs = true;
      else if (n === 'xf' && inCellXfs) ids.push(Number(a.numFmtId ?? 0));
    },
    close: (n) => {
      if (n === 'cellXfs') inCellXfs = false;
    },
  });
  return ids.map((id) => isDateFormat(id, codes.get(id)));
}

/**
 * Returns the sheets of an .xlsx file, in the order of their tabs, each found through the
 * workbook's relationships (its `r:id`), never by its name, and read by streaming its XML;
 * `unreadable` says why the bytes are no workbook. Pure: bytes in, values out, so a browser can
 * run it too.
 */
export function readXlsx(bytes: Uint8Array): Workbook {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (f) => f.name.startsWith('xl/') && /\.(xml|rels)$/.test(f.name) });
  } catch (e) {
    return { sheets: [], unreadable: { why: 'notZip', detail: (e as Error).message } };
  }
  const book = files['xl/workbook.xml'];
  if (!book) return { sheets: [], unreadable: { why: 'noBook' } };
  try {
    const targets = relationships(files['xl/_rels/workbook.xml.rels'], 'xl/workbook.xml');
    const listed: { name: string; target: string | undefined }[] = [];
    let date1904 = false;
    readXml(book, {
      open: (n, a) => {
        if (n === 'workbookPr') date1904 = a.date1904 === '1' || a.date1904 === 'true';
        if (n !== 'sheet') return;
        const id = Object.keys(a).find((k) => k === 'id' || k.endsWith(':id'));
        listed.push({ name: a.name ?? '', target: id === undefined ? undefined : targets.get(a[id]) });
      },
    });
    const ctx: SheetContext = { sharedStrings: sharedStrings(files['xl/sharedStrings.xml']), dateStyles: dateStyles(files['xl/styles.xml']), date1904 };
    return {
      sheets: listed.map(({ name, target }) => {
        const xml = target === undefined ? undefined : files[target];
        return xml ? readSheetXml(name, xml, ctx) : { name, rows: [], formulas: [], merged: [] };
      }),
    };
  } catch (e) {
    return { sheets: [], unreadable: { why: 'broken', detail: (e as Error).message.split('\n')[0] } };
  }
}
