import type { DashboardData } from '../lib/pipeline.ts';
import raw from '@generated/dashboard.json';

/** The precomputed data of this build (written by `npm run data`). */
export const data = raw as unknown as DashboardData;
