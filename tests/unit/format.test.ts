import { describe, expect, it } from 'vitest';
import { formatter, keepNumbersTogether } from '../../src/lib/format.ts';

// Intl (Node's full ICU, CLDR) puts U+00A0 NO-BREAK SPACE in fi-FI and sv-FI grouping and before
// the percent sign; the formatter adds U+00A0 before the unit itself. Asserted literally, so a
// CLDR change to U+202F (NARROW NO-BREAK SPACE) or a plain space is noticed.
const NBSP = '\u00a0';

describe('formatter', () => {
  it('credits to the hundredth, for reconciling a file (validate, the checker), in each language', () => {
    expect(formatter('fi').exactCredits(8939.55)).toBe(`8${NBSP}939,55${NBSP}op`);
    expect(formatter('fi').credits(8939.55)).toBe(`8${NBSP}939,6${NBSP}op`);
    expect(formatter('sv').signedExactCredits(2.55)).toBe(`+2,55${NBSP}sp`);
    expect(formatter('en').signedExactCredits(-0.05)).toBe(`-0.05${NBSP}credits`);
    expect(formatter('fi').signedExactCredits(0)).toBe(`0${NBSP}op`);
  });

  it('fi: numbers, credits, percent and dates the Finnish way', () => {
    const f = formatter('fi');
    expect(f.number(8937)).toBe(`8${NBSP}937`);
    expect(f.credits(8937)).toBe(`8${NBSP}937${NBSP}op`);
    expect(f.credits(8400)).toBe(`8${NBSP}400${NBSP}op`);
    expect(f.percent(106.4)).toBe(`106,4${NBSP}%`);
    expect(f.month('2023-12')).toBe('joulukuu 2023');
    expect(f.date('2023-12-15')).toBe('15.12.2023');
    expect(f.unit).toBe('op');
  });

  it('fi: no ordinary spaces or narrow no-break spaces inside a number', () => {
    const f = formatter('fi');
    for (const s of [f.number(8937), f.credits(1234567.5), f.percent(106.4)]) {
      expect(s).not.toMatch(/ /);
      expect(s).not.toMatch(/\u202f/);
    }
    expect(f.number(2.5)).toBe('2,5');
    expect(f.number(1234567.25)).toBe(`1${NBSP}234${NBSP}567,3`);
  });

  it('sv: Swedish month names and the sp unit', () => {
    const f = formatter('sv');
    expect(f.credits(8937)).toBe(`8${NBSP}937${NBSP}sp`);
    expect(f.month('2023-12')).toBe('december 2023');
    expect(f.date('2023-12-15')).toBe('15.12.2023');
    expect(f.percent(106.4)).toBe(`106,4${NBSP}%`);
  });

  it('en: comma grouping, decimal point, English months', () => {
    const f = formatter('en');
    expect(f.number(8937)).toBe('8,937');
    expect(f.credits(8937)).toBe(`8,937${NBSP}credits`);
    expect(f.percent(106.4)).toBe('106.4%');
    expect(f.month('2023-12')).toBe('December 2023');
    expect(f.date('2023-12-15')).toBe('15 December 2023');
  });

  it('dates do not drift with the time zone (a UTC date stays that day)', () => {
    for (const lang of ['fi', 'sv', 'en'] as const) {
      const f = formatter(lang);
      expect(f.date('2024-01-01')).toMatch(/^1[. ]/);
      expect(f.month('2024-01')).toMatch(/2024$/);
    }
  });

  it('inMonth(ym): Finnish month names in the inessive, every month of the year', () => {
    const f = formatter('fi');
    const months = ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'].map((m) => f.inMonth(`2023-${m}`));
    expect(months).toEqual([
      'tammikuussa 2023',
      'helmikuussa 2023',
      'maaliskuussa 2023',
      'huhtikuussa 2023',
      'toukokuussa 2023',
      'kesäkuussa 2023',
      'heinäkuussa 2023',
      'elokuussa 2023',
      'syyskuussa 2023',
      'lokakuussa 2023',
      'marraskuussa 2023',
      'joulukuussa 2023',
    ]);
  });

  it('inMonth(ym): "i december 2023" in Swedish (lower case), "in December 2023" in English', () => {
    expect(formatter('sv').inMonth('2023-12')).toBe('i december 2023');
    expect(formatter('sv').inMonth('2024-05')).toBe('i maj 2024');
    expect(formatter('en').inMonth('2023-12')).toBe('in December 2023');
    expect(formatter('en').inMonth('2024-05')).toBe('in May 2024');
  });

  it('list(items): names joined as a sentence lists them', () => {
    expect(formatter('fi').list(['HAMK'])).toBe('HAMK');
    expect(formatter('fi').list(['HAMK', 'Laurea', 'Xamk'])).toBe('HAMK, Laurea ja Xamk');
    expect(formatter('sv').list(['HAMK', 'Laurea'])).toBe('HAMK och Laurea');
    expect(formatter('en').list(['HAMK', 'Laurea', 'Xamk'])).toBe('HAMK, Laurea and Xamk');
  });

  it('hand-written texts: a number\'s groups and its unit held together, nothing else', () => {
    expect(keepNumbersTogether('Vain tavoite (8 400 op) ja kokonaismäärä (8 937 op).')).toBe(`Vain tavoite (8${NBSP}400${NBSP}op) ja kokonaismäärä (8${NBSP}937${NBSP}op).`);
    expect(keepNumbersTogether('målet (8 400 sp), 10 000 000 sp')).toBe(`målet (8${NBSP}400${NBSP}sp), 10${NBSP}000${NBSP}000${NBSP}sp`);
    expect(keepNumbersTogether('106,4 % and 8,400 credits')).toBe(`106,4${NBSP}% and 8,400${NBSP}credits`);
    // A group of four digits, a word that starts with a unit's letters, words between: unchanged.
    for (const text of ['1 2345', '5 open courses', '5 opiskelijaa', 'the 3 options', '8 400'.replace('8 ', 'kahdeksan ')]) expect(keepNumbersTogether(text)).toBe(text);
  });
});
