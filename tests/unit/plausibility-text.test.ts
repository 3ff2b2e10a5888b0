// The plausibility warnings in the reader's language: numbers as each language writes them,
// months, ids and paths as the files do (validate --lang says them so; the build prints English).
import { describe, expect, it } from 'vitest';
import { fileWarnings, plausibilityText, plausibilityWarnings, type PlausibilityExport } from '../../src/lib/changes/plausibility.ts';
import type { Lang } from '../../src/lib/contract/programme.ts';
import { t, type StringKey } from '../../src/lib/i18n/index.ts';

/** A warning as validate --lang says it. */
const text = (w: Parameters<typeof plausibilityText>[0], lang: Lang) => plausibilityText(w, (key, params) => t(lang, key as StringKey, params), lang);
/** Credits in hundredths, as the readers keep them. */
const toCenti = (credits: number) => Math.round(credits * 100);

const cell = (completedOn: string, credits: number) => ({ completedOn, credits: toCenti(credits) });
/** beta: 31.3. three March completions of 5 (15); 30.4. one of them withdrawn, 2,5 added in April (12,5): −2,5 in all, March −5. */
const exports: PlausibilityExport[] = [
  { path: 'd/2023-03-31/beta.csv', date: '2023-03-31', partnerId: 'beta', credits: toCenti(15), cells: [cell('2023-03-01', 5), cell('2023-03-02', 5), cell('2023-03-03', 5)] },
  { path: 'd/2023-04-30/beta.csv', date: '2023-04-30', partnerId: 'beta', credits: toCenti(12.5), cells: [cell('2023-03-01', 5), cell('2023-03-02', 5), cell('2023-04-10', 2.5)] },
];

describe('plausibilityText', () => {
  const [fell] = plausibilityWarnings(exports);
  it('a total that fell, in Finnish, Swedish and English', () => {
    expect(text(fell, 'fi')).toBe('d/2023-04-30/beta.csv: korkeakoulun beta kokonaismäärä laski 15\u00a0op → 12,5\u00a0op (−2,5\u00a0op) verrattuna tiedostoon d/2023-03-31/beta.csv; kuukaudet, joiden opintopisteet vähenivät: 2023-03 (−5)');
    expect(text(fell, 'sv')).toBe('d/2023-04-30/beta.csv: totalen för beta sjönk från 15\u00a0sp till 12,5\u00a0sp (−2,5\u00a0sp) jämfört med d/2023-03-31/beta.csv; månader där studiepoängen minskade: 2023-03 (−5)');
    expect(text(fell, 'en')).toBe("d/2023-04-30/beta.csv: beta's total fell from 15 to 12.5\u00a0credits (-2.5) since d/2023-03-31/beta.csv; months that fell: 2023-03 (-5)");
  });
});

describe('an export that lost half or more of the previous one’s completions', () => {
  // gamma: 31.3. four completions (20 op); 30.4. another partner's file: all four gone, six others (30 op), so the total grew.
  const four = [cell('2023-03-01', 5), cell('2023-03-02', 5), cell('2023-03-03', 5), cell('2023-03-04', 5)];
  const six = Array.from({ length: 6 }, (_, i) => cell(`2023-04-0${i + 1}`, 5));
  const replaced: PlausibilityExport[] = [
    { path: 'd/2023-03-31/gamma.csv', date: '2023-03-31', partnerId: 'gamma', credits: toCenti(20), cells: four, count: 4 },
    { path: 'd/2023-04-30/gamma.csv', date: '2023-04-30', partnerId: 'gamma', credits: toCenti(30), cells: six, count: 6, withdrawn: 4 },
  ];
  it('is named, though its total grew; in Finnish, Swedish and English', () => {
    const warnings = plausibilityWarnings(replaced);
    expect(warnings.map((w) => w.key)).toEqual(['warning.plausibility.replaced']);
    expect(text(warnings[0], 'fi')).toBe('d/2023-04-30/gamma.csv: edellisen aineiston (d/2023-03-31/gamma.csv) 4 suorituksesta 4 puuttuu tästä aineistosta: onko tämä korkeakoulun gamma oma ja täydellinen aineisto? Sääntö: vähintään puolet edellisen aineiston suorituksista poistuu kerralla');
    expect(text(warnings[0], 'sv')).toBe('d/2023-04-30/gamma.csv: 4 av de 4 prestationerna i d/2023-03-31/gamma.csv saknas i den här filen: är det här verkligen en fullständig leverans från gamma? Regel: en leverans där minst hälften av prestationerna i föregående leverans saknas');
    expect(text(warnings[0], 'en')).toBe("d/2023-04-30/gamma.csv: 4 of the 4 completions in d/2023-03-31/gamma.csv are missing from it: is this gamma's own, whole export? Rule: half or more of the previous export's completions withdrawn at once");
  });
  it('is not named when under half are withdrawn (1 of 3, as beta above), nor for a partner’s first export', () => {
    expect(plausibilityWarnings([{ ...replaced[1], withdrawn: 1 }, { ...replaced[0], count: 3 }]).map((w) => w.key)).toEqual([]);
    expect(plausibilityWarnings([replaced[1]])).toEqual([]);
  });
});

describe('a partner missing from a reporting round', () => {
  const sent = (partnerId: string, date: string): PlausibilityExport => ({ path: `d/${date}/${partnerId}.csv`, date, partnerId, credits: 0, cells: [] });
  it('is named with the month the round reports: a round of 28.9.–2.10. reports September', () => {
    const warnings = plausibilityWarnings([sent('alpha', '2023-06-30'), sent('beta', '2023-06-30'), sent('alpha', '2023-09-28'), sent('alpha', '2023-10-02')]);
    expect(warnings.map((w) => text(w, 'en'))).toEqual([
      "d/2023-10-02/: 2023-09: reporting round 2023-09-28–2023-10-02 has no export from beta (d/2023-06-30/beta.csv), despite earlier exports (latest in brackets); rule: exports that report the same month, or are dated at most 7 days apart, are one round, and a partner that reported before should be in every round",
    ]);
  });
  it('names every partner missing from a round in one warning, each with its latest export, in each language', () => {
    // alpha, beta and gamma on 30.6.; gamma alone on 30.9.: the round is still coming in.
    const june = ['alpha', 'beta', 'gamma'].map((p) => sent(p, '2023-06-30'));
    const [w, ...more] = plausibilityWarnings([...june, sent('gamma', '2023-09-30')]);
    expect(more).toEqual([]);
    expect(text(w, 'fi')).toBe(
      'd/2023-09-30/: 2023-09: raportointikierrokselta 2023-09-30 puuttuu aineisto: alpha (d/2023-06-30/alpha.csv) ja beta (d/2023-06-30/beta.csv), vaikka aineistoja on toimitettu aiemmin (suluissa viimeisin); sääntö: samaa kuukautta koskevat aineistot sekä aineistot, joiden aineistopäivät ovat enintään 7 päivän päässä toisistaan, kuuluvat samaan kierrokseen, ja aiemmin raportoineelta korkeakoululta pitäisi olla aineisto jokaisella kierroksella',
    );
    expect(text(w, 'sv')).toMatch(/^d\/2023-09-30\/: 2023-09: i rapporteringsomgången 2023-09-30 saknas leverans från alpha \(d\/2023-06-30\/alpha\.csv\) och beta \(d\/2023-06-30\/beta\.csv\), trots tidigare/);
    expect(text(w, 'en')).toMatch(/^d\/2023-09-30\/: 2023-09: reporting round 2023-09-30 has no export from alpha \(d\/2023-06-30\/alpha\.csv\) and beta \(d\/2023-06-30\/beta\.csv\), despite earlier/);
  });
  it('is not named when it sent its export in the round’s month, more than 7 days after the others', () => {
    expect(plausibilityWarnings([sent('alpha', '2023-06-30'), sent('beta', '2023-06-30'), sent('alpha', '2023-09-20'), sent('beta', '2023-09-30')])).toEqual([]);
  });
});

describe('an export whose months mostly change (no ids to compare: the checker page, monthly totals)', () => {
  const months = (credits: (m: number) => number, n = 12) => Array.from({ length: n }, (_, i) => cell(`2023-${String(i + 1).padStart(2, '0')}-15`, credits(i)));
  const of = (path: string, cells: ReturnType<typeof months>): PlausibilityExport => ({ path, date: '2023-12-31', partnerId: 'hamk', credits: toCenti(cells.reduce((s, c) => s + c.credits / 100, 0)), cells });
  const published = of('monthly.csv (2023-12-31)', months((m) => 10 + m));
  it('is warned of when half or more of the published months change, though the total grew: another partner’s file', () => {
    // 7 of 12 months other (each 5 op more), the rest as published.
    const [w, ...more] = fileWarnings(published, of('laurea.csv', months((m) => 10 + m + (m < 7 ? 5 : 0))));
    expect(more).toEqual([]);
    expect(text(w, 'fi')).toBe('laurea.csv: edellisen aineiston (monthly.csv (2023-12-31)) 12 kuukaudesta 7 muuttuu tässä aineistossa: onko tämä korkeakoulun hamk oma ja täydellinen aineisto? Sääntö: vähintään puolet edellisen aineiston kuukausista muuttuu kerralla');
    expect(text(w, 'en')).toBe("laurea.csv: 7 of the 12 months in monthly.csv (2023-12-31) change in it: is this hamk's own, whole export? Rule: half or more of the previous export's months changed at once");
  });
  it('in the build, only for exports without ids (monthly totals): completions are compared by id', () => {
    const totals = { ...of('d/2023-12-31/hamk.csv', months((m) => 10 + m + (m < 7 ? 5 : 0))), date: '2024-01-31' };
    expect(plausibilityWarnings([published, totals]).map((w) => w.key)).toEqual(['warning.plausibility.reshaped']);
    // With ids, none withdrawn: months may change (back-dated completions) without a warning.
    expect(plausibilityWarnings([{ ...published, count: 12 }, { ...totals, count: 12, withdrawn: 0 }])).toEqual([]);
  });
  it('is not when late registrations touch the last months, nor when too few months were published to tell', () => {
    expect(fileWarnings(published, of('hamk.csv', months((m) => 10 + m + (m >= 9 ? 3 : 0))))).toEqual([]);
    const five = of('monthly.csv (2023-12-31)', months((m) => 10 + m, 5));
    expect(fileWarnings(five, of('hamk.csv', months((m) => 20 + m, 5)))).toEqual([]);
  });
});
