// The projection's raise for late registrations, as published: the rounds it is measured on are
// the dated open data's own figures, and every page that gives the projection says what it adds.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// `npm test` builds dist/ from the shipped data before running these.
const read = (p: string) => readFileSync(`dist/${p}`, 'utf8');
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&').replace(/&#39;/g, "'").replace(/\s+/g, ' ');
/** A month's credits in a published cumulative.csv (month,credits,cumulative_credits,target_credits). */
const monthCredits = (file: string, month: string) => {
  const line = read(file).split('\n').find((l) => l.replace(/^\ufeff/, '').startsWith(`${month},`));
  return line === undefined ? undefined : Number(line.split(',')[1]);
};

describe('late registrations (demo data)', () => {
  // Each earlier round's own month as its dated folder published it, and as cumulative.csv has it now.
  const rounds = [
    ['2022-06-30', '2022-06', 217.5, 376.5],
    ['2022-12-31', '2022-12', 499, 729],
    ['2023-06-30', '2023-06', 431, 676],
    ['2023-09-30', '2023-09', 183, 339],
  ] as const;

  it('measures the raise on the earlier rounds as their dated folders published them', () => {
    for (const [origin, month, then, now] of rounds) {
      expect(monthCredits(`data/${origin}/cumulative.csv`, month), origin).toBe(then);
      expect(monthCredits('data/cumulative.csv', month), month).toBe(now);
    }
    // (376.5 + 729 + 676 + 339) / (217.5 + 499 + 431 + 183) = 2 120.5 / 1 330.5; December's 801.5 op
    // becomes 1 277.4, 475.9 more.
    expect(monthCredits('data/cumulative.csv', '2023-12')).toBe(801.5);
    expect(JSON.parse(read('data/summary.json')).projection.lateCredits).toBe(476);
  });

  it('says on the front page, in three languages, what the projection includes', () => {
    expect(text(read('fi/index.html'))).toContain('Ennusteeseen sisältyy arviolta 480 op, jotka oli suoritettu 31.12.2023 mennessä, mutta joita ei ollut vielä kirjattu.');
    expect(text(read('sv/index.html'))).toContain('I prognosen ingår uppskattningsvis 480 sp som hade avlagts senast den 31.12.2023 men ännu inte registrerats.');
    expect(text(read('en/index.html'))).toContain('The projection includes an estimated 480 credits that had been completed by 31 December 2023 but not yet registered.');
    expect(text(read('fi/raportti/index.html'))).toContain('Ennusteeseen sisältyy arviolta 480 op');
    // The monthly chart's December bar is the short one.
    expect(text(read('fi/index.html'))).toContain('Viimeisimmän kuukauden (joulukuu 2023) luku on vielä vajaa: suorituksia kirjataan viiveellä, ja aiempien raportointikierrosten perusteella siihen tulee arviolta 480 op lisää.');
  });

  it('shows the rounds and the sum on the method page', () => {
    const fi = text(read('fi/menetelma/index.html'));
    expect(fi).toContain('Tilanteessa 31.12.2023 ennusteen lähtökuukaudelle (joulukuu 2023) oli raportoitu 801,5 op. Aiempien kierrosten omat kuukaudet kasvoivat myöhemmin yhteensä 59,4 %, joten kuukauden luvuksi arvioidaan 1 277 op eli 476 op enemmän; yksittäisen kierroksen pienimmän ja suurimman kasvun mukaan 369\u2060–\u2060683 op enemmän, ja tämä vaihtelu sisältyy ennusteväliin. Menetelmät jatkavat ennustetta korotetusta kuukaudesta: ilman korotusta ennuste olisi 11 985 op.');
    expect(fi).toContain('kesäkuu 2022 217,5 376,5 73,1 % joulukuu 2022 499 729 46,1 % kesäkuu 2023 431 676 56,8 % syyskuu 2023 183 339 85,2 % Yhteensä 1 330,5 2 120,5 59,4 %');
    // The section comes before the selection it feeds, and the record says where it is compared.
    expect(fi.indexOf('Myöhemmin kirjattavat suoritukset')).toBeLessThan(fi.indexOf('Menetelmän valinta'));
    expect(text(read('en/method/index.html'))).toContain("As of 31 December 2023, 801.5 credits had been reported for the projection's starting month (December 2023).");
  });

  it('leaves December, an estimate, out of the backtests: the newest re-runs October against November', () => {
    const rows = read('data/backtest.csv').replace(/^\ufeff/, '').trimEnd().split('\n');
    const origins = rows.slice(1).map((l) => l.split(',')[1]);
    expect(origins.reduce((a, b) => (a > b ? a : b))).toBe('2023-10');
    expect(origins).not.toContain('2023-11');
  });
});
