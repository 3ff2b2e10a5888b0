import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { DataSource } from '../src/lib/load-data.ts';

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
    listSnapshots: () => {
      try {
        statSync(snapshots);
      } catch {
        return [];
      }
      return list(snapshots).map((f) => relative(snapshots, f).split(sep).join('/'));
    },
    readSnapshot: (rel) => readFileSync(join(snapshots, rel), 'utf8'),
  };
}

/** Returns the data folder the build reads. */
export function dataDir(): string {
  return process.env.DASHBOARD_DATA_DIR ?? 'data';
}
