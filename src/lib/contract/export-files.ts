import { dayNumber, isIsoDate } from '../dates.ts';
import type { ProblemReason } from './problems.ts';

/** How an export is saved: CSV text, or an Excel workbook (its first sheet read as the CSV would be). */
export type ExportFormat = 'csv' | 'xlsx';

/** One partner export found in the snapshots folder. */
export interface ExportFile {
  date: string;
  partnerId: string;
  /** Path relative to the data folder, e.g. `snapshots/2023-12-31/hamk.csv`. */
  path: string;
  /** Path relative to `snapshots/`, as a data source names it: `2023-12-31/hamk.csv`. */
  rel: string;
  format: ExportFormat;
}

const EXTENSIONS: Record<string, ExportFormat> = { '.csv': 'csv', '.xlsx': 'xlsx' };

/** A file or folder that breaks the layout, and why in no language yet (the reader words it, as a row's). */
export interface LayoutProblem {
  path: string;
  reason: ProblemReason;
}

/**
 * Returns the partner exports named by `snapshots/<YYYY-MM-DD>/<partner-id>.csv` (or `.xlsx`)
 * paths, sorted by date then partner, and a problem for every folder or file that breaks that
 * layout. One partner with both a `.csv` and an `.xlsx` on one date is a problem: which of the
 * two is its export is for the partner to say, not for the build to guess. With `today` (the
 * reader's day), a folder dated more than a day after it is a problem too: a typo such as
 * 2042-03-31 for 2024-03-31 had published "Tilanne 31.3.2042" with every partner 6 665 days
 * behind. A day's grace, as the build's clock may be on UTC while the coordinator is in Finland.
 */
export function planExports(
  paths: readonly string[],
  partnerIds: ReadonlySet<string>,
  pathPrefix: string,
  today?: string,
): { files: ExportFile[]; problems: LayoutProblem[] } {
  const files: ExportFile[] = [];
  const problems: LayoutProblem[] = [];
  for (const rel of [...paths].sort()) {
    const shown = `${pathPrefix}${rel}`;
    const parts = rel.split('/');
    if (parts.length !== 2) {
      problems.push({ path: shown, reason: { key: 'problem.layoutDepth' } });
      continue;
    }
    const [date, file] = parts;
    if (!isIsoDate(date)) {
      problems.push({ path: shown, reason: { key: 'problem.folderNotDate', params: { name: JSON.stringify(date) } } });
      continue;
    }
    if (today !== undefined && dayNumber(date) > dayNumber(today) + 1) {
      problems.push({ path: shown, reason: { key: 'problem.folderFuture', params: { name: JSON.stringify(date), today } } });
      continue;
    }
    const dot = file.lastIndexOf('.');
    const format = dot > 0 ? EXTENSIONS[file.slice(dot).toLowerCase()] : undefined;
    if (format === undefined) {
      problems.push({ path: shown, reason: { key: 'problem.notExportFile' } });
      continue;
    }
    const partnerId = file.slice(0, dot);
    if (!partnerIds.has(partnerId)) {
      problems.push({ path: shown, reason: { key: 'problem.unknownPartner', params: { id: JSON.stringify(partnerId), ids: [...partnerIds].join(', ') } } });
      continue;
    }
    const twin = files.find((f) => f.date === date && f.partnerId === partnerId);
    if (twin) {
      problems.push({ path: shown, reason: { key: 'problem.twoFormats', params: { other: twin.path } } });
      continue;
    }
    files.push({ date, partnerId, path: shown, rel, format });
  }
  if (files.length === 0 && problems.length === 0) {
    problems.push({ path: `${pathPrefix}`, reason: { key: 'problem.noSnapshots' } });
  }
  return { files, problems };
}
