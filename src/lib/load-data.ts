import { aggregate, type Aggregates } from './aggregate.ts';
import { DataError, type Problem } from './problems.ts';
import { parseProgramme, type Programme } from './programme.ts';
import { resolveSnapshots, type PartnerExport, type Resolved } from './resolve-snapshots.ts';
import { planSnapshots } from './snapshot-plan.ts';
import { readSnapshotCsv } from './snapshot-csv.ts';

/** The only I/O the loader needs; scripts pass the file system, tests pass a map. */
export interface DataSource {
  /** Label used in messages for the data folder, e.g. `data/`. */
  label: string;
  readProgramme(): string;
  /** Paths under `snapshots/`, relative to it, e.g. `2023-12-31/hamk.csv`. */
  listSnapshots(): string[];
  /** Reads `snapshots/<rel>`. */
  readSnapshot(rel: string): string;
}

export interface LoadedData {
  programme: Programme;
  exports: PartnerExport[];
  resolved: Resolved;
  aggregates: Aggregates;
  warnings: string[];
}

/** Returns the programme, every export and the aggregates, or throws a DataError listing all problems. */
export function loadData(source: DataSource): LoadedData {
  const programmePath = `${source.label}programme.json`;
  let raw: unknown;
  try {
    raw = JSON.parse(source.readProgramme());
  } catch (e) {
    throw new DataError([{ path: programmePath, reason: `not valid JSON: ${(e as Error).message}` }]);
  }
  const programme = parseProgramme(raw, programmePath);
  const { files, problems } = planSnapshots(
    source.listSnapshots(),
    new Set(programme.partners.map((p) => p.id)),
    `${source.label}snapshots/`,
  );
  const fieldCodes = new Set(programme.fields.map((f) => f.code));
  const exports: PartnerExport[] = [];
  const all: Problem[] = [...problems];
  for (const f of files) {
    const read = readSnapshotCsv(source.readSnapshot(`${f.date}/${f.partnerId}.csv`), {
      path: f.path,
      partnerId: f.partnerId,
      snapshotDate: f.date,
      programmeStart: programme.period.start,
      fieldCodes,
    });
    all.push(...read.problems);
    exports.push({ date: f.date, partnerId: f.partnerId, completions: read.completions });
  }
  if (all.length > 0) throw new DataError(all);
  const resolved = resolveSnapshots(exports);
  return { programme, exports, resolved, aggregates: aggregate(programme, resolved), warnings: [] };
}
