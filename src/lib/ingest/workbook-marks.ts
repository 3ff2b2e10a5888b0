import { strFromU8, unzipSync } from 'fflate';
import type { Workbook, WorkbookCell } from './workbook.ts';

/** A sheet as read-excel-file hands it over (9.x: `[{ sheet, data }]`), in Node and in the browser alike. */
interface ReadSheet {
  sheet: string;
  data: unknown[][];
}

/**
 * Returns the workbook of read-excel-file's sheets with the formula cells and merged ranges of
 * each, which the pure reader refuses. Pure, so the build (scripts/io/read-workbook.ts) and the
 * checker page (src/client/read-workbook.ts) mark a workbook alike.
 */
export function markedWorkbook(sheets: readonly ReadSheet[], bytes: Uint8Array): Workbook {
  const found = workbookMarks(bytes);
  return {
    sheets: sheets.map((s) => ({
      name: s.sheet,
      rows: s.data as WorkbookCell[][],
      formulas: found.get(s.sheet)?.formulas ?? [],
      merged: found.get(s.sheet)?.merged ?? [],
    })),
  };
}

/**
 * Returns the formula cells and merged ranges of each sheet (by name). read-excel-file reads a
 * formula cell as its saved result (or empty) and a merged range as its first cell, and tells
 * neither, so the sheets' XML is looked at here: `<f>` in a cell, `<mergeCell ref>`.
 */
function workbookMarks(zip: Uint8Array): Map<string, { formulas: string[]; merged: string[] }> {
  const files = unzipSync(zip, { filter: (f) => f.name.startsWith('xl/') && /\.(xml|rels)$/.test(f.name) });
  const read = (name: string) => (files[name] ? strFromU8(files[name]) : '');
  const targets = new Map<string, string>();
  for (const m of read('xl/_rels/workbook.xml.rels').matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.replace(/^\/?(xl\/)?/, 'xl/'));
  }
  const out = new Map<string, { formulas: string[]; merged: string[] }>();
  for (const m of read('xl/workbook.xml').matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[0])?.[1] ?? '';
    const id = /\br:id="([^"]+)"/.exec(m[0])?.[1] ?? '';
    const xml = read(targets.get(id) ?? '');
    const formulas = [...xml.matchAll(/<(?:\w+:)?c\b([^>]*?)(?<!\/)>((?:(?!<\/(?:\w+:)?c>)[\s\S])*)<\/(?:\w+:)?c>/g)]
      .filter((c) => /<(?:\w+:)?f[\s>/]/.test(c[2]))
      .map((c) => /\br="([A-Z]+\d+)"/.exec(c[1])?.[1] ?? '?');
    const merged = [...xml.matchAll(/<(?:\w+:)?mergeCell\b[^>]*\bref="([^"]+)"/g)].map((r) => r[1]);
    out.set(unescape(name), { formulas, merged });
  }
  return out;
}

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
