import type { Lang } from '../contract/programme.ts';

/** The languages `npm run validate` speaks: the site's. */
export type ValidateLang = Lang;
export const VALIDATE_LANGS: readonly ValidateLang[] = ['fi', 'sv', 'en'];

/**
 * The command's own strings. They are sentences about one check, not page text, so they live
 * here rather than in the page strings; numbers and dates come in already formatted (format.ts).
 */
interface ValidateStrings {
  placedAs(file: string, placed: string, replaces: boolean): string;
  ok(path: string): string;
  comparedWith(previous: string): string;
  firstExport: string;
  completions(n: string, count: number): string;
  /** A change in a month's count of completions, the number signed (`+3`, `−2`). */
  completionsChange(n: string, count: number): string;
  /** Said before a month-by-month comparison (either export is monthly totals). */
  byMonths: string;
  added: string;
  withdrawn: string;
  corrected: string;
  correctedWhat(credits: string, dates: string): string;
  net: string;
  months: string;
  unchanged: string;
  newerInPlace(next: string): string;
  total(files: number, credits: string, percent: string, target: string, asOf: string): string;
  problems(n: number): string;
  /** The completion ids of a group, some of them (`shown`) and how many more. */
  ids(shown: string, more: number): string;
  /** Said when changes fall in months long past (`months` formatted, `back` the limit in months). */
  longPast(n: number, months: string, back: number): string;
  /** Said when the list of changes was written to a file. */
  listWritten(file: string, n: number): string;
  /** The word before a warning's line. */
  warning: string;
}

export const VALIDATE_STRINGS: Record<ValidateLang, ValidateStrings> = {
  fi: {
    placedAs: (file, placed, replaces) => `${file}: tarkistetaan paikassa ${placed}${replaces ? ' (korvaa siellä olevan tiedoston)' : ''}`,
    ok: (path) => `${path}: ei ongelmia`,
    comparedWith: (previous) => `verrattu edelliseen: ${previous}`,
    firstExport: 'korkeakoulun ensimmäinen tiedosto: kaikki on uutta',
    completions: (n, count) => `${n} ${count === 1 ? 'suoritus' : 'suoritusta'}`,
    completionsChange: (n, count) => `${n} ${Math.abs(count) === 1 ? 'suoritus' : 'suoritusta'}`,
    byMonths: 'kuukausisummat: verrattu kuukausittain (yksittäisiä suorituksia ei voi verrata)',
    added: 'lisätty',
    withdrawn: 'poistettu',
    corrected: 'korjattu',
    correctedWhat: (credits, dates) => `opintopisteet: ${credits}, päivämäärä: ${dates}`,
    net: 'muutos yhteensä',
    months: 'kuukaudet',
    unchanged: 'ei muutoksia edelliseen',
    newerInPlace: (next) => `huom.: uudempi tiedosto ${next} on jo paikallaan, ja kokonaismäärä lasketaan siitä`,
    total: (files, credits, percent, target, asOf) =>
      `Ohjelma, kun ${files === 1 ? 'tiedosto on' : 'tiedostot ovat'} paikallaan: ${credits}, ${percent} tavoitteesta ${target} (tilanne ${asOf})`,
    problems: (n) => `Aineistossa on ${n} ${n === 1 ? 'ongelma' : 'ongelmaa'}; korjaa ja tarkista uudelleen.`,
    ids: (shown, more) => `tunnukset: ${shown}${more > 0 ? ` ja ${more} muuta` : ''}`,
    longPast: (n, months, back) => `huom.: ${n} ${n === 1 ? 'muutos osuu' : 'muutosta osuu'} kuukausiin, jotka ovat vähintään ${back} kuukautta ennen tilannepäivän kuukautta (${months}); kysy korkeakoululta syy`,
    listWritten: (file, n) => `${n} poistettua tai korjattua suoritusta kirjoitettu tiedostoon ${file}`,
    warning: 'huomautus',
  },
  sv: {
    placedAs: (file, placed, replaces) => `${file}: kontrolleras som ${placed}${replaces ? ' (ersätter filen där)' : ''}`,
    ok: (path) => `${path}: inga problem`,
    comparedWith: (previous) => `jämfört med föregående: ${previous}`,
    firstExport: 'högskolans första fil: allt i den är nytt',
    completions: (n, count) => `${n} ${count === 1 ? 'prestation' : 'prestationer'}`,
    completionsChange: (n, count) => `${n} ${Math.abs(count) === 1 ? 'prestation' : 'prestationer'}`,
    byMonths: 'månadssummor: jämförda månad för månad (enskilda prestationer kan inte jämföras)',
    added: 'tillagda',
    withdrawn: 'borttagna',
    corrected: 'korrigerade',
    correctedWhat: (credits, dates) => `studiepoäng: ${credits}, datum: ${dates}`,
    net: 'ändring totalt',
    months: 'månader',
    unchanged: 'inga ändringar jämfört med föregående',
    newerInPlace: (next) => `obs.: en nyare fil, ${next}, finns redan på plats, och totalen räknas från den`,
    total: (files, credits, percent, target, asOf) =>
      `Programmet med ${files === 1 ? 'filen' : 'filerna'} på plats: ${credits}, ${percent} av målet ${target} (läge ${asOf})`,
    problems: (n) => `Datan har ${n} ${n === 1 ? 'problem' : 'problem'}; rätta och kontrollera igen.`,
    ids: (shown, more) => `id: ${shown}${more > 0 ? ` och ${more} till` : ''}`,
    longPast: (n, months, back) => `obs.: ${n} ${n === 1 ? 'ändring gäller' : 'ändringar gäller'} månader minst ${back} månader före lägesdatumets månad (${months}); fråga högskolan varför`,
    listWritten: (file, n) => `${n} borttagna eller korrigerade prestationer skrivna till ${file}`,
    warning: 'anmärkning',
  },
  en: {
    placedAs: (file, placed, replaces) => `${file}: checked as ${placed}${replaces ? ' (replacing the file there)' : ''}`,
    ok: (path) => `${path}: no problems`,
    comparedWith: (previous) => `compared with the previous export: ${previous}`,
    firstExport: "the partner's first export: everything in it is new",
    completions: (n, count) => `${n} ${count === 1 ? 'completion' : 'completions'}`,
    completionsChange: (n, count) => `${n} ${Math.abs(count) === 1 ? 'completion' : 'completions'}`,
    byMonths: 'monthly totals: compared month by month (single completions cannot be matched)',
    added: 'added',
    withdrawn: 'withdrawn',
    corrected: 'corrected',
    correctedWhat: (credits, dates) => `credits: ${credits}, date: ${dates}`,
    net: 'net change',
    months: 'months touched',
    unchanged: 'no change from the previous export',
    newerInPlace: (next) => `note: a newer export, ${next}, is already in place, and the total counts that one`,
    total: (files, credits, percent, target, asOf) =>
      `Programme with the ${files === 1 ? 'file' : 'files'} in place: ${credits}, ${percent} of the target ${target} (as of ${asOf})`,
    problems: (n) => `The data has ${n} problem${n === 1 ? '' : 's'}; fix ${n === 1 ? 'it' : 'them'} and check again.`,
    ids: (shown, more) => `ids: ${shown}${more > 0 ? ` and ${more} more` : ''}`,
    longPast: (n, months, back) => `note: ${n} change${n === 1 ? ' falls' : 's fall'} in months ${back} or more months before the snapshot's month (${months}); ask the partner why`,
    listWritten: (file, n) => `${n} withdrawn or corrected completion${n === 1 ? '' : 's'} written to ${file}`,
    warning: 'warning',
  },
};
