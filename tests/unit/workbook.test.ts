import { describe, expect, it } from 'vitest';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import writeExcelFile from 'write-excel-file/node';
import { loadData } from '../../src/lib/pipeline.ts';
import { type DataSource } from '../../src/lib/ingest/read-exports.ts';
import { DataError } from '../../src/lib/contract/problems.ts';
import { readXlsx } from '../../src/lib/ingest/xlsx/read-xlsx.ts';
import type { Workbook } from '../../src/lib/ingest/workbook.ts';
import { HEADER, memorySource, tinyProgramme } from '../helpers/memory-source.ts';

type Sheet = { sheet: string; data: unknown[][] };
/** Returns the bytes of an .xlsx file written by write-excel-file (the fixture is made here, not shipped). */
async function xlsx(...sheets: Sheet[]): Promise<Uint8Array> {
  return new Uint8Array(await writeExcelFile(sheets as Parameters<typeof writeExcelFile>[0]).toBuffer());
}
/** A data source with workbooks besides the CSV exports, read as the build reads them. */
async function withWorkbooks(csv: Record<string, string>, files: Record<string, Uint8Array>): Promise<DataSource> {
  const base = memorySource(tinyProgramme, csv);
  const books = new Map<string, Workbook>();
  for (const [rel, bytes] of Object.entries(files)) books.set(rel, readXlsx(bytes));
  return { ...base, listExports: () => [...base.listExports(), ...books.keys()], readWorkbook: (rel) => books.get(rel)! };
}
function problems(source: DataSource): string[] {
  try {
    loadData(source);
    return [];
  } catch (e) {
    if (e instanceof DataError) return e.message.split('\n');
    throw e;
  }
}
const day = (iso: string) => ({ value: new Date(`${iso}T00:00:00Z`), format: 'd.m.yyyy' });
const COLUMNS = HEADER.split(',');
const P = 'fixture/snapshots/2023-06-30/alpha.xlsx';

describe('Excel workbooks are read like their CSV', () => {
  it('completions with real dates and numbers as well as text cells (5 + 2,5 + 0.1 + 0.2 = 7.8)', async () => {
    const book = await xlsx({
      sheet: 'Suoritukset',
      data: [
        [],
        COLUMNS,
        ['A1', day('2023-01-15'), 'C1', 'Kurssi', 1, 5, 'L1'],
        [1002, '10.2.2023', 'C2', 'Kurssi', '2', '2,5', 'L2'],
        ['A3', '2023-03-01', 'C3', 'Kurssi', 2, 0.1, 'L3'],
        ['A4', day('2023-03-02'), 'C3', 'Kurssi', 2, 0.2, 'L4'],
      ],
    });
    const { aggregates: a } = loadData(await withWorkbooks({}, { '2023-06-30/alpha.xlsx': book }));
    expect(a.totalCredits).toBe(7.8);
    expect(a.cumulative.slice(0, 3).map((m) => m.credits)).toEqual([5, 2.5, 0.3]);
    expect(a.learners).toBe('<5');
    expect(a.targetReachedOn).toBeNull();
  });

  it('monthly totals, a month as text or as a date on the 1st', async () => {
    const book = await xlsx({ sheet: 'Kuukaudet', data: [['month', 'field_code', 'credits', 'completions'], ['2023-01', 1, 12.5, 3], [day('2023-02-01'), 2, 7.75, 2]] });
    const { aggregates: a } = loadData(await withWorkbooks({}, { '2023-06-30/alpha.xlsx': book }));
    expect(a.monthly.map((m) => [m.month, m.fieldCode, m.credits, m.completions])).toEqual([
      ['2023-01', 1, 12.5, 3],
      ['2023-02', 2, 7.75, 2],
    ]);
    expect(a.totalsPartners).toEqual(['alpha']);
  });

  it('problems name the file, the sheet and the row', async () => {
    const book = await xlsx({ sheet: 'Suoritukset', data: [COLUMNS, ['A1', day('2023-01-15'), 'C1', 'K', 1, 'viisi', 'L1'], [], ['A1', day('2023-07-15'), 'C1', 'K', 9, 5, 'L1']] });
    expect(problems(await withWorkbooks({}, { '2023-06-30/alpha.xlsx': book }))).toEqual([
      `${P}: Suoritukset!2: credits: not a number with at most two decimals: "viisi"`,
      `${P}: Suoritukset!4: completed_on: 2023-07-15 is after the snapshot date 2023-06-30: check the date, or the snapshot date`,
      `${P}: Suoritukset!4: field_code: not a field code listed in programme.json: "9" (its codes: 1, 2)`,
    ]);
  });

  it('a title row above the header is named on its sheet and row, once', async () => {
    const book = await xlsx({ sheet: 'Suoritukset', data: [['HAMK: suoritukset 2023'], [], COLUMNS, ['A1', day('2023-01-15'), 'C1', 'K', 1, 5, 'L1']] });
    expect(problems(await withWorkbooks({}, { '2023-06-30/alpha.xlsx': book }))).toEqual([
      `${P}: Suoritukset!1: the first row has none of the required columns (completion_id, completed_on, course_code, course_name, field_code, credits); it has: HAMK: suoritukset 2023. Is there a title or other text above the header row? The header row must be the first row: delete the rows above it`,
    ]);
  });

  it('formulas, merged cells and a second sheet with data are refused, not guessed at', async () => {
    const book = await xlsx(
      { sheet: 'Suoritukset', data: [[{ value: 'completion_id', columnSpan: 2 }, null, ...COLUMNS.slice(2)], ['A1', day('2023-01-15'), 'C1', 'K', 1, { type: 'Formula', value: '=2+3' }, 'L1']] },
      { sheet: 'Muistiinpanot', data: [['muista soittaa']] },
    );
    expect(problems(await withWorkbooks({}, { '2023-06-30/alpha.xlsx': book }))).toEqual([
      `${P}: 2 sheets hold data ("Suoritukset", "Muistiinpanot"): an export is one sheet, so move the other data to another file or delete it`,
      `${P}: Suoritukset!2: cell F2 holds a formula: save the values instead (copy, then paste as values), so the export says what the file shows`,
      `${P}: Suoritukset!1: cells A1:B1 are merged: unmerge them so that every column has its own name and every cell its own value`,
    ]);
  });

  it('an empty second sheet is no problem; a file that is not a workbook is', async () => {
    const book = await xlsx({ sheet: 'Kuukaudet', data: [['month', 'field_code', 'credits', 'completions'], ['2023-01', 1, 5, 1]] }, { sheet: 'Taul2', data: [[null]] });
    expect(loadData(await withWorkbooks({}, { '2023-06-30/alpha.xlsx': book })).aggregates.totalCredits).toBe(5);
    const [first] = problems(await withWorkbooks({}, { '2023-06-30/alpha.xlsx': new TextEncoder().encode('completion_id,completed_on\n') }));
    expect(first).toMatch(/^fixture\/snapshots\/2023-06-30\/alpha.xlsx: cannot be read as an Excel workbook \(.xlsx\): /);
  });

  it('a sheet with the header and nothing under it is refused, as such a CSV is', async () => {
    const book = await xlsx({ sheet: 'Suoritukset', data: [COLUMNS, COLUMNS.map(() => null)] });
    expect(problems(await withWorkbooks({}, { '2023-06-30/alpha.xlsx': book }))).toEqual([
      `${P}: no completions: the file has a header row and nothing under it; send the full export (a partner with nothing to report yet sends no file)`,
    ]);
  });

  it('one partner with a .csv and an .xlsx on one date is an error', async () => {
    const book = await xlsx({ sheet: 'S', data: [['month', 'field_code', 'credits', 'completions'], ['2023-01', 1, 5, 1]] });
    expect(problems(await withWorkbooks({ '2023-06-30/alpha.csv': `${HEADER}\nA1,2023-01-15,C1,K,1,5,L1` }, { '2023-06-30/alpha.xlsx': book }))).toEqual([
      `${P}: fixture/snapshots/2023-06-30/alpha.csv is there too: keep one export a partner and date (the .csv or the .xlsx)`,
    ]);
  });
});

/** Returns the workbook with one part's XML rewritten (as another program than write-excel-file might save it). */
function rewrite(book: Uint8Array, part: string, edit: (xml: string) => string): Uint8Array {
  const files = unzipSync(book);
  files[part] = strToU8(edit(strFromU8(files[part])));
  return zipSync(files);
}

describe('workbook sheets are found by their relationships, and only sheets with data count', () => {
  it('a formula is found on a sheet whose name is written with a character reference (Suoritukset &#228;)', async () => {
    const book = rewrite(
      await xlsx({ sheet: 'Suoritukset ä', data: [COLUMNS, ['A1', day('2023-01-15'), 'C1', 'K', 1, { type: 'Formula', value: '=2+3' }, 'L1']] }),
      'xl/workbook.xml',
      (xml) => xml.replace('Suoritukset ä', 'Suoritukset &#228;'),
    );
    expect(problems(await withWorkbooks({}, { '2023-06-30/alpha.xlsx': book }))).toEqual([
      `${P}: Suoritukset ä!2: cell F2 holds a formula: save the values instead (copy, then paste as values), so the export says what the file shows`,
    ]);
  });

  it('a merged range is found however the sheet part is named and wherever the relationship points', async () => {
    const base = await xlsx({ sheet: 'S', data: [[{ value: 'completion_id', columnSpan: 2 }, null, ...COLUMNS.slice(2)], ['A1', day('2023-01-15'), 'C1', 'K', 1, 5, 'L1']] });
    const files = unzipSync(base);
    files['xl/worksheets/data-sheet.xml'] = files['xl/worksheets/sheet1.xml'];
    delete files['xl/worksheets/sheet1.xml'];
    files['xl/_rels/workbook.xml.rels'] = strToU8(strFromU8(files['xl/_rels/workbook.xml.rels']).replace(/Target="[^"]*sheet1.xml"/, 'Target="/xl/worksheets/data-sheet.xml"'));
    expect(problems(await withWorkbooks({}, { '2023-06-30/alpha.xlsx': zipSync(files) }))).toEqual([
      `${P}: S!1: cells A1:B1 are merged: unmerge them so that every column has its own name and every cell its own value`,
    ]);
  });

  it('an empty first sheet and the data on the second: the second is read (5 + 2,5 = 7.5)', async () => {
    const book = await xlsx({ sheet: 'Ohje', data: [[null]] }, { sheet: 'Suoritukset', data: [COLUMNS, ['A1', day('2023-01-15'), 'C1', 'K', 1, 5, 'L1'], ['A2', '2023-02-01', 'C1', 'K', 2, '2,5', 'L2']] });
    const { aggregates: a } = loadData(await withWorkbooks({}, { '2023-06-30/alpha.xlsx': book }));
    expect([a.totalCredits, a.completions]).toEqual([7.5, 2]);
  });

  it('a refusal names the sheets that hold data, not an empty one before them', async () => {
    const book = await xlsx({ sheet: 'Tyhjä', data: [[null]] }, { sheet: 'Suoritukset', data: [COLUMNS, ['A1', day('2023-01-15'), 'C1', 'K', 1, 5, 'L1']] }, { sheet: 'Muistiinpanot', data: [['muista']] });
    expect(problems(await withWorkbooks({}, { '2023-06-30/alpha.xlsx': book }))).toEqual([
      `${P}: 2 sheets hold data ("Suoritukset", "Muistiinpanot"): an export is one sheet, so move the other data to another file or delete it`,
    ]);
  });

  it('a problem on the second sheet names it and its row', async () => {
    const book = await xlsx({ sheet: 'Ohje', data: [] }, { sheet: 'Data', data: [COLUMNS, ['A1', day('2023-01-15'), 'C1', 'K', 1, 61, 'L1']] });
    expect(problems(await withWorkbooks({}, { '2023-06-30/alpha.xlsx': book }))).toEqual([`${P}: Data!2: credits: implausibly large (over 60) for one completion: "61"`]);
  });
});
