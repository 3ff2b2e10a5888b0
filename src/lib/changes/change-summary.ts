import { centiToNumber, type Centi } from '../credits.ts';
import { formatter, type Formatter } from '../format.ts';
import { isUnchanged, type Counted, type ExportDiff } from '../ingest/compare-exports.ts';
import { monthOf } from '../dates.ts';
import { isLongPast, listChanges, LONG_PAST_MONTHS } from './change-list.ts';
import type { Lang } from '../contract/programme.ts';
import { t, tCount } from '../i18n/index.ts';

/** One checked export and what it changes against the partner's previous one. */
export interface CheckedExport {
  /** The export's path in the data folder, as messages name it. */
  path: string;
  /** The previous export's path, or null for the partner's first. */
  previous: string | null;
  /** A later export of the partner already in place (then the total counts that one), or null. */
  next: string | null;
  diff: ExportDiff;
  /** The export's snapshot date: changes to months long before it are flagged. Absent: none are. */
  date?: string;
}

/** Ids named on a line before the rest are only counted (the whole list: --list-changes). */
const IDS_SHOWN = 10;

/**
 * Returns credits given in hundredths with their sign, to the hundredth, as a Finn reads them:
 * `+1 686,5 op`, `+2,55 op`, `−8 op`, `0 op`. A partner reconciles them with its own sums: a
 * completion of 2,55 op had read `+2,6 op`.
 */
export function signedCredits(f: Formatter, c: Centi): string {
  return f.signedExactCredits(centiToNumber(c));
}

/** Returns the lines telling what one export changes, the first unindented, the rest under it. */
export function changeLines(change: CheckedExport, lang: Lang): string[] {
  const say = (key: Parameters<typeof t>[1], params?: Parameters<typeof t>[2]) => t(lang, key, params);
  const f = formatter(lang);
  const d = change.diff;
  const completions = (n: number, shown = f.number(n)) => tCount(lang, 'validate.completions', Math.abs(n), { count: shown });
  const counted = (c: Counted) => `${completions(c.completions)}, ${signedCredits(f, c.credits)}`;
  const lines = [`${say('validate.ok', { path: change.path })}; ${change.previous ? say('validate.comparedWith', { previous: change.previous }) : say('validate.firstExport')}`];
  if (isUnchanged(d)) lines.push(`  ${say('validate.unchanged')}`);
  else if (d.by === 'months') {
    lines.push(`  ${say('validate.byMonths')}`);
    lines.push(`  ${say('validate.net')}: ${signedCredits(f, d.net)}`);
    lines.push(`  ${say('validate.months')}:`);
    for (const m of d.months) lines.push(`    ${f.month(m.month)}: ${signedCredits(f, m.credits)} (${completions(m.completions, f.signedNumber(m.completions))})`);
  } else {
    const ids = (all: readonly { id: string }[]) => {
      const shown = all.slice(0, IDS_SHOWN).map((x) => x.id).join(', ');
      const more = all.length - IDS_SHOWN;
      return `    ${more > 0 ? say('validate.idsMore', { shown, more: f.number(more) }) : say('validate.ids', { shown })}`;
    };
    if (d.added.completions > 0) lines.push(`  ${say('validate.added')}: ${counted(d.added)}`);
    if (d.withdrawn.completions > 0) lines.push(`  ${say('validate.withdrawn')}: ${counted(d.withdrawn)}`, ids(d.withdrawals));
    if (d.corrected.completions > 0) {
      const what = say('validate.correctedWhat', { credits: f.number(d.corrected.creditsChanged), dates: f.number(d.corrected.datesChanged) });
      lines.push(`  ${say('validate.corrected')}: ${counted(d.corrected)} (${what})`, ids(d.corrections));
    }
    lines.push(`  ${say('validate.net')}: ${signedCredits(f, d.net)}`);
    lines.push(`  ${say('validate.months')}:`);
    for (const m of d.months) lines.push(`    ${f.month(m.month)}: ${signedCredits(f, m.credits)} (${completions(m.completions)})`);
  }
  const past = change.date ? listChanges(d, change.date).filter((c) => c.longPast) : [];
  if (past.length > 0) {
    const months = [...new Set(past.flatMap((c) => [c.dateBefore, c.dateAfter ?? c.dateBefore]).map(monthOf))].filter((m) => isLongPast(m, change.date!)).sort();
    lines.push(`  ${tCount(lang, 'validate.longPast', past.length, { count: f.number(past.length), months: f.list(months.map((m) => f.month(m))), back: LONG_PAST_MONTHS })}`);
  }
  if (change.next) lines.push(`  ${say('validate.newerInPlace', { next: change.next })}`);
  return lines;
}

/** The programme's figures the total line names (the aggregates carry them; this stage comes before aggregation). */
interface ProgrammeTotal {
  totalCredits: number;
  targetCredits: number;
  percentOfTarget: number;
  asOf: string;
}

/** Returns the line giving the programme's total and percent of target with the checked files in place. */
export function totalLine(a: ProgrammeTotal, files: number, lang: Lang): string {
  const f = formatter(lang);
  return tCount(lang, 'validate.total', files, { count: f.number(files), credits: f.exactCredits(a.totalCredits), percent: f.percent(a.percentOfTarget), target: f.credits(a.targetCredits), asOf: f.date(a.asOf) });
}
