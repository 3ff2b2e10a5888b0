import { describe, expect, it } from 'vitest';
import { DEFAULTS } from '../../src/lib/projection/candidates.ts';
import { MIN_BACKTESTS } from '../../src/lib/projection/interval.ts';
import { SWITCH_MARGIN } from '../../src/lib/projection/select.ts';
import type { MethodId, ScorecardRow } from '../../src/lib/projection/types.ts';
import { publishedErrorPercent } from '../../src/lib/projection/backtest.ts';
import { leanSentence, methodBrief, methodList, scorecardView, selectionRule } from '../../src/lib/view/scorecard-view.ts';

const row = (method: MethodId, backtests: number, mae: number | null, bias: number | null, coverage: number | null, chosen = false): ScorecardRow => ({
  method,
  chosen,
  backtests,
  mean_abs_error_percent: mae,
  bias_percent: bias,
  interval_coverage_percent: coverage,
});

/**
 * Year-on-year scaled replaced the default (local trend): 9.4 % against 30.0 %. The others missed
 * by 20.0 %, 12.5 % and 25.0 %, i.e. 10.6, 3.1, 15.6 and 20.6 points more; Holt–Winters could not
 * be re-run.
 */
const REPLACED = {
  method: 'yoy-scaled' as const,
  scorecard: [
    row('seasonal-naive', 8, 20, -15, 75),
    row('seasonal-share', 8, 12.5, -12.5, 87.5),
    row('yoy-scaled', 8, 9.4, 3.1, 62.5, true),
    row('damped-share', 8, 25, 0, 87.5),
    row('local-trend', 8, 30, 30, 50),
    row('holt-winters', 0, null, null, null),
  ],
};

/** Under 18 months: seasonal share is the default and kept, though seasonal naive tied it. */
const KEPT = {
  method: 'seasonal-share' as const,
  scorecard: [row('seasonal-naive', 8, 10, -10, 87.5), row('seasonal-share', 8, 10, -4, 100, true)],
};

/** Seasonal naive ties seasonal share and wins as the simpler. */
const TIED = {
  method: 'seasonal-naive' as const,
  scorecard: [row('seasonal-naive', 6, 10.8, -10.8, 100, true), row('seasonal-share', 6, 10.8, -10.8, 100), row('damped-share', 6, 22, 22, 50)],
};

const FALLBACK = { method: 'recent-average' as const, scorecard: [row('recent-average', 0, null, null, null, true)] };

describe('scorecardView(projection, lang)', () => {
  it('tabulates every method by name in the scorecard order, marking the chosen one, formatted for English', () => {
    const v = scorecardView(REPLACED, 'en');
    expect(v.table.caption).toBe("How each projection method would have done on the programme's own history");
    expect(v.table.columns.map((c) => c.label)).toEqual(['Method', 'Tests', 'Mean absolute error', 'Lean', 'In the interval (claimed 80 %)']);
    expect(v.table.columns.map((c) => c.numeric)).toEqual([false, true, true, false, true]);
    expect(v.table.rows).toEqual([
      ['Same month a year earlier', '8', '20.0%', '15.0% too low', '75.0%'],
      ['Seasonal share', '8', '12.5%', '12.5% too low', '87.5%'],
      ['Same month × recent growth (chosen)', '8', '9.4%', '3.1% too high', '62.5%'],
      ['Seasonal share × damped growth', '8', '25.0%', 'none', '87.5%'],
      ['Local trend', '8', '30.0%', '30.0% too high', '50.0%'],
      ['Holt–Winters smoothing', '0', '–', '–', '–'],
    ]);
  });

  it('the same table in Finnish uses Finnish names and 20,0 % style numbers', () => {
    const v = scorecardView(REPLACED, 'fi');
    expect(v.table.rows[0]).toEqual(['Sama kuukausi vuotta aiemmin', '8', '20,0\u00a0%', '15,0\u00a0% liian pieni', '75,0\u00a0%']);
    expect(v.table.rows[2][0]).toBe('Sama kuukausi × viime kasvu (valittu)');
  });

  it('says which method replaced the default, by how much it beat each other method, and what was not compared', () => {
    const v = scorecardView(REPLACED, 'en');
    expect(v.chosen).toBe(
      'The projection uses “same month × recent growth”: its backtests missed by clearly less than those of “local trend”, the method used by default (see the rule above).',
    );
    expect(v.versus).toBe(
      "Over the same 8 backtests its mean absolute error was 9.4%; the other methods': “same month a year earlier” 20.0% (10.6 percentage points more); “seasonal share” 12.5% (3.1 percentage points more); “seasonal share × damped growth” 25.0% (15.6 percentage points more); “local trend” 30.0% (20.6 percentage points more).",
    );
    expect(v.notCompared).toBe('Not compared yet, as the history is too short to re-run them: “Holt–Winters smoothing”.');
    expect(v.lean).toBe('It has over-projected by 3.1% on average.');
    expect(v.coverage).toBe(
      'Claimed: the actual result falls inside the 80 % interval in eight cases out of ten. Measured on the 8 backtests of the comparison above, each against the interval the method would have published at the time: 62.5%. With 8 backtests, one result more or less moves that figure by 12.5 percentage points.',
    );
  });

  it('a kept default says so, and a tie with an earlier, simpler method gets no tie note', () => {
    const v = scorecardView(KEPT, 'fi');
    expect(v.chosen).toBe('Ennuste käyttää menetelmää ”kausiosuus”, joka on oletusmenetelmä: minkään muun menetelmän testivirhe ei jäänyt alle kolmasosaan sen virheestä.');
    expect(v.versus).toBe('Samoissa 8 testissä sen keskimääräinen absoluuttinen virhe oli 10,0\u00a0%; muiden menetelmien: ”sama kuukausi vuotta aiemmin” 10,0\u00a0% (sama).');
    expect(v.lean).toBe('Se on keskimäärin aliarvioinut 4,0\u00a0%.');
    expect(v.notCompared).toBeNull();
  });

  it('a tie won by the simpler method says the simpler one is used', () => {
    const v = scorecardView(TIED, 'sv');
    expect(v.versus).toBe(
      'I samma 6 test var dess genomsnittliga absoluta fel 10,8\u00a0%; de andra metodernas: ”säsongsandel” 10,8\u00a0% (lika); ”säsongsandel × dämpad tillväxt” 22,0\u00a0% (11,2 procentenheter mer). Vid lika resultat används den enklare metoden.',
    );
    expect(v.lean).toBe('Den har i genomsnitt underskattat med 10,8\u00a0%.');
  });

  it('the short-history fallback says so, with no comparison, lean or coverage', () => {
    const v = scorecardView(FALLBACK, 'en');
    expect(v.chosen).toBe('With under 12 months of history the seasonal methods cannot be tested yet, so the average of recent months is used.');
    expect([v.versus, v.notCompared, v.lean, v.coverage]).toEqual([null, null, null, null]);
    expect(v.table.rows).toEqual([['Average of recent months (chosen)', '0', '–', '–', '–']]);
  });
});

describe('leanSentence(lang, bias)', () => {
  it('puts a negative bias as under-projecting, in the words a funder reads', () => {
    expect(leanSentence('en', -12)).toBe('It has under-projected by 12.0% on average.');
    expect(leanSentence('sv', -12)).toBe('Den har i genomsnitt underskattat med 12,0\u00a0%.');
    expect(leanSentence('fi', -12)).toBe('Se on keskimäärin aliarvioinut 12,0\u00a0%.');
  });
  it('a positive bias as over-projecting, and none as neither', () => {
    expect(leanSentence('fi', 5.5)).toBe('Se on keskimäärin yliarvioinut 5,5\u00a0%.');
    expect(leanSentence('en', 0)).toBe('On average it has projected neither too low nor too high.');
  });
});

describe('methodBrief(projection, lang) for the report', () => {
  it('names the method, its error and its lean', () => {
    expect(methodBrief(REPLACED, 'en')).toBe(
      "The projection uses “same month × recent growth”, chosen among six seasonal methods by a rule fixed in advance, from how well each would have projected the programme's own past (its mean absolute error: 9.4%). It has over-projected by 3.1% on average. The 80 % interval comes from the same method's own backtests.",
    );
  });
  it('without backtests says the methods could not be tested yet', () => {
    expect(methodBrief(FALLBACK, 'en')).toBe('The projection uses “average of recent months”; the history is still too short to test the methods on it, so the interval has a default width.');
  });
});

describe('the rule as written', () => {
  it('names the defaults and the figures the selection code uses', () => {
    // The text says "under a third", "at least five" and names these two defaults: the code must agree.
    expect(SWITCH_MARGIN).toBe(2 / 3);
    expect(MIN_BACKTESTS).toBe(5);
    expect(DEFAULTS.map((d) => [d.id, d.minMonths])).toEqual([
      ['local-trend', 18],
      ['seasonal-share', 12],
    ]);
    const rule = selectionRule('en');
    expect(rule).toContain('By default “local trend” is used (“seasonal share” with under 18 months of history), unless another method scored under a third of its score');
    expect(rule).toContain('at least five earlier months');
  });
  it('lists the six seasonal candidates by name', () => {
    expect(methodList('en').map((m) => m.name)).toEqual(['Same month a year earlier', 'Seasonal share', 'Same month × recent growth', 'Seasonal share × damped growth', 'Local trend', 'Holt–Winters smoothing']);
  });
});

describe('publishedErrorPercent(backtest)', () => {
  it('is relative to the actual credits, negative when the projection was too low', () => {
    expect(publishedErrorPercent({ predicted: 90, actual: 100 })).toBe(-10);
    expect(publishedErrorPercent({ predicted: 120, actual: 100 })).toBe(20);
    // (1318 − 3291) / 3291 = −59.95…%
    expect(publishedErrorPercent({ predicted: 1318, actual: 3291 })).toBe(-60);
  });
  it('is null when nothing was actually added', () => {
    expect(publishedErrorPercent({ predicted: 50, actual: 0 })).toBeNull();
  });
});
