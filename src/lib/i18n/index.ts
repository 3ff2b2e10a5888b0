import type { Lang } from '../contract/programme.ts';
import en from './en.json' with { type: 'json' };
import fi from './fi.json' with { type: 'json' };
import sv from './sv.json' with { type: 'json' };
import { fill, type Params } from './fill.ts';

/** Finnish is the reference language: every key exists there first. */
export type StringKey = keyof typeof fi;
export const STRINGS: Record<Lang, Record<StringKey, string>> = { fi, sv, en };

/** Returns the UI string in a language with `{name}` placeholders filled in. */
export function t(lang: Lang, key: StringKey, params: Params = {}): string {
  const template = STRINGS[lang][key];
  if (template === undefined) throw new Error(`No UI string ${JSON.stringify(key)} in ${lang}.json`);
  return fill(template, params);
}
