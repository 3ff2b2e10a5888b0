import type { Aggregates } from './aggregate.ts';
import type { LoadedData } from './load-data.ts';
import type { Programme } from './programme.ts';

/** Everything the pages present, precomputed at build time; pages compute nothing themselves. */
export interface DashboardData {
  programme: Programme;
  aggregates: Aggregates;
  /** Fields added to summary.json beyond the aggregates (e.g. the projection). */
  summaryExtra: Record<string, unknown>;
}

/** Returns the page data for a loaded data folder. */
export function dashboardData(loaded: LoadedData): DashboardData {
  return { programme: loaded.programme, aggregates: loaded.aggregates, summaryExtra: {} };
}
