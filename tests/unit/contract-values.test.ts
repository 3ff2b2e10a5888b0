import { describe, expect, it } from 'vitest';
import { completionCredits, completionDay, fieldCodeList, fieldCodeOf } from '../../src/lib/contract/value-rules.ts';
import { parseWholeNumber, TRIMMED, trimmedCharacters } from '../../src/lib/contract/values.ts';

describe('the contract’s values, defined once for every path', () => {
  it('TRIMMED is exactly what String.prototype.trim removes (so DuckDB trims as the readers do)', () => {
    const trimmedByJs: number[] = [];
    for (let c = 0; c <= 0xffff; c++) if (String.fromCharCode(c).trim() === '') trimmedByJs.push(c);
    expect([...trimmedCharacters()].map((ch) => ch.codePointAt(0))).toEqual(trimmedByJs);
    expect(TRIMMED.length).toBe(10);
  });

  it('a field code is a listed whole number of at most nine digits, leading zeros allowed', () => {
    const codes = new Set([1, 2, 7]);
    expect(['7', ' 07\t', '000000007', '0000000007', '6.5', '0x7', '7e0', '+7', '-7', '3', ''].map((t) => fieldCodeOf(t, codes))).toEqual([7, 7, 7, null, null, null, null, null, null, null, null]);
    expect([parseWholeNumber('123456789'), parseWholeNumber('1234567890'), parseWholeNumber('')]).toEqual([123456789, -1, -1]);
  });

  it('a programme’s field codes as a refused code’s message lists them: runs of three or more joined by a dash', () => {
    expect([fieldCodeList([12, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]), fieldCodeList([1, 2]), fieldCodeList([9, 1, 2, 3, 5, 7, 8, 3])]).toEqual(['1–12', '1, 2', '1–3, 5, 7–9']);
  });

  it('credits of one completion: over 0, at most 60, at most two decimals after a point or a comma', () => {
    const texts = ['0.01', '2,5', '\u00a060\u3000', '60.00', '60.01', '0', '5e1', '.5', '5.', '1.255', '1,5,0', '-5', '+5', '0x3'];
    expect(texts.map(completionCredits)).toEqual([1, 250, 6000, 6000, null, null, null, null, null, null, null, null, null, null]);
  });

  it('a date is YYYY-MM-DD or d.m.yyyy naming a day that exists', () => {
    const texts = ['2023-06-30', ' 1.2.2023 ', '05.03.2023', '2023-02-29', '2024-02-29', '2023/06/30', '2023-6-3', '15.6.23', '0000-01-01'];
    expect(texts.map(completionDay)).toEqual(['2023-06-30', '2023-02-01', '2023-03-05', null, '2024-02-29', null, null, null, null]);
  });

  it('a time of day after the date gives that date (as a workbook’s date-time cell does); a time that is none refuses it', () => {
    const texts = ['2022-01-10T00:00', '2022-02-15 00:00:00', ' 31.12.2023 13:30 ', '2023-06-30 9:05:00.000', '2023-06-30T23:59:59,5', '2023-02-29 00:00', '2023-06-30 24:00', '2023-06-30 12:60', '2023-06-30 12', '2023-06-30 12:00+02:00', '2023-06-30T', 'T00:00'];
    expect(texts.map(completionDay)).toEqual(['2022-01-10', '2022-02-15', '2023-12-31', '2023-06-30', '2023-06-30', null, null, null, null, null, null, null]);
  });
});
