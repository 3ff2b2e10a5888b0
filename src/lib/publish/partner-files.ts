// The partners' open data: partners.csv (each partner's figures and how current its data is) and,
// for each partner's own page, its rows of monthly.csv (partners/<id>.csv) in the same columns.
import type { Aggregates } from '../aggregate/aggregate.ts';
import type { Currency } from '../aggregate/partner-currency.ts';
import { toCsv } from './csv-write.ts';

export const PARTNERS_CSV = 'partners.csv';
const MONTHLY_COLUMNS = ['month', 'partner', 'field_code', 'credits', 'completions'];

/** Returns the site path of a partner's own rows, relative to the open data folder, e.g. `partners/hamk.csv`. */
export function partnerCsvFile(id: string): string {
  return `partners/${id}.csv`;
}

/** Returns partners.csv and every partner's own monthly rows (name → text). */
export function partnerFiles(a: Pick<Aggregates, 'partners' | 'monthly'>, currency: Currency): Record<string, string> {
  const byId = new Map(a.partners.map((p) => [p.id, p]));
  const files: Record<string, string> = {
    [PARTNERS_CSV]: toCsv(
      ['partner', 'credits', 'completions', 'last_snapshot', 'days_behind', 'first_month', 'last_month', 'exports', 'behind'],
      currency.partners,
      (c) => [c.id, byId.get(c.id)?.credits ?? 0, byId.get(c.id)?.completions ?? 0, c.lastSnapshot, c.daysBehind, c.firstMonth, c.lastMonth, c.exports, String(c.behind)],
    ),
  };
  for (const p of currency.partners) {
    const rows = a.monthly.filter((r) => r.partner === p.id);
    files[partnerCsvFile(p.id)] = toCsv(MONTHLY_COLUMNS, rows, (r) => [r.month, r.partner, r.fieldCode, r.credits, r.completions]);
  }
  return files;
}
