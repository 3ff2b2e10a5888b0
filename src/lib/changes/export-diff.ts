import { ascending } from 'd3-array';
import type { Centi } from '../credits.ts';
import { monthOf } from '../dates.ts';

/** What a comparison needs of an export: row k is completion `ids[k]` with `credits[k]` on `days[k]`. */
export interface ExportRows {
  ids: readonly string[];
  credits: readonly Centi[];
  /** ISO dates. */
  days: readonly string[];
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

/** What a partner's new export changes against its previous one. */
export interface ExportDiff {
  /**
   * `completions`: matched completion by completion_id. `months`: either export is monthly
   * totals, which name no completion, so only each month's totals are compared (added, withdrawn
   * and corrected are then zero: not known).
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
   * Each month a change falls in, in order: a correction that moves a date takes its old credits
   * from the old month and adds its new credits to the new one, so it touches both.
   */
  months: MonthChange[];
}

/**
 * Returns what `next` changes against `previous` (null: the partner's first export, so everything
 * in it is added). Exports are full, not deltas: a completion missing from `next` is withdrawn.
 */
export function diffExports(previous: ExportRows | null, next: ExportRows): ExportDiff {
  const added: Counted = { completions: 0, credits: 0 };
  const withdrawn: Counted = { completions: 0, credits: 0 };
  const corrected = { completions: 0, credits: 0, creditsChanged: 0, datesChanged: 0 };
  const months = new Map<string, MonthChange>();
  const touch = (day: string, credits: Centi) => {
    const month = monthOf(day);
    const m = months.get(month) ?? { month, completions: 0, credits: 0 };
    m.completions++;
    m.credits += credits;
    months.set(month, m);
  };

  const prev: ExportRows = previous ?? { ids: [], credits: [], days: [] };
  const before = new Map(prev.ids.map((id, j) => [id, j]));
  const kept = new Set<number>();
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
    kept.add(j);
    const creditsChanged = prev.credits[j] !== credits;
    const dateChanged = prev.days[j] !== day;
    if (!creditsChanged && !dateChanged) return;
    corrected.completions++;
    corrected.credits += credits - prev.credits[j];
    if (creditsChanged) corrected.creditsChanged++;
    if (dateChanged) corrected.datesChanged++;
    if (dateChanged) {
      touch(prev.days[j], -prev.credits[j]);
      touch(day, credits);
    } else touch(day, credits - prev.credits[j]);
  });
  prev.ids.forEach((_, j) => {
    if (kept.has(j)) return;
    withdrawn.completions++;
    withdrawn.credits -= prev.credits[j];
    touch(prev.days[j], -prev.credits[j]);
  });

  return {
    by: 'completions',
    added,
    withdrawn,
    corrected,
    net: added.credits + withdrawn.credits + corrected.credits,
    months: [...months.values()].sort((a, b) => ascending(a.month, b.month)),
  };
}

/** A day cell as a month-by-month comparison needs it. */
interface MonthCell {
  /** ISO date. */
  completedOn: string;
  credits: Centi;
  completions: number;
}

/**
 * Returns what `next` changes against `previous` (null: the partner's first export) month by
 * month, from their day cells: what a comparison can say where either export is monthly totals.
 * A month's `completions` is then the change in its count of completions (negative when fewer).
 */
export function diffMonths(previous: readonly MonthCell[] | null, next: readonly MonthCell[]): ExportDiff {
  const months = new Map<string, MonthChange>();
  const add = (cells: readonly MonthCell[], sign: 1 | -1) => {
    for (const c of cells) {
      const month = monthOf(c.completedOn);
      const m = months.get(month) ?? { month, completions: 0, credits: 0 };
      m.completions += sign * c.completions;
      m.credits += sign * c.credits;
      months.set(month, m);
    }
  };
  add(previous ?? [], -1);
  add(next, 1);
  const changed = [...months.values()].filter((m) => m.credits !== 0 || m.completions !== 0).sort((a, b) => ascending(a.month, b.month));
  const none = { completions: 0, credits: 0 };
  return {
    by: 'months',
    added: none,
    withdrawn: none,
    corrected: { ...none, creditsChanged: 0, datesChanged: 0 },
    net: changed.reduce((n, m) => n + m.credits, 0),
    months: changed,
  };
}

/** Returns true when the new export changes nothing at all. */
export function isUnchanged(d: ExportDiff): boolean {
  if (d.by === 'months') return d.months.length === 0;
  return d.added.completions === 0 && d.withdrawn.completions === 0 && d.corrected.completions === 0;
}
