import type { Aggregates } from '../aggregate/aggregate.ts';
import { centiToNumber, type Centi } from '../credits.ts';
import { formatter, type Formatter } from '../format.ts';
import { isUnchanged, type Counted, type ExportDiff } from '../ingest/compare-exports.ts';
import { VALIDATE_STRINGS, type ValidateLang } from './strings.ts';

/** One checked export and what it changes against the partner's previous one. */
export interface ExportChange {
  /** The export's path in the data folder, as messages name it. */
  path: string;
  /** The previous export's path, or null for the partner's first. */
  previous: string | null;
  /** A later export of the partner already in place (then the total counts that one), or null. */
  next: string | null;
  diff: ExportDiff;
}

/** Returns credits given in hundredths with their sign, as a Finn reads them: `+1 686,5 op`, `−8 op`, `0 op`. */
export function signedCredits(f: Formatter, c: Centi): string {
  return f.signedCredits(centiToNumber(c));
}

/** Returns the lines telling what one export changes, the first unindented, the rest under it. */
export function changeLines(change: ExportChange, lang: ValidateLang): string[] {
  const s = VALIDATE_STRINGS[lang];
  const f = formatter(lang);
  const d = change.diff;
  const counted = (c: Counted) => `${s.completions(f.number(c.completions), c.completions)}, ${signedCredits(f, c.credits)}`;
  const lines = [`${s.ok(change.path)}; ${change.previous ? s.comparedWith(change.previous) : s.firstExport}`];
  if (isUnchanged(d)) lines.push(`  ${s.unchanged}`);
  else if (d.by === 'months') {
    lines.push(`  ${s.byMonths}`);
    lines.push(`  ${s.net}: ${signedCredits(f, d.net)}`);
    lines.push(`  ${s.months}:`);
    for (const m of d.months) lines.push(`    ${f.month(m.month)}: ${signedCredits(f, m.credits)} (${s.completionsChange(f.signedNumber(m.completions), m.completions)})`);
  } else {
    if (d.added.completions > 0) lines.push(`  ${s.added}: ${counted(d.added)}`);
    if (d.withdrawn.completions > 0) lines.push(`  ${s.withdrawn}: ${counted(d.withdrawn)}`);
    if (d.corrected.completions > 0) {
      const what = s.correctedWhat(f.number(d.corrected.creditsChanged), f.number(d.corrected.datesChanged));
      lines.push(`  ${s.corrected}: ${counted(d.corrected)} (${what})`);
    }
    lines.push(`  ${s.net}: ${signedCredits(f, d.net)}`);
    lines.push(`  ${s.months}:`);
    for (const m of d.months) lines.push(`    ${f.month(m.month)}: ${signedCredits(f, m.credits)} (${s.completions(f.number(m.completions), m.completions)})`);
  }
  if (change.next) lines.push(`  ${s.newerInPlace(change.next)}`);
  return lines;
}

/** Returns the line giving the programme's total and percent of target with the checked files in place. */
export function totalLine(a: Pick<Aggregates, 'totalCredits' | 'targetCredits' | 'percentOfTarget' | 'asOf'>, files: number, lang: ValidateLang): string {
  const f = formatter(lang);
  return VALIDATE_STRINGS[lang].total(files, f.credits(a.totalCredits), f.percent(a.percentOfTarget), f.credits(a.targetCredits), f.date(a.asOf));
}
