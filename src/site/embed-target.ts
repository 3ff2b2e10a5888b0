// What an embed key shows: the headline card, a programme chart, or a partner's chart drawn from
// the partner's share of the data by the same chart views.
import type { ChartId } from '../lib/view/chart-view.ts';
import type { Lang, Partner } from '../lib/contract/programme.ts';
import { t } from '../lib/i18n/index.ts';
import { viewTitle } from '../lib/view/chart-texts.ts';
import { chartView, type ChartView } from '../lib/view/chart-view.ts';
import type { DashboardData } from '../lib/pipeline.ts';
import { partnerChartData } from '../lib/view/partner-data.ts';
import { parseEmbedKey, type EmbedKey } from './routes.ts';

export interface EmbedTarget {
  chart: ChartId;
  view: ChartView;
  /** The partner whose chart it is, or null for the programme's. */
  partner: Partner | null;
  /** What the embed is called: the chart's title, after the partner's short name for a partner's. */
  what: string;
}

/** Returns the chart an embed key shows, or null for the headline card. */
export function embedTarget(d: Pick<DashboardData, 'programme' | 'aggregates' | 'projection' | 'laterActual'>, lang: Lang, key: EmbedKey): EmbedTarget | null {
  const { partner: id, chart } = parseEmbedKey(key);
  if (chart === 'card') return null;
  const partner = id === null ? null : (d.programme.partners.find((p) => p.id === id) ?? null);
  if (id !== null && partner === null) throw new Error(`embed ${key}: no partner ${id} in programme.json`);
  const view = chartView(chart, partner ? partnerChartData(d, partner.id) : d, lang);
  const title = viewTitle(view);
  return { chart, view, partner, what: partner ? `${partner.shortName}: ${title}` : title };
}

/** Returns what an embed is called, the card included. */
export function embedName(d: Parameters<typeof embedTarget>[0], lang: Lang, key: EmbedKey): string {
  return embedTarget(d, lang, key)?.what ?? t(lang, 'embed.cardTitle');
}
