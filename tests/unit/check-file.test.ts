import { describe, expect, it } from 'vitest';
import { checkFile, groupProblems, placeFromName } from '../../src/lib/changes/check-file.ts';
import { RULE_IDS, ruleOf } from '../../src/lib/changes/problem-rules.ts';
import { parseProgramme } from '../../src/lib/contract/programme.ts';
import { STRINGS, t, type StringKey } from '../../src/lib/i18n/index.ts';
import type { Say } from '../../src/lib/i18n/problem-text.ts';
import { HEADER, tinyProgramme } from '../helpers/memory-source.ts';

const programme = parseProgramme(tinyProgramme, 'programme.json');
// What the dashboard publishes for the tiny programme (target 15 op): alpha 17,5 op, beta 0,3 op.
const published = {
  asOf: '2023-06-30',
  targetCredits: 15,
  totalCredits: 17.8,
  percentOfTarget: 118.7,
  monthly: [
    { month: '2023-01', partner: 'alpha', fieldCode: 1, credits: 5, completions: 1 },
    { month: '2023-02', partner: 'alpha', fieldCode: 2, credits: 2.5, completions: 1 },
    { month: '2023-06', partner: 'alpha', fieldCode: 1, credits: 10, completions: 1 },
    { month: '2023-03', partner: 'beta', fieldCode: 2, credits: 0.3, completions: 2 },
  ],
};
const bytes = (text: string) => new TextEncoder().encode(text);
const en: Say = (key, params) => t('en', key as StringKey, params);

describe('checkFile(programme, file, published)', () => {
  it('names problems by the file’s own name, every one kept, grouped by rule', () => {
    const rows = Array.from({ length: 25 }, (_, i) => `A${i + 1},2023-01-15,C1,K,1,0,L1`);
    const r = checkFile(programme, { name: 'alpha.csv', partnerId: 'alpha', date: '2023-06-30', bytes: bytes([HEADER, ...rows, 'B1,2023-13-01,C1,K,1,5,L1'].join('\n')) }, published, en);
    expect(r.problems).toHaveLength(26); // the build keeps 20 and counts the rest; the checker counts each rule
    expect(r.problems[0]).toBe('alpha.csv:2: credits: must be greater than 0: "0"');
    expect(r.groups.map((g) => [g.ruleId, g.column, g.count, g.first.length])).toEqual([
      ['notPositive', 'credits', 25, 5],
      ['date', 'completed_on', 1, 1],
    ]);
    expect(r.diff).toBeNull();
  });

  it('names a column by the file’s own heading where it is not the contract’s name, in the problem and its rule’s heading', () => {
    const fiSay: Say = (key, params) => t('fi', key as StringKey, params);
    const text = 'Suoritustunnus;Suorituspäivä;Opintojakson tunnus;Opintojakson nimi;Ala;Opintopisteet (op)\nA1;15.1.2023;C1;K;1;-2\nA2;16.1.2023;;K;1;5';
    const r = checkFile(programme, { name: 'alpha.csv', partnerId: 'alpha', date: '2023-06-30', bytes: bytes(text) }, published, fiSay);
    expect(r.problems).toEqual(['alpha.csv:2: "Opintopisteet (op)" (credits): pitää olla suurempi kuin 0: "-2"', 'alpha.csv:3: "Opintojakson tunnus" (course_code): tyhjä arvo: täytä se']);
    expect(r.groups.map((g) => g.heading)).toEqual(['Sarake "Opintopisteet (op)" (credits): pitää olla suurempi kuin 0', 'Sarake "Opintojakson tunnus" (course_code): tyhjä arvo']);
    // The contract's own names, in any case, are named as they are.
    const plain = checkFile(programme, { name: 'alpha.csv', partnerId: 'alpha', date: '2023-06-30', bytes: bytes(`${HEADER.replace('credits', 'Credits')}\nA1,2023-01-15,C1,K,1,-2,L1`) }, published, en);
    expect(plain.problems).toEqual(['alpha.csv:2: credits: must be greater than 0: "-2"']);
  });

  it('refuses a snapshot date after the checker’s day, as the build does', () => {
    const text = [HEADER, 'B1,2023-03-01,C9,K,2,0.1,L9'].join('\n');
    const r = checkFile(programme, { name: 'beta.csv', partnerId: 'beta', date: '2042-03-31', bytes: bytes(text), today: '2024-03-31' }, published, en);
    expect(r.problems).toEqual(['snapshots/2042-03-31/beta.csv: snapshot folder "2042-03-31" is dated after today (2024-03-31), and an export cannot be dated in the future: is the year or the month mistyped?']);
    expect(r.groups.map((g) => g.ruleId)).toEqual(['layout']);
  });

  it('says what a good file changes against the published months: beta adds 2 op in June, field 1', () => {
    // beta's published March (0,3 op, 2 completions) stays; June gains 2 op: 17,8 + 2 = 19,8 op of 15 = 132 %.
    const text = [HEADER, 'B1,2023-03-01,C9,K,2,0.1,L9', 'B2,2023-03-02,C9,K,2,0.2,L8', 'B3,2023-06-10,C1,K,1,2,L7'].join('\n');
    const r = checkFile(programme, { name: 'beta.csv', partnerId: 'beta', date: '2023-06-30', bytes: bytes(text) }, published, en);
    expect(r.problems).toEqual([]);
    expect(r.diff?.fields).toEqual([{ month: '2023-06', fieldCode: 1, before: { credits: 0, completions: 0 }, after: { credits: 200, completions: 1 } }]);
    expect([r.newTotal, r.newPercent]).toEqual([19.8, 132]);
    expect(r.plausibility).toEqual([]);
  });

  it('refuses a file with a header and no rows, as the build does: it would have dropped all of alpha’s 17,5 published op', () => {
    const r = checkFile(programme, { name: 'alpha.csv', partnerId: 'alpha', date: '2023-07-31', bytes: bytes(`${HEADER}\n`) }, published, en);
    expect(r.problems).toEqual([
      'alpha.csv: no completions: the file has a header row and nothing under it; send the full export (a partner with nothing to report yet sends no file)',
    ]);
    expect(r.groups.map((g) => [g.ruleId, g.count])).toEqual([['emptyFile', 1]]);
    expect(r.diff).toBeNull();
  });
});

describe('groupProblems(problems, say)', () => {
  it('keeps apart one rule in one column that two files head differently (validate groups several files)', () => {
    const problem = (path: string, header: string | undefined) => ({ path, line: 2, column: 'credits', ...(header ? { header } : {}), reason: 'must be greater than 0: "0"', key: 'problem.notPositive' as const, params: { value: '"0"' } });
    const groups = groupProblems([problem('a.csv', 'Opintopisteet (op)'), problem('b.csv', 'op'), problem('c.csv', 'op'), problem('d.csv', undefined)], en);
    expect(groups.map((g) => [g.heading, g.count])).toEqual([
      ['Column "Opintopisteet (op)" (credits): must be greater than 0', 1],
      ['Column "op" (credits): must be greater than 0', 2],
      ['Column credits: must be greater than 0', 1],
    ]);
  });
});

describe('placeFromName(name, partnerIds)', () => {
  it('reads the date of a folder or a name, and the partner as the name or a word of it', () => {
    const ids = ['alpha', 'beta', 'haaga-helia'];
    expect(placeFromName('2024-01-31/alpha.csv', ids)).toEqual({ partnerId: 'alpha', date: '2024-01-31' });
    expect(placeFromName('BETA.xlsx', ids)).toEqual({ partnerId: 'beta', date: null });
    expect(placeFromName('haaga-helia_2023-12-31_export.csv', ids)).toEqual({ partnerId: 'haaga-helia', date: '2023-12-31' });
    expect(placeFromName('export-2024-02-30.csv', ids)).toEqual({ partnerId: null, date: null });
  });
});

describe('problem rules: each named in every language', () => {
  it('knows the readers’ reasons by their strings keys', () => {
    expect(ruleOf({ key: 'problem.width' })).toBe('width');
    expect(ruleOf({ key: 'problem.monthTwice' })).toBe('monthTwice');
    expect(ruleOf({ key: 'problem.formula' })).toBe('formula');
    expect(ruleOf({ key: 'problem.monthAfterSnapshot' })).toBe('afterSnapshot');
    expect(ruleOf({ key: 'problem.strayQuote' })).toBe('quote');
    // A unit after a number is a rule of its own: the fix (drop the unit) is not that of a word in place of a number.
    expect(ruleOf({ key: 'problem.creditsUnit' })).toBe('creditsUnit');
    expect(ruleOf({ key: 'problem.notNumber' })).toBe('notNumber');
    expect(ruleOf({ key: 'problem.notHeader' })).toBe('notHeader');
    expect(ruleOf({ key: 'problem.more' })).toBeNull();
    expect(ruleOf({})).toBeNull();
  });
  it('every problem.* string is some rule’s but four, each then a group of its own named by its words', () => {
    const unruled = Object.keys(STRINGS.en).filter((k) => k.startsWith('problem.') && ruleOf({ key: k as `problem.${string}` }) === null);
    expect(unruled).toEqual(['problem.rowTooLong', 'problem.more', 'problem.totalsLearners', 'problem.noSheet']);
  });
  it('has a name for every rule in fi, sv and en', () => {
    for (const lang of ['fi', 'sv', 'en'] as const) for (const id of RULE_IDS) expect(STRINGS[lang][`check.rule.${id}` as keyof (typeof STRINGS)['fi']], `${lang} ${id}`).toBeTruthy();
  });
  it('heads each group with a capital, a column’s rule after the column’s name, in the language asked', () => {
    // Line 31: a month that does not exist; line 32: a quote never closed (a rule of no column).
    const text = [HEADER, ...Array.from({ length: 29 }, (_, i) => `A${i + 1},2023-01-15,C1,K,1,5,L1`), 'A30,2023-13-02,C1,K,1,5,L1', 'A31,2023-01-05,C1,K,1,"5,L1'].join('\n');
    const headings = (lang: 'fi' | 'sv' | 'en') =>
      checkFile(programme, { name: 'alpha.csv', partnerId: 'alpha', date: '2023-06-30', bytes: bytes(text) }, published, (key, params) => t(lang, key as StringKey, params)).groups.map((g) => [g.heading, g.count]);
    expect(headings('fi')).toEqual([['Sarake completed_on: ei päivämäärä tai päivää ei ole', 1], ['Lainausmerkit väärin', 1]]);
    expect(headings('sv')).toEqual([['Kolumn completed_on: inget datum eller dagen finns inte', 1], ['Citattecken fel', 1]]);
    expect(headings('en')).toEqual([['Column completed_on: not a date, or no such day', 1], ['Quotes used wrongly', 1]]);
  });
  it('groups a problem of no rule by its strings key, or else by its words', () => {
    const g = groupProblems(
      [
        { path: 'a.csv', line: 2, reason: 'something new' },
        { path: 'a.csv', line: 3, reason: 'something new' },
        { path: 'a.csv', reason: 'and 2 more problems in this file', key: 'problem.more', params: { n: 2 } },
      ],
      (key, params) => t('fi', key as StringKey, params),
    );
    expect(g).toEqual([
      { heading: 'Something new', ruleId: null, column: null, count: 2, first: ['a.csv:2: something new', 'a.csv:3: something new'] },
      { heading: 'Ja tässä tiedostossa muita ongelmia: 2', ruleId: null, column: null, count: 1, first: ['a.csv: ja tässä tiedostossa muita ongelmia: 2'] },
    ]);
  });
});
