// What the demonstration notice says: which figures are real (programme.json's `demoFacts`, the
// programme's own words) and which were generated, naming the day the target was reached only
// where there is one. Every page, feed and the workbook's first sheet say it in these words.
import type { Lang, Programme } from '../contract/programme.ts';
import { plainText } from '../format.ts';
import { t } from '../i18n/index.ts';
import type { DashboardData } from '../pipeline.ts';

/** Returns the notice's text in a language (its title is `demo.title`). */
export function demoNotice(d: { programme: Pick<Programme, 'demoFacts'>; aggregates: Pick<DashboardData['aggregates'], 'targetReachedOn' | 'targetReachedMonth'> }, lang: Lang): string {
  const reached = d.aggregates.targetReachedOn !== null || d.aggregates.targetReachedMonth !== null;
  const generated = t(lang, reached ? 'demo.generated' : 'demo.generatedNotReached');
  const facts = d.programme.demoFacts?.[lang];
  return facts ? `${facts} ${generated}` : generated;
}

/**
 * Returns a text for use away from the page (a link preview's description, the alt text to paste
 * with an image): "Demonstration data." first where the figures are, as a preview cuts a long text
 * and a post may travel without the image's credit line; and without the word joiners that keep a
 * range on one line on the page (`12 390–13 050`), which a social site's alt field keeps as
 * invisible characters.
 */
export function textForReuse(text: string, lang: Lang, demo: boolean): string {
  const plain = plainText(text);
  return demo ? `${t(lang, 'demo.title')}. ${plain}` : plain;
}
