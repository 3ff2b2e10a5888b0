import { ascending } from 'd3-array';
import type { Centi } from '../credits.ts';
import { monthOf } from '../dates.ts';

/** What a comparison needs of an export of completions: row k is `ids[k]` with `credits[k]` on `days[k]`. */
export interface ExportRows {
  ids: readonly string[];
  credits: readonly Centi[];
  /** ISO dates. */
  days: readonly string[];
  /** The line (or sheet row) of each row, when the rows come from a file: a change then names it. */
  lines?: readonly number[];
}

/** Credits and completions on one day in one field, as every export is summed (see DayCell). */
interface MonthCell {
  /** ISO date. */
  completedOn: string;
  /** Absent where only months are compared (then every cell counts as one field, 0). */
  fieldCode?: number;
  credits: Centi;
  completions: number;
}

/** A number of completions and the credits they carry (hundredths; negative when taken away). */
export interface Counted {
  completions: number;
  credits: Centi;
}

/** One month whose credits the new export changes. */
interface MonthChange extends Counted {
  /** YYYY-MM. */
  month: string;
}

/** One month × field whose totals differ between the two exports. */
interface MonthFieldChange {
  /** YYYY-MM. */
  month: string;
  fieldCode: number;
  before: Counted;
  after: Counted;
}

/** One completion as an export gives it. */
interface CompletionAt {
  credits: Centi;
  /** ISO date. */
  day: string;
  /** Its line (or sheet row) in its file, where known. */
  line?: number;
}

/** A completion in both exports whose credits or date changed. */
interface Correction {
  id: string;
  before: CompletionAt;
  after: CompletionAt;
}

/** A completion of the previous export that the new one no longer has. */
interface Withdrawal extends CompletionAt {
  id: string;
}

/**
 * What a partner's new export changes against its previous one: the one comparison of two
 * exports, from which the build's warnings and counts, `npm run validate` and the checker page
 * all take what they say.
 */
export interface ExportDiff {
  /**
   * `completions`: matched completion by completion_id. `months`: either export is monthly
   * totals, which name no completion, so only each month × field's totals are compared (added,
   * withdrawn and corrected are then zero: not known).
   */
  by: 'completions' | 'months';
  /** Completions only in the new export. */
  added: Counted;
  /** Completions only in the previous export, with their credits negative. */
  withdrawn: Counted;
  /** Completions in both whose credits or date changed; `credits` is the net change. */
  corrected: Counted & { creditsChanged: number; datesChanged: number };
  /** The net change of the partner's credits. */
  net: Centi;
  /**
   * Each month a change falls in, in order. By completions a month counts the completions it
   * touches (a correction that moves a date touches its old and its new month); by months, the
   * change in its count of completions (negative when fewer).
   */
  months: MonthChange[];
  /** Every corrected completion, in the new export's row order (by completions only). */
  corrections: Correction[];
  /** Every withdrawn completion, in the previous export's row order (by completions only). */
  withdrawals: Withdrawal[];
  /** Every month × field whose totals changed, by month then field code (by months only). */
  fields: MonthFieldChange[];
}

/** Returns the key a month × field row is known by when two exports are compared. */
export const monthFieldKey = (month: string, fieldCode: number): string => `${month} ${fieldCode}`;

const none = (): Counted => ({ completions: 0, credits: 0 });
const at = (rows: ExportRows, k: number): CompletionAt =>
  rows.lines ? { credits: rows.credits[k], day: rows.days[k], line: rows.lines[k] } : { credits: rows.credits[k], day: rows.days[k] };

/**
 * Returns what `next` changes against `previous` completion by completion (null: the partner's
 * first export, so everything in it is added). Exports are full, not deltas: a completion missing
 * from `next` is withdrawn. Ids are unique within an export, so what is not matched is added
 * (only in `next`) or withdrawn (only in `previous`).
 */
export function compareCompletions(previous: ExportRows | null, next: ExportRows): ExportDiff {
  const added = none();
  const withdrawn = none();
  const corrected = { completions: 0, credits: 0, creditsChanged: 0, datesChanged: 0 };
  const corrections: Correction[] = [];
  const withdrawals: Withdrawal[] = [];
  const months = new Map<string, MonthChange>();
  const touch = (day: string, credits: Centi) => {
    const month = monthOf(day);
    const m = months.get(month) ?? { month, completions: 0, credits: 0 };
    m.completions++;
    m.credits += credits;
    months.set(month, m);
  };

  const prev: ExportRows = previous ?? { ids: [], credits: [], days: [] };
  // Made here, not while reading: only an export that is compared needs its ids looked up.
  const before = new Map(prev.ids.map((id, j) => [id, j]));
  const kept = new Uint8Array(prev.ids.length);
  next.ids.forEach((id, k) => {
    const credits = next.credits[k];
    const day = next.days[k];
    const j = before.get(id);
    if (j === undefined) {
      added.completions++;
      added.credits += credits;
      touch(day, credits);
      return;
    }
    kept[j] = 1;
    const creditsChanged = prev.credits[j] !== credits;
    const dateChanged = prev.days[j] !== day;
    if (!creditsChanged && !dateChanged) return;
    corrected.completions++;
    corrected.credits += credits - prev.credits[j];
    if (creditsChanged) corrected.creditsChanged++;
    if (dateChanged) corrected.datesChanged++;
    corrections.push({ id, before: at(prev, j), after: at(next, k) });
    if (dateChanged) {
      touch(prev.days[j], -prev.credits[j]);
      touch(day, credits);
    } else touch(day, credits - prev.credits[j]);
  });
  prev.ids.forEach((id, j) => {
    if (kept[j]) return;
    withdrawn.completions++;
    withdrawn.credits -= prev.credits[j];
    withdrawals.push({ id, ...at(prev, j) });
    touch(prev.days[j], -prev.credits[j]);
  });

  return {
    by: 'completions',
    added,
    withdrawn,
    corrected,
    net: added.credits + withdrawn.credits + corrected.credits,
    months: [...months.values()].sort((a, b) => ascending(a.month, b.month)),
    corrections,
    withdrawals,
    fields: [],
  };
}

/**
 * Returns what `next` changes against `previous` (null: the partner's first export) month × field
 * by month × field, from their day cells: what can be compared where either side is monthly
 * totals (an export, or the totals a dashboard publishes), which name no completion.
 */
export function compareMonths(previous: readonly MonthCell[] | null, next: readonly MonthCell[]): ExportDiff {
  const totals = new Map<string, MonthFieldChange>();
  const add = (cells: readonly MonthCell[], side: 'before' | 'after') => {
    for (const c of cells) {
      const month = monthOf(c.completedOn);
      const fieldCode = c.fieldCode ?? 0;
      const key = monthFieldKey(month, fieldCode);
      const t = totals.get(key) ?? { month, fieldCode, before: none(), after: none() };
      t[side].credits += c.credits;
      t[side].completions += c.completions;
      totals.set(key, t);
    }
  };
  add(previous ?? [], 'before');
  add(next, 'after');
  const fields = [...totals.values()]
    .filter((t) => t.before.credits !== t.after.credits || t.before.completions !== t.after.completions)
    .sort((a, b) => ascending(a.month, b.month) || a.fieldCode - b.fieldCode);
  const months = new Map<string, MonthChange>();
  for (const f of fields) {
    const m = months.get(f.month) ?? { month: f.month, completions: 0, credits: 0 };
    m.credits += f.after.credits - f.before.credits;
    m.completions += f.after.completions - f.before.completions;
    months.set(f.month, m);
  }
  // Changes between fields can cancel out within a month: such a month changes no total.
  const changed = [...months.values()].filter((m) => m.credits !== 0 || m.completions !== 0);
  return {
    by: 'months',
    added: none(),
    withdrawn: none(),
    corrected: { ...none(), creditsChanged: 0, datesChanged: 0 },
    net: changed.reduce((n, m) => n + m.credits, 0),
    months: changed,
    corrections: [],
    withdrawals: [],
    fields,
  };
}

/** Returns true when the new export changes nothing at all. */
export function isUnchanged(d: ExportDiff): boolean {
  if (d.by === 'months') return d.months.length === 0;
  return d.added.completions === 0 && d.withdrawn.completions === 0 && d.corrected.completions === 0;
}

/** What an export changed against the same partner's previous one, in completions (the build's counts). */
export function changeCounts(d: ExportDiff): { added: number; withdrawn: number; corrected: number } {
  return { added: d.added.completions, withdrawn: d.withdrawn.completions, corrected: d.corrected.completions };
}
