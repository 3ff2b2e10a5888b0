import type { DashboardData } from '../pipeline.ts';
import { formatter } from '../format.ts';
import { t } from '../i18n/index.ts';
import type { Lang } from '../contract/programme.ts';

/**
 * Returns the credit line every chart image and embed carries, in parts to be joined with " · ":
 * the data-as-of date, the source, and the demonstration label when the data is not real — once:
 * a source that already names the demonstration data ("…; opintosuoritukset:
 * demonstraatioaineisto") gets no second label. A partner's chart gives the date of its own
 * latest export (`asOf`): its figures are known up to that day, not the programme's as-of date.
 */
export function creditParts(d: Pick<DashboardData, 'programme' | 'aggregates'>, lang: Lang, asOf: string = d.aggregates.asOf): string[] {
  const f = formatter(lang);
  const source = d.programme.source[lang];
  const parts = [t(lang, 'footer.asOf', { date: f.date(asOf) }), t(lang, 'footer.source', { source })];
  const label = t(lang, 'demo.title');
  if (d.programme.demo && !source.toLocaleLowerCase(lang).includes(label.toLocaleLowerCase(lang))) parts.push(label);
  return parts;
}

/** Returns lines no wider than `max` (as measured), breaking between parts first, then between words. */
export function wrapParts(parts: readonly string[], max: number, measure: (s: string) => number, sep = ' · '): string[] {
  const lines: string[] = [];
  let line = '';
  const push = (piece: string, joiner: string) => {
    const next = line ? `${line}${joiner}${piece}` : piece;
    if (!line || measure(next) <= max) line = next;
    else {
      lines.push(line);
      line = piece;
    }
  };
  for (const part of parts) {
    if (measure(part) <= max) push(part, sep);
    else part.split(' ').forEach((word, i) => push(word, i === 0 ? sep : ' '));
  }
  if (line) lines.push(line);
  return lines;
}
