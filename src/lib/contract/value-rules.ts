import type { Centi } from '../credits.ts';
import { parseDate } from '../dates.ts';
import { MAX_CREDITS_PER_COMPLETION, parseCredits, parseWholeNumber } from './values.ts';

/**
 * What a completion's values are, as every path reads them: the export readers (CSV and
 * workbook) and npm run aggregate. Each takes the text as the file holds it (surrounding
 * TRIMMED characters allowed) and returns null when the contract refuses it; the readers then
 * say why, and the aggregate counts the rows.
 */

/** Returns the ISO date of a completion's `completed_on` (YYYY-MM-DD or d.m.yyyy, a day that exists), or null. */
export const completionDay = (text: string): string | null => parseDate(text);

/** Returns the field code of `field_code` when programme.json lists it (`codes`), or null. */
export function fieldCodeOf(text: string, codes: ReadonlySet<number>): number | null {
  const code = parseWholeNumber(text.trim());
  return codes.has(code) ? code : null;
}

/** Returns one completion's credits in hundredths (over 0, at most MAX_CREDITS_PER_COMPLETION), or null. */
export function completionCredits(text: string): Centi | null {
  const centi = parseCredits(text);
  return centi !== null && centi > 0 && centi <= MAX_CREDITS_PER_COMPLETION ? centi : null;
}
