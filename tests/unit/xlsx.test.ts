import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { dateOfSerial, isDateFormat } from '../../src/lib/ingest/xlsx/cell-value.ts';
import { readXlsx } from '../../src/lib/ingest/xlsx/read-xlsx.ts';
import { readXml } from '../../src/lib/ingest/xlsx/xml.ts';

/** Returns an .xlsx made by hand from its parts' XML, as another program than Excel may write it. */
function book(parts: Record<string, string>): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(parts).map(([name, xml]) => [name, strToU8(xml)])));
}
const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const rels = (targets: string[]) =>
  `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${targets.map((t, i) => `<Relationship Id="rId${i + 1}" Type="worksheet" Target="${t}"/>`).join('')}</Relationships>`;

describe('readXlsx reads a workbook’s sheets from their XML', () => {
  it('shared strings (rich text joined, phonetic readings left out), inline strings, numbers, truth values and dates in a 1904 workbook', () => {
    const b = book({
      'xl/workbook.xml': `<workbook ${NS}><workbookPr date1904="1"/><sheets><sheet name="Tiedot &amp; luvut" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      'xl/_rels/workbook.xml.rels': rels(['worksheets/s.xml']),
      'xl/sharedStrings.xml': `<sst ${NS}><si><t>Kurssi</t></si><si><r><t>Teko</t></r><r><t xml:space="preserve">äly </t></r><rPh><t>x</t></rPh></si></sst>`,
      'xl/styles.xml': `<styleSheet ${NS}><numFmts><numFmt numFmtId="164" formatCode="d\\.m\\.yyyy"/></numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/><xf numFmtId="2"/></cellXfs></styleSheet>`,
      'xl/worksheets/s.xml': `<worksheet ${NS}><sheetData>
        <row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c></row>
        <row r="3"><c r="A3" t="inlineStr"><is><t>A&#228;1</t></is></c><c r="B3" s="1"><v>0</v></c><c r="C3" s="2"><v>1</v></c><c r="D3" s="3"><v>2.5</v></c><c r="E3" t="b"><v>1</v></c><c r="F3" t="str"><f>A1</f><v>Kurssi</v></c></row>
      </sheetData></worksheet>`,
    });
    const [sheet] = readXlsx(b).sheets;
    expect(sheet.name).toBe('Tiedot & luvut');
    expect(sheet.rows).toEqual([['Kurssi', null, 'Tekoäly '], [], ['Aä1', new Date('1904-01-01T00:00:00Z'), new Date('1904-01-02T00:00:00Z'), 2.5, true, 'Kurssi']]);
    expect(sheet.formulas).toEqual(['F3']);
  });

  it('a sheet is found through its relationship, wherever its part is and whatever prefix its XML uses', () => {
    const b = book({
      'xl/workbook.xml': `<x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><x:sheets><x:sheet name="B" sheetId="2" r:id="rId2"/><x:sheet name="A" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>`,
      'xl/_rels/workbook.xml.rels': rels(['/xl/data/first.xml', '../xl/data/second.xml']),
      'xl/data/first.xml': `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row><x:c><x:v>1</x:v></x:c></x:row></x:sheetData><x:mergeCells><x:mergeCell ref="A1:B1"/></x:mergeCells></x:worksheet>`,
      'xl/data/second.xml': `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row><x:c><x:v>2</x:v></x:c></x:row></x:sheetData></x:worksheet>`,
    });
    expect(readXlsx(b).sheets.map((s) => [s.name, s.rows, s.merged])).toEqual([
      ['B', [[2]], []],
      ['A', [[1]], ['A1:B1']],
    ]);
  });

  it('bytes that are no workbook say why', () => {
    expect(readXlsx(strToU8('completion_id,credits\n')).unreadable?.why).toBe('notZip');
    expect(readXlsx(book({ 'content.xml': '<office/>' })).unreadable).toEqual({ why: 'noBook' });
  });

  it('dateOfSerial keeps Excel’s 1900 calendar (its 29 February 1900 included); isDateFormat sees days, months and years', () => {
    expect([1, 59, 61, 45107].map((n) => dateOfSerial(n, false).toISOString().slice(0, 10))).toEqual(['1900-01-01', '1900-02-28', '1900-03-01', '2023-06-30']);
    expect(dateOfSerial(45107.5, false).toISOString()).toBe('2023-06-30T12:00:00.000Z');
    expect([isDateFormat(14, undefined), isDateFormat(2, undefined), isDateFormat(164, 'd\\.m\\.yyyy'), isDateFormat(165, '0.00" d"'), isDateFormat(166, '[Red]0.00')]).toEqual([
      true,
      false,
      true,
      false,
      false,
    ]);
  });
});

describe('readXml reads the markup of a workbook’s parts', () => {
  const events = (xml: string) => {
    const out: string[] = [];
    readXml(strToU8(xml), { open: (n, a) => out.push(`<${n}${Object.entries(a).map(([k, v]) => ` ${k}=${v}`).join('')}>`), text: (t) => out.push(t), close: (n) => out.push(`</${n}>`) });
    return out.join('');
  };

  it('names without their prefix, attributes in either quote (a > inside one), references, CDATA; declarations and comments skipped', () => {
    expect(events(`<?xml version="1.0"?><!-- c --><x:a xmlns:x="u" k='v>w' j="&amp;&#228;&#xE4;"><b/><c>t&lt;1<![CDATA[<raw>&amp;]]></c></x:a>`)).toBe(
      '<a xmlns:x=u k=v>w j=&ää><b></b><c>t<1<raw>&amp;</c></a>',
    );
  });

  it('reads a part of over a megabyte alike however its tags and multi-byte characters fall across the chunks it is read in', () => {
    const cells = Array.from({ length: 60_000 }, (_, i) => `<c r="A${i + 1}" t="inlineStr"><is><t>ä${i}&#246;</t></is></c>`);
    const xml = `<sheetData>${cells.join('')}</sheetData>`;
    expect(xml.length).toBeGreaterThan(1 << 21);
    let n = 0;
    let last = '';
    readXml(strToU8(xml), { open: (name) => name === 'c' && n++, text: (t) => (last = t) });
    expect([n, last]).toEqual([60_000, 'ä59999ö']);
  });

  it('refuses XML that is not well-formed', () => {
    for (const bad of ['<a><b></a>', '<a>x & y</a>', '<a><b>', '<a b="1></a>']) expect(() => readXml(strToU8(bad), { text: () => {} }), bad).toThrow(/^XML: /);
  });
});
