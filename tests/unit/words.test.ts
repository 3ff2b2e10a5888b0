// The words a reader meets, in fi/sv/en: each sentence here was once misread or ungrammatical.
import { describe, expect, it } from 'vitest';
import { cumulativeSeries } from '../../src/lib/charts/series.ts';
import { formatter } from '../../src/lib/format.ts';
import { STRINGS, t, tCount } from '../../src/lib/i18n/index.ts';
import { chartSummary, termEndShare } from '../../src/lib/view/chart-texts.ts';
import { chartView, cumulativeView, type ChartData } from '../../src/lib/view/chart-view.ts';
import { reachedLaterNote } from '../../src/lib/view/headline.ts';

const NB = '\u00a0';
const WJ = '\u2060';

/**
 * 40 + 90 + 30 = 160 credits by 31 May 2023 against a target of 100, reached on 10 April; the
 * projection ends on 31 July 2023 at 212.4 (198.6–236.5), which rounds to 210 (200–240).
 */
const DATA: ChartData = {
  programme: { partners: [], fields: [], period: { end: '2023-07-31' } },
  aggregates: {
    asOf: '2023-05-31',
    targetCredits: 100,
    totalCredits: 160,
    completions: 32,
    targetReachedOn: '2023-04-10',
    targetReachedMonth: '2023-04',
    partners: [],
    fields: [],
    cumulative: [
      { month: '2023-03', credits: 40, cumulativeCredits: 40 },
      { month: '2023-04', credits: 90, cumulativeCredits: 130 },
      { month: '2023-05', credits: 30, cumulativeCredits: 160 },
    ],
    monthly: [],
  },
  projection: {
    origin: '2023-05-31',
    horizon: '2023-07-31',
    startCumulative: 160,
    months: [
      { month: '2023-06', central: 190, low: 180, high: 205 },
      { month: '2023-07', central: 212.4, low: 198.6, high: 236.5 },
    ],
    central: 212.4,
    low: 198.6,
    high: 236.5,
  },
  laterActual: [],
};

describe('the words on the page', () => {
  it('the busiest month takes the inessive: "kertyi huhtikuussa 2023", "i april 2023", "in April 2023"', () => {
    // Five months of data: nothing is said of terms (see termEndShare).
    expect(chartSummary(chartView('monthly', DATA, 'fi'))).toBe(`Eniten opintopisteitä kertyi huhtikuussa 2023: 90${NB}op.`);
    expect(chartSummary(chartView('monthly', DATA, 'sv'))).toBe(`Flest studiepoäng avlades i april 2023: 90${NB}sp.`);
    expect(chartSummary(chartView('monthly', DATA, 'en'))).toBe(`Most credits were completed in April 2023: 90${NB}credits.`);
  });

  it('counts the history the projection used in the singular too: "1 kuukausi", "1 månad", "1 month"', () => {
    expect(['fi', 'sv', 'en'].map((lang) => tCount(lang as 'fi', 'method.projection.months', 1, { count: '1' }))).toEqual(['1 kuukausi', '1 månad', '1 month']);
    expect(t('fi', 'method.projection.current', { origin: '31.1.2024', horizon: '31.7.2024', method: '”x”', months: tCount('fi', 'method.projection.months', 24, { count: '24' }) })).toMatch(/Käytetty historia: 24 kuukautta\.$/);
  });

  it('says completions cluster at term ends only where a year of months shows it', () => {
    const year = (credits: (m: number) => number) => Array.from({ length: 12 }, (_, i) => ({ month: `2023-${String(i + 1).padStart(2, '0')}`, credits: credits(i + 1) }));
    // Even months: the four term-end months hold their third, 33,3 %: no cluster.
    expect(termEndShare(year(() => 10))).toBeNull();
    // 20 op in Jan, May, Jun and Dec, 10 in the other eight: 80 of 160 = 50 %.
    expect(termEndShare(year((m) => ([1, 5, 6, 12].includes(m) ? 20 : 10)))).toBe(50);
    // 15 and 10: 60 of 140 = 42,9 %, above 40 %.
    expect(termEndShare(year((m) => ([1, 5, 6, 12].includes(m) ? 15 : 10)))).toBeCloseTo(42.857, 3);
    // 14 and 10: 56 of 136 = 41,2 %; 13 and 10: 52 of 132 = 39,4 %, under.
    expect(termEndShare(year((m) => ([1, 5, 6, 12].includes(m) ? 13 : 10)))).toBeNull();
    // Eleven months are not a year.
    expect(termEndShare(year((m) => ([1, 5, 6, 12].includes(m) ? 20 : 10)).slice(1))).toBeNull();
    const fi = chartSummary({ id: 'monthly', lang: 'fi', rows: year((m) => ([1, 5, 6, 12].includes(m) ? 20 : 10)).map((r) => ({ ...r, completions: 1 })), total: 160, completions: 12, late: null });
    expect(fi).toBe(`Eniten opintopisteitä kertyi tammikuussa 2023: 20${NB}op. Suoritukset painottuvat lukukausien loppuun: touko-, kesä-, joulu- ja tammikuussa kertyi 50,0${NB}% opintopisteistä.`);
  });

  it('says the newest month is still short when the projection expects late registrations for it, rounded as the projection is', () => {
    const rows = [
      { month: '2023-11', credits: 100, completions: 10 },
      { month: '2023-12', credits: 40, completions: 4 },
    ];
    const monthly = (late: { month: string; credits: number } | null, lang: 'fi' | 'en' = 'fi') => chartSummary({ id: 'monthly', lang, rows, total: 140, completions: 14, late });
    expect(monthly({ month: '2023-12', credits: 56.4 })).toBe(
      `Eniten opintopisteitä kertyi marraskuussa 2023: 100${NB}op. Viimeisimmän kuukauden (joulukuu 2023) luku on vielä vajaa: suorituksia kirjataan viiveellä, ja aiempien raportointikierrosten perusteella siihen tulee arviolta 60${NB}op lisää.`,
    );
    expect(monthly({ month: '2023-12', credits: 56.4 }, 'en')).toContain(`The figure for the latest month (December 2023) is still incomplete: completions are registered with a delay, and, going by earlier reporting rounds, about 60${NB}credits more are expected for it.`);
    // Under five credits rounds to none: nothing worth saying.
    expect(monthly({ month: '2023-12', credits: 4.9 })).not.toContain('vajaa');
    expect(monthly(null)).not.toContain('vajaa');
  });

  it('the chart label at the projection’s end and the sentence round alike (210, not 212,4)', () => {
    expect(cumulativeSeries(cumulativeView(DATA, 'fi')).labels.projectionEnd).toBe(`Ennuste noin 210${NB}op`);
    expect(chartSummary(cumulativeView(DATA, 'fi'))).toContain(`noin 210${NB}op,`);
    expect(cumulativeSeries(cumulativeView(DATA, 'en')).labels.projectionEnd).toBe(`Projection about 210${NB}credits`);
  });

  it('says what the 80 % band means and why the projection ends where it does, in each language', () => {
    expect(chartSummary(cumulativeView(DATA, 'fi'))).toBe(
      `Kertyneet opintopisteet ylittivät 100${NB}op:n tavoitteen 10.4.2023, ja 31.5.2023 mennessä niitä oli 160${NB}op. ` +
        `Ennuste ohjelmakauden loppuun 31.7.2023: noin 210${NB}op, todennäköisesti 200${WJ}–${WJ}240${NB}op (80${NB}%:n ennusteväli, kaaviossa varjostettu alue): ` +
        `kun menetelmää sovellettiin ohjelman aiempiin kuukausiin, kahdeksan ennustetta kymmenestä osui näin leveän välin sisään.`,
    );
    expect(chartSummary(cumulativeView(DATA, 'sv'))).toBe(
      `De ackumulerade studiepoängen passerade målet på 100${NB}sp den 10.4.2023 och uppgick den 31.5.2023 till sammanlagt 160${NB}sp. ` +
        `Prognos till programperiodens slut 31.7.2023: cirka 210${NB}sp, troligen 200${WJ}–${WJ}240${NB}sp (80${NB}%-intervallet, det skuggade området i diagrammet): ` +
        `när metoden prövades på programmets tidigare månader hamnade åtta prognoser av tio inom ett så här brett intervall.`,
    );
    // A horizon that is not the period's end is given as a date only.
    const other = { ...DATA, programme: { ...DATA.programme, period: { end: '2024-07-31' } } };
    expect(chartSummary(cumulativeView(other, 'en'))).toContain(`Projection to 31 July 2023: about 210${NB}credits, likely 200${WJ}–${WJ}240${NB}credits (the 80% interval`);
  });

  it('a credits range never breaks: word joiners round the dash, no-break spaces in the numbers and before the unit', () => {
    expect(formatter('fi').creditsRange(11560, 12610)).toBe(`11${NB}560${WJ}–${WJ}12${NB}610${NB}op`);
    expect(formatter('en').creditsRange(11560, 12610)).toBe(`11,560${WJ}–${WJ}12,610${NB}credits`);
  });

  it('explains a target date that a later report seems to contradict, naming that report', () => {
    const history = [
      { date: '2023-03-31', reportedCredits: 40, since: null, creditChange: null, added: null, withdrawn: null, corrected: null },
      { date: '2023-04-28', reportedCredits: 95.5, since: '2023-03-31', creditChange: 55.5, added: 10, withdrawn: 0, corrected: 0 },
      { date: '2023-05-31', reportedCredits: 160, since: '2023-04-28', creditChange: 64.5, added: 12, withdrawn: 0, corrected: 0 },
    ];
    expect(reachedLaterNote(history, 100, '2023-04-10', 'fi')).toBe(
      'Siihen mennessä päivätyt suoritukset yltävät yhteensä tavoitteeseen. Tämä selvisi vasta myöhemmistä aineistoista, koska korkeakoulut toimittavat aineistonsa eri aikoina ja suoritukset kirjataan viiveellä: ' +
        `28.4.2023 raportoitu kokonaismäärä oli vasta 95,5${NB}op.`,
    );
    expect(reachedLaterNote(history, 100, '2023-04-10', 'en')).toContain(`the total reported on 28 April 2023 was only 95.5${NB}credits.`);
    // No report after the date fell short: nothing to explain.
    expect(reachedLaterNote(history, 100, '2023-04-29', 'fi')).toBeNull();
  });

  it('the strings files keep each language’s own usage', () => {
    const all = (lang: 'fi' | 'sv' | 'en') => Object.values(STRINGS[lang]).join('\n');
    // English writes 106.4% and 80%, as its formatter does.
    expect(all('en')).not.toMatch(/\d %/);
    expect(all('en')).not.toMatch(/Of the target reached|the \{target\} target/);
    // "datadag" is not Swedish; "Av målet uppnått" has no subject.
    expect(all('sv')).not.toMatch(/datadag|Av målet uppnått/i);
    // "+1 686,5 op 28.12.2023 jälkeen" read as credits earned in three days.
    expect(all('fi')).not.toMatch(/\{date\} jälkeen/);
    // The method page describes the method, not the history of its development.
    for (const lang of ['fi', 'sv', 'en'] as const) expect(all(lang)).not.toMatch(/tähän asti käytetty|som hittills använts|used until now/);
  });
});
