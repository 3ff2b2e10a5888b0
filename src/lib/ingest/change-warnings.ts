import { centiToString } from '../credits.ts';
import { monthOf } from '../dates.ts';
import { quote, type Problem, type ProblemReason } from '../contract/problems.ts';
import { monthFieldKey, type ExportDiff } from './compare-exports.ts';
import { PROBLEM_CAP, problemOf } from './file-problems.ts';

/** Where the newer of two compared exports is, for a warning about it. */
interface WarnedExport {
  path: string;
  sheet?: string;
  /** The line of each month × field row of a totals export (by monthFieldKey); none for completions. */
  lines?: ReadonlyMap<string, number>;
}

/**
 * Returns a warning for each completion whose credits or date differ in the partner's previous
 * export (the first PROBLEM_CAP, in line order, then a count of the rest).
 */
export function correctionWarnings(d: ExportDiff, at: WarnedExport, previousPath: string): Problem[] {
  const warnings = d.corrections.slice(0, PROBLEM_CAP).map((c) => {
    // What changed is said in the contract's column names, which every language keeps.
    const what: string[] = [];
    if (c.before.credits !== c.after.credits) what.push(`credits ${centiToString(c.before.credits)} → ${centiToString(c.after.credits)}`);
    if (c.before.day !== c.after.day) what.push(`completed_on ${c.before.day} → ${c.after.day}`);
    return warningAt(at, c.after.line, { key: 'warning.corrected', params: { id: quote(c.id), previous: previousPath, what: what.join(', ') } });
  });
  const more = d.corrections.length - PROBLEM_CAP;
  if (more > 0) warnings.push(problemOf(at.path, undefined, undefined, { key: 'warning.moreCorrected', params: { n: more } }));
  return warnings;
}

/** Returns a warning on a line (or sheet row) of the newer export. */
function warningAt(at: WarnedExport, line: number | undefined, why: ProblemReason): Problem {
  const p = problemOf(at.path, line, undefined, why);
  return at.sheet !== undefined && line !== undefined ? { ...p, sheet: at.sheet } : p;
}

/**
 * Returns a warning for each month × field whose credits or completions differ from the
 * partner's previous export, for the months that export had seen to their end (`seenMonth`, the
 * month of its snapshot date, was still under way and expected to grow): the first PROBLEM_CAP
 * in month and field order, then a count. Said where either export is monthly totals, which have
 * no completion ids to compare.
 */
export function monthWarnings(d: ExportDiff, at: WarnedExport, previousPath: string, previousDate: string): Problem[] {
  const seen = monthOf(previousDate);
  const past = d.fields.filter((f) => f.month < seen);
  const warnings = past.slice(0, PROBLEM_CAP).map((f) => {
    const what: string[] = [];
    if (f.before.credits !== f.after.credits) what.push(`credits ${centiToString(f.before.credits)} → ${centiToString(f.after.credits)}`);
    if (f.before.completions !== f.after.completions) what.push(`completions ${f.before.completions} → ${f.after.completions}`);
    const params = { month: f.month, field: f.fieldCode, previous: previousPath, what: what.join(', ') };
    return warningAt(at, at.lines?.get(monthFieldKey(f.month, f.fieldCode)), { key: 'warning.monthChanged', params });
  });
  const more = past.length - PROBLEM_CAP;
  if (more > 0) warnings.push(problemOf(at.path, undefined, undefined, { key: 'warning.moreMonths', params: { n: more } }));
  return warnings;
}
