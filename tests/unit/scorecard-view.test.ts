import { describe, expect, it } from 'vitest';
import { BENCHMARK, CHALLENGER, DEFAULTS } from '../../src/lib/projection/candidates.ts';
import { MIN_BACKTESTS } from '../../src/lib/projection/interval.ts';
import { SWITCH_RATIO } from '../../src/lib/projection/select.ts';
import type { MethodId, ScorecardRow } from '../../src/lib/projection/types.ts';
import { publishedErrorPercent } from '../../src/lib/projection/backtest.ts';
import { recordLean } from '../../src/lib/projection/scorecard.ts';
import { projectionSentence } from '../../src/lib/view/chart-texts.ts';
import { leanSentence, methodBrief, methodList, scorecardView, selectionRule } from '../../src/lib/view/scorecard-view.ts';

const row = (method: MethodId, backtests: number, mae: number | null, bias: number | null, coverage: number | null, chosen = false, defaults = 0): ScorecardRow => ({
  method,
  chosen,
  backtests,
  mean_abs_error_percent: mae,
  bias_percent: bias,
  interval_coverage_percent: coverage,
  interval_default_backtests: defaults,
});

/**
 * Local trend replaced the default (the combination): 9.4 % against 30.0 %. The others missed by
 * 20.0 %, 12.5 %, 9.4 % and 25.0 %, i.e. 10.6, 3.1, 0 and 15.6 points more; Holt–Winters could not
 * be re-run.
 */
const REPLACED = {
  method: 'local-trend' as const,
  scorecard: [
    row('seasonal-naive', 8, 20, -15, 75),
    row('seasonal-share', 8, 12.5, -12.5, 87.5),
    row('yoy-scaled', 8, 9.4, 3.1, 62.5),
    row('damped-share', 8, 25, 0, 87.5),
    row('local-trend', 8, 9.4, 3.1, 62.5, true),
    row('holt-winters', 0, null, null, null),
    row('combination', 8, 30, 30, 50),
  ],
};

/** The combination kept though seasonal naive missed less on its backtests (10.8 % against 13.7 %). */
const BELOW = {
  method: 'combination' as const,
  scorecard: [row('seasonal-naive', 6, 10.8, -10.8, 100), row('seasonal-share', 6, 12, -12, 100), row('local-trend', 6, 16, 16, 83.3), row('combination', 6, 13.7, 13.7, 100, true)],
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
    expect(v.table.columns.map((c) => c.label)).toEqual(['Method', 'Tests', 'Mean absolute error', 'Bias', 'In the interval (nominal 80%)']);
    expect(v.table.columns.map((c) => c.numeric)).toEqual([false, true, true, false, true]);
    expect(v.table.rows).toEqual([
      ['Same month a year earlier', '8', '20.0%', '15.0% too low', '75.0%'],
      ['Seasonal share', '8', '12.5%', '12.5% too low', '87.5%'],
      ['Same month × recent growth', '8', '9.4%', '3.1% too high', '62.5%'],
      ['Seasonal share × damped growth', '8', '25.0%', 'none', '87.5%'],
      ['Local trend (chosen)', '8', '9.4%', '3.1% too high', '62.5%'],
      ['Holt–Winters smoothing', '0', '–', '–', '–'],
      ['Mean of three methods', '8', '30.0%', '30.0% too high', '50.0%'],
    ]);
  });

  it('the same table in Finnish uses Finnish names and 20,0 % style numbers', () => {
    const v = scorecardView(REPLACED, 'fi');
    expect(v.table.rows[0]).toEqual(['Sama kuukausi vuotta aiemmin', '8', '20,0\u00a0%', '15,0\u00a0% liian pieni', '75,0\u00a0%']);
    expect(v.table.rows[4][0]).toBe('Paikallinen trendi (valittu)');
    expect(v.table.rows[6][0]).toBe('Kolmen menetelmän keskiarvo');
  });

  it('says which method replaced the default, by how much it beat each other method, and what was not compared', () => {
    const v = scorecardView(REPLACED, 'en');
    expect(v.chosen).toBe(
      'The projection uses “local trend”: its backtests missed by clearly less than those of “mean of three methods”, the method used by default, and less than those of “same month a year earlier” (see the rule above).',
    );
    expect(v.versus).toBe(
      "Over the same 8 backtests its mean absolute error was 9.4%; the other methods': “same month a year earlier” 20.0% (10.6 percentage points more); “seasonal share” 12.5% (3.1 percentage points more); “same month × recent growth” 9.4% (the same); “seasonal share × damped growth” 25.0% (15.6 percentage points more); “mean of three methods” 30.0% (20.6 percentage points more).",
    );
    expect(v.belowBenchmark).toBeNull();
    expect(v.notCompared).toBe('Not compared yet (the history is too short to test them on): “Holt–Winters smoothing”.');
    expect(v.lean).toBe('The method has over-projected by 3.1% on average.');
    expect(v.coverage).toBe(
      'Claimed: the actual result falls inside the 80% interval in eight cases out of ten. Measured on the 8 backtests of the comparison above, each against the interval the method would have published at the time: 62.5%. With 8 backtests, one result more or less moves that figure by 12.5 percentage points.',
    );
  });

  it('a coverage measured against the default interval says so, and that today\'s interval is untried', () => {
    // The demo's case: all 6 backtests came before five earlier ones were complete, so each was judged against 1/1.25–1.25.
    const demo = { method: 'combination' as const, scorecard: [row('seasonal-naive', 6, 10.8, -10.8, 100), row('combination', 6, 2.6, -2.6, 100, true, 6)] };
    expect(scorecardView(demo, 'en').coverage).toBe(
      'Claimed: the actual result falls inside the 80% interval in eight cases out of ten. Measured on the 6 backtests of the comparison above, each against the interval the method would have published at the time: 100.0%. With 6 backtests, one result more or less moves that figure by 16.7 percentage points. ' +
        'Of these, 6 of the 6 were judged against the default interval (0.8 to 1.25 times the projection), as fewer than five earlier backtests were complete at their origin. ' +
        'The interval published now is computed from the backtests completed since then; it has not yet been tried on months its computation did not use, so that share says nothing of how far it can be trusted.',
    );
    expect(scorecardView(demo, 'fi').coverage).toContain('Näistä 6 testistä 6 arvioitiin oletusvälin perusteella (0,8–1,25-kertainen ennuste)');
    // When today's interval is the default one too, nothing is said of a narrower one.
    expect(scorecardView({ ...demo, notes: ['default-interval'] }, 'en').coverage).toMatch(/complete at their origin\.$/);
    // None judged so: no such sentence.
    expect(scorecardView(REPLACED, 'en').coverage).not.toContain('default interval');
  });

  it('says when seasonal share projected exactly what seasonal naive did, so the combination counted last year twice', () => {
    const bt = (method: MethodId, predicted: number) => ({ method, origin: '2023-06', horizonMonths: 6, predicted, actual: 100 });
    const candidate = (method: MethodId, predicted: number[]) => ({ method, chosen: false, central: 0, low: 0, high: 0, backtest: predicted.map((x) => bt(method, x)) });
    const twins = { ...BELOW, candidates: [candidate('seasonal-naive', [90, 95]), candidate('seasonal-share', [90, 95])] };
    expect(scorecardView(twins, 'en').twins).toBe(
      'In these backtests “seasonal share” gave the same projection as “same month a year earlier” every time: with under two years of history it takes the months\' shares from one year only, last year. So “mean of three methods” gave last year\'s months double weight in them.',
    );
    expect(scorecardView({ ...BELOW, candidates: [candidate('seasonal-naive', [90, 95]), candidate('seasonal-share', [90, 96])] }, 'en').twins).toBeNull();
    expect(scorecardView(BELOW, 'en').twins).toBeNull();
  });

  it('a kept default says so, and a tie with an earlier, simpler method gets no tie note', () => {
    const v = scorecardView(KEPT, 'fi');
    expect(v.chosen).toBe(
      'Ennuste käyttää menetelmää ”kausiosuus”, joka on oletusmenetelmä: historiaa on vielä liian vähän menetelmän ”paikallinen trendi” testaamiseen, ja vain se voisi korvata oletusmenetelmän.',
    );
    // A tie with the benchmark is no loss to it: nothing to explain.
    expect(v.belowBenchmark).toBeNull();
    expect(v.versus).toBe('Samoissa 8 testissä sen keskimääräinen absoluuttinen virhe oli 10,0\u00a0%; muiden menetelmien: ”sama kuukausi vuotta aiemmin” 10,0\u00a0% (sama).');
    expect(v.lean).toBe('Menetelmä on keskimäärin aliarvioinut 4,0\u00a0%.');
    expect(v.notCompared).toBeNull();
  });

  it('a kept default that seasonal naive beat says so and why, in all three languages', () => {
    const en = scorecardView(BELOW, 'en');
    expect(en.chosen).toBe(
      "The projection uses “mean of three methods”, the method used by default: the score of “local trend” did not meet the conditions for a switch (under four fifths of the default's score and lower than that of “same month a year earlier”).",
    );
    expect(en.belowBenchmark).toBe(
      "On this programme's backtests “same month a year earlier” missed less (10.8% against 13.7%). The rule fixed in advance keeps “mean of three methods” nevertheless: a few overlapping backtests do not tell a better method from a lucky one, and on simulated programmes whose outcome was known, keeping it missed less overall than switching to whichever method scored best.",
    );
    expect(scorecardView(BELOW, 'fi').chosen).toBe(
      'Ennuste käyttää menetelmää ”kolmen menetelmän keskiarvo”, joka on oletusmenetelmä: menetelmän ”paikallinen trendi” pistemäärä ei täyttänyt vaihdon ehtoja (alle neljä viidesosaa oletusmenetelmän pistemäärästä ja pienempi kuin menetelmän ”sama kuukausi vuotta aiemmin” pistemäärä).',
    );
    expect(scorecardView(BELOW, 'fi').belowBenchmark).toMatch(/^Tämän ohjelman testeissä menetelmä ”sama kuukausi vuotta aiemmin” osui lähemmäs \(10,8\u00a0%, valitun menetelmän 13,7\u00a0%\)\. Ennalta kiinnitetty sääntö säilyttää silti menetelmän ”kolmen menetelmän keskiarvo”:/);
    expect(scorecardView(BELOW, 'sv').belowBenchmark).toMatch(/^I det här programmets test missade ”samma månad ett år tidigare” mindre \(10,8\u00a0% mot 13,7\u00a0%\)\. Regeln som bestämts i förväg behåller ändå ”medelvärdet av tre metoder”:/);
  });

  it('a tie won by the simpler method says the simpler one is used', () => {
    const v = scorecardView(TIED, 'sv');
    expect(v.versus).toBe(
      'I samma 6 test var dess genomsnittliga absoluta fel 10,8\u00a0%; de andra metodernas: ”säsongsandel” 10,8\u00a0% (lika); ”säsongsandel × dämpad tillväxt” 22,0\u00a0% (11,2 procentenheter mer). Vid lika resultat används den enklare metoden.',
    );
    expect(v.lean).toBe('Metoden har i genomsnitt underskattat med 10,8\u00a0%.');
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
    expect(leanSentence('en', -12)).toBe('The method has under-projected by 12.0% on average.');
    expect(leanSentence('sv', -12)).toBe('Metoden har i genomsnitt underskattat med 12,0\u00a0%.');
    expect(leanSentence('fi', -12)).toBe('Menetelmä on keskimäärin aliarvioinut 12,0\u00a0%.');
  });
  it('a positive bias as over-projecting, and none as neither', () => {
    expect(leanSentence('fi', 5.5)).toBe('Menetelmä on keskimäärin yliarvioinut 5,5\u00a0%.');
    expect(leanSentence('en', 0)).toBe('On average the method has projected neither too low nor too high.');
  });
});

describe('methodBrief(projection, lang) for the report', () => {
  it('names the method, its error and its lean', () => {
    expect(methodBrief(REPLACED, 'en')).toBe(
      "The projection uses “local trend”. A rule fixed in advance chose it over the default, as it re-projected the programme's own past clearly better in the backtests (mean absolute error: 9.4%). The method has over-projected by 3.1% on average. The 80% interval comes from the same method's own backtests.",
    );
  });
  it('a kept default is not said to have been chosen for its record', () => {
    expect(methodBrief(BELOW, 'en')).toMatch(
      /^The projection uses “mean of three methods”, the default method under a rule fixed in advance \(mean absolute error in the backtests: 13\.7%\)\. Another method would replace it only if the backtests on the programme's own past showed that one clearly better\./,
    );
  });
  it('says why a method that seasonal naive beat is used, before its lean', () => {
    expect(methodBrief(BELOW, 'en')).toContain(
      "clearly better. On this programme's backtests “same month a year earlier” missed less (10.8% against 13.7%).",
    );
    expect(methodBrief(BELOW, 'en')).toContain('The method has over-projected by 13.7% on average. The 80% interval');
  });
  it('without backtests says the methods could not be tested yet', () => {
    expect(methodBrief(FALLBACK, 'en')).toBe('The projection uses “average of recent months”; the history is still too short to test the methods on it, so the interval has a default width.');
  });
});

describe('the rule as written', () => {
  it('names the defaults and the figures the selection code uses', () => {
    // The text says "under four fifths", "at least five" and names these defaults, the challenger and
    // the benchmark: the code must agree.
    expect(SWITCH_RATIO).toBe(0.8);
    expect(MIN_BACKTESTS).toBe(5);
    expect(DEFAULTS.map((d) => [d.id, d.minMonths])).toEqual([
      ['combination', 18],
      ['seasonal-share', 12],
    ]);
    expect([CHALLENGER.id, BENCHMARK.id]).toEqual(['local-trend', 'seasonal-naive']);
    const rule = selectionRule('en');
    expect(rule).toContain(
      'By default “mean of three methods” is used (“seasonal share” with under 18 months of history). Only “local trend” may replace it, and only when its score is under four fifths of the default\'s and also lower than that of “same month a year earlier”, the simplest benchmark',
    );
    expect(selectionRule('fi')).toContain('Sen voi korvata vain menetelmä ”paikallinen trendi”, ja vain jos sen pistemäärä on alle neljä viidesosaa');
    expect(rule).toContain('at least five earlier months');
  });
  it('lists the six seasonal candidates and the combination by name', () => {
    expect(methodList('en').map((m) => m.name)).toEqual([
      'Same month a year earlier',
      'Seasonal share',
      'Same month × recent growth',
      'Seasonal share × damped growth',
      'Local trend',
      'Holt–Winters smoothing',
      'Mean of three methods',
    ]);
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

describe('recordLean(scorecard) and the sentence beside the projection', () => {
  const figures = { horizon: '2024-07-31', central: 12_043, low: 10_596, high: 13_688 };

  it('leans when the chosen method erred at least 5 % on average, at least three quarters of it one way', () => {
    // 13.7 % bias of a 13.7 % mean absolute error: every backtest overshot; rounded, 14.
    expect(recordLean(BELOW.scorecard)).toBe(14);
    // −4.0 % is under 5 %: no lean worth a sentence.
    expect(recordLean(KEPT.scorecard)).toBeNull();
    // 6 % bias of a 10 % error is under three quarters: misses both ways, no one-way lean.
    expect(recordLean([row('combination', 6, 10, 6, 100, true)])).toBeNull();
    expect(recordLean([row('combination', 6, 10, -7.5, 100, true)])).toBe(-8);
    // Under five backtests say too little.
    expect(recordLean([row('combination', 4, 20, 20, 100, true)])).toBeNull();
  });

  it('adds the record to the headline sentence in plain words, in all three languages', () => {
    expect(projectionSentence({ ...figures, lean: 14 }, 'en')).toBe(
      'Projection to 31 July 2024: about 12,040\u00a0credits, likely 10,600\u2060–\u206013,690\u00a0credits (the 80% interval, shaded in the chart): when the method was re-run on the programme\'s own past months, eight in ten of its projections landed within a range this wide. Earlier projections of this kind, made from the programme\'s past months, ran about 14% high on average.',
    );
    expect(projectionSentence({ ...figures, lean: 14 }, 'fi')).toBe(
      'Ennuste 31.7.2024 mennessä: noin 12\u00a0040\u00a0op, todennäköisesti 10\u00a0600\u2060–\u206013\u00a0690\u00a0op (80\u00a0%:n ennusteväli, kaaviossa varjostettu alue): kun menetelmää sovellettiin ohjelman aiempiin kuukausiin, kahdeksan ennustetta kymmenestä osui näin leveän välin sisään. Samalla menetelmällä ohjelman aiemmista kuukausista tehdyt ennusteet olivat keskimäärin noin 14\u00a0% liian suuria.',
    );
    expect(projectionSentence({ ...figures, lean: -8 }, 'sv')).toMatch(/ Prognoser som gjorts med samma metod från programmets tidigare månader blev i genomsnitt omkring 8\u00a0% för låga\.$/);
    // Under five backtests the band is the set default: no "eight in ten" is claimed for it.
    expect(projectionSentence({ ...figures, lean: null, untested: true }, 'en')).toBe(
      "Projection to 31 July 2024: about 12,040\u00a0credits, roughly 10,600\u2060–\u206013,690\u00a0credits. The programme's history is still too short to test how far such projections miss: the range is a set width, not a measured 80% interval.",
    );
    expect(projectionSentence({ ...figures, lean: null, untested: true }, 'fi')).toBe(
      'Ennuste 31.7.2024 mennessä: noin 12\u00a0040\u00a0op, karkeasti 10\u00a0600\u2060–\u206013\u00a0690\u00a0op. Ohjelman historia on vielä liian lyhyt sen testaamiseen, kuinka paljon tällaiset ennusteet poikkeavat toteutuneesta: väli on kiinteän levyinen eikä mitattu 80\u00a0%:n väli.',
    );
    expect(projectionSentence({ ...figures, lean: null, untested: true }, 'sv')).not.toContain('åtta prognoser av tio');
    expect(projectionSentence({ ...figures, lean: null }, 'en')).toBe(
      'Projection to 31 July 2024: about 12,040\u00a0credits, likely 10,600\u2060–\u206013,690\u00a0credits (the 80% interval, shaded in the chart): when the method was re-run on the programme\'s own past months, eight in ten of its projections landed within a range this wide.',
    );
  });
});
