import { planExports, type ExportFormat } from '../contract/export-files.ts';
import { isIsoDate } from '../dates.ts';
import type { ExportBytes } from '../ingest/decode.ts';
import type { DataSource } from '../ingest/read-exports.ts';
import type { Workbook } from '../ingest/workbook.ts';

/** Where an export belongs: `snapshots/<date>/<partnerId>.csv` (or `.xlsx`). */
export interface SnapshotSlot {
  partnerId: string;
  /** ISO date of the snapshot. */
  date: string;
  /** How it is saved; CSV when absent. */
  format?: ExportFormat;
}

/** Returns an export's path relative to `snapshots/`, as a DataSource names it: `2024-01-31/hamk.csv`. */
export function exportRel(place: SnapshotSlot): string {
  return `${place.date}/${place.partnerId}.${place.format ?? 'csv'}`;
}

/**
 * Returns the place a path names by its last two parts (`…/2024-01-31/hamk.csv`), or null when
 * they are not a date folder and a `.csv` or `.xlsx` file. Whether the partner exists is the loader's check.
 */
export function placeFromPath(path: string): SnapshotSlot | null {
  const parts = path.split(/[\\/]/);
  const [date, file] = parts.slice(-2);
  // The extension in any case, as the loader reads it (Windows may save `HAMK.CSV`).
  const m = /^(.+)\.(csv|xlsx)$/i.exec(file ?? '');
  if (parts.length < 2 || !isIsoDate(date) || !m) return null;
  return m[2].toLowerCase() === 'xlsx' ? { partnerId: m[1], date, format: 'xlsx' } : { partnerId: m[1], date };
}

/**
 * Returns the same partner's export just before and just after a place among a data folder's
 * exports (as `listExports` names them), or null where there is none.
 */
export function neighbours(rels: readonly string[], place: SnapshotSlot): { previous: string | null; next: string | null } {
  const own = planExports(rels, new Set([place.partnerId]), '').files;
  const before = own.filter((f) => f.date < place.date);
  const after = own.find((f) => f.date > place.date);
  return {
    previous: before.length > 0 ? before[before.length - 1].rel : null,
    next: after ? after.rel : null,
  };
}

/** An export given on the command line: its bytes (or workbook) and the path the person typed. */
export interface GivenExport {
  bytes: () => ExportBytes;
  workbook?: Workbook;
  path: string;
}

/** Returns an export's place without its format: `2024-01-31/hamk` for `2024-01-31/hamk.xlsx`. */
export function placeOf(rel: string): string {
  return rel.replace(/\.(csv|xlsx)$/i, '');
}

/**
 * Returns a DataSource that reads like `source` with more exports in place (`rel` → the file),
 * each added or replacing the partner's export of that date, in either format (a workbook sent
 * in place of last round's CSV replaces it): the data as it would be once they are copied in.
 * Messages name each such file by the path the person gave.
 */
export function withExports(source: DataSource, extra: ReadonlyMap<string, GivenExport>): DataSource {
  const replaced = new Set([...extra.keys()].map(placeOf));
  return {
    label: source.label,
    readProgramme: () => source.readProgramme(),
    ...(source.today === undefined ? {} : { today: source.today }),
    listExports: () => [...new Set([...source.listExports().filter((rel) => extra.has(rel) || !replaced.has(placeOf(rel))), ...extra.keys()])],
    readExport: (rel) => extra.get(rel)?.bytes() ?? source.readExport(rel),
    readWorkbook: (rel) => extra.get(rel)?.workbook ?? source.readWorkbook?.(rel) ?? { sheets: [], unreadable: { why: 'noReader' } },
    pathOf: (rel) => extra.get(rel)?.path ?? source.pathOf?.(rel) ?? `${source.label}snapshots/${rel}`,
    // A file left in the data folder outside snapshots/ stops the build: validate says so too.
    ...(source.listOutside ? { listOutside: () => source.listOutside!() } : {}),
  };
}
