// The projection waits for a reporting round to come in: while only some partners have sent the
// new round's exports, it is made from the last round every partner reporting on time took part in.
import { describe, expect, it } from 'vitest';
import { build, lastCompleteRound, loadData } from '../../src/lib/pipeline.ts';
import { chartSummary } from '../../src/lib/view/chart-texts.ts';
import { chartView } from '../../src/lib/view/chart-view.ts';
import { HEADER, memorySource, tinyProgramme } from '../helpers/memory-source.ts';

const current = (id: string, lastSnapshot: string | null, behind = false) => ({ id, lastSnapshot, behind });

describe('lastCompleteRound(exports, currency)', () => {
  it('is the newest round’s last date when every partner on time is in it', () => {
    // 28.12. and 31.12. are one round (at most 7 days apart).
    const exports = [{ date: '2023-09-30', partnerId: 'a' }, { date: '2023-09-30', partnerId: 'b' }, { date: '2023-12-28', partnerId: 'b' }, { date: '2023-12-31', partnerId: 'a' }];
    expect(lastCompleteRound(exports, { partners: [current('a', '2023-12-31'), current('b', '2023-12-28')] })).toBe('2023-12-31');
  });
  it('goes back to the last complete round while a new one is coming in', () => {
    const exports = [{ date: '2023-12-28', partnerId: 'b' }, { date: '2023-12-31', partnerId: 'a' }, { date: '2024-01-31', partnerId: 'a' }];
    expect(lastCompleteRound(exports, { partners: [current('a', '2024-01-31'), current('b', '2023-12-28')] })).toBe('2023-12-31');
  });
  it('waits one round for a partner behind that took part in the round before, then no longer (it may have stopped reporting)', () => {
    const june = [{ date: '2023-06-30', partnerId: 'a' }, { date: '2023-06-30', partnerId: 'b' }];
    const partners = [current('a', '2023-12-31'), current('b', '2023-06-30', true), current('c', null, true)];
    // b is late for December: the projection stays at June's round.
    expect(lastCompleteRound([...june, { date: '2023-12-31', partnerId: 'a' }], { partners })).toBe('2023-06-30');
    // b missed December's whole round, so March's does not wait for it.
    const march = [...june, { date: '2023-12-31', partnerId: 'a' }, { date: '2024-03-31', partnerId: 'a' }];
    expect(lastCompleteRound(march, { partners: [current('a', '2024-03-31'), current('b', '2023-06-30', true)] })).toBe('2024-03-31');
    // Nor is a partner with no export waited for.
    expect(lastCompleteRound([{ date: '2023-12-31', partnerId: 'a' }], { partners })).toBe('2023-12-31');
  });
  it('does not take a partner’s January export as its February one (rounds never chain two months’ requests)', () => {
    // a and b answer January's request on 31.1.; b sends again on 5.2., a a correction on 9.2.; a alone answers February's on 28.2.
    const exports = [{ date: '2024-01-31', partnerId: 'a' }, { date: '2024-01-31', partnerId: 'b' }, { date: '2024-02-05', partnerId: 'b' }, { date: '2024-02-09', partnerId: 'a' }, { date: '2024-02-28', partnerId: 'a' }];
    expect(lastCompleteRound(exports, { partners: [current('a', '2024-02-28'), current('b', '2024-02-05')] })).toBe('2024-02-09');
  });
  it('is null when no round holds every partner on time', () => {
    const exports = [{ date: '2023-06-30', partnerId: 'a' }, { date: '2023-09-30', partnerId: 'b' }];
    expect(lastCompleteRound(exports, { partners: [current('a', '2023-06-30'), current('b', '2023-09-30')] })).toBeNull();
  });
});

describe('the projection while a round is coming in', () => {
  // alpha and beta report on 30.6.; alpha alone on 10.7. (one completion in July): beta is 10 days
  // behind, on time (45 days), so the 10.7. round is not complete yet.
  const june = {
    '2023-06-30/alpha.csv': [HEADER, 'A1,2023-01-15,C1,K,1,5,L1', 'A2,2023-03-10,C1,K,1,5,L2', 'A3,2023-05-20,C1,K,1,5,L3', 'A4,2023-06-10,C1,K,1,5,L4'].join('\n'),
    '2023-06-30/beta.csv': [HEADER, 'B1,2023-02-15,C1,K,2,2,L5', 'B2,2023-04-10,C1,K,2,2,L6', 'B3,2023-06-20,C1,K,2,2,L7'].join('\n'),
  };
  const july = { ...june, '2023-07-10/alpha.csv': `${june['2023-06-30/alpha.csv']}\nA5,2023-07-05,C1,K,1,1,L8` };

  it('is the one made on 30.6., with July shown as credits after it', () => {
    const before = build(loadData(memorySource(tinyProgramme, june))).data;
    const after = build(loadData(memorySource(tinyProgramme, july))).data;
    expect(after.aggregates.asOf).toBe('2023-07-10');
    expect(after.projection?.origin).toBe('2023-06-30');
    expect([after.projection?.central, after.projection?.low, after.projection?.high]).toEqual([before.projection?.central, before.projection?.low, before.projection?.high]);
    // 20 + 6 op by June; alpha's July completion (1 op) is drawn beside the projection.
    expect(after.laterActual).toEqual([{ month: '2023-07', cumulativeCredits: 27 }]);
    // And the chart's sentence says from when the projection is.
    expect(chartSummary(chartView('cumulative', after, 'fi'))).toMatch(/ Ennuste on laadittu tilanteen 30\.6\.2023 tiedoilla; sen jälkeen kertyneet opintopisteet näkyvät kaaviossa erikseen\.$/);
    expect(chartSummary(chartView('cumulative', before, 'fi'))).not.toContain('Ennuste on laadittu tilanteen');
  });

  it('waits for a partner whose export is late (behind) when it took part in the round before', () => {
    // alpha alone on 5.10.: beta, 97 days after its June export, is behind (45 days), but it was in
    // June's round, so the projection is still June's, not one that reads beta's silence as zero.
    const october = { ...june, '2023-10-05/alpha.csv': `${june['2023-06-30/alpha.csv']}\nA5,2023-07-05,C1,K,1,1,L8` };
    const before = build(loadData(memorySource(tinyProgramme, june))).data;
    const after = build(loadData(memorySource(tinyProgramme, october))).data;
    expect(after.currency.behind).toEqual(['beta']);
    expect(after.projection?.origin).toBe('2023-06-30');
    expect(after.projection?.central).toBe(before.projection?.central);
  });
  it('takes exports of one month as one round, however far apart: alpha on 20.9., beta on 30.9.', () => {
    // 10 days apart, so not one round by the gap alone: then neither half was complete and the
    // projection fell back to June's, a quarter old, with a warning of a partner missing from each.
    const september = {
      ...june,
      '2023-09-20/alpha.csv': `${june['2023-06-30/alpha.csv']}\nA5,2023-08-15,C1,K,1,1,L8`,
      '2023-09-30/beta.csv': `${june['2023-06-30/beta.csv']}\nB4,2023-09-25,C1,K,2,2,L9`,
    };
    const loaded = loadData(memorySource(tinyProgramme, september));
    const { data } = build(loaded);
    expect(data.projection?.origin).toBe('2023-09-30');
    // 20 + 6 op by June, alpha's 1 op in August and beta's 2 op in September.
    expect(data.projection?.historyMonths).toBe(9);
    expect(data.projection?.startCumulative).toBe(29);
    expect(loaded.plausibility.filter((w) => w.key === 'warning.plausibility.missing')).toEqual([]);
  });
});

describe('no projection from under six months of history', () => {
  // alpha's completions in January–March, as of 31.3.: three months of the period, the horizon in December.
  const march = { '2023-03-31/alpha.csv': [HEADER, 'A1,2023-01-15,C1,K,1,5,L1', 'A2,2023-02-10,C1,K,1,5,L2', 'A3,2023-03-20,C1,K,1,5,L3'].join('\n') };

  it('projects nothing, and the chart’s sentence says when it will', () => {
    const data = build(loadData(memorySource(tinyProgramme, march))).data;
    expect(data.projection).toBeNull();
    expect(chartSummary(chartView('cumulative', data, 'fi'))).toBe('Kertyneet opintopisteet ylittivät 15\u00a0op:n tavoitteen 20.3.2023, ja 31.3.2023 mennessä niitä oli 15\u00a0op. Ennuste näytetään, kun tietoja on vähintään 6 kuukaudelta (nyt 3).');
    expect(chartSummary(chartView('cumulative', data, 'en'))).toMatch(/ A projection is shown once there are at least 6 months of data \(now 3\)\.$/);
  });

  it('projects from six months on (the tiny programme as of 30.6.)', () => {
    const june = { ...march, '2023-06-30/alpha.csv': `${march['2023-03-31/alpha.csv']}\nA4,2023-06-10,C1,K,1,5,L4` };
    const data = build(loadData(memorySource(tinyProgramme, june))).data;
    expect(data.projection?.historyMonths).toBe(6);
    expect(chartSummary(chartView('cumulative', data, 'fi'))).not.toContain('Ennuste näytetään');
  });
});

