import { planExports } from '../contract/export-files.ts';
import { isIsoDate } from '../dates.ts';
import type { ExportBytes } from '../ingest/decode.ts';
import type { DataSource } from '../ingest/read-exports.ts';

/** Where an export belongs: `snapshots/<date>/<partnerId>.csv`. */
export interface SnapshotSlot {
  partnerId: string;
  /** ISO date of the snapshot. */
  date: string;
}

/** Returns an export's path relative to `snapshots/`, as a DataSource names it: `2024-01-31/hamk.csv`. */
export function exportRel(place: SnapshotSlot): string {
  return `${place.date}/${place.partnerId}.csv`;
}

/**
 * Returns the place a path names by its last two parts (`…/2024-01-31/hamk.csv`), or null when
 * they are not a date folder and a `.csv` file. Whether the partner exists is the loader's check.
 */
export function placeFromPath(path: string): SnapshotSlot | null {
  const parts = path.split(/[\\/]/);
  const [date, file] = parts.slice(-2);
  if (parts.length < 2 || !isIsoDate(date) || !file.endsWith('.csv') || file.length === 4) return null;
  return { partnerId: file.slice(0, -4), date };
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
    previous: before.length > 0 ? exportRel(before[before.length - 1]) : null,
    next: after ? exportRel(after) : null,
  };
}

/**
 * Returns a DataSource that reads like `source` with more exports in place (`rel` → bytes), each
 * added or replacing the file at that place: the data as it would be once they are copied in.
 */
export function withExports(source: DataSource, extra: ReadonlyMap<string, () => ExportBytes>): DataSource {
  return {
    label: source.label,
    readProgramme: () => source.readProgramme(),
    listExports: () => [...new Set([...source.listExports(), ...extra.keys()])],
    readExport: (rel) => extra.get(rel)?.() ?? source.readExport(rel),
    ...(source.readWorkbook ? { readWorkbook: source.readWorkbook.bind(source) } : {}),
  };
}
