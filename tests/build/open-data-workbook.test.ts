// The open data as an Excel workbook (dist/data/tables.xlsx), read back as a spreadsheet program
// would (by the reader the build uses for partners' workbooks, src/lib/ingest/xlsx, since
// read-excel-file left the dependencies): a sheet a published table with the CSV's header, real
// numbers and real dates, and a sheet describing every column. Figures checked by hand against the
// CSVs of the demo build.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ABOUT_SHEET, COLUMNS_SHEET, OPEN_DATA_FILES, sheetName, WORKBOOK_FILE } from '../../src/lib/publish/open-data-dictionary.ts';
import type { DashboardData } from '../../src/lib/pipeline.ts';
import { openDataWorkbook } from '../../src/lib/publish/open-data-workbook.ts';
import { STRINGS } from '../../src/lib/i18n/index.ts';
import { readXlsx } from '../../src/lib/ingest/xlsx/read-xlsx.ts';

const DIST = 'dist';
const data = JSON.parse(readFileSync('src/generated/dashboard.json', 'utf8')) as DashboardData;
const ABOUT = { programme: { name: { fi: 'P', sv: 'P', en: 'P' }, source: { fi: 'L', sv: 'L', en: 'L' }, licence: { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' }, demo: false }, aggregates: { asOf: '2024-02-29', targetReachedOn: null, targetReachedMonth: null } };
const book = readXlsx(new Uint8Array(readFileSync(join(DIST, 'data', WORKBOOK_FILE))));
const sheets = book.sheets.map((s) => ({ sheet: s.name, data: s.rows }));
const sheet = (name: string) => sheets.find((s) => s.sheet === name)!.data;
const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
const csvs = OPEN_DATA_FILES.filter((d) => d.format === 'csv');

describe(`dist/data/${WORKBOOK_FILE}`, () => {
  it('has a sheet per published CSV, in the dictionary\'s order, then the column descriptions', () => {
    expect(book.unreadable).toBeUndefined();
    expect(sheets.map((s) => s.sheet)).toEqual([ABOUT_SHEET, ...csvs.map(sheetName), COLUMNS_SHEET]);
    const doc = OPEN_DATA_FILES.find((d) => d.file === WORKBOOK_FILE)!;
    expect(doc.columns.map((c) => c.name)).toEqual(sheets.map((s) => s.sheet));
  });

  it('opens on a sheet that says whose figures they are, as of when, from where, under which licence, and that they are demonstration data', () => {
    expect(sheet(ABOUT_SHEET)).toEqual([
      ['key', 'fi', 'sv', 'en'],
      ['programme', 'AMKosaaja', 'AMKosaaja', 'AMKosaaja'],
      ['data_date', 'Tiedot 31.12.2023', STRINGS.sv['footer.asOf'].replace('{date}', '31.12.2023'), 'Data as of 31 December 2023'],
      ['source', ...(['fi', 'sv', 'en'] as const).map((l) => STRINGS[l]['footer.source'].replace('{source}', data.programme.source[l]))],
      ['licence', ...Array(3).fill(`${data.programme.licence.name} <${data.programme.licence.url}>`)],
      // What is real, in programme.json's words; what was generated, the reached day among it.
      ['demonstration_data', ...(['fi', 'sv', 'en'] as const).map((l) => `${STRINGS[l]['demo.title']}: ${data.programme.demoFacts![l]} ${STRINGS[l]['demo.generated']}`)],
    ]);
  });

  it('each table sheet has its CSV\'s header and as many rows', () => {
    for (const doc of csvs) {
      const csv = readFileSync(join(DIST, 'data', doc.file), 'utf8').replace(/^\ufeff/, '').trimEnd().split('\n');
      const data = sheet(sheetName(doc));
      expect(data[0], doc.file).toEqual(csv[0].split(','));
      expect(data.length, doc.file).toBe(csv.length);
    }
  });

  it('cumulative: months are dates, credits are numbers (2023-12: 801,5 op in the month, 8 937 op in all, target 8 400)', () => {
    const data = sheet('cumulative');
    expect(data[1]).toEqual([day('2022-01-01'), 89, 89, 8400]);
    expect(data.at(-1)).toEqual([day('2023-12-01'), 801.5, 8937, 8400]);
    for (const row of data.slice(1)) {
      expect(row[0]).toBeInstanceOf(Date);
      for (const v of row.slice(1)) expect(typeof v).toBe('number');
    }
  });

  it('snapshots: the dates are dates; monthly: codes and counts are numbers, partners text', () => {
    expect(sheet('snapshots')[1]).toEqual([day('2022-06-27'), 204]);
    expect(sheet('monthly')[1]).toEqual([day('2022-01-01'), 'haaga-helia', 5, 10, 1]);
    const chosen = sheet('projection-methods').slice(1).map((r) => r[1]);
    expect(chosen.every((v) => typeof v === 'boolean')).toBe(true);
    expect(chosen.filter(Boolean)).toHaveLength(1);
  });

  it('the columns sheet gives every column its type and meaning in the three languages', () => {
    const data = sheet(COLUMNS_SHEET);
    expect(data[0]).toEqual(['table', 'column', 'type_fi', 'meaning_fi', 'type_sv', 'meaning_sv', 'type_en', 'meaning_en']);
    expect(data.length - 1).toBe(csvs.reduce((n, d) => n + d.columns.length, 0));
    expect(data[1]).toEqual(['cumulative', 'month', STRINGS.fi['data.type.month'], STRINGS.fi['data.col.month'], STRINGS.sv['data.type.month'], STRINGS.sv['data.col.month'], STRINGS.en['data.type.month'], STRINGS.en['data.col.month']]);
  });
});

describe('openDataWorkbook', () => {
  it('types a CSV by its dictionary (1,5 + 2 = 3,5 credits over two months)', () => {
    const files = { 'cumulative.csv': '\ufeffmonth,credits,cumulative_credits,target_credits\n2024-01,1.5,1.5,10\n2024-02,2,3.5,10\n' };
    const [about, cumulative, columns] = openDataWorkbook(files, ABOUT);
    expect(about.sheet).toBe(ABOUT_SHEET);
    expect(cumulative.data.map((r) => r.map((c) => c?.value))).toEqual([
      ['month', 'credits', 'cumulative_credits', 'target_credits'],
      [day('2024-01-01'), 1.5, 1.5, 10],
      [day('2024-02-01'), 2, 3.5, 10],
    ]);
    expect(cumulative.data[1][0]?.format).toBe('m.yyyy');
    expect(columns.sheet).toBe(COLUMNS_SHEET);
  });

  it('says which file, line and column holds a value that is not of its type', () => {
    const files = { 'cumulative.csv': 'month,credits,cumulative_credits,target_credits\n2024-01,1.5,1.5,10\n2024-13x,2,3.5,10\n' };
    expect(() => openDataWorkbook(files, ABOUT)).toThrow('cumulative.csv line 3, column month: "2024-13x" is not a month (YYYY-MM)');
    expect(() =>
      openDataWorkbook({ 'snapshots.csv': 'snapshot_date,reported_credits,credit_change,completions_added,completions_corrected,completions_withdrawn\n2024-01-31,lots,,,,\n' }, ABOUT),
    ).toThrow('snapshots.csv line 2, column reported_credits: "lots" is not a number');
  });
});
