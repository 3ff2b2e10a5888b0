// What the demonstration notice says: which figures are real (programme.json's `demoFacts`, the
// programme's own words) and which were generated, naming the day the target was reached only
// where there is one. Every page, feed and the workbook's first sheet say it in these words.
import type { Lang, Programme } from '../contract/programme.ts';
import { t } from '../i18n/index.ts';
import type { DashboardData } from '../pipeline.ts';

/** Returns the notice's text in a language (its title is `demo.title`). */
export function demoNotice(d: { programme: Pick<Programme, 'demoFacts'>; aggregates: Pick<DashboardData['aggregates'], 'targetReachedOn' | 'targetReachedMonth'> }, lang: Lang): string {
  const reached = d.aggregates.targetReachedOn !== null || d.aggregates.targetReachedMonth !== null;
  const generated = t(lang, reached ? 'demo.generated' : 'demo.generatedNotReached');
  const facts = d.programme.demoFacts?.[lang];
  return facts ? `${facts} ${generated}` : generated;
}
