import type { Published } from '../changes/check-file.ts';
import type { Lang, Programme } from '../contract/programme.ts';
import { STRINGS, type StringKey } from '../i18n/index.ts';
import type { DashboardData } from '../pipeline.ts';

/** The strings the checker's script says, in the page's language: its own and every problem's and warning's. */
type CheckerStrings = Partial<Record<StringKey, string>>;

/**
 * What the checker page embeds for its script: the programme (partners, fields, the rules' inputs),
 * what is published (to say what a file changes) and its strings, so that it needs no request.
 */
export interface CheckerData {
  lang: Lang;
  programme: Programme;
  published: Published;
  strings: CheckerStrings;
}

/** Returns the checker page's data in a language. */
export function checkerData(data: DashboardData, lang: Lang): CheckerData {
  const a = data.aggregates;
  const strings = Object.fromEntries(Object.entries(STRINGS[lang]).filter(([k]) => /^(check|problem|warning)\./.test(k))) as CheckerStrings;
  return {
    lang,
    programme: data.programme,
    published: { asOf: a.asOf, targetCredits: a.targetCredits, totalCredits: a.totalCredits, percentOfTarget: a.percentOfTarget, monthly: a.monthly },
    strings,
  };
}
