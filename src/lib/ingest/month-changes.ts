import { centiToString, type Centi } from '../credits.ts';
import { monthOf } from '../dates.ts';
import { place } from '../contract/problems.ts';
import type { PartnerExport } from '../contract/partner-export.ts';
import { PROBLEM_CAP } from './export-checks.ts';
import { monthFieldKey } from './totals-reader.ts';

/** Where an export is, for a warning about it. */
interface ExportPlace {
  path: string;
  sheet?: string;
  /** The line of each month × field row of a totals export (by monthFieldKey); none for completions. */
  lines?: ReadonlyMap<string, number>;
}

type Totals = Map<string, { month: string; fieldCode: number; credits: Centi; completions: number }>;

function byMonthField(e: PartnerExport): Totals {
  const out: Totals = new Map();
  for (const c of e.cells) {
    const month = monthOf(c.completedOn);
    const key = monthFieldKey(month, c.fieldCode);
    const t = out.get(key);
    if (t) {
      t.credits += c.credits;
      t.completions += c.completions;
    } else out.set(key, { month, fieldCode: c.fieldCode, credits: c.credits, completions: c.completions });
  }
  return out;
}

/**
 * Returns a warning for each month × field whose credits or completions differ from the
 * partner's previous export, for the months that export had seen to their end (a month still
 * under way then was expected to grow). Used where either export is monthly totals, which have no
 * completion ids to compare: the first PROBLEM_CAP in month and field order, then a count.
 */
export function monthChangeWarnings(current: PartnerExport, at: ExportPlace, previous: PartnerExport, previousPath: string): string[] {
  const before = byMonthField(previous);
  const now = byMonthField(current);
  const seen = monthOf(previous.date);
  const [month, field] = [(k: string) => k.slice(0, 7), (k: string) => Number(k.slice(8))];
  const keys = [...new Set([...before.keys(), ...now.keys()])].filter((k) => month(k) < seen);
  keys.sort((a, b) => (month(a) < month(b) ? -1 : month(a) > month(b) ? 1 : field(a) - field(b)));
  const warnings: string[] = [];
  let more = 0;
  for (const key of keys) {
    const [b, n] = [before.get(key), now.get(key)];
    const what: string[] = [];
    if ((b?.credits ?? 0) !== (n?.credits ?? 0)) what.push(`credits ${centiToString(b?.credits ?? 0)} → ${centiToString(n?.credits ?? 0)}`);
    if ((b?.completions ?? 0) !== (n?.completions ?? 0)) what.push(`completions ${b?.completions ?? 0} → ${n?.completions ?? 0}`);
    if (what.length === 0) continue;
    if (warnings.length === PROBLEM_CAP) {
      more++;
      continue;
    }
    const where = place(at.path, at.lines?.get(key), at.sheet);
    warnings.push(`${where}: month ${month(key)}, field ${field(key)} changed since ${previousPath}: ${what.join(', ')}`);
  }
  if (more > 0) warnings.push(`${at.path}: and ${more} more changed months in this file`);
  return warnings;
}
