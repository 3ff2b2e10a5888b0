import { describe, expect, it } from 'vitest';
import { reportingHistory } from '../../src/lib/aggregate/reporting-history.ts';
import { formatProblem } from '../../src/lib/contract/problems.ts';
import { correctionWarnings } from '../../src/lib/ingest/change-warnings.ts';
import { changeCounts, compareCompletions } from '../../src/lib/ingest/compare-exports.ts';
import { headlineView } from '../../src/lib/view/headline.ts';
import { build, loadData } from '../../src/lib/pipeline.ts';
import { snapshotsTable } from '../../src/lib/view/tables.ts';
import { summaryJson } from '../../src/lib/publish/open-data.ts';
import { CHANGING_SNAPSHOTS as SNAPSHOTS } from '../helpers/changing-exports.ts';
import { memorySource, tinyProgramme } from '../helpers/memory-source.ts';

const NB = '\u00a0';

// The figures below are worked out by hand in tests/helpers/changing-exports.ts.
describe('what each export changed against the same partner’s previous one', () => {
  const loaded = loadData(memorySource(tinyProgramme, SNAPSHOTS));
  const change = (date: string, partner: string) => loaded.exports.find((e) => e.date === date && e.partnerId === partner)?.change;

  it('a partner’s first export has no change at all (not zeros)', () => {
    for (const p of ['alpha', 'beta']) expect(loaded.exports.find((e) => e.date === '2023-03-31' && e.partnerId === p)).not.toHaveProperty('change');
  });

  it('counts added (new ids), withdrawn (ids gone) and corrected (credits or date changed)', () => {
    expect(change('2023-06-30', 'alpha')).toEqual({ added: 1, withdrawn: 1, corrected: 2 });
    expect(change('2023-06-30', 'beta')).toEqual({ added: 1, withdrawn: 0, corrected: 0 });
    expect(change('2023-07-15', 'beta')).toEqual({ added: 1, withdrawn: 1, corrected: 1 });
  });

  it('the warnings are as before: one per corrected completion', () => {
    expect(loaded.warnings.filter((w) => w.includes('changed since'))).toEqual([
      'fixture/snapshots/2023-06-30/alpha.csv:2: completion_id "A1" changed since fixture/snapshots/2023-03-31/alpha.csv: credits 5 → 4',
      'fixture/snapshots/2023-06-30/alpha.csv:3: completion_id "A2" changed since fixture/snapshots/2023-03-31/alpha.csv: completed_on 2023-02-10 → 2023-02-11',
      'fixture/snapshots/2023-07-15/beta.csv:3: completion_id "B3" changed since fixture/snapshots/2023-06-30/beta.csv: completed_on 2023-06-01 → 2023-07-02',
    ]);
  });

  it('summed per snapshot date in the reporting history, the credit change exact in hundredths', () => {
    expect(reportingHistory(loaded.aggregates.snapshots, loaded.exports)).toEqual([
      { date: '2023-03-31', reportedCredits: 8.8, since: null, creditChange: null, added: null, withdrawn: null, corrected: null },
      { date: '2023-06-30', reportedCredits: 19.8, since: '2023-03-31', creditChange: 11, added: 2, withdrawn: 1, corrected: 2 },
      { date: '2023-07-15', reportedCredits: 20.6, since: '2023-06-30', creditChange: 0.8, added: 1, withdrawn: 1, corrected: 1 },
    ]);
  });

  it('compareCompletions on two bare indexes: a corrected id counts once even when credits and date both changed', () => {
    const previous = { path: 'a.csv', ids: ['x', 'y', 'z'], lines: [2, 3, 4], credits: [100, 200, 300], days: ['2023-01-01', '2023-01-02', '2023-01-03'] };
    const index = { path: 'b.csv', ids: ['y', 'x', 'w'], lines: [2, 3, 4], credits: [250, 100, 50], days: ['2023-01-09', '2023-01-01', '2023-01-04'] };
    const diff = compareCompletions(previous, index);
    const [change, warnings] = [changeCounts(diff), correctionWarnings(diff, { path: index.path }, previous.path).map(formatProblem)];
    expect(change).toEqual({ added: 1, withdrawn: 1, corrected: 1 });
    expect(warnings).toEqual(['b.csv:2: completion_id "y" changed since a.csv: credits 2 → 2.5, completed_on 2023-01-02 → 2023-01-09']);
  });

  it('an export of monthly totals has no ids to compare: no change, and its date no counts', () => {
    const totals = { ...SNAPSHOTS, '2023-07-15/beta.csv': 'month,field_code,credits,completions\n2023-03,2,0.3,2\n2023-06,2,3,1\n2023-07,1,1,1' };
    const l = loadData(memorySource(tinyProgramme, totals));
    expect(l.exports.find((e) => e.date === '2023-07-15')).not.toHaveProperty('change');
    expect(reportingHistory(l.aggregates.snapshots, l.exports)[2]).toMatchObject({ creditChange: 1, added: null, withdrawn: null, corrected: null });
  });
});

describe('what changed, as the pages and summary.json say it', () => {
  const { data, summary: published } = build(loadData(memorySource(tinyProgramme, SNAPSHOTS)));

  it('the headline gives the change since the previous snapshot date in each language', () => {
    expect(headlineView(data, 'fi').change).toEqual({
      credits: `+0,8${NB}op edellisestä aineistopäivästä (30.6.2023)`,
      // The headline names the previous report first, so the change cannot be read as credits earned since that day.
      creditsAround: { before: 'Ero edellisenä aineistopäivänä (', after: `) raportoituun kokonaismäärään: +0,8${NB}op` },
      since: { text: '30.6.2023', iso: '2023-06-30' },
      counts: `Edellisestä aineistopäivästä (30.6.2023): 1${NB}uusi, 1${NB}korjattu, 1${NB}poistettu`,
    });
    expect(headlineView(data, 'sv').change?.credits).toBe(`+0,8${NB}sp sedan föregående rapporteringsdatum (30.6.2023)`);
    expect(headlineView(data, 'sv').change?.counts).toBe(`Sedan föregående rapporteringsdatum (30.6.2023): 1${NB}ny, 1${NB}korrigerad, 1${NB}borttagen`);
    expect(headlineView(data, 'en').change?.credits).toBe(`+0.8${NB}credits since the previous data date (30 June 2023)`);
    expect(headlineView(data, 'en').change?.counts).toBe(`Since the previous data date (30 June 2023): 1${NB}added, 1${NB}corrected, 1${NB}withdrawn`);
  });

  it('agrees a count with its word: 2 korjattua, 2 korrigerade', () => {
    const june = { ...data, history: data.history.slice(0, 2) };
    expect(headlineView(june, 'fi').change?.counts).toBe('Edellisestä aineistopäivästä (31.3.2023): 2\u00a0uutta, 2\u00a0korjattua, 1\u00a0poistettu');
    expect(headlineView(june, 'sv').change?.counts).toBe('Sedan föregående rapporteringsdatum (31.3.2023): 2\u00a0nya, 2\u00a0korrigerade, 1\u00a0borttagen');
  });

  it('gives the distinct learners under the completions, "<5" as published, none where they cannot be counted', () => {
    const learners = (n: typeof data.aggregates.learners) => headlineView({ ...data, aggregates: { ...data.aggregates, learners: n } }, 'fi').learners;
    expect(learners(1154)).toBe(`1${NB}154`);
    expect(learners('<5')).toBe('<5');
    expect(learners(null)).toBeNull();
  });

  it('has no change line with a single snapshot date', () => {
    expect(headlineView({ ...data, history: data.history.slice(0, 1) }, 'fi').change).toBeNull();
  });

  it('the reporting history table gains the change and the counts, a dash where there is nothing to compare', () => {
    const table = snapshotsTable(data, 'fi');
    expect(table.columns.map((c) => c.label)).toEqual(['Aineistopäivä', 'Raportoitu yhteensä', 'Muutos', 'Uudet suoritukset', 'Korjatut', 'Poistetut']);
    expect(table.rows).toEqual([
      ['31.3.2023', '8,8', '–', '–', '–', '–'],
      ['30.6.2023', '19,8', '+11', '2', '2', '1'],
      ['15.7.2023', '20,6', '+0,8', '1', '1', '1'],
    ]);
  });

  it('summary.json carries the latest change', () => {
    const summary = JSON.parse(summaryJson(published)) as Record<string, unknown>;
    expect(summary.change).toEqual({ since: '2023-06-30', credits: 0.8, added: 1, withdrawn: 1, corrected: 1 });
  });
});
