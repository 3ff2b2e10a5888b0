// One partner's share of the page data, in the shape the programme's charts read (ChartData): its
// own months, running total and fields, so that its page, images and embeds are drawn by the same
// chart definitions and renderers as the programme's, through a filter rather than new charts.
import { sum } from 'd3-array';
import { centiToNumber } from '../credits.ts';
import { monthOf } from '../dates.ts';
import type { Partner } from '../contract/programme.ts';
import type { ChartData } from './chart-view.ts';
import type { DashboardData } from '../pipeline.ts';

/** The charts a partner's page shows (a breakdown by partner would have one bar). */
export const PARTNER_CHART_IDS = ['cumulative', 'monthly', 'fields'] as const;
export type PartnerChartId = (typeof PARTNER_CHART_IDS)[number];

const hundredths = (n: number) => Math.round(n * 100);

/**
 * Returns the day a partner's figures are known up to: its latest export, which may be older than
 * the programme's as-of date (which it is without one).
 */
export function partnerAsOf(a: Pick<DashboardData['aggregates'], 'partners' | 'asOf'>, id: string): string {
  return a.partners.find((p) => p.id === id)?.lastSnapshot ?? a.asOf;
}

/**
 * Returns the chart data of one partner: its monthly cells, its running total over the
 * programme's months up to its own data date (a partner behind has no figures yet for the months
 * after its latest export: drawn as 0 they read as a stop), its fields; the target only when programme.json gives the partner one
 * (`partners[].targetCredits`), reached in the month its running total first got there; no
 * projection (the programme's is made for the whole total).
 */
export function partnerChartData(d: Pick<DashboardData, 'programme' | 'aggregates'>, id: string): ChartData {
  const a = d.aggregates;
  const partner: Partner | undefined = d.programme.partners.find((p) => p.id === id);
  const own = a.partners.find((p) => p.id === id);
  const monthly = a.monthly.filter((c) => c.partner === id);
  // Sums in hundredths, as the programme's: 0.1 + 0.2 credits must print as 0.3.
  const byMonth = new Map<string, number>();
  for (const c of monthly) byMonth.set(c.month, (byMonth.get(c.month) ?? 0) + hundredths(c.credits));
  let running = 0;
  const known = monthOf(partnerAsOf(a, id));
  const cumulative = a.cumulative.filter((m) => m.month <= known).map((m) => {
    const c = byMonth.get(m.month) ?? 0;
    running += c;
    return { month: m.month, credits: centiToNumber(c), cumulativeCredits: centiToNumber(running) };
  });
  const target = partner?.targetCredits ?? null;
  const reachedMonth = target === null ? null : (cumulative.find((m) => m.cumulativeCredits >= target)?.month ?? null);
  const fields = d.programme.fields.map((f) => {
    const cells = monthly.filter((c) => c.fieldCode === f.code);
    // Learners by partner and field are not counted: null, as where they are not known.
    return { code: f.code, credits: centiToNumber(sum(cells, (c) => hundredths(c.credits))), completions: sum(cells, (c) => c.completions), learners: null };
  });
  return {
    programme: { partners: d.programme.partners, fields: d.programme.fields },
    aggregates: {
      asOf: partnerAsOf(a, id),
      targetCredits: target,
      totalCredits: own?.credits ?? 0,
      completions: own?.completions ?? 0,
      targetReachedOn: null,
      targetReachedMonth: reachedMonth,
      partners: own ? [own] : [],
      fields,
      cumulative,
      monthly,
    },
    projection: null,
    laterActual: [],
  };
}
