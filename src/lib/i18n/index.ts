import type { Lang } from '../contract/programme.ts';
import en from './en.json' with { type: 'json' };
import fi from './fi.json' with { type: 'json' };
import sv from './sv.json' with { type: 'json' };
import { fill, type Params } from './fill.ts';
import { LOCALE } from '../format.ts';

/** Finnish is the reference language: every key exists there first. */
export type StringKey = keyof typeof fi;
export const STRINGS: Record<Lang, Record<StringKey, string>> = { fi, sv, en };

/** Returns the UI string in a language with `{name}` placeholders filled in. */
export function t(lang: Lang, key: StringKey, params: Params = {}): string {
  const template = STRINGS[lang][key];
  if (template === undefined) throw new Error(`No UI string ${JSON.stringify(key)} in ${lang}.json`);
  return fill(template, params);
}

/** The keys that come in a singular and a plural form (`change.added.one`, `change.added.other`): their common stem. */
export type PluralKey = { [K in StringKey]: K extends `${infer Stem}.one` ? (`${Stem}.other` extends StringKey ? Stem : never) : never }[StringKey];

const PLURALS: Record<Lang, Intl.PluralRules> = { fi: new Intl.PluralRules(LOCALE.fi), sv: new Intl.PluralRules(LOCALE.sv), en: new Intl.PluralRules(LOCALE.en) };

/** Returns the form of a string that agrees with a count (`1 suoritus`, `3 suoritusta`), `{count}` filled with the count as given. */
export function tCount(lang: Lang, stem: PluralKey, n: number, params: Params & { count: string }): string {
  return t(lang, `${stem}.${PLURALS[lang].select(n) === 'one' ? 'one' : 'other'}` as StringKey, params);
}
