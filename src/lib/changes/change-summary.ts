import { centiToNumber, type Centi } from '../credits.ts';
import { formatter, type Formatter } from '../format.ts';
import { isUnchanged, type Counted, type ExportDiff } from '../ingest/compare-exports.ts';
import { monthOf } from '../dates.ts';
import { isLongPast, listChanges, LONG_PAST_MONTHS } from './change-list.ts';
import { VALIDATE_STRINGS, type ValidateLang } from './strings.ts';

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

/** Returns credits given in hundredths with their sign, as a Finn reads them: `+1 686,5 op`, `−8 op`, `0 op`. */
export function signedCredits(f: Formatter, c: Centi): string {
  return f.signedCredits(centiToNumber(c));
}

/** Returns the lines telling what one export changes, the first unindented, the rest under it. */
export function changeLines(change: CheckedExport, lang: ValidateLang): string[] {
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
    const ids = (all: readonly { id: string }[]) => `    ${s.ids(all.slice(0, IDS_SHOWN).map((x) => x.id).join(', '), Math.max(0, all.length - IDS_SHOWN))}`;
    if (d.added.completions > 0) lines.push(`  ${s.added}: ${counted(d.added)}`);
    if (d.withdrawn.completions > 0) lines.push(`  ${s.withdrawn}: ${counted(d.withdrawn)}`, ids(d.withdrawals));
    if (d.corrected.completions > 0) {
      const what = s.correctedWhat(f.number(d.corrected.creditsChanged), f.number(d.corrected.datesChanged));
      lines.push(`  ${s.corrected}: ${counted(d.corrected)} (${what})`, ids(d.corrections));
    }
    lines.push(`  ${s.net}: ${signedCredits(f, d.net)}`);
    lines.push(`  ${s.months}:`);
    for (const m of d.months) lines.push(`    ${f.month(m.month)}: ${signedCredits(f, m.credits)} (${s.completions(f.number(m.completions), m.completions)})`);
  }
  const past = change.date ? listChanges(d, change.date).filter((c) => c.longPast) : [];
  if (past.length > 0) {
    const months = [...new Set(past.flatMap((c) => [c.dateBefore, c.dateAfter ?? c.dateBefore]).map(monthOf))].filter((m) => isLongPast(m, change.date!)).sort();
    lines.push(`  ${s.longPast(past.length, f.list(months.map((m) => f.month(m))), LONG_PAST_MONTHS)}`);
  }
  if (change.next) lines.push(`  ${s.newerInPlace(change.next)}`);
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
export function totalLine(a: ProgrammeTotal, files: number, lang: ValidateLang): string {
  const f = formatter(lang);
  return VALIDATE_STRINGS[lang].total(files, f.credits(a.totalCredits), f.percent(a.percentOfTarget), f.credits(a.targetCredits), f.date(a.asOf));
}
