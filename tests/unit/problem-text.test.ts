import { describe, expect, it } from 'vitest';
import { checkFile } from '../../src/lib/changes/check-file.ts';
import { LANGS, parseProgramme, type Lang } from '../../src/lib/contract/programme.ts';
import { STRINGS, t, type StringKey } from '../../src/lib/i18n/index.ts';
import type { Say } from '../../src/lib/i18n/problem-text.ts';
import type { Workbook } from '../../src/lib/ingest/workbook.ts';
import { tinyProgramme } from '../helpers/memory-source.ts';

const programme = parseProgramme(tinyProgramme, 'programme.json');
const published = { asOf: '2023-06-30', targetCredits: 15, totalCredits: 0, percentOfTarget: 0, monthly: [] };
const say = (lang: Lang): Say => (key, params) => t(lang, key as StringKey, params);
const bytes = (text: string) => new TextEncoder().encode(text);
const H = ['completion_id', 'completed_on', 'course_code', 'course_name', 'field_code', 'credits', 'learner_id'];

/** Hand-made broken exports of alpha on 30.6.2023 (the tiny programme: fields 1 and 2, from 1.1.2023). */
const FILES: Record<string, { bytes?: Uint8Array; workbook?: Workbook }> = {
  // Excel in Finnish: semicolons, CRLF, decimal commas; a day that does not exist, a stray quote.
  'semicolon.csv': { bytes: bytes([H.join(';'), 'A1;15.1.2023;C1;K;1;2,5;L1', 'A2;31.2.2023;C1;K;1;5;L1', 'A3;2023-01-15;C1;K"x;1;5;L1', ''].join('\r\n')) },
  // Tabs: a quote never closed on line 2; the check goes on, and line 3 has an unknown field and 0 credits.
  'tab.csv': { bytes: bytes([H.join('\t'), 'A1\t2023-01-15\t"C1\tK\t1\t5\tL1', 'A2\t2023-01-16\tC1\tK\t9\t0\tL1'].join('\n')) },
  // Commas: an id given twice, a short row, text after a closing quote.
  'comma.csv': { bytes: bytes([H.join(','), 'A1,2023-01-15,C1,K,1,5,L1', 'A1,2023-01-16,C1,K,1,5,L1', 'A3,2023-01-17,C1,K,1,5', 'A4,"2023-01-18"x,C1,K,1,5,L1'].join('\n')) },
  // A workbook whose credits cell on row 3 is a formula.
  'book.xlsx': {
    workbook: {
      sheets: [{ name: 'Suoritukset', rows: [H, ['A1', '2023-01-15', 'C1', 'K', 1, 5, 'L1'], ['A2', '2023-01-16', 'C1', 'K', 1, 10, 'L1']], formulas: ['F3'], merged: [] }],
    },
  },
  // Monthly totals: January, field 1 given twice (once as 1/2023), and a month after the snapshot's.
  'totals.csv': { bytes: bytes(['month,field_code,credits,completions', '2023-01,1,10,2', '1/2023,1,5,1', '2023-07,2,5,1'].join('\n')) },
};

function problemsIn(lang: Lang): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(FILES).map(([name, f]) => [name, checkFile(programme, { name, partnerId: 'alpha', date: '2023-06-30', ...f }, published, say(lang)).problems]),
  );
}

describe('every problem in the chosen language, from the strings files', () => {
  it('Finnish: short, naming the file, line or Sheet!row, column and what to do', () => {
    expect(problemsIn('fi')).toEqual({
      'semicolon.csv': [
        'semicolon.csv:3: completed_on: ei päivämäärä (2024-01-31 tai 31.1.2024) tai päivää ei ole: "31.2.2023"',
        'semicolon.csv:4: " keskellä arvoa, jota ei ole lainausmerkeissä: laita koko arvo lainausmerkkeihin ja kirjoita " kahdesti ("")',
      ],
      'tab.csv': [
        'tab.csv:2: lainausmerkki " aloittaa arvon, joka ei pääty: lisää arvon loppuun " tai poista ylimääräinen " (tarkistus jatkuu seuraavalta riviltä)',
        'tab.csv:3: field_code: ei ohjelman alan koodi (programme.json): "9" (koodit: 1, 2)',
        'tab.csv:3: credits: pitää olla suurempi kuin 0: "0"',
      ],
      'comma.csv': [
        'comma.csv:3: completion_id: sama completion_id "A1" toiseen kertaan (ensin rivillä 2): poista toinen rivi tai anna sille oma tunnus',
        'comma.csv:4: rivillä on arvoja 6, otsikkorivillä sarakkeita 7: tarkista erottimet ja lainausmerkit',
        'comma.csv:5: tekstiä arvon lopettavan " jälkeen: lainausmerkeissä olevan arvon jälkeen tulee erotin (kirjoita " arvon sisällä kahdesti: "")',
      ],
      'book.xlsx': [
        'book.xlsx: Suoritukset!3: solussa F3 on kaava: tallenna arvot sen tilalle (kopioi ja liitä arvoina), jotta tiedostossa on se, mitä se näyttää',
      ],
      'totals.csv': [
        'totals.csv:3: month: kuukausi 2023-01, ala 1 toiseen kertaan (ensin rivillä 2): yhdistä rivit',
        'totals.csv:4: month: 2023-07 on aineistopäivän 2023-06-30 kuukauden jälkeen: tarkista kuukausi tai aineistopäivä',
      ],
    });
  });

  it('Swedish', () => {
    expect(problemsIn('sv')).toEqual({
      'semicolon.csv': [
        'semicolon.csv:3: completed_on: inget datum (2024-01-31 eller 31.1.2024) eller dagen finns inte: "31.2.2023"',
        'semicolon.csv:4: " mitt i ett värde utan citattecken: sätt hela värdet inom citattecken och skriv " två gånger ("")',
      ],
      'tab.csv': [
        'tab.csv:2: ett " börjar ett värde som aldrig slutar: sätt ett " efter värdet eller ta bort det extra " (kontrollen fortsätter från nästa rad)',
        'tab.csv:3: field_code: ingen kod för ett av programmets områden (programme.json): "9" (koderna: 1, 2)',
        'tab.csv:3: credits: måste vara större än 0: "0"',
      ],
      'comma.csv': [
        'comma.csv:3: completion_id: samma completion_id "A1" en gång till (först på rad 2): ta bort den ena raden eller ge den ett eget id',
        'comma.csv:4: raden har 6 värden men rubrikraden 7 kolumner: kontrollera avgränsare och citattecken',
        'comma.csv:5: text efter det " som avslutar värdet: efter ett värde inom citattecken kommer avgränsaren (skriv " i värdet två gånger: "")',
      ],
      'book.xlsx': ['book.xlsx: Suoritukset!3: cellen F3 har en formel: spara värdena i stället (kopiera och klistra in som värden), så att filen har det den visar'],
      'totals.csv': [
        'totals.csv:3: month: månad 2023-01, område 1 en gång till (först på rad 2): slå ihop raderna',
        'totals.csv:4: month: 2023-07 är efter rapporteringsdatumets 2023-06-30 månad: kontrollera månaden eller rapporteringsdatumet',
      ],
    });
  });

  it('English: the build’s own words, as it prints them when it stops', () => {
    expect(problemsIn('en')).toEqual({
      'semicolon.csv': [
        'semicolon.csv:3: completed_on: not a date (YYYY-MM-DD or d.m.yyyy) or no such day: "31.2.2023"',
        'semicolon.csv:4: a " inside an unquoted value: put the whole value in quotes and write the " twice ("")',
      ],
      'tab.csv': [
        'tab.csv:2: unterminated quoted field: a " opens a value that never closes; add a " at its end, or delete the stray " (the check goes on from the next line)',
        'tab.csv:3: field_code: not a field code listed in programme.json: "9" (its codes: 1, 2)',
        'tab.csv:3: credits: must be greater than 0: "0"',
      ],
      'comma.csv': [
        'comma.csv:3: completion_id: duplicate completion_id "A1" (first on line 2): delete the second row or give it an id of its own',
        'comma.csv:4: row has 6 values but the header has 7: check the delimiters and quotes',
        'comma.csv:5: text after a closing quote: a quoted value must end at the delimiter (write a " inside it twice: "")',
      ],
      'book.xlsx': ['book.xlsx: Suoritukset!3: cell F3 holds a formula: save the values instead (copy, then paste as values), so the export says what the file shows'],
      'totals.csv': [
        'totals.csv:3: month: month 2023-01, field 1 given twice (first on line 2): join the rows',
        'totals.csv:4: month: 2023-07 is after the month of the snapshot date 2023-06-30: check the month, or the snapshot date',
      ],
    });
  });
});

/** Words that only one of the languages uses. */
const MARKERS: Record<Lang, RegExp> = {
  fi: /\b(rivillä|rivi|sarake\w*|tiedosto\w*|arvo\w*|lainausmerk\w*|kahdesti|poista|tarkista|välilehd\w*|kuukausi|pitää|päivämäärä|ohjelman)\b/iu,
  sv: /\b(raden|rubrikraden|kolumn\w*|värde\w*|citattecken|gånger|månad\w*|måste|rapporteringsdatum\w*|filen|inget|efter)\b/iu,
  en: /\b(the|value|values|header|column|quote|month|line|must|after|before|not|holds|cells|twice|remove)\b/iu,
};
// Words the languages share and which therefore say nothing of the language.
const SHARED = /\b(completion_id|field_code|learner_id|learners|UTF-8|Windows-1252|programme\.json|xl\/workbook\.xml|Excel|xlsx|ods|xls|CSV)\b/giu;

describe('no leftover of another language', () => {
  it('in any problem string of a language, the values and the contract’s names left out', () => {
    const leftovers: string[] = [];
    for (const lang of LANGS) {
      for (const [key, text] of Object.entries(STRINGS[lang])) {
        if (!/^(problem|warning)\./.test(key)) continue;
        const words = text.replace(/\{\w+\}/g, '').replace(SHARED, '');
        for (const other of LANGS) if (other !== lang && MARKERS[other].test(words)) leftovers.push(`${lang} ${key}: ${other} word ${MARKERS[other].exec(words)![0]}`);
      }
    }
    expect(leftovers).toEqual([]);
  });

  it('in the messages of the broken files above', () => {
    for (const lang of LANGS) {
      // The place and the column (`totals.csv:3: month: `) are the file's and the contract's names, not words.
      const reason = (m: string) => m.replace(/^[^:]+:( \w+!)?\d*: (\w+: )?/, '');
      const all = Object.values(problemsIn(lang)).flat().map((m) => reason(m).replace(/"[^"]*"/g, '').replace(SHARED, ''));
      for (const other of LANGS) if (other !== lang) expect(all.filter((m) => MARKERS[other].test(m)), `${lang} messages with ${other} words`).toEqual([]);
    }
  });
});
