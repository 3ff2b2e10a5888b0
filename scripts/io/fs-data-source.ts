import { closeSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { DataSource } from '../../src/lib/ingest/read-exports.ts';
import { readXlsx } from '../../src/lib/ingest/xlsx/read-xlsx.ts';

/** Bytes read at a time from a snapshot file: large enough to be fast, small enough to never matter. */
export const CHUNK_BYTES = 1 << 16;

/**
 * Returns the bytes of a file in chunks, read one at a time into one reused buffer, so a file
 * of any size is never held whole. The file is closed when the reader stops, early or not.
 */
export function* fileChunks(path: string, size = CHUNK_BYTES): Generator<Uint8Array> {
  const fd = openSync(path, 'r');
  try {
    const buffer = new Uint8Array(size);
    for (;;) {
      const n = readSync(fd, buffer, 0, size, null);
      if (n === 0) return;
      yield buffer.subarray(0, n);
    }
  } finally {
    closeSync(fd);
  }
}

/** A file that looks like an export (a partner's CSV or workbook), wherever it lies. */
const EXPORT_FILE = /\.(csv|xlsx)$/i;

/** Returns a DataSource over a data folder on disk (`data/` unless DASHBOARD_DATA_DIR says otherwise). */
export function fsDataSource(dir: string): DataSource {
  // Paths inside the project are shown relative (as typed); others in full.
  const rel = relative(process.cwd(), dir);
  const label = `${rel.startsWith('..') ? dir : rel || '.'}/`.replace(/\\/g, '/');
  const snapshots = join(dir, 'snapshots');
  const list = (d: string): string[] =>
    readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? list(join(d, e.name)) : [join(d, e.name)]));
  return {
    label,
    readProgramme: () => readFileSync(join(dir, 'programme.json'), 'utf8'),
    // The one clock the build reads: it refuses a folder dated in the future, and is in no output.
    today: new Date().toISOString().slice(0, 10),
    listExports: () => {
      try {
        statSync(snapshots);
      } catch {
        return [];
      }
      return list(snapshots).map((f) => relative(snapshots, f).split(sep).join('/'));
    },
    listOutside: () =>
      list(dir)
        .filter((f) => !`${f}${sep}`.startsWith(`${snapshots}${sep}`) && EXPORT_FILE.test(f))
        .map((f) => relative(dir, f).split(sep).join('/')),
    readExport: (rel) => fileChunks(join(snapshots, rel)),
    // Read when the loader comes to it; a workbook is a coordinator's size (Excel stops at a
    // million rows), while data at national scale is CSV for DuckDB.
    readWorkbook: (rel) => readXlsx(readFileSync(join(snapshots, rel))),
  };
}

/** Returns the data folder the build reads. */
export function dataDir(): string {
  return process.env.DASHBOARD_DATA_DIR ?? 'data';
}
