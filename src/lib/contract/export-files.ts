import { isIsoDate } from '../dates.ts';
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
 * two is its export is for the partner to say, not for the build to guess.
 */
export function planExports(
  paths: readonly string[],
  partnerIds: ReadonlySet<string>,
  pathPrefix: string,
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
    const dot = file.lastIndexOf('.');
    const format = dot > 0 ? EXTENSIONS[file.slice(dot)] : undefined;
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
