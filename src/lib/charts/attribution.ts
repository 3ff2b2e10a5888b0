import type { DashboardData } from '../pipeline.ts';
import { formatter } from '../format.ts';
import { t } from '../i18n/index.ts';
import type { Lang } from '../contract/programme.ts';

/**
 * Returns the credit line every chart image and embed carries, in parts to be joined with " · ":
 * the data-as-of date, the source, and the demonstration label when the data is not real.
 */
export function creditParts(d: Pick<DashboardData, 'programme' | 'aggregates'>, lang: Lang): string[] {
  const f = formatter(lang);
  const parts = [t(lang, 'footer.asOf', { date: f.date(d.aggregates.asOf) }), t(lang, 'footer.source', { source: d.programme.source[lang] })];
  if (d.programme.demo) parts.push(t(lang, 'demo.title'));
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
