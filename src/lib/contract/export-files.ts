import { isIsoDate } from '../dates.ts';
import type { Problem } from './problems.ts';

/** One partner export found in the snapshots folder. */
export interface ExportFile {
  date: string;
  partnerId: string;
  /** Path relative to the data folder, e.g. `snapshots/2023-12-31/hamk.csv`. */
  path: string;
}

/**
 * Returns the partner exports named by `snapshots/<YYYY-MM-DD>/<partner-id>.csv` paths, sorted by
 * date then partner, and a problem for every folder or file that breaks that layout.
 */
export function planExports(
  paths: readonly string[],
  partnerIds: ReadonlySet<string>,
  pathPrefix: string,
): { files: ExportFile[]; problems: Problem[] } {
  const files: ExportFile[] = [];
  const problems: Problem[] = [];
  for (const rel of [...paths].sort()) {
    const shown = `${pathPrefix}${rel}`;
    const parts = rel.split('/');
    if (parts.length !== 2) {
      problems.push({ path: shown, reason: 'expected snapshots/<YYYY-MM-DD>/<partner-id>.csv' });
      continue;
    }
    const [date, file] = parts;
    if (!isIsoDate(date)) {
      problems.push({ path: shown, reason: `snapshot folder name ${JSON.stringify(date)} is not a date YYYY-MM-DD` });
      continue;
    }
    if (!file.endsWith('.csv')) {
      problems.push({ path: shown, reason: 'not a .csv file; snapshot folders hold only partner exports' });
      continue;
    }
    const partnerId = file.slice(0, -4);
    if (!partnerIds.has(partnerId)) {
      problems.push({ path: shown, reason: `partner ${JSON.stringify(partnerId)} is not listed in programme.json` });
      continue;
    }
    files.push({ date, partnerId, path: shown });
  }
  if (files.length === 0 && problems.length === 0) {
    problems.push({ path: `${pathPrefix}`, reason: 'no snapshots found: expected snapshots/<YYYY-MM-DD>/<partner-id>.csv' });
  }
  return { files, problems };
}
