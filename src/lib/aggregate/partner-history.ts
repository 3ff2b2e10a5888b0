import { centiToNumber } from '../credits.ts';
import type { PartnerExport } from '../contract/partner-export.ts';

/** One export of one partner: its totals, and what it changed against the partner's previous one. */
export interface PartnerHistoryRow {
  date: string;
  credits: number;
  completions: number;
  /** Credits minus those of the partner's previous export (hundredths exact); null for its first. */
  creditChange: number | null;
  /** Completions added, withdrawn and corrected by id; null where not compared (first export, monthly totals). */
  added: number | null;
  withdrawn: number | null;
  corrected: number | null;
}

/** Returns each partner's exports in date order with their totals and corrections, by partner id. */
export function partnerHistory(exports: readonly Pick<PartnerExport, 'date' | 'partnerId' | 'credits' | 'count' | 'change'>[]): Record<string, PartnerHistoryRow[]> {
  const out: Record<string, PartnerHistoryRow[]> = {};
  const sorted = [...exports].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const previous = new Map<string, number>();
  for (const e of sorted) {
    const before = previous.get(e.partnerId);
    previous.set(e.partnerId, e.credits);
    (out[e.partnerId] ??= []).push({
      date: e.date,
      credits: centiToNumber(e.credits),
      completions: e.count,
      creditChange: before === undefined ? null : centiToNumber(e.credits - before),
      added: e.change?.added ?? null,
      withdrawn: e.change?.withdrawn ?? null,
      corrected: e.change?.corrected ?? null,
    });
  }
  return out;
}
