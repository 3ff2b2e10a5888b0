import type { Lang } from '../contract/programme.ts';

/** The languages `npm run validate` speaks: the coordinators' own, and English. */
export type ValidateLang = Extract<Lang, 'fi' | 'en'>;
export const VALIDATE_LANGS: readonly ValidateLang[] = ['fi', 'en'];

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
  },
};
