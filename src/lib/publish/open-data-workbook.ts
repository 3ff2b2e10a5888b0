// The published tables as one Excel workbook: a CSV opens in one column in Excel set to a Finnish
// locale (its list separator is ";"), a workbook opens as it is. One sheet a table, each cell of
// the type the data dictionary gives its column (numbers as numbers, months and dates as dates),
// and a sheet that says what every column is, in the three languages.
import Papa from 'papaparse';
import { LANGS } from '../contract/programme.ts';
import { STRINGS, type StringKey } from '../i18n/index.ts';
import type { Programme } from '../contract/programme.ts';
import { formatter } from '../format.ts';
import type { DashboardData } from '../pipeline.ts';
import { demoNotice } from '../view/demo-notice.ts';
import { t } from '../i18n/index.ts';
import { ABOUT_SHEET, COLUMNS_SHEET, OPEN_DATA_FILES, sheetName, type ColumnDoc, type FileDoc } from './open-data-dictionary.ts';

/** A cell as write-excel-file takes it: a value of its own type, and a display format for dates. */
export type PublishedCell = { value: string | number | boolean | Date; format?: string } | null;
export interface PublishedSheet {
  sheet: string;
  data: PublishedCell[][];
  columns: { width: number }[];
}

/** Finnish date formats, day and month without leading zeros: 31.12.2023 and 12.2023. */
const DATE_FORMAT = 'd.m.yyyy';
const MONTH_FORMAT = 'm.yyyy';

/** Returns the tables a workbook holds: the published CSV files, in dictionary order. */
function workbookTables(files: Readonly<Record<string, string>>): FileDoc[] {
  return OPEN_DATA_FILES.filter((d) => d.format === 'csv' && files[d.file] !== undefined);
}

/** Returns a CSV text's cell as the column's type says, or throws naming file, line and column. */
function typedCell(text: string, col: ColumnDoc, where: string): PublishedCell {
  if (text === '') return null;
  const type = col.type.replace('data.type.', '').replace(/OrNull$|OrEmpty$/, '');
  const fail = (what: string) => new Error(`${where}, column ${col.name}: "${text}" is not ${what}`);
  switch (type) {
    case 'month': {
      const m = /^(\d{4})-(\d{2})$/.exec(text);
      if (!m) throw fail('a month (YYYY-MM)');
      return { value: new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1)), format: MONTH_FORMAT };
    }
    case 'date': {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
      if (!m) throw fail('a date (YYYY-MM-DD)');
      return { value: new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))), format: DATE_FORMAT };
    }
    case 'integer':
    case 'number': {
      const n = Number(text);
      if (!Number.isFinite(n)) throw fail('a number');
      return { value: n };
    }
    case 'boolean':
      if (text !== 'true' && text !== 'false') throw fail('true or false');
      return { value: text === 'true' };
    default:
      return { value: text };
  }
}

const width = (rows: PublishedCell[][], i: number) =>
  Math.min(60, Math.max(10, ...rows.map((r) => (r[i] && !(r[i]!.value instanceof Date) ? String(r[i]!.value).length + 2 : 10))));

/** Returns a table's sheet: the CSV's header row as it is, then every row typed by the dictionary. */
function tableSheet(doc: FileDoc, text: string): PublishedSheet {
  const parsed = Papa.parse<string[]>(text.replace(/^\ufeff/, ''), { skipEmptyLines: true });
  const [header, ...rows] = parsed.data;
  if (header.join(',') !== doc.columns.map((c) => c.name).join(',')) throw new Error(`${doc.file}: the header ${header.join(',')} is not the dictionary's`);
  const data: PublishedCell[][] = [
    header.map((h) => ({ value: h })),
    ...rows.map((row, r) => row.map((cell, i) => typedCell(cell, doc.columns[i], `${doc.file} line ${r + 2}`))),
  ];
  return { sheet: sheetName(doc), data, columns: header.map((_, i) => ({ width: width(data, i) })) };
}

/** Returns the sheet that says, for every table's columns, its type and meaning in each language. */
function columnsSheet(tables: readonly FileDoc[]): PublishedSheet {
  const s = (key: StringKey) => LANGS.flatMap((lang) => [STRINGS[lang][key]]);
  const header = ['table', 'column', ...LANGS.flatMap((lang) => [`type_${lang}`, `meaning_${lang}`])];
  const rows = tables.flatMap((doc) =>
    doc.columns.map((c) => [sheetName(doc), c.name, ...LANGS.flatMap((_, i) => [s(c.type)[i], s(c.meaning)[i]])]),
  );
  const widths = [20, 26, ...LANGS.flatMap(() => [18, 60])];
  return { sheet: COLUMNS_SHEET, data: [header, ...rows].map((r) => r.map((value) => ({ value }))), columns: widths.map((w) => ({ width: w })) };
}

/** What the workbook's first sheet says of the tables: whose, as of when, from where, under which licence. */
export interface WorkbookAbout {
  programme: Pick<Programme, 'name' | 'source' | 'licence' | 'demo' | 'demoFacts'>;
  aggregates: Pick<DashboardData['aggregates'], 'asOf' | 'targetReachedOn' | 'targetReachedMonth'>;
}

/**
 * Returns the sheet a reader sees first, in the three languages: the programme, the data date, the
 * source, the licence and, for demonstration data, what is not real. A workbook downloaded alone
 * (and a CSV cannot carry such lines) would otherwise look like real figures of no date.
 */
function aboutSheet(about: WorkbookAbout): PublishedSheet {
  const p = about.programme;
  const row = (key: string, text: (lang: (typeof LANGS)[number]) => string) => [key, ...LANGS.map(text)];
  const rows = [
    ['key', ...LANGS],
    row('programme', (lang) => p.name[lang]),
    row('data_date', (lang) => t(lang, 'footer.asOf', { date: formatter(lang).date(about.aggregates.asOf) })),
    row('source', (lang) => t(lang, 'footer.source', { source: p.source[lang] })),
    row('licence', () => `${p.licence.name} <${p.licence.url}>`),
    ...(p.demo ? [row('demonstration_data', (lang) => `${t(lang, 'demo.title')}: ${demoNotice(about, lang)}`)] : []),
  ];
  return { sheet: ABOUT_SHEET, data: rows.map((r) => r.map((value) => ({ value }))), columns: [18, ...LANGS.map(() => 70)].map((width) => ({ width })) };
}

/** Returns the workbook's sheets from the published files (name → CSV text): what they are, the tables, then the columns. */
export function openDataWorkbook(files: Readonly<Record<string, string>>, about: WorkbookAbout): PublishedSheet[] {
  const tables = workbookTables(files);
  return [aboutSheet(about), ...tables.map((doc) => tableSheet(doc, files[doc.file])), columnsSheet(tables)];
}
