import { partnerCsvFile } from '../lib/publish/partner-files.ts';
import type { ChartId } from '../lib/view/chart-view.ts';
import { parseEmbedKey, type EmbedKey } from './routes.ts';

/**
 * The published CSV each embed's figures come from, for its "get the data" link: the monthly file
 * holds partner and field as columns, so the bar charts are sums of it; a partner's chart links
 * that partner's own rows of it (partners/<id>.csv), as its page does.
 */
const EMBED_DATA_FILE: Record<ChartId | 'card', string> = {
  cumulative: 'cumulative.csv',
  monthly: 'monthly.csv',
  partners: 'monthly.csv',
  fields: 'monthly.csv',
  card: 'cumulative.csv',
};

/** Returns the site path of the open-data file behind an embed, e.g. `/data/cumulative.csv`. */
export function embedDataPath(key: EmbedKey): string {
  const { partner, chart } = parseEmbedKey(key);
  return `/data/${partner === null ? EMBED_DATA_FILE[chart] : partnerCsvFile(partner)}`;
}
