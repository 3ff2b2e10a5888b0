import { describe, expect, it } from 'vitest';
import type { Aggregates } from '../../src/lib/aggregate/aggregate.ts';
import { cumulativeSeries } from '../../src/lib/charts/series.ts';
import { parseProgramme } from '../../src/lib/contract/programme.ts';
import { feedEntries } from '../../src/lib/publish/atom-feed.ts';
import { chartSummary } from '../../src/lib/view/chart-texts.ts';
import { cumulativeView } from '../../src/lib/view/chart-view.ts';
import { headlineView } from '../../src/lib/view/headline.ts';
import { tinyProgramme } from '../helpers/memory-source.ts';

const NB = '\u00a0';

/**
 * A target of 100 passed in March 2024 (40 + 30 + 50 = 120 by the as-of date, 20 March); by
 * default monthly totals stand in March, so the day is not known and only the month is given.
 */
function aggregates(over: Partial<Aggregates> = {}): Aggregates {
  return {
    programme: 'tiny',
    asOf: '2024-03-20',
    demo: false,
    targetCredits: 100,
    totalCredits: 120,
    percentOfTarget: 120,
    completions: 24,
    targetReachedOn: null,
    targetReachedMonth: '2024-03',
    totalsPartners: ['alpha'],
    learners: null,
    partners: [],
    fields: [],
    cumulative: [
      { month: '2024-01', credits: 40, cumulativeCredits: 40 },
      { month: '2024-02', credits: 30, cumulativeCredits: 70 },
      { month: '2024-03', credits: 50, cumulativeCredits: 120 },
    ],
    monthly: [],
    snapshots: [{ date: '2024-03-20', reportedCredits: 120 }],
    ...over,
  };
}
const byDay = { targetReachedOn: '2024-03-10', totalsPartners: [] };
const chartData = (a: Aggregates) => ({ programme: { partners: [], fields: [] }, aggregates: a, projection: null, laterActual: [] });
const programme = parseProgramme(tinyProgramme, 'programme.json');
const paths = { self: '/fi/feed.xml', dashboard: '/fi/' };
const targetEntry = (a: Aggregates, lang: 'fi' | 'sv' | 'en') => feedEntries({ programme, aggregates: a, history: [] }, lang, paths).find((e) => e.key === 'target');

describe('the headline says when the target was reached as precisely as the data tell', () => {
  it('only the month where totals stand in it: "in <month>" under a label that reads with it', () => {
    const reached = (lang: 'fi' | 'sv' | 'en') => headlineView({ aggregates: aggregates(), history: [] }, lang).reached;
    expect(reached('fi')).toEqual({ label: 'Tavoite saavutettiin', text: 'maaliskuussa 2024', iso: '2024-03', note: null });
    expect(reached('sv')).toEqual({ label: 'Målet uppnåddes', text: 'i mars 2024', iso: '2024-03', note: null });
    expect(reached('en')).toEqual({ label: 'Target reached', text: 'in March 2024', iso: '2024-03', note: null });
  });

  it('the day from completions, as before', () => {
    const reached = (lang: 'fi' | 'sv' | 'en') => headlineView({ aggregates: aggregates(byDay), history: [] }, lang).reached;
    expect(reached('fi')).toEqual({ label: 'Tavoite saavutettiin', text: '10.3.2024', iso: '2024-03-10', note: null });
    expect(reached('sv')).toEqual({ label: 'Målet uppnåddes', text: '10.3.2024', iso: '2024-03-10', note: null });
    expect(reached('en')).toEqual({ label: 'Target reached on', text: '10 March 2024', iso: '2024-03-10', note: null });
  });

  it('nothing before the target is reached', () => {
    expect(headlineView({ aggregates: aggregates({ targetReachedMonth: null, totalCredits: 90 }), history: [] }, 'fi').reached).toBeNull();
  });
});

describe('the cumulative chart labels the crossing and sums it up in the same words', () => {
  it('with the month only: the label on the target line and the summary sentence, fi/sv/en', () => {
    const view = (lang: 'fi' | 'sv' | 'en') => cumulativeView(chartData(aggregates()), lang);
    expect(cumulativeSeries(view('fi')).labels.crossed).toBe('Tavoite ylittyi maaliskuussa 2024');
    expect(cumulativeSeries(view('sv')).labels.crossed).toBe('Målet passerades i mars 2024');
    expect(cumulativeSeries(view('en')).labels.crossed).toBe('Target passed in March 2024');
    expect(cumulativeSeries(view('en')).crossing).toEqual({ index: 2, date: '2024-03' });
    expect(chartSummary(view('fi'))).toBe(`Kertyneet opintopisteet ylittivät 100${NB}op:n tavoitteen maaliskuussa 2024, ja 20.3.2024 mennessä niitä oli 120${NB}op.`);
    expect(chartSummary(view('sv'))).toBe(`De ackumulerade studiepoängen passerade målet på 100${NB}sp i mars 2024 och uppgick den 20.3.2024 till sammanlagt 120${NB}sp.`);
    expect(chartSummary(view('en'))).toBe(`Cumulative credits passed the target of 100${NB}credits in March 2024; 120${NB}credits by 20 March 2024.`);
  });

  it('with the day: "den 10.3.2024", "on 10 March 2024"', () => {
    const view = (lang: 'fi' | 'sv' | 'en') => cumulativeView(chartData(aggregates(byDay)), lang);
    expect(cumulativeSeries(view('en')).labels.crossed).toBe('Target passed 10 March 2024');
    expect(cumulativeSeries(view('en')).crossing).toEqual({ index: 2, date: '2024-03-10' });
    expect(chartSummary(view('sv'))).toBe(`De ackumulerade studiepoängen passerade målet på 100${NB}sp den 10.3.2024 och uppgick den 20.3.2024 till sammanlagt 120${NB}sp.`);
    expect(chartSummary(view('en'))).toBe(`Cumulative credits passed the target of 100${NB}credits on 10 March 2024; 120${NB}credits by 20 March 2024.`);
  });
});

describe('the feed entry of the target reached', () => {
  it('with the month only: said so, dated by the as-of date when that is earlier than the end of the month', () => {
    expect(targetEntry(aggregates(), 'fi')).toMatchObject({
      title: `Tavoite 100${NB}op saavutettiin maaliskuussa 2024`,
      date: '2024-03-20',
      paragraphs: [`Opintopisteiden kertymä saavutti tavoitteen (100${NB}op) maaliskuussa 2024 (tiedot 20.3.2024). Päivää ei tiedetä: sen kuukauden luvuissa on kuukausisummia.`],
    });
    expect(targetEntry(aggregates(), 'sv')?.title).toBe(`Målet 100${NB}sp nåddes i mars 2024`);
    expect(targetEntry(aggregates(), 'en')).toMatchObject({
      title: `The target of 100${NB}credits was reached in March 2024`,
      paragraphs: [`The running total of credits reached the target of 100${NB}credits in March 2024 (data as of 20 March 2024). The day is not known: that month's figures include monthly totals.`],
    });
  });

  it('dated by the last day of the month when the data reach past it', () => {
    expect(targetEntry(aggregates({ asOf: '2024-04-30' }), 'en')?.date).toBe('2024-03-31');
  });

  it('with the day: dated by it, in the day’s own words', () => {
    expect(targetEntry(aggregates(byDay), 'en')).toMatchObject({ title: `The target of 100${NB}credits was reached on 10 March 2024`, date: '2024-03-10' });
  });
});
