import { quote, type ProblemReason } from '../contract/problems.ts';
import { completionCredits, completionDay, fieldCodeList, fieldCodeOf } from '../contract/value-rules.ts';
import { isCreditsWithUnit, MAX_CREDITS_PER_COMPLETION, parseCredits } from '../contract/values.ts';
import { centiToString, type Centi } from '../credits.ts';
import { dayNumber } from '../dates.ts';

/** A completion's day: its ISO date and its offset in days from the programme start. */
export interface Day {
  iso: string;
  offset: number;
}

/** Returns true for a verdict that refuses a value. */
export const isRefusal = (v: unknown): v is ProblemReason => typeof v === 'object' && v !== null && 'key' in v;

/**
 * Judges a completion's date, field code and credits by the contract's rules (value-rules.ts),
 * each distinct text once: an export holds a few hundred dates, a dozen field codes and a few
 * credit values in any number of rows, so a row's values are looked up in a Map rather than read
 * again (parsing them was a third of the checker's own work on 100 000 rows, `node --cpu-prof`).
 * A verdict is the value, or why it is refused, for the reader to report at its line.
 */
export class CompletionValues {
  private readonly start: string;
  private readonly snapshot: string;
  private readonly startDay: number;
  private readonly codes: ReadonlySet<number>;
  private readonly fieldIndex: ReadonlyMap<number, number>;
  private readonly days = new Map<string, Day | ProblemReason>();
  private readonly fields = new Map<string, number | ProblemReason>();
  private readonly credits = new Map<string, Centi | ProblemReason>();

  /** `fieldCodes`: programme.json's, in its order (a field is known by its index there). */
  constructor(programmeStart: string, snapshotDate: string, fieldCodes: readonly number[]) {
    this.start = programmeStart;
    this.snapshot = snapshotDate;
    this.startDay = dayNumber(programmeStart);
    this.codes = new Set(fieldCodes);
    this.fieldIndex = new Map(fieldCodes.map((code, i) => [code, i]));
  }

  /** Returns the day of `completed_on` (YYYY-MM-DD or d.m.yyyy, from the programme start to the snapshot date), or why not. */
  day(text: string): Day | ProblemReason {
    let v = this.days.get(text);
    if (v === undefined) {
      const iso = completionDay(text);
      if (iso === null) v = { key: 'problem.notDate', params: { value: quote(text) } };
      else if (iso > this.snapshot) v = { key: 'problem.afterSnapshot', params: { day: iso, snapshot: this.snapshot } };
      else if (iso < this.start) v = { key: 'problem.beforeStart', params: { when: iso, start: this.start } };
      else v = { iso, offset: dayNumber(iso) - this.startDay };
      this.days.set(text, v);
    }
    return v;
  }

  /** Returns the index in programme.json of the field code `field_code` names, or why not. */
  field(text: string): number | ProblemReason {
    let v = this.fields.get(text);
    if (v === undefined) {
      const code = fieldCodeOf(text, this.codes);
      v = code === null ? { key: 'problem.notField', params: { value: quote(text), codes: fieldCodeList(this.codes) } } : this.fieldIndex.get(code)!;
      this.fields.set(text, v);
    }
    return v;
  }

  /** Returns a completion's credits in hundredths, or why not (too large, not over 0, not such a number). */
  credit(text: string): Centi | ProblemReason {
    let v = this.credits.get(text);
    if (v === undefined) {
      v = completionCredits(text) ?? creditRefusal(text);
      this.credits.set(text, v);
    }
    return v;
  }
}

/** Returns why credits that value-rules.ts refuses are refused. */
function creditRefusal(text: string): ProblemReason {
  const centi = parseCredits(text);
  const value = quote(text);
  if (centi !== null && centi > MAX_CREDITS_PER_COMPLETION) return { key: 'problem.tooLarge', params: { max: centiToString(MAX_CREDITS_PER_COMPLETION), value } };
  if (centi === 0 || /^-\d/.test(text) || /^0+([.,]0*)?$/.test(text)) return { key: 'problem.notPositive', params: { value } };
  return { key: isCreditsWithUnit(text) ? 'problem.creditsUnit' : 'problem.notNumber', params: { value } };
}
