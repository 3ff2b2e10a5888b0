import { describe, expect, it } from 'vitest';
import { learnersNullReasons } from '../../src/lib/view/learners-null.ts';

const names = (fi: string) => ({ fi, sv: fi, en: fi });
const programme = {
  partners: [
    { id: 'a', code: '01', shortName: 'A', name: names('AMK A') },
    { id: 'b', code: '02', shortName: 'B', name: names('AMK B') },
    { id: 'c', code: '03', shortName: 'C', name: names('AMK C') },
  ],
};
type Partner = { id: string; credits: number; completions: number; learners: number | '<5' | null; lastSnapshot: string | null };
const partner = (id: string, learners: Partner['learners'], lastSnapshot: string | null = '2024-03-31'): Partner => ({ id, credits: 1, completions: 1, learners, lastSnapshot });
const data = (partners: Partner[], totalsPartners: string[], learners: number | null = null) => ({ programme, aggregates: { learners, partners, totalsPartners } });

describe('learnersNullReasons', () => {
  it('says nothing when the learners are counted', () => {
    expect(learnersNullReasons(data([partner('a', 12), partner('b', '<5'), partner('c', 7)], [], 20), 'fi')).toEqual([]);
  });

  it('one partner sending monthly totals, in fi/sv/en', () => {
    const d = data([partner('a', null), partner('b', 12), partner('c', 7)], ['a']);
    expect(learnersNullReasons(d, 'fi')).toEqual(['Oppijamäärää ei julkaista: A toimittaa kuukausisummat, joista eri oppijoita ei voi laskea.']);
    expect(learnersNullReasons(d, 'sv')).toEqual(['Antalet studerande publiceras inte: A lämnar månadssummor, ur vilka olika studerande inte kan räknas.']);
    expect(learnersNullReasons(d, 'en')).toEqual(['Learner numbers are not published: A sends monthly totals, from which distinct learners cannot be counted.']);
  });

  it('two partners sending totals: the verb agrees with them', () => {
    const d = data([partner('a', null), partner('b', null), partner('c', 7)], ['a', 'b']);
    expect(learnersNullReasons(d, 'fi')).toEqual(['Oppijamäärää ei julkaista: A ja B toimittavat kuukausisummat, joista eri oppijoita ei voi laskea.']);
    expect(learnersNullReasons(d, 'en')).toEqual(['Learner numbers are not published: A and B send monthly totals, from which distinct learners cannot be counted.']);
  });

  it('completions without learner ids are a reason of their own, said apart from totals', () => {
    const d = data([partner('a', null), partner('b', null), partner('c', 7)], ['a']);
    expect(learnersNullReasons(d, 'fi')).toEqual([
      'Oppijamäärää ei julkaista: A toimittaa kuukausisummat, joista eri oppijoita ei voi laskea.',
      'Oppijamäärää ei julkaista: korkeakoulun B aineistosta puuttuvat oppijatunnisteet.',
    ]);
    expect(learnersNullReasons(data([partner('a', 3), partner('b', null), partner('c', null)], []), 'sv')).toEqual([
      'Antalet studerande publiceras inte: studerandenycklar saknas i uppgifterna från B och C.',
    ]);
    expect(learnersNullReasons(data([partner('a', 3), partner('b', null), partner('c', 5)], []), 'en')).toEqual([
      'Learner numbers are not published: the export from B has no learner keys.',
    ]);
  });

  it('a partner that has sent nothing yet is not named as missing learner ids', () => {
    expect(learnersNullReasons(data([partner('a', null), partner('b', 4), partner('c', null, null)], ['a']), 'en')).toEqual([
      'Learner numbers are not published: A sends monthly totals, from which distinct learners cannot be counted.',
    ]);
  });
});
