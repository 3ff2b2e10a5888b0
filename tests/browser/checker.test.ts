// The checker page (/fi/tarkista/, /sv/kontrollera/, /en/check/) in real Chromium on the built
// dist/: hand-made broken exports in several dialects, a workbook with a formula and a monthly-
// totals file with a month given twice show the very problems `npm run validate` prints for the
// same file; a good file shows what it changes; nothing is requested while a file is checked; the
// page forbids connections; axe finds nothing with results on screen, in each language.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import writeExcelFile from 'write-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch } from '../helpers/browser.ts';
import { serveStatic } from '../helpers/static-server.ts';
import { DIST } from './a11y-support.ts';
import { runAxe } from './every-page.ts';

const NB = '\u00a0';
const HEADER = 'completion_id,completed_on,course_code,course_name,field_code,credits,learner_id';
const dir = mkdtempSync(join(tmpdir(), 'checker-'));
const file = (name: string, bytes: string | Uint8Array) => {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
};
/** Windows-1252 bytes of a Latin-1 text (what Excel saves as "CSV (semicolon)" on a Finnish Windows). */
const latin1 = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));

// Every file is hamk's export for 31.1.2024 (after the demo's last snapshot: so no other file is in its place).
const FILES = {
  // Comma, LF, UTF-8: a day that does not exist, zero credits, an unknown field, a short row, a repeated id.
  comma: () =>
    file('comma.csv', [HEADER, 'H1,2024-01-10,C1,Kurssi,7,5,L1', 'H2,2023-02-30,C1,Kurssi,7,0,L2', 'H3,2024-01-11,C1,Kurssi,99,5,L3', 'H4,2024-01-12,C1', 'H1,2024-01-13,C1,Kurssi,7,5,L4', ''].join('\n')),
  // Semicolon, CRLF, decimal comma, Windows-1252 (ä as one byte): three decimals, a day after the snapshot.
  semicolon: () =>
    file('puolipiste.csv', latin1([HEADER.replace(/,/g, ';'), 'H1;10.1.2024;C1;Äidinkieli;1;2,5;L1', 'H2;11.1.2024;C1;Äidinkieli;1;2,555;L2', 'H3;1.2.2024;C1;Äidinkieli;1;5;L3', ''].join('\r\n'))),
  // Tab, BOM: no credits column at all.
  tab: () => file('sarkain.csv', `\ufeff${['completion_id\tcompleted_on\tcourse_code\tcourse_name\tfield_code\tlearner_id', 'H1\t2024-01-10\tC1\tKurssi\t7\tL1', ''].join('\n')}`),
  // A quote that never closes: its row is lost, the rows after it are still checked.
  quote: () => file('lainaus.csv', [HEADER, 'H1,2024-01-10,C1,"Kurssi,7,5,L1', 'H2,2024-01-10,C1,Kurssi,7,0,L2', ''].join('\n')),
  // A title typed above the header row (as a report saved from a spreadsheet often has), padded with commas.
  title: () => file('otsikko.csv', ['HAMK: suoritukset tammikuu 2024,,,,,,', ',,,,,,', HEADER, 'H1,2024-01-10,C1,Kurssi,7,5,L1', ''].join('\n')),
  // Monthly totals with November × field 7 given twice, and credits that are no number.
  totals: () => file('kuukaudet.csv', ['month,field_code,credits,completions', '2023-11,7,10,2', '2023-11,7,5,1', '2023-12,7,abc,1', ''].join('\n')),
};

/** hamk's published export (31.12.2023) with one completion more: 5 op in December 2023, field 7. */
const goodFile = () => file('hamk.csv', `${readFileSync('data/snapshots/2023-12-31/hamk.csv', 'utf8')}NEW-1,2023-12-15,C1,Kurssi,7,5,L999\n`);

/** A workbook whose credits cell is a formula (written here; never shipped). */
async function formulaWorkbook(): Promise<string> {
  const day = (iso: string) => ({ value: new Date(`${iso}T00:00:00Z`), format: 'd.m.yyyy' });
  const data = [HEADER.split(','), ['H1', day('2024-01-10'), 'C1', 'Kurssi', 7, { type: 'Formula', value: '=2+3' }, 'L1'], ['H2', day('2024-01-11'), 'C1', 'Kurssi', 7, 5, 'L2']];
  const bytes = await writeExcelFile([{ sheet: 'Suoritukset', data }] as Parameters<typeof writeExcelFile>[0]).toBuffer();
  return file('tyokirja.xlsx', new Uint8Array(bytes));
}

/** The checker page of each language. */
const PAGES = { fi: '/fi/tarkista/', sv: '/sv/kontrollera/', en: '/en/check/' } as const;

/** Returns the problems `npm run validate --lang` prints for a file, each named by the file's name alone. */
function validateProblems(path: string, lang: keyof typeof PAGES = 'en'): string[] {
  const r = spawnSync(process.execPath, ['scripts/validate.ts', '--lang', lang, '--partner', 'hamk', '--date', '31.1.2024', path], { encoding: 'utf8', env: { ...process.env, DASHBOARD_DATA_DIR: 'data' } });
  expect(r.status, r.stderr).toBe(1);
  return r.stderr.split('\n\n')[0].split('\n').map((l) => l.replace(`${dir}/`, ''));
}

let base = '';
let server: Server;
let context: BrowserContext;
beforeAll(async () => {
  ({ url: base, server } = await serveStatic(DIST));
  context = await launch({ width: 1280, height: 900 });
});
afterAll(async () => {
  await context?.close();
  server?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Opens the checker, says partner and date, picks the files and waits for the results. */
async function check(paths: string[], path = '/en/check/', date = '31.1.2024'): Promise<Page> {
  const page = await context.newPage();
  await page.goto(base + path, { waitUntil: 'load' });
  await page.selectOption('#check-partner', 'hamk');
  await page.fill('#check-date', date);
  await page.setInputFiles('#check-files', paths);
  await page.waitForSelector('#check-results h3');
  return page;
}
const shownProblems = (page: Page) => page.locator('.check-problems li code').allInnerTexts();

describe('the checker page says what npm run validate says, word for word', () => {
  for (const [name, make] of Object.entries(FILES)) {
    it(`${name}: the same problems, in Finnish, Swedish and English`, async () => {
      const path = make();
      for (const [lang, at] of Object.entries(PAGES) as [keyof typeof PAGES, string][]) {
        const page = await check([path], at);
        const cli = validateProblems(path, lang);
        expect(cli.length).toBeGreaterThan(0);
        expect((await shownProblems(page)).sort(), lang).toEqual([...cli].sort());
        await page.close();
      }
    });
  }

  it('each language words the problems itself (month given twice, a quote never closed, a formula)', async () => {
    const [totals, quote, book] = [FILES.totals(), FILES.quote(), await formulaWorkbook()];
    const want = {
      fi: [
        'kuukaudet.csv:3: month: kuukausi 2023-11, ala 7 toiseen kertaan (ensin rivillä 2): yhdistä rivit',
        'lainaus.csv:2: lainausmerkki " aloittaa arvon, joka ei pääty: lisää arvon loppuun " tai poista ylimääräinen " (tarkistus jatkuu seuraavalta riviltä)',
        'tyokirja.xlsx: Suoritukset!2: solussa F2 on kaava: tallenna arvot sen tilalle (kopioi ja liitä arvoina), jotta tiedostossa on se, mitä se näyttää',
      ],
      sv: [
        'kuukaudet.csv:3: month: månad 2023-11, område 7 en gång till (först på rad 2): slå ihop raderna',
        'lainaus.csv:2: ett " börjar ett värde som aldrig slutar: sätt ett " efter värdet eller ta bort det extra " (kontrollen fortsätter från nästa rad)',
        'tyokirja.xlsx: Suoritukset!2: cellen F2 har en formel: spara värdena i stället (kopiera och klistra in som värden), så att filen har det den visar',
      ],
      en: [
        'kuukaudet.csv:3: month: month 2023-11, field 7 given twice (first on line 2): join the rows',
        'lainaus.csv:2: unterminated quoted field: a " opens a value that never closes; add a " at its end, or delete the stray " (the check goes on from the next line)',
        'tyokirja.xlsx: Suoritukset!2: cell F2 holds a formula: save the values instead (copy, then paste as values), so the export says what the file shows',
      ],
    };
    for (const [lang, at] of Object.entries(PAGES) as [keyof typeof PAGES, string][]) {
      const page = await check([totals, quote, book], at);
      const shown = await shownProblems(page);
      for (const line of want[lang]) expect(shown, lang).toContain(line);
      await page.close();
    }
  });

  it('warnings too are in the page’s language (a file in Windows-1252)', async () => {
    const path = FILES.semicolon();
    const want = {
      fi: 'puolipiste.csv: ei kelvollista UTF-8:aa, joten luettu Windows-1252-merkistönä (kuten Excel tallentaa CSV:n Windowsissa): rivillä 2 lukee "Äidinkieli"; jos sen kirjaimet (ä, ö, å) näkyvät väärin, tallenna tiedosto muodossa CSV UTF-8',
      sv: 'puolipiste.csv: inte giltig UTF-8, så läst som Windows-1252 (som Excel sparar CSV i Windows): på rad 2 står det "Äidinkieli"; om bokstäverna (ä, ö, å) ser fel ut, spara filen som CSV UTF-8',
      en: 'puolipiste.csv: not valid UTF-8, so read as Windows-1252 (as Excel saves CSV on Windows): line 2 reads "Äidinkieli"; if its letters (ä, ö, å) look wrong, save the file as CSV UTF-8',
    };
    for (const [lang, at] of Object.entries(PAGES) as [keyof typeof PAGES, string][]) {
      const page = await check([path], at);
      expect(await page.locator('.check-warnings li code').allInnerTexts(), lang).toEqual([want[lang]]);
      await page.close();
    }
  });

  it('the problems are the ones a person would fix (comma file, month given twice)', async () => {
    const page = await check([FILES.comma(), FILES.totals()]);
    const shown = await shownProblems(page);
    expect(shown).toContain('comma.csv:3: completed_on: not a date (YYYY-MM-DD or d.m.yyyy) or no such day: "2023-02-30"');
    expect(shown).toContain('comma.csv:5: row has 3 values but the header has 7: check the delimiters and quotes');
    expect(shown).toContain('comma.csv:6: completion_id: duplicate completion_id "H1" (first on line 2): delete the second row or give it an id of its own');
    expect(shown).toContain('kuukaudet.csv:3: month: month 2023-11, field 7 given twice (first on line 2): join the rows');
    // One heading per file with its count, then one per rule.
    expect(await page.locator('#check-results h3').allInnerTexts()).toEqual(['comma.csv: 5 problems: fix them and check again', 'kuukaudet.csv: 2 problems: fix them and check again']);
    // A rule of a column after the column's name; a rule of no column (line 5's width) starts its heading.
    expect(await page.locator('#check-results h4').allInnerTexts()).toEqual([
      'Column completed_on: not a date, or no such day (once)',
      'Column credits: must be greater than 0 (once)',
      "Column field_code: not one of the programme's fields (once)",
      'A row with another number of values than the header (once)',
      'Column completion_id: the same completion_id twice (once)',
      'Column month: the same month and field twice (once)',
      'Column credits: not a number with at most two decimals (once)',
    ]);
    await page.close();
  });

  it('a workbook with a formula: the same problem, at its sheet and row', async () => {
    const path = await formulaWorkbook();
    const page = await check([path]);
    const shown = await shownProblems(page);
    expect(shown).toEqual(validateProblems(path));
    const fi = await check([path], PAGES.fi);
    expect(await shownProblems(fi)).toEqual(validateProblems(path, 'fi'));
    await fi.close();
    expect(shown).toEqual(['tyokirja.xlsx: Suoritukset!2: cell F2 holds a formula: save the values instead (copy, then paste as values), so the export says what the file shows']);
    await page.close();
  });

  it('a workbook whose sheet is over 512 KB is read (fflate would inflate it in a Worker the policy forbids)', async () => {
    const day = (i: number) => ({ value: new Date(Date.UTC(2023, 0, 1 + (i % 300))), format: 'd.m.yyyy' });
    const rows = Array.from({ length: 8000 }, (_, i) => [`H${String(i).padStart(6, '0')}`, day(i), 'C1', 'Tekoälyn perusteet', 7, 5, `L${i}`]);
    const bytes = await writeExcelFile([{ sheet: 'Suoritukset', data: [HEADER.split(','), ...rows] }] as Parameters<typeof writeExcelFile>[0]).toBuffer();
    const page = await check([file('iso.xlsx', new Uint8Array(bytes))], '/en/check/', '31.12.2023');
    // Read, and warned of: 40 000 credits over 2023 in place of hamk's own months.
    expect(await page.locator('#check-results h3').innerText()).toBe('iso.xlsx: No problems, but 1 warning: read it before you send the file');
    // 8 000 × 5 = 40 000 credits in place of hamk's published 1 528: 8 937 − 1 528 + 40 000 = 47 409.
    expect(await page.locator('#check-results').innerText()).toContain(`The partner's credits change by +38,472${NB}credits.`);
    expect(await page.locator('#check-results').innerText()).toContain(`The programme with this file: 47,409${NB}credits`);
    await page.close();
  });

  it('groups problems of one rule with a count (in Finnish on the Finnish page)', async () => {
    const rows = Array.from({ length: 8 }, (_, i) => `H${i + 1},2024-01-10,C1,Kurssi,7,0,L1`);
    const page = await check([file('nollat.csv', [HEADER, ...rows].join('\n'))], '/fi/tarkista/');
    expect(await page.locator('#check-results h4').allInnerTexts()).toEqual(['Sarake credits: pitää olla suurempi kuin 0 (8 kertaa)']);
    expect(await shownProblems(page)).toHaveLength(5);
    await expect(page.locator('.check-problems li').last().innerText()).resolves.toBe('ja 3 muuta');
    await page.close();
  });
});

describe('a good file: what it changes against the published figures', () => {
  it('a completion added to May 2023, seven months before December: the page asks the partner to say why, as validate will ask', async () => {
    const page = await check([file('hamk.csv', `${readFileSync('data/snapshots/2023-12-31/hamk.csv', 'utf8')}NEW-1,2023-05-15,C1,Kurssi,7,5,L999\n`)], '/fi/tarkista/', '31.12.2023');
    expect(await page.locator('#check-results').innerText()).toContain(
      'Huom.: tiedosto muuttaa kuukausia, jotka ovat vähintään 6 kuukautta ennen aineistopäivän kuukautta (toukokuu 2023). Niiden luvut on jo julkaistu, joten kerro koordinaattorille, miksi ne muuttuvat.',
    );
    await page.close();
    // One in December (goodFile) is no such change.
    const december = await check([goodFile()], '/fi/tarkista/', '31.12.2023');
    expect(await december.locator('#check-results').innerText()).not.toContain('Huom.:');
    await december.close();
  });
  it('a header and no rows is refused, as the build refuses it: it would have published hamk’s 1 528 op as 0', async () => {
    const page = await check([file('hamk.csv', `${HEADER}\n`)], '/fi/tarkista/', '31.1.2024');
    expect(await page.locator('#check-results h3').innerText()).toBe('hamk.csv: 1 ongelma: korjaa se ja tarkista uudelleen');
    expect(await page.locator('#check-results').innerText()).toContain(
      'ei suorituksia: tiedostossa on otsikkorivi, mutta sen alla ei ole mitään; lähetä koko aineisto (korkeakoulu, jolla ei vielä ole raportoitavaa, ei lähetä tiedostoa)',
    );
    await page.close();
  });

  it('hamk’s published export and one completion more: +5 op in December 2023, field 7', async () => {
    // The demo publishes 26 op (7 completions) for hamk in December 2023, field 7 (monthly.csv),
    // and 8 937 op in all: with 5 op more, 8 942 op of 8 400 = 106,45… → 106,5 %.
    const page = await check([goodFile()], '/fi/tarkista/', '31.12.2023');
    expect(await page.locator('#check-results h3').innerText()).toBe('hamk.csv: Ei ongelmia');
    expect(await page.locator('#check-results tbody tr').allInnerTexts()).toEqual([`joulukuu 2023\t7 Tietojenkäsittely ja tietoliikenne\t26${NB}op\t31${NB}op\t+5${NB}op\t7 → 8`]);
    const text = await page.locator('#check-results').innerText();
    expect(text).toContain('Muuttuvat kuukaudet: joulukuu 2023.');
    expect(text).toContain(`Ohjelman kokonaismäärä tämän tiedoston mukaan: 8${NB}942${NB}op, 106,5${NB}% tavoitteesta 8${NB}400${NB}op`);
    // Where a good file goes, under its own name: nothing to rename.
    expect(await page.locator('.check-place-as').innerText()).toBe('Sen paikka aineistokansiossa on snapshots/2023-12-31/hamk.csv');
    await page.close();
  });

  it('credits to the hundredth, as the partner’s own sums have them: 2,55 op more is +2,55 op, not +2,6', async () => {
    const exact = file('hamk.csv', `${readFileSync('data/snapshots/2023-12-31/hamk.csv', 'utf8')}NEW-1,2023-12-15,C1,Kurssi,7,"2,55",L999\n`);
    const page = await check([exact], '/fi/tarkista/', '31.12.2023');
    expect(await page.locator('#check-results tbody tr').allInnerTexts()).toEqual([`joulukuu 2023\t7 Tietojenkäsittely ja tietoliikenne\t26${NB}op\t28,55${NB}op\t+2,55${NB}op\t7 → 8`]);
    const text = await page.locator('#check-results').innerText();
    expect(text).toContain(`Korkeakoulun opintopisteet muuttuvat: +2,55${NB}op.`);
    // 8 937 + 2,55 = 8 939,55 op of 8 400 = 106,42… → 106,4 %
    expect(text).toContain(`Ohjelman kokonaismäärä tämän tiedoston mukaan: 8${NB}939,55${NB}op, 106,4${NB}% tavoitteesta 8${NB}400${NB}op`);
    await page.close();
  });

  it('another partner’s export sent as hamk’s is warned of, though every rule passes and its total grew (Laurea’s as HAMK’s)', async () => {
    const page = await check([file('hamk.csv', readFileSync('data/snapshots/2023-12-31/laurea.csv', 'utf8'))], '/en/check/', '31.12.2023');
    expect(await page.locator('#check-results h3').innerText()).toBe('hamk.csv: No problems, but 1 warning: read it before you send the file');
    expect(await page.locator('.check-warnings li').allInnerTexts()).toEqual([
      expect.stringMatching(/^hamk\.csv: \d+ of the 24 months in monthly\.csv \(2023-12-31\) change in it: is this hamk's own, whole export\? Rule: half or more of the previous export's months changed at once$/),
    ]);
    await page.close();
  });

  it('a browser’s duplicate-download name (hamk (1).csv) is told the name the build reads', async () => {
    const page = await check([file('hamk (1).csv', readFileSync('data/snapshots/2023-12-31/hamk.csv', 'utf8'))], '/en/check/', '31.12.2023');
    expect(await page.locator('.check-place-as').innerText()).toBe('In the data folder its place is snapshots/2023-12-31/hamk.csv (save it under this name: files are read by their place and name only)');
    await page.close();
  });

  it('fills in partner and date from a name like 2023-12-31/hamk.csv', async () => {
    const page = await context.newPage();
    await page.goto(`${base}/en/check/`, { waitUntil: 'networkidle' });
    // A file dropped within its folder keeps the folder in its relative path.
    await page.evaluate(() => {
      const dt = new DataTransfer();
      const f = new File(['completion_id,completed_on,course_code,course_name,field_code,credits,learner_id\nH1,2023-12-01,C1,K,7,5,L1\n'], 'hamk.csv');
      Object.defineProperty(f, 'webkitRelativePath', { value: '2023-12-31/hamk.csv' });
      dt.items.add(f);
      document.getElementById('check-drop')!.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    });
    await page.waitForSelector('#check-results h3');
    expect(await page.inputValue('#check-partner')).toBe('hamk');
    // ISO, which the date field reads in every language.
    expect(await page.inputValue('#check-date')).toBe('2023-12-31');
    // One completion of 5 op in place of hamk's published 1 528 op: good, and warned of twice (its
    // total fell; all but one of its 24 months change).
    expect(await page.locator('#check-results h3').innerText()).toBe('2023-12-31/hamk.csv: No problems, but 2 warnings: read them before you send the file');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('check-results-title');
    await page.close();
  });
});

describe('the next file', () => {
  it('is checked as its own name says, where the page (not the person) filled in the last one’s', async () => {
    const page = await context.newPage();
    await page.goto(`${base}/en/check/`, { waitUntil: 'networkidle' });
    const drop = (name: string) =>
      page.evaluate((n) => {
        const dt = new DataTransfer();
        const f = new File(['completion_id,completed_on,course_code,course_name,field_code,credits,learner_id\nX1,2023-12-01,C1,K,7,5,L1\n'], n.split('/').pop()!);
        Object.defineProperty(f, 'webkitRelativePath', { value: n });
        dt.items.add(f);
        document.getElementById('check-drop')!.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
      }, name);
    await drop('2023-12-31/hamk.csv');
    await page.waitForSelector('#check-results h3');
    await drop('2023-12-31/laurea.csv');
    await page.waitForFunction(() => document.querySelector('#check-results h3')?.textContent?.startsWith('2023-12-31/laurea.csv'));
    expect(await page.inputValue('#check-partner')).toBe('laurea');
    expect(await page.locator('#check-results').innerText()).toContain('Laurea University of Applied Sciences, as of 31 December 2023');
    // A partner the person chose stays chosen.
    await page.selectOption('#check-partner', 'xamk');
    await drop('2023-12-31/hamk.csv');
    await page.waitForFunction(() => document.querySelector('#check-results h3')?.textContent?.startsWith('2023-12-31/hamk.csv'));
    expect(await page.inputValue('#check-partner')).toBe('xamk');
    // Checked as the choice says, and told that its name says otherwise.
    expect(await page.locator('#check-results .check-file p.check-warn').allInnerTexts()).toEqual([
      "The file's name says it is HAMK's export, but it was checked as Xamk's, as chosen above. Make sure the file and the choice are right.",
    ]);
    await page.close();
  });

  it('results go when the university or the date is changed after them, and the page says why', async () => {
    const page = await check([goodFile()], '/fi/tarkista/', '31.12.2023');
    expect(await page.locator('#check-results h3').innerText()).toBe('hamk.csv: Ei ongelmia');
    await page.selectOption('#check-partner', 'laurea');
    expect(await page.locator('#check-results').innerText()).toBe('Korkeakoulu tai aineistopäivä muuttui, joten aiemmat tulokset poistettiin. Tarkista uudelleen painikkeella Tarkista.');
    // Checked again, as the new choice says: hamk.csv as Laurea's, and told so.
    await page.click('#checker button[type=submit]');
    await page.waitForSelector('#check-results h3');
    expect(await page.locator('#check-results').innerText()).toContain('Tiedoston nimen mukaan korkeakoulu on HAMK, mutta tiedosto tarkistettiin yllä valitun korkeakoulun (Laurea) aineistona.');
    await page.fill('#check-date', '30.11.2023');
    expect(await page.locator('#check-results h3').count()).toBe(0);
    await page.close();
  });
});

describe('nothing leaves the browser', () => {
  it('no request is made while files (CSV and workbook) are checked', async () => {
    const page = await context.newPage();
    await page.goto(`${base}/en/check/`, { waitUntil: 'networkidle' });
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.selectOption('#check-partner', 'hamk');
    await page.fill('#check-date', '31.1.2024');
    await page.setInputFiles('#check-files', [FILES.comma(), await formulaWorkbook()]);
    await page.waitForSelector('#check-results h3 >> nth=1');
    expect(requests).toEqual([]);
    await page.close();
  });

  it('works without a network once loaded: a CSV and a workbook checked offline', async () => {
    const page = await context.newPage();
    await page.goto(`${base}/fi/tarkista/`, { waitUntil: 'networkidle' });
    await context.setOffline(true);
    try {
      await page.selectOption('#check-partner', 'hamk');
      await page.fill('#check-date', '31.12.2023');
      await page.setInputFiles('#check-files', [goodFile(), await formulaWorkbook()]);
      await page.waitForSelector('#check-results h3 >> nth=1');
      expect(await page.locator('#check-results h3').allInnerTexts()).toEqual(['hamk.csv: Ei ongelmia', 'tyokirja.xlsx: 1 ongelma: korjaa se ja tarkista uudelleen']);
    } finally {
      await context.setOffline(false);
      await page.close();
    }
  });

  it("the page's policy has connect-src 'none', and a fetch is refused", async () => {
    for (const path of ['/fi/tarkista/', '/sv/kontrollera/', '/en/check/']) {
      const page = await context.newPage();
      await page.goto(base + path, { waitUntil: 'networkidle' });
      const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
      expect(csp, path).toMatch(/(^|; )connect-src 'none'(;|$)/);
      const fetched = await page.evaluate(() => fetch('/data/summary.json').then(() => 'sent', () => 'refused'));
      expect(fetched, path).toBe('refused');
      await page.close();
    }
  });

  it('no other page carries the checker’s policy or script', () => {
    const html = (p: string) => readFileSync(join(DIST, p, 'index.html'), 'utf8');
    for (const p of ['fi', 'fi/avoin-data', 'en/report', 'sv/metod']) {
      expect(html(p), p).not.toContain('http-equiv="Content-Security-Policy"');
      expect(html(p), p).not.toContain('CheckPage');
    }
  });
});

describe('accessible with results on screen', () => {
  for (const path of ['/fi/tarkista/', '/sv/kontrollera/', '/en/check/']) {
    it(`${path}: axe finds no WCAG 2.1 A/AA violation`, async () => {
      const page = await check([FILES.comma(), goodFile()], path);
      const results = await runAxe(page);
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      await page.close();
    });
  }
});
