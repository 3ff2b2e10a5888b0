// Late registrations: the origin month is short when a round reports it, by as much as the
// earlier rounds' own months grew afterwards.
import { describe, expect, it } from 'vitest';
import { build, loadData } from '../../src/lib/pipeline.ts';
import { endsMonth, roundMonthEnd } from '../../src/lib/changes/rounds.ts';
import { lateRegistrations, raises, withLateRegistrations } from '../../src/lib/projection/late.ts';
import { project } from '../../src/lib/projection/project.ts';
import { monthRange } from '../../src/lib/dates.ts';
import { lateView } from '../../src/lib/view/late-view.ts';
import { HEADER, memorySource, tinyProgramme } from '../helpers/memory-source.ts';

const history = (credits: number[], first = '2023-01') => {
  const months = monthRange(first, '2099-12').slice(0, credits.length);
  return credits.map((c, i) => ({ month: months[i], credits: c }));
};

describe('lateRegistrations(history, earlier)', () => {
  it('raises the last month by the ratio of the earlier rounds’ own months, now over then, summed, its range their least and most growth', () => {
    // June: 200 then, 300 now (× 1.5); September: 100 then, 180 now (× 1.8) → 480 / 300 = 1.6;
    // December's 80 → 128, between 80 × 1.5 = 120 and 80 × 1.8 = 144.
    const rounds = [
      { month: '2023-06', then: 200, now: 300 },
      { month: '2023-09', then: 100, now: 180 },
    ];
    expect(lateRegistrations(history([50, 80], '2023-11'), rounds)).toEqual({ month: '2023-12', reported: 80, expected: 128, low: 120, high: 144, factor: 1.6, rounds });
  });

  it('weighs a round by what it reported: 10 → 40 and 90 → 90 give 130 / 100, not the mean of 4 and 1', () => {
    const late = lateRegistrations(history([20]), [
      { month: '2022-06', then: 10, now: 40 },
      { month: '2022-12', then: 90, now: 90 },
    ]);
    expect(late?.factor).toBe(1.3);
    expect(late?.expected).toBe(26);
  });

  it('is null without earlier rounds or without credits reported then for their months, or without history', () => {
    expect(lateRegistrations(history([20]), [])).toBeNull();
    expect(lateRegistrations(history([20]), [{ month: '2022-12', then: 0, now: 30 }])).toBeNull();
    expect(lateRegistrations([], [{ month: '2022-12', then: 10, now: 20 }])).toBeNull();
  });

  it('counts a round that had reported nothing for its month in the sums, not in the range', () => {
    // Sums: (30 + 30) / (0 + 20) = 3 → 60; range: 20 → 30 alone is × 1.5 → 30, up to the factor's 60.
    const late = lateRegistrations(history([20]), [{ month: '2022-06', then: 0, now: 30 }, { month: '2022-12', then: 20, now: 30 }]);
    expect([late?.factor, late?.expected, late?.low, late?.high]).toEqual([3, 60, 30, 60]);
  });

  it('raises nothing when the rounds’ months did not grow, nor below what was reported: withdrawals are not late credits', () => {
    const flat = lateRegistrations(history([20]), [{ month: '2022-12', then: 30, now: 30 }]);
    expect([flat?.factor, flat?.expected, raises(flat)]).toEqual([1, 20, false]);
    // 30 → 29 (a withdrawal) beside 10 → 15: 44 / 40 = 1.1 → 22, the range 20 (not 19.3) to 30.
    const mixed = lateRegistrations(history([20]), [{ month: '2022-06', then: 30, now: 29 }, { month: '2022-12', then: 10, now: 15 }]);
    expect([mixed?.factor, mixed?.expected, mixed?.low, mixed?.high, raises(mixed)]).toEqual([1.1, 22, 20, 30, true]);
    // A month with nothing reported has nothing to scale.
    expect(raises(lateRegistrations(history([0]), [{ month: '2022-12', then: 10, now: 20 }]))).toBe(false);
  });

  it('withLateRegistrations replaces the last month only, and copies the history when there is nothing to add', () => {
    const h = history([5, 6, 7]);
    expect(withLateRegistrations(h, { month: '2023-03', reported: 7, expected: 10.5, low: 10.5, high: 10.5, factor: 1.5, rounds: [] })).toEqual(history([5, 6, 10.5]));
    expect(withLateRegistrations(h, null)).toEqual(h);
  });
});

describe('endsMonth(date): a round counts only when it ends in its month’s last week', () => {
  it('takes the last seven days of a month', () => {
    expect(['2023-12-31', '2023-12-25', '2023-02-22', '2024-02-23'].map(endsMonth)).toEqual([true, true, true, true]);
    expect(['2023-12-24', '2023-12-15', '2024-01-02', '2023-02-21'].map(endsMonth)).toEqual([false, false, false, false]);
  });
});

describe('roundMonthEnd(date): the month end a round reports', () => {
  it('is the month before for a date in a month’s first week, else the date itself', () => {
    expect(['2024-01-02', '2024-01-07', '2024-03-01', '2024-01-08', '2023-12-31', '2023-12-15'].map(roundMonthEnd)).toEqual(['2023-12-31', '2023-12-31', '2024-02-29', '2024-01-08', '2023-12-31', '2023-12-15']);
  });
});

describe('project() with late registrations', () => {
  // 24 months of 10 op, December 2023 reported at 5; the one earlier round's month doubled since.
  const monthly = history([...Array(23).fill(10), 5], '2022-01');
  const input = { monthly, origin: '2023-12-31', horizon: '2024-03-31' };

  it('projects from the start as reported plus the late credits, the methods seeing December as 10', () => {
    const earlierRounds = [{ month: '2023-06', then: 5, now: 10 }];
    const p = project({ ...input, earlierRounds });
    expect(p.startCumulative).toBe(235);
    expect(p.late).toEqual({ month: '2023-12', reported: 5, expected: 10, low: 10, high: 10, factor: 2, rounds: earlierRounds, unraised: project(input).central });
    // A flat 10 op a month: 235 + 5 late, then 10 a month.
    expect(p.months.map((m) => m.central)).toEqual([250, 260, 270]);
    // Every backtest of a flat history is exact, and December no longer reads as a decline.
    expect([p.low, p.central, p.high]).toEqual([270, 270, 270]);
  });

  it('compares its backtests with known credits only: the newest re-runs October against November, not December’s estimate', () => {
    const raised = project({ ...input, earlierRounds: [{ month: '2023-06', then: 5, now: 10 }] });
    expect(raised.backtest.map((b) => b.origin).at(-1)).toBe('2023-10');
    expect(raised.backtest.every((b) => b.actual === 10 * b.horizonMonths)).toBe(true);
    // Without the raise, December's 5 is what the newest backtest meets.
    expect(project(input).backtest.map((b) => [b.origin, b.actual]).at(-1)).toEqual(['2023-11', 5]);
  });

  it('puts the late credits’ range at the interval’s ends: rounds that grew × 2 and × 3 give December’s 5 → 12.5, 10 to 15', () => {
    const p = project({ ...input, earlierRounds: [{ month: '2022-12', then: 5, now: 10 }, { month: '2023-06', then: 5, now: 15 }] });
    // The backtests of a flat history are exact, so the band adds nothing; the range is the rounds':
    // 2.5 either side of the central figure's 7.5, which rounds half up (x.5 → x + 1).
    for (const m of p.months) expect([m.central - m.low, m.high - m.central]).toEqual([3, 2]);
    expect([p.late?.expected, p.late?.low, p.late?.high]).toEqual([12.5, 10, 15]);
  });

  it('raises nothing, and keeps every backtest, when December had nothing reported to scale', () => {
    const empty = history([...Array(23).fill(10), 0], '2022-01');
    const p = project({ monthly: empty, origin: '2023-12-31', horizon: '2024-03-31', earlierRounds: [{ month: '2023-06', then: 5, now: 10 }] });
    expect([p.late?.factor, p.late?.expected, p.late?.unraised]).toEqual([2, 0, null]);
    expect(p.backtest.map((b) => b.origin).at(-1)).toBe('2023-11');
  });

  it('without earlier rounds takes December as reported', () => {
    const p = project(input);
    expect(p.late).toBeNull();
    expect(p.startCumulative).toBe(235);
    expect(p.months[0].central).toBeLessThan(250);
  });
});

describe('late registrations in the build', () => {
  // alpha (1 op) and beta (2 op) each complete a course on the 10th and the 25th of every month;
  // the 25th is registered in the next month, so each round (at a month's end) lacks its own
  // month's second half: 3 op of 6.
  const lines = (prefix: string, credits: number, last: number) =>
    monthRange('2023-01', `2023-${String(last).padStart(2, '0')}`).flatMap((month, i) => [
      `${prefix}${i}a,${month}-10,C1,K,1,${credits},L${prefix}`,
      ...(i + 1 < last ? [`${prefix}${i}b,${month}-25,C1,K,1,${credits},L${prefix}`] : []),
    ]);
  const round = (month: number) => {
    const date = `2023-${String(month).padStart(2, '0')}-${month === 6 || month === 9 ? 30 : 31}`;
    return { [`${date}/alpha.csv`]: [HEADER, ...lines('A', 1, month)].join('\n'), [`${date}/beta.csv`]: [HEADER, ...lines('B', 2, month)].join('\n') };
  };
  const programme = { ...tinyProgramme, projectionHorizon: '2024-06-30', period: { ...tinyProgramme.period, end: '2024-06-30' } };
  /** The late registrations the build estimates from `files`. */
  const lateOf = (files: Record<string, string>) => build(loadData(memorySource(programme, files))).data.projection?.late;
  /** A round in which beta sent nothing. */
  const alphaOnly = (month: number) => Object.fromEntries(Object.entries(round(month)).filter(([file]) => !file.endsWith('beta.csv')));
  const { data } = build(loadData(memorySource(programme, { ...round(6), ...round(9), ...round(12) })));

  it('raises December by the earlier rounds’ months: June and September, 3 then and 6 now, give 6', () => {
    expect(data.projection?.startCumulative).toBe(69);
    expect(data.projection?.late).toEqual({
      month: '2023-12',
      reported: 3,
      expected: 6,
      low: 6,
      high: 6,
      factor: 2,
      rounds: [
        { month: '2023-06', then: 3, now: 6 },
        { month: '2023-09', then: 3, now: 6 },
      ],
      unraised: expect.any(Number),
    });
    expect(data.projection!.late!.unraised).toBeLessThan(data.projection!.central);
    // 69 + 3 late + 6 for January.
    expect(data.projection?.months[0].central).toBe(78);
  });

  it('measures a round’s growth on the partners that round had: a partner joining later with its back history is not growth', () => {
    // beta sends nothing until September, then its whole year. June: alpha's 1 then, 2 now (beta's
    // 4 op of June left out); September: 3 then, 6 now → 8 / 4 = 2, not (6 + 6) / 4 = 3.
    expect(lateOf({ ...alphaOnly(6), ...round(9), ...round(12) })).toMatchObject({
      rounds: [
        { month: '2023-06', then: 1, now: 2 },
        { month: '2023-09', then: 3, now: 6 },
      ],
      expected: 6,
    });
  });

  it('counts a round’s growth only on the partners that sent data in it: one that skipped it and came back is not growth', () => {
    // beta reports in March, skips June and September, and is back in December with its whole year.
    // March: 3 → 6; September, alpha's alone: 1 → 2 (beta's 4 op of September were not in that
    // round): 8 / 4 = 2. Counting beta there read September as 1 → 6: 12 / 4 = 3.
    expect(lateOf({ ...round(3), ...alphaOnly(6), ...alphaOnly(9), ...round(12) })).toMatchObject({
      rounds: [
        { month: '2023-03', then: 3, now: 6 },
        { month: '2023-09', then: 1, now: 2 },
      ],
      expected: 6,
    });
  });

  it('leaves out of a round’s growth a partner that has sent nothing since: its month would read as never growing', () => {
    // beta reports in March and June only. March: both partners, 3 → 6. June: alpha alone, 1 → 2
    // (beta's June, 2 op then and the same now, is no measure of growth): 8 / 4 = 2, not 10 / 6.
    expect(lateOf({ ...round(3), ...round(6), ...alphaOnly(9), ...alphaOnly(12) })).toMatchObject({
      rounds: [
        { month: '2023-03', then: 3, now: 6 },
        { month: '2023-06', then: 1, now: 2 },
      ],
      factor: 2,
    });
  });

  it('a round whose last export came in the next month’s first days (2.1.2024) reports the month before: December, raised as usual', () => {
    // beta sends September's export on 2.10 and December's on 2.1.2024, with the same content.
    const moved = (month: number, date: string) => Object.fromEntries(Object.entries(round(month)).map(([file, text]) => [file.endsWith('beta.csv') ? `${date}/beta.csv` : file, text]));
    const { data: straddling } = build(loadData(memorySource(programme, { ...round(6), ...moved(9, '2023-10-02'), ...moved(12, '2024-01-02') })));
    expect(straddling.aggregates.asOf).toBe('2024-01-02');
    expect([straddling.projectionOrigin, straddling.projection?.origin]).toEqual(['2023-12-31', '2023-12-31']);
    // As in the rounds at the month's end: December 3 → 6 by June's and September's growth, 69 + 3 + 6 for January.
    expect(straddling.projection?.late?.rounds).toEqual([
      { month: '2023-06', then: 3, now: 6 },
      { month: '2023-09', then: 3, now: 6 },
    ]);
    expect(straddling.projection?.months[0]).toMatchObject({ month: '2024-01', central: 78 });
    expect(straddling.record.map((r) => [r.origin, r.month])).toEqual([
      ['2023-06-30', '2023-11'],
      ['2023-09-30', '2023-11'],
    ]);
  });

  it('without a round to measure on (earlier ones ended on the 15th) raises nothing, and still compares the record at November', () => {
    const mid = (month: number) => Object.fromEntries(Object.entries(round(month)).map(([file, text]) => [file.replace(/-3[01]\//, '-15/'), text]));
    const { data: early } = build(loadData(memorySource(programme, { ...mid(6), ...mid(9), ...round(12) })));
    expect(early.projection?.late).toBeNull();
    expect(early.record.map((r) => [r.origin, r.month])).toEqual([
      ['2023-06-15', '2023-11'],
      ['2023-09-15', '2023-11'],
    ]);
  });

  it('at the programme’s last round (no projection), still compares the record at November, December being short', () => {
    const { data: last } = build(loadData(memorySource(tinyProgramme, { ...round(6), ...round(9), ...round(12) })));
    expect(last.projection).toBeNull();
    expect(last.record.map((r) => [r.origin, r.month])).toEqual([
      ['2023-06-30', '2023-11'],
      ['2023-09-30', '2023-11'],
    ]);
  });

  it('a projection frozen between rounds (15.12.2023) starts from the last round before it, not from months nobody had reported yet', () => {
    const frozen = { ...programme, projectionOrigin: '2023-12-15' };
    const { data: between } = build(loadData(memorySource(frozen, { ...round(6), ...round(9), ...round(12) })));
    expect(between.projectionOrigin).toBe('2023-09-30');
    // September's round: 8 full months of 6 op and September's 3, raised by June's growth to 6.
    expect(between.projection?.startCumulative).toBe(51);
    expect(between.projection?.late?.expected).toBe(6);
  });

  it('gives each earlier projection only the rounds before it, and compares them at November, as December is still short', () => {
    // June: no earlier round, so June at 3 and the mean of the last six months, 33 / 6 = 5.5 a month:
    // 33 + 5 × 5.5 = 60.5 by November against 66. September: June's month had grown 3 → 6 by then,
    // so 51 + 3 + 2 × 6 = 66.
    expect(data.record.map((r) => [r.origin, r.month, r.start, r.central, r.actual])).toEqual([
      ['2023-06-30', '2023-11', 33, 61, 66],
      ['2023-09-30', '2023-11', 51, 66, 66],
    ]);
  });
});

describe('lateView(projection, lang)', () => {
  it('gives the raise in words and the rounds as a table with their sum', () => {
    const rounds = [
      { month: '2023-06', then: 200, now: 300 },
      { month: '2023-09', then: 100, now: 110 },
    ];
    // 410 / 300: 36.7 % more; December's 75 → 102.5, shown as 103 (28 more, 27.5 rounded half up).
    // Growth × 1.5 and × 1.1: 82.5 to 112.5, that is 7.5 to 37.5 more, shown as 8–38.
    const late = { month: '2023-12', reported: 75, expected: 102.5, low: 82.5, high: 112.5, factor: 410 / 300, rounds, unraised: 1000 };
    const v = lateView({ origin: '2023-12-31', late }, 'en');
    expect(v.text).toBe(
      "As of 31 December 2023, 75\u00a0credits had been reported for the projection's starting month (December 2023). The earlier rounds' own months grew by 36.7% in total afterwards, " +
        'so 103\u00a0credits are expected for the month, 28\u00a0credits more; by the smallest and the largest growth of a single round, 8\u2060–\u206038\u00a0credits more, a spread the interval allows for. ' +
        'The methods project onwards from the raised month: without the uplift the projection would be 1,000\u00a0credits. The backtests compare projections with known figures only, so they leave this month out.',
    );
    expect(v.table?.rows).toEqual([
      ['June 2023', '200', '300', '50.0%'],
      ['September 2023', '100', '110', '10.0%'],
    ]);
    expect(v.table?.foot).toEqual(['Total', '300', '410', '36.7%']);
  });

  it('says why nothing was added: no estimate under the rules, months that did not grow, or nothing reported to scale', () => {
    expect(lateView({ origin: '2023-12-31', late: null }, 'fi')).toEqual({
      text: 'Ennusteen lähtökuukauden lukua ei ole korotettu: yllä kuvatuilla säännöillä aiemmista raportointikierroksista ei saada arviota myöhemmin kirjattavista suorituksista.',
      table: null,
    });
    const flat = { month: '2023-12', reported: 75, expected: 75, low: 75, high: 75, factor: 0.99, rounds: [{ month: '2023-06', then: 100, now: 99 }], unraised: null };
    const noGrowth = lateView({ origin: '2023-12-31', late: flat }, 'fi');
    expect(noGrowth.text).toBe('Ennusteen lähtökuukauden (joulukuu 2023) lukua ei ole korotettu: aiempien kierrosten omat kuukaudet eivät kasvaneet myöhemmin (yhteensä −1,0\u00a0%).');
    expect(noGrowth.table?.rows).toEqual([['kesäkuu 2023', '100', '99', '−1,0\u00a0%']]);
    const empty = { ...flat, reported: 0, expected: 0, low: 0, high: 0, factor: 2, rounds: [{ month: '2023-06', then: 0, now: 5 }, { month: '2023-09', then: 5, now: 5 }] };
    const nothing = lateView({ origin: '2023-12-31', late: empty }, 'en');
    expect(nothing.text).toBe("As of 31 December 2023, no credits had been reported for the projection's starting month (December 2023), so there is nothing to raise.");
    // A round that had reported nothing for its month has no growth to show.
    expect(nothing.table?.rows[0]).toEqual(['June 2023', '0', '5', '–']);
  });
});
