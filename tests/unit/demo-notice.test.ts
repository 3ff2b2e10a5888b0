import { describe, expect, it } from 'vitest';
import { demoNotice } from '../../src/lib/view/demo-notice.ts';

const facts = { fi: 'Tavoite on julkaistu tieto.', sv: 'Målet är en publicerad uppgift.', en: 'The target is a published fact.' };
const reached = { targetReachedOn: '2023-12-08', targetReachedMonth: '2023-12' };
const notReached = { targetReachedOn: null, targetReachedMonth: null };

describe('demoNotice: what the demonstration notice says is real and what was generated', () => {
  it('starts with the programme’s own facts, and names the reached day among the generated figures', () => {
    expect(demoNotice({ programme: { demoFacts: facts }, aggregates: reached }, 'en')).toBe(
      'The target is a published fact. The individual completions and everything computed from them – the split by partner, field and month, the day the target was reached, the reporting history and the projection – were generated for demonstration and are not real figures.',
    );
  });
  it('names no reached day where the target is not reached, and no facts where programme.json gives none', () => {
    // Another programme's demo build had said "the target and the December 2023 total are published facts".
    expect(demoNotice({ programme: {}, aggregates: notReached }, 'fi')).toBe(
      'Yksittäiset suoritukset ja kaikki niistä lasketut luvut – jako korkeakouluittain, aloittain ja kuukausittain, raportointihistoria ja ennuste – on tuotettu esittelyä varten, eivätkä ne ole todellisia tietoja.',
    );
    expect(demoNotice({ programme: { demoFacts: facts }, aggregates: { targetReachedOn: null, targetReachedMonth: '2023-12' } }, 'sv')).toContain('dagen då målet uppnåddes');
  });
});
